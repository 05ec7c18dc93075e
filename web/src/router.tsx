import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect, stripSearchParams } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQuery } from './api/auth.ts';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { PageLoader } from './components/PageLoader.tsx';
import { ProblemAlert } from './components/ProblemAlert.tsx';
import { homeFor } from './features/layout/nav-items.ts';
import { PRACTICE_SORTS } from './features/practices/practice-sorts.ts';
import type { PracticesSearch } from './features/practices/practices.api.ts';
import { AFFILIATIONS } from './features/schedule/affiliations.ts';
import { validateRosterSearch } from './features/roster/roster-search.ts';
import { ROLES, type UsersSearch } from './features/users/users.api.ts';
import { optionalString, positiveInt, sortDir } from './search.ts';

// Every page is its own chunk, loaded when its route is entered (lazyRouteComponent): a phone opening a
// diploma's /verify/… link downloads that page and the shell, not the whole app. A page module whose
// other exports the routes need (search validators) stays in the entry.
interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

// Pages for people who are not signed in.
const publicRoute = createRoute({ getParentRoute: () => rootRoute, id: 'public', component: lazyRouteComponent(() => import('./features/layout/PublicLayout.tsx'), 'PublicLayout') });

const signInRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({ redirect: safeRedirect(search.redirect) }),
  // Already signed in (e.g. a bookmarked sign-in page): go straight on.
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery).catch(() => null);
    if (!me) return;
    if (search.redirect) throw redirect({ href: search.redirect });
    throw redirect({ to: homeFor(me.roles) });
  },
  component: lazyRouteComponent(() => import('./features/auth/SignInPage.tsx'), 'SignInPage'),
});

const acceptInvitationRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/accept-invitation',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: optionalString(search.token) }),
  component: lazyRouteComponent(() => import('./features/auth/AcceptInvitationPage.tsx'), 'AcceptInvitationPage'),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: optionalString(search.token) }),
  component: lazyRouteComponent(() => import('./features/auth/ResetPasswordPage.tsx'), 'ResetPasswordPage'),
});

// Everything else needs a session; without one, go to sign-in and come back afterwards.
const signedInOnly = {
  beforeLoad: async ({ context, location }: { context: RouterContext; location: { href: string } }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { me };
  },
  pendingComponent: PageLoader,
  errorComponent: ({ error }: { error: unknown }) => <ProblemAlert error={error} />,
};

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  ...signedInOnly,
  component: lazyRouteComponent(() => import('./features/layout/AppLayout.tsx'), 'AppLayout'),
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: homeFor(context.me.roles) });
  },
});

const settingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings', component: lazyRouteComponent(() => import('./features/settings/SettingsPage.tsx'), 'SettingsPage') });
const myDataRoute = createRoute({ getParentRoute: () => appRoute, path: '/my-data', component: lazyRouteComponent(() => import('./features/privacy/MyDataPage.tsx'), 'MyDataPage') });
const myRegionsRoute = createRoute({ getParentRoute: () => appRoute, path: '/my-regions', component: lazyRouteComponent(() => import('./features/coordinator/MyRegionsPage.tsx'), 'MyRegionsPage') });

const programmesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programmes',
  validateSearch: (search: Record<string, unknown>): { q?: string; page?: number } => ({ q: optionalString(search.q), page: positiveInt(search.page, 1) }),
  search: { middlewares: [stripSearchParams({ page: 1 })] },
  component: lazyRouteComponent(() => import('./features/programmes/ProgrammesPage.tsx'), 'ProgrammesPage'),
});
const programmeRoute = createRoute({ getParentRoute: () => appRoute, path: '/programmes/$programmeId', component: lazyRouteComponent(() => import('./features/programmes/ProgrammePage.tsx'), 'ProgrammePage') });
const streamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/streams/$streamId',
  validateSearch: validateRosterSearch,
  search: { middlewares: [stripSearchParams({ page: 1 })] },
  component: lazyRouteComponent(() => import('./features/programmes/StreamPage.tsx'), 'StreamPage'),
});
const importRoute = createRoute({ getParentRoute: () => appRoute, path: '/streams/$streamId/import', component: lazyRouteComponent(() => import('./features/imports/ImportPage.tsx'), 'ImportPage') });
const importPickerRoute = createRoute({ getParentRoute: () => appRoute, path: '/import', component: lazyRouteComponent(() => import('./features/imports/ImportStreamPickerPage.tsx'), 'ImportStreamPickerPage') });
const applicationsImportRoute = createRoute({ getParentRoute: () => appRoute, path: '/import/campaigns/$campaignId', component: lazyRouteComponent(() => import('./features/imports/ApplicationsImportPage.tsx'), 'ApplicationsImportPage') });
const organisationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/organisations', component: lazyRouteComponent(() => import('./features/programmes/OrganisationsPage.tsx'), 'OrganisationsPage') });
const personRoute = createRoute({ getParentRoute: () => appRoute, path: '/people/$personId', component: lazyRouteComponent(() => import('./features/people/PersonPage.tsx'), 'PersonPage') });
const municipalitiesImportRoute = createRoute({ getParentRoute: () => appRoute, path: '/municipalities/import', component: lazyRouteComponent(() => import('./features/imports/MunicipalitiesImportPage.tsx'), 'MunicipalitiesImportPage') });

const USER_SORTS = ['email', 'displayName', 'createdAt'] as const;
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  validateSearch: (search: Record<string, unknown>): UsersSearch => ({
    q: optionalString(search.q),
    role: ROLES.find((r) => r === search.role),
    sort: USER_SORTS.find((s) => s === search.sort),
    order: sortDir(search.order),
    page: positiveInt(search.page, 1),
  }),
  search: { middlewares: [stripSearchParams({ page: 1 })] },
  component: lazyRouteComponent(() => import('./features/users/UsersPage.tsx'), 'UsersPage'),
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  validateSearch: (search: Record<string, unknown>): { action?: string; actor?: string; from?: string; to?: string; page?: number } => ({
    action: optionalString(search.action),
    actor: optionalString(search.actor),
    from: optionalString(search.from, 10),
    to: optionalString(search.to, 10),
    page: positiveInt(search.page, 1),
  }),
  search: { middlewares: [stripSearchParams({ page: 1 })] },
  component: lazyRouteComponent(() => import('./features/audit/AuditPage.tsx'), 'AuditPage'),
});
const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/outbox',
  validateSearch: (search: Record<string, unknown>): { q?: string; kind?: string; page?: number } => ({ q: optionalString(search.q), kind: optionalString(search.kind, 50), page: positiveInt(search.page, 1) }),
  search: { middlewares: [stripSearchParams({ page: 1 })] },
  component: lazyRouteComponent(() => import('./features/outbox/OutboxPage.tsx'), 'OutboxPage'),
});
const outboxMessageRoute = createRoute({ getParentRoute: () => appRoute, path: '/outbox/$messageId', component: lazyRouteComponent(() => import('./features/outbox/OutboxMessagePage.tsx'), 'OutboxMessagePage') });

// Schedule and attendance (issue 4).
const myTimetableRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/timetable', component: lazyRouteComponent(() => import('./features/schedule/MyTimetablePage.tsx'), 'MyTimetablePage') });
const moduleRoute = createRoute({ getParentRoute: () => appRoute, path: '/modules/$moduleId', component: lazyRouteComponent(() => import('./features/schedule/ModulePage.tsx'), 'ModulePage') });
const hostViewRoute = createRoute({ getParentRoute: () => appRoute, path: '/modules/$moduleId/host', component: lazyRouteComponent(() => import('./features/schedule/HostViewPage.tsx'), 'HostViewPage') });
const speakersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programmes/$programmeId/speakers',
  validateSearch: (search: Record<string, unknown>): { affiliation?: (typeof AFFILIATIONS)[number] } => ({ affiliation: AFFILIATIONS.find((k) => k === search.affiliation) }),
  component: lazyRouteComponent(() => import('./features/schedule/SpeakersPage.tsx'), 'SpeakersPage'),
});
const speakerRoute = createRoute({ getParentRoute: () => appRoute, path: '/speakers/$speakerId', component: lazyRouteComponent(() => import('./features/schedule/SpeakerPage.tsx'), 'SpeakerPage') });
const checkInRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/check-in',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: optionalString(search.token) }),
  component: lazyRouteComponent(() => import('./features/attendance/CheckInPage.tsx'), 'CheckInPage'),
});
const rollCallRoute = createRoute({ getParentRoute: () => appRoute, path: '/sessions/$sessionId/roll-call', component: lazyRouteComponent(() => import('./features/attendance/RollCallPage.tsx'), 'RollCallPage') });

// Full-screen pages for a room's projector: signed in, but without the app's header and navbar.
const screenRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'screen',
  ...signedInOnly,
  component: lazyRouteComponent(() => import('./features/attendance/ScreenLayout.tsx'), 'ScreenLayout'),
});
const sessionQrRoute = createRoute({ getParentRoute: () => screenRoute, path: '/sessions/$sessionId/qr', component: lazyRouteComponent(() => import('./features/attendance/SessionQrPage.tsx'), 'SessionQrPage') });

// Admissions (issue 3): public campaign pages and the applicant's own pages in the public frame; staff pages in the app.
const applyListRoute = createRoute({ getParentRoute: () => publicRoute, path: '/apply', component: lazyRouteComponent(() => import('./features/admissions/PublicCampaignsPage.tsx'), 'PublicCampaignsPage') });
const applyConfirmRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/apply/confirm',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: optionalString(search.token) }),
  component: lazyRouteComponent(() => import('./features/admissions/ConfirmApplicationPage.tsx'), 'ConfirmApplicationPage'),
});
const applyCampaignRoute = createRoute({ getParentRoute: () => publicRoute, path: '/apply/$slug', component: lazyRouteComponent(() => import('./features/admissions/PublicCampaignPage.tsx'), 'PublicCampaignPage') });
const myApplicationsRoute = createRoute({ getParentRoute: () => publicRoute, path: '/my-applications', ...signedInOnly, component: lazyRouteComponent(() => import('./features/admissions/MyApplicationsPage.tsx'), 'MyApplicationsPage') });
const myApplicationRoute = createRoute({ getParentRoute: () => publicRoute, path: '/my-applications/$applicationId', ...signedInOnly, component: lazyRouteComponent(() => import('./features/admissions/MyApplicationPage.tsx'), 'MyApplicationPage') });
const myTestRoute = createRoute({ getParentRoute: () => publicRoute, path: '/my-applications/$applicationId/test', ...signedInOnly, component: lazyRouteComponent(() => import('./features/admissions/TakeTestPage.tsx'), 'TakeTestPage') });
const testSetupRoute = createRoute({ getParentRoute: () => appRoute, path: '/admissions/$campaignId/test', component: lazyRouteComponent(() => import('./features/admissions/TestSetupPage.tsx'), 'TestSetupPage') });
const admissionsRoute = createRoute({ getParentRoute: () => appRoute, path: '/admissions', component: lazyRouteComponent(() => import('./features/admissions/CampaignsPage.tsx'), 'CampaignsPage') });
const campaignRoute = createRoute({ getParentRoute: () => appRoute, path: '/admissions/$campaignId', component: lazyRouteComponent(() => import('./features/admissions/CampaignPage.tsx'), 'CampaignPage') });
const rankingRoute = createRoute({ getParentRoute: () => appRoute, path: '/admissions/$campaignId/ranking', component: lazyRouteComponent(() => import('./features/admissions/RankingPage.tsx'), 'RankingPage') });
const nominationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/admissions/$campaignId/nominations', component: lazyRouteComponent(() => import('./features/admissions/NominationsPage.tsx'), 'NominationsPage') });
const expertStageRoute = createRoute({ getParentRoute: () => appRoute, path: '/admissions/$campaignId/experts', component: lazyRouteComponent(() => import('./features/admissions/ExpertStagePage.tsx'), 'ExpertStagePage') });
const reviewsRoute = createRoute({ getParentRoute: () => appRoute, path: '/reviews', component: lazyRouteComponent(() => import('./features/admissions/ReviewsPage.tsx'), 'ReviewsPage') });
const reviewRoute = createRoute({ getParentRoute: () => appRoute, path: '/reviews/$reviewId', component: lazyRouteComponent(() => import('./features/admissions/ReviewPage.tsx'), 'ReviewPage') });
const interviewsRoute = createRoute({ getParentRoute: () => appRoute, path: '/admissions/$campaignId/interviews', component: lazyRouteComponent(() => import('./features/admissions/InterviewsPage.tsx'), 'InterviewsPage') });
const myInterviewsRoute = createRoute({ getParentRoute: () => appRoute, path: '/interviews', component: lazyRouteComponent(() => import('./features/admissions/MyInterviewsPage.tsx'), 'MyInterviewsPage') });
const funnelRoute = createRoute({ getParentRoute: () => appRoute, path: '/admissions/$campaignId/funnel', component: lazyRouteComponent(() => import('./features/admissions/FunnelPage.tsx'), 'FunnelPage') });
const applicationFileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admissions/$campaignId/applications/$applicationId',
  component: lazyRouteComponent(() => import('./features/admissions/ApplicationPage.tsx'), 'ApplicationPage'),
});

// Assignments, grading and completion (issue 5).
const myAssignmentsRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/assignments', component: lazyRouteComponent(() => import('./features/assignments/MyAssignmentsPage.tsx'), 'MyAssignmentsPage') });
const myAssignmentRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/assignments/$assignmentId', component: lazyRouteComponent(() => import('./features/assignments/MyAssignmentPage.tsx'), 'MyAssignmentPage') });
const myProgressRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/progress', component: lazyRouteComponent(() => import('./features/completion/MyProgressPage.tsx'), 'MyProgressPage') });
// Diplomas (issue 7): public verification needs no sign-in; the holder's page does.
const verifyRoute = createRoute({ getParentRoute: () => publicRoute, path: '/verify/$id', component: lazyRouteComponent(() => import('./features/diplomas/VerifyPage.tsx'), 'VerifyPage') });
const verifyUploadRoute = createRoute({ getParentRoute: () => publicRoute, path: '/verify', component: lazyRouteComponent(() => import('./features/diplomas/VerifyUploadPage.tsx'), 'VerifyUploadPage') });
const myDiplomasRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/diplomas', component: lazyRouteComponent(() => import('./features/diplomas/MyDiplomasPage.tsx'), 'MyDiplomasPage') });
const gradingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/grading',
  validateSearch: (search: Record<string, unknown>): { status?: 'graded' | 'all' } => ({ status: search.status === 'graded' || search.status === 'all' ? search.status : undefined }),
  component: lazyRouteComponent(() => import('./features/assignments/GradingQueuePage.tsx'), 'GradingQueuePage'),
});
const gradeSubmissionRoute = createRoute({ getParentRoute: () => appRoute, path: '/grading/$submissionId', component: lazyRouteComponent(() => import('./features/assignments/GradeSubmissionPage.tsx'), 'GradeSubmissionPage') });

// Practice transfer (issue 6): the library, practice pages, my adoption plans, flows and staff curation.
const practicesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/practices',
  validateSearch: (search: Record<string, unknown>): PracticesSearch => ({
    q: optionalString(search.q),
    areas: optionalString(search.areas, 400),
    region: optionalString(search.region, 10),
    district: optionalString(search.district, 10),
    moduleId: optionalString(search.moduleId, 36),
    status: search.status === 'proposed' || search.status === 'rejected' ? search.status : undefined,
    sort: PRACTICE_SORTS.find((s) => s === search.sort),
    page: positiveInt(search.page, 1),
  }),
  search: { middlewares: [stripSearchParams({ page: 1 })] },
  component: lazyRouteComponent(() => import('./features/practices/PracticesPage.tsx'), 'PracticesPage'),
});
const practiceFlowsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/practices/flows',
  validateSearch: (search: Record<string, unknown>): { programmeId?: string } => ({ programmeId: optionalString(search.programmeId, 36) }),
  component: lazyRouteComponent(() => import('./features/practices/FlowsPage.tsx'), 'FlowsPage'),
});
const practiceCurationRoute = createRoute({ getParentRoute: () => appRoute, path: '/practices/curation', component: lazyRouteComponent(() => import('./features/practices/CurationPage.tsx'), 'CurationPage') });
const practiceRoute = createRoute({ getParentRoute: () => appRoute, path: '/practices/$practiceId', component: lazyRouteComponent(() => import('./features/practices/PracticePage.tsx'), 'PracticePage') });
const myAdoptionsRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/adoptions', component: lazyRouteComponent(() => import('./features/practices/MyAdoptionsPage.tsx'), 'MyAdoptionsPage') });
const adoptionPlanRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/adoptions/$planId', component: lazyRouteComponent(() => import('./features/practices/AdoptionPlanPage.tsx'), 'AdoptionPlanPage') });

// Teams, improvements and final projects (issue 5).
const teamRoute = createRoute({ getParentRoute: () => appRoute, path: '/teams/$teamId', component: lazyRouteComponent(() => import('./features/teams/TeamPage.tsx'), 'TeamPage') });
const myTeamRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/team', component: lazyRouteComponent(() => import('./features/teams/MyTeamPage.tsx'), 'MyTeamPage') });
const projectRoute = createRoute({ getParentRoute: () => appRoute, path: '/projects/$projectId', component: lazyRouteComponent(() => import('./features/projects/ProjectPage.tsx'), 'ProjectPage') });
const myProjectRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/project', component: lazyRouteComponent(() => import('./features/projects/MyProjectPage.tsx'), 'MyProjectPage') });

/** Only same-site paths may be redirect targets, so a crafted link cannot send users elsewhere. */
function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

const routeTree = rootRoute.addChildren([
  publicRoute.addChildren([signInRoute, acceptInvitationRoute, resetPasswordRoute, applyListRoute, applyConfirmRoute, applyCampaignRoute, myApplicationsRoute, myApplicationRoute, myTestRoute, verifyRoute, verifyUploadRoute]),
  appRoute.addChildren([
    indexRoute,
    settingsRoute,
    myDataRoute,
    myRegionsRoute,
    programmesRoute,
    programmeRoute,
    streamRoute,
    importRoute,
    importPickerRoute,
    applicationsImportRoute,
    organisationsRoute,
    personRoute,
    municipalitiesImportRoute,
    usersRoute,
    auditRoute,
    outboxRoute,
    outboxMessageRoute,
    myTimetableRoute,
    moduleRoute,
    hostViewRoute,
    speakersRoute,
    speakerRoute,
    checkInRoute,
    rollCallRoute,
    admissionsRoute,
    campaignRoute,
    rankingRoute,
    nominationsRoute,
    expertStageRoute,
    reviewsRoute,
    reviewRoute,
    interviewsRoute,
    myInterviewsRoute,
    funnelRoute,
    applicationFileRoute,
    testSetupRoute,
    practicesRoute,
    practiceFlowsRoute,
    practiceCurationRoute,
    practiceRoute,
    myAdoptionsRoute,
    adoptionPlanRoute,
    myAssignmentsRoute,
    myAssignmentRoute,
    myProgressRoute,
    myDiplomasRoute,
    gradingRoute,
    gradeSubmissionRoute,
    teamRoute,
    myTeamRoute,
    projectRoute,
    myProjectRoute,
  ]),
  screenRoute.addChildren([sessionQrRoute]),
]);

/** The app's router; the query client rides in the context so route guards can read the session. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
    // Pages are lazily loaded chunks: while one loads, show a loader at once rather than leaving the
    // previous page (e.g. the sign-in form) on screen under the new address.
    defaultPendingMs: 0,
    defaultPendingMinMs: 0,
    defaultPendingComponent: PageLoader,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
