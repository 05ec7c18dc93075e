import type { StaffApplicationFile } from '@ms/contracts/admission-applications';
import type { AdmissionRubricCriterion } from '../../db/schema/index.ts';
import { fullNameOf, type DocumentRow } from './applications.present.ts';
import type { createStaffApplicationRepo } from './staff-application.repo.ts';
import type { ApplicationFileView } from './staff-application.policy.ts';

type Repo = ReturnType<typeof createStaffApplicationRepo>;
type NonNull<T> = Exclude<T, null>;

/** The parts of one application file, as the repo returns them. */
export interface ApplicationFileParts {
  row: NonNull<Awaited<ReturnType<Repo['findApplication']>>>;
  attempt: Awaited<ReturnType<Repo['findAttempt']>>;
  rubric: AdmissionRubricCriterion[];
  reviews: Awaited<ReturnType<Repo['listReviews']>>;
  interview: Awaited<ReturnType<Repo['findInterview']>>;
  interviewScores: Awaited<ReturnType<Repo['listInterviewScores']>>;
  documents: DocumentRow[];
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** Configurable answers as text, by key (jsonb keeps no order): scalars as they are, anything else as JSON. */
function customAnswers(answers: Record<string, unknown>): Array<{ key: string; value: string }> {
  return Object.entries(answers)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => ({ key, value: typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value) }));
}

/** Builds the response field by field (the contract is the allow-list; no row leaves as it is). */
export function toApplicationFile(parts: ApplicationFileParts, view: ApplicationFileView): StaffApplicationFile {
  const { row, attempt, interview } = parts;
  const a = row.application;
  const p = row.person;
  const canSeeAssessors = view === 'staff';
  const named = (name: string) => (canSeeAssessors ? name : null);
  return {
    id: a.id,
    campaignId: a.campaignId,
    campaignTitleRu: row.campaignTitleRu,
    campaignTitleEn: row.campaignTitleEn,
    status: a.status as StaffApplicationFile['status'],
    submittedAt: iso(a.submittedAt),
    updatedAt: a.updatedAt.toISOString(),
    canSeeAssessors,
    applicant: {
      fullName: fullNameOf(p),
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      birthDate: a.birthDate ?? p.birthDate,
      email: p.email,
      phone: p.phone,
      regionCode: a.regionCode,
      regionNameRu: row.regionNameRu,
      regionNameEn: row.regionNameEn,
      municipalityId: a.municipalityId,
      municipalityName: row.municipalityName,
      position: a.position ?? p.position,
    },
    answers: {
      education: a.education as StaffApplicationFile['answers']['education'],
      managementYears: a.managementYears,
      serviceKind: a.serviceKind as StaffApplicationFile['answers']['serviceKind'],
      serviceYears: a.serviceYears,
      motivation: a.motivation,
      custom: customAnswers(a.answers),
    },
    eligibility: { isEligible: a.isEligible, reasons: a.eligibilityReasons },
    nomination: a.nominatedAt ? { nominatedAt: a.nominatedAt.toISOString(), nominatedByName: row.nominatedByName, comment: a.nominationComment } : null,
    test: {
      score: a.testScore,
      attempt: attempt && { startedAt: attempt.startedAt.toISOString(), deadlineAt: attempt.deadlineAt.toISOString(), finishedAt: iso(attempt.finishedAt), score: attempt.score, answered: attempt.answered },
    },
    expert: {
      score: a.expertScore,
      rubric: parts.rubric,
      reviews: parts.reviews.map(({ review: r, expertName }) => ({
        round: r.round,
        expertName: named(expertName),
        dueAt: r.dueAt.toISOString(),
        submittedAt: iso(r.submittedAt),
        points: r.points,
        total: r.total,
        comment: r.comment,
      })),
    },
    interview: {
      score: a.interviewScore,
      slot: interview && {
        startsAt: interview.slot.startsAt.toISOString(),
        durationMinutes: interview.slot.durationMinutes,
        place: interview.slot.place,
        onlineUrl: interview.slot.onlineUrl,
        panel: canSeeAssessors ? interview.panel : [],
        panelSize: interview.panel.length,
      },
      scores: parts.interviewScores.map(({ score: s, expertName }) => ({ expertName: named(expertName), score: s.score, comment: s.comment, scoredAt: s.scoredAt.toISOString() })),
    },
    ranking: { compositeScore: a.compositeScore, rankPosition: a.rankPosition, decision: a.decision, decisionReason: a.decisionReason, decidedAt: iso(a.decidedAt), notifiedAt: iso(a.notifiedAt) },
    documents: parts.documents.map((d) => ({
      id: d.id,
      kind: d.kind as StaffApplicationFile['documents'][number]['kind'],
      fileName: d.fileName,
      mediaType: d.mediaType,
      sizeBytes: d.sizeBytes,
      createdAt: d.createdAt.toISOString(),
    })),
  };
}
