import { and, asc, count, eq, sql } from 'drizzle-orm';
import { admissionApplications, admissionCampaigns, admissionTestAnswers, admissionTestAttempts, admissionTestQuestions } from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';

/** The online test: questions, attempts and answers. */
export function createTestRepo(db: Executor) {
  return {
    listQuestions(campaignId: string) {
      return db.select().from(admissionTestQuestions).where(eq(admissionTestQuestions.campaignId, campaignId)).orderBy(asc(admissionTestQuestions.position));
    },

    async countAttempts(campaignId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(admissionTestAttempts)
        .innerJoin(admissionApplications, eq(admissionApplications.id, admissionTestAttempts.applicationId))
        .where(eq(admissionApplications.campaignId, campaignId));
      return row?.n ?? 0;
    },

    async replaceQuestions(campaignId: string, questions: Array<Omit<typeof admissionTestQuestions.$inferInsert, 'campaignId'>>) {
      await db.delete(admissionTestQuestions).where(eq(admissionTestQuestions.campaignId, campaignId));
      if (questions.length > 0) await db.insert(admissionTestQuestions).values(questions.map((q) => ({ ...q, campaignId })));
    },

    async setWindow(campaignId: string, values: { testOpensAt: Date; testClosesAt: Date; testDurationMinutes: number; updatedAt: Date }) {
      await db.update(admissionCampaigns).set(values).where(eq(admissionCampaigns.id, campaignId));
    },

    async findAttempt(applicationId: string, options: { isLocking?: boolean } = {}) {
      const query = db.select().from(admissionTestAttempts).where(eq(admissionTestAttempts.applicationId, applicationId));
      const [row] = options.isLocking ? await query.for('update') : await query;
      return row ?? null;
    },

    /** Starts the attempt unless one exists (a second start returns the first: the deadline never moves). */
    async insertAttempt(values: typeof admissionTestAttempts.$inferInsert) {
      await db.insert(admissionTestAttempts).values(values).onConflictDoNothing({ target: admissionTestAttempts.applicationId });
    },

    listAnswers(attemptId: string) {
      return db.select().from(admissionTestAnswers).where(eq(admissionTestAnswers.attemptId, attemptId));
    },

    async saveAnswer(values: typeof admissionTestAnswers.$inferInsert) {
      await db
        .insert(admissionTestAnswers)
        .values(values)
        .onConflictDoUpdate({ target: [admissionTestAnswers.attemptId, admissionTestAnswers.questionId], set: { answer: values.answer, answeredAt: values.answeredAt } });
    },

    /**
     * The hot path of 2,000 candidates answering at once: ownership, the open attempt, the deadline, the
     * question's place in the candidate's order and the answer's shape, checked and saved in one
     * statement. False when any check fails; the caller then finds out which, to say why.
     */
    async saveAnswerIfAllowed(values: { applicationId: string; owner: { userId: string | null; personId: string | null }; questionId: string; answer: unknown; now: Date }): Promise<boolean> {
      const answer = JSON.stringify(values.answer);
      const result = await db.execute(sql`
        insert into ${admissionTestAnswers} (attempt_id, question_id, answer, answered_at)
        select t.id, q.id, ${answer}::jsonb, ${values.now.toISOString()}
        from ${admissionTestAttempts} t
        join ${admissionApplications} a on a.id = t.application_id
        join ${admissionTestQuestions} q on q.id = ${values.questionId} and q.campaign_id = a.campaign_id
        where t.application_id = ${values.applicationId}
          and (a.user_id = ${values.owner.userId} or a.person_id = ${values.owner.personId})
          and t.finished_at is null and t.deadline_at > ${values.now.toISOString()} and t.question_order ? ${values.questionId}
          and case when q.kind = 'numeric' then jsonb_typeof(${answer}::jsonb) = 'number'
                   else jsonb_typeof(${answer}::jsonb) = 'array' and (q.kind = 'multiple' or jsonb_array_length(${answer}::jsonb) <= 1) end
        on conflict (attempt_id, question_id) do update set answer = excluded.answer, answered_at = excluded.answered_at`);
      return (result.rowCount ?? 0) === 1;
    },

    async finishAttempt(attemptId: string, applicationId: string, score: number, now: Date) {
      await db.update(admissionTestAttempts).set({ finishedAt: now, score }).where(and(eq(admissionTestAttempts.id, attemptId), sql`${admissionTestAttempts.finishedAt} is null`));
      await db.update(admissionApplications).set({ testScore: score, updatedAt: now }).where(eq(admissionApplications.id, applicationId));
    },
  
    /**
     * Scores, in one statement, every attempt of the campaign whose time is up and that nobody finished
     * (a lost connection at the end must not lose the score). Same rule and rounding as scoreTest:
     * choices compare as sets, numbers within the tolerance in double precision, Math.round as floor(x + 0.5).
     * No answer can change meanwhile: the server refuses answers after the deadline.
     */
    async scoreExpiredAttempts(campaignId: string, now: Date): Promise<number> {
      const result = await db.execute(sql`
        with due as (
          select t.id, t.application_id, t.question_order from ${admissionTestAttempts} t
          join ${admissionApplications} a on a.id = t.application_id
          where a.campaign_id = ${campaignId} and t.finished_at is null and t.deadline_at <= ${now.toISOString()}),
        per_question as (
          select d.id, d.application_id, q.points,
            case when ans.answer is null then false
                 when q.kind = 'numeric' then jsonb_typeof(ans.answer) = 'number'
                   and abs((ans.answer #>> '{}')::float8 - (q.correct ->> 'value')::float8) <= coalesce((q.correct ->> 'tolerance')::float8, 0)
                 -- Containment both ways is set equality for arrays of keys (order and repeats ignored).
                 else jsonb_typeof(ans.answer) = 'array' and ans.answer @> q.correct and q.correct @> ans.answer
            end as is_correct
          from due d
          join ${admissionTestQuestions} q on q.campaign_id = ${campaignId} and d.question_order ? q.id::text
          left join ${admissionTestAnswers} ans on ans.attempt_id = d.id and ans.question_id = q.id),
        scored as (
          select id, application_id,
            case when sum(points) = 0 then 0::float8
                 else floor(sum(points) filter (where is_correct)::float8 / sum(points)::float8 * 10000 + 0.5) / 100 end as score
          from per_question group by id, application_id),
        attempts as (
          update ${admissionTestAttempts} t set finished_at = ${now.toISOString()}, score = coalesce(s.score, 0)
          -- Re-checked on a row a candidate's own finish has just updated: that score stands.
          from scored s where t.id = s.id and t.finished_at is null returning t.application_id, t.score)
        update ${admissionApplications} a set test_score = attempts.score, updated_at = ${now.toISOString()}
        from attempts where a.id = attempts.application_id`);
      return result.rowCount ?? 0;
    },
  };
}
