import type { RouteCase } from './route-table.ts';

const STAFF = ['staff', 'admin'] as const;
const IN_PROGRAMME_A = ['participant', 'alumnus', 'expert', 'coordinator', 'staff', 'admin'] as const;

/** Practice transfer (issue 6): the library is read by every signed-in user; plans by their adopter and staff. */
export const PRACTICES_ROUTE_CASES: RouteCase[] = [
  { key: 'GET /api/practices', allowed: 'signed-in', build: async () => ({ url: '/api/practices?q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82' }) },
  { key: 'GET /api/practices/export', allowed: 'signed-in', build: async () => ({ url: '/api/practices/export' }) },
  { key: 'GET /api/practices/modules', allowed: 'signed-in', build: async () => ({ url: '/api/practices/modules' }) },
  { key: 'GET /api/practices/flows', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: `/api/practices/flows?programmeId=${fx.a.programme.id}` }) },
  { key: 'GET /api/practices/{id}', allowed: 'signed-in', build: async (fx) => ({ url: `/api/practices/${fx.practices.practice.id}` }) },
  { key: 'POST /api/practices', allowed: IN_PROGRAMME_A, build: async (fx) => ({ url: '/api/practices', body: { programmeId: fx.a.programme.id, title: 'Практика', originRegionCode: 'RU-SAM', areas: ['urban'] } }) },
  { key: 'PATCH /api/practices/{id}', allowed: STAFF, build: async (fx) => ({ url: `/api/practices/${fx.practices.practice.id}`, body: { summary: 'Кратко' } }) },
  { key: 'GET /api/practices/{id}/history', allowed: STAFF, build: async (fx) => ({ url: `/api/practices/${(await fx.practices.freshProposal()).id}/history` }) },
  { key: 'POST /api/practices/{id}/approve', allowed: STAFF, build: async (fx) => ({ url: `/api/practices/${(await fx.practices.freshProposal()).id}/approve`, body: {} }) },
  { key: 'POST /api/practices/{id}/reject', allowed: STAFF, build: async (fx) => ({ url: `/api/practices/${(await fx.practices.freshProposal()).id}/reject`, body: { note: 'Дубль' } }) },
  {
    key: 'POST /api/practices/{id}/merge',
    allowed: STAFF,
    build: async (fx) => ({ url: `/api/practices/${(await fx.practices.freshProposal()).id}/merge`, body: { intoId: fx.practices.practice.id } }),
  },
  { key: 'GET /api/practices/{id}/kpi-progress', allowed: 'signed-in', build: async (fx) => ({ url: `/api/practices/${fx.practices.practice.id}/kpi-progress` }) },
  { key: 'GET /api/me/adoption-plans', allowed: 'signed-in', build: async () => ({ url: '/api/me/adoption-plans' }) },
  // a plan needs a person enrolled in a programme: the participant's and the alumnus's accounts have one
  {
    key: 'POST /api/adoption-plans',
    allowed: ['participant', 'alumnus'],
    build: async (fx) => ({ url: '/api/adoption-plans', body: { practiceId: fx.practices.practice.id, municipalityId: fx.practices.municipality.id, ownerName: 'Отдел' } }),
  },
  { key: 'GET /api/adoption-plans/{id}', allowed: ['participant', ...STAFF], build: async (fx) => ({ url: `/api/adoption-plans/${fx.practices.plan.id}` }) },
  { key: 'PATCH /api/adoption-plans/{id}', allowed: ['participant'], build: async (fx) => ({ url: `/api/adoption-plans/${fx.practices.plan.id}`, body: { stage: 'pilot' } }) },
  {
    key: 'POST /api/adoption-plans/{id}/check-ins/{checkInId}',
    allowed: ['participant'],
    build: async (fx) => ({ url: `/api/adoption-plans/${fx.practices.plan.id}/check-ins/${fx.practices.checkIn.id}`, body: { stage: 'pilot', actuals: [{ kpiId: fx.practices.kpi.id, value: 150 }] } }),
  },
  { key: 'GET /api/adoption-check-ins/overdue', allowed: STAFF, build: async (fx) => ({ url: `/api/adoption-check-ins/overdue?programmeId=${fx.a.programme.id}` }) },
  { key: 'POST /api/adoption-check-ins/reminders', allowed: STAFF, build: async (fx) => ({ url: '/api/adoption-check-ins/reminders', body: { programmeId: fx.a.programme.id } }) },
];
