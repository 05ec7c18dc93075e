import type { StreamContext } from './diplomas.repo.ts';

/** A stream as the credential builder sees it (tests of credentials, signing and canonicalization). */
export const diplomaStream: StreamContext = {
  streamId: '7d1b0a8e-3c1f-4a51-9d1e-2f0c7b6a5e41',
  organisationId: '00000000-0000-4000-8000-000000000001',
  programmeId: '00000000-0000-4000-8000-000000000002',
  intakeId: '00000000-0000-4000-8000-000000000003',
  programmeSlug: 'mayors',
  programmeNameRu: 'Школа мэров',
  programmeNameEn: 'School of Mayors',
  programmeDescriptionRu: 'Программа развития глав муниципалитетов',
  organisationNameRu: 'ВШГУ РАНХиГС',
  organisationNameEn: 'RANEPA Graduate School of Public Administration',
  intakeNameRu: 'Набор 2024–2025',
  intakeNameEn: 'Intake 2024–2025',
  streamNumber: 3,
  streamNameRu: 'Поток 3',
  streamNameEn: 'Stream 3',
  startsOn: '2024-10-08',
  endsOn: '2025-06-05',
  thresholdPct: 80,
  totalHours: 144,
  topics: ['national_goals', 'strategic_planning'],
  ceremonyAt: new Date('2025-06-05T12:00:00Z'),
};
