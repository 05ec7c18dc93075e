import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect, stripSearchParams } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQuery } from './api/auth.ts';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { PageLoader } from './components/PageLoader.tsx';
import { ProblemAlert } from './components/ProblemAlert.tsx';
import { CampaignPage } from './features/admissions/CampaignPage.tsx';
import { CampaignsPage } from './features/admissions/CampaignsPage.tsx';
import { ConfirmApplicationPage } from './features/admissions/ConfirmApplicationPage.tsx';
import { MyApplicationPage } from './features/admissions/MyApplicationPage.tsx';
import { MyApplicationsPage } from './features/admissions/MyApplicationsPage.tsx';
import { NominationsPage } from './features/admissions/NominationsPage.tsx';
import { PublicCampaignPage } from './features/admissions/PublicCampaignPage.tsx';
import { PublicCampaignsPage } from './features/admissions/PublicCampaignsPage.tsx';
import { RankingPage } from './features/admissions/RankingPage.tsx';
import { TakeTestPage } from './features/admissions/TakeTestPage.tsx';
import { TestSetupPage } from './features/admissions/TestSetupPage.tsx';
import { CheckInPage } from './features/attendance/CheckInPage.tsx';
import { RollCallPage } from './features/attendance/RollCallPage.tsx';
import { ScreenLayout } from './features/attendance/ScreenLayout.tsx';
import { SessionQrPage } from './features/attendance/SessionQrPage.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { AcceptInvitationPage } from './features/auth/AcceptInvitationPage.tsx';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { MyRegionsPage } from './features/coordinator/MyRegionsPage.tsx';
import { ImportPage } from './features/imports/ImportPage.tsx';
import { ImportStreamPickerPage } from './features/imports/ImportStreamPickerPage.tsx';
import { MunicipalitiesImportPage } from './features/imports/MunicipalitiesImportPage.tsx';
import { AppLayout } from './features/layout/AppLayout.tsx';
import { homeFor } from './features/layout/nav-items.ts';
import { PublicLayout } from './features/layout/PublicLayout.tsx';
import { OutboxMessagePage } from './features/outbox/OutboxMessagePage.tsx';
import { OutboxPage } from './features/outbox/OutboxPage.tsx';
import { PersonPage } from './features/people/PersonPage.tsx';
import { AdoptionPlanPage } from './features/practices/AdoptionPlanPage.tsx';
import { CurationPage } from './features/practices/CurationPage.tsx';
import { FlowsPage } from './features/practices/FlowsPage.tsx';
import { MyAdoptionsPage } from './features/practices/MyAdoptionsPage.tsx';
import { PracticePage } from './features/practices/PracticePage.tsx';
import { PRACTICE_SORTS, PracticesPage } from './features/practices/PracticesPage.tsx';
import type { PracticesSearch } from './features/practices/practices.api.ts';
import { MyDataPage } from './features/privacy/MyDataPage.tsx';
import { OrganisationsPage } from './features/programmes/OrganisationsPage.tsx';
import { ProgrammePage } from './features/programmes/ProgrammePage.tsx';
import { ProgrammesPage } from './features/programmes/ProgrammesPage.tsx';
import { HostViewPage } from './features/schedule/HostViewPage.tsx';
import { ModulePage } from './features/schedule/ModulePage.tsx';
import { MyTimetablePage } from './features/schedule/MyTimetablePage.tsx';
import { SpeakerPage } from './features/schedule/SpeakerPage.tsx';
import { AFFILIATIONS, SpeakersPage } from './features/schedule/SpeakersPage.tsx';
import { StreamPage } from './features/programmes/StreamPage.tsx';
import { validateRosterSearch } from './features/roster/roster-search.ts';
import { SettingsPage } from './features/settings/SettingsPage.tsx';
import { ROLES, type UsersSearch } from './features/users/users.api.ts';
import { UsersPage } from './features/users/UsersPage.tsx';
import { optionalString, positiveInt, sortDir } from './search.ts';
import { GradeSubmissionPage } from './features/assignments/GradeSubmissionPage.tsx';
import { GradingQueuePage } from './features/assignments/GradingQueuePage.tsx';
import { MyAssignmentPage } from './features/assignments/MyAssignmentPage.tsx';
import { MyAssignmentsPage } from './features/assignments/MyAssignmentsPage.tsx';
import { MyTeamPage } from './features/teams/MyTeamPage.tsx';
import { TeamPage } from './features/teams/TeamPage.tsx';
import { MyProjectPage } from './features/projects/MyProjectPage.tsx';
import { ProjectPage } from './features/projects/ProjectPage.tsx';
import { MyProgressPage } from './features/completion/MyProgressPage.tsx';
import { MyDiplomasPage } from './features/diplomas/MyDiplomasPage.tsx';
import { VerifyPage } from './features/diplomas/VerifyPage.tsx';
import { VerifyUploadPage } from './features/diplomas/VerifyUploadPage.tsx';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

// Pages for people who are not signed in.
const publicRoute = createRoute({ getParentRoute: () => rootRoute, id: 'public', component: PublicLayout });

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
  component: SignInPage,
});

const acceptInvitationRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/accept-invitation',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: optionalString(search.token) }),
  component: AcceptInvitationPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: optionalString(search.token) }),
  component: ResetPasswordPage,
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
  component: AppLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: homeFor(context.me.roles) });
  },
});

const settingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings', component: SettingsPage });
const myDataRoute = createRoute({ getParentRoute: () => appRoute, path: '/my-data', component: MyDataPage });
const myRegionsRoute = createRoute({ getParentRoute: () => appRoute, path: '/my-regions', component: MyRegionsPage });

const programmesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programmes',
  validateSearch: (search: Record<string, unknown>): { q?: string; page?: number } => ({ q: optionalString(search.q), page: positiveInt(search.page, 1) }),
  search: { middlewares: [stripSearchParams({ page: 1 })] },
  component: ProgrammesPage,
});
const programmeRoute = createRoute({ getParentRoute: () => appRoute, path: '/programmes/$programmeId', component: ProgrammePage });
const streamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/streams/$streamId',
  validateSearch: validateRosterSearch,
  search: { middlewares: [stripSearchParams({ page: 1 })] },
  component: StreamPage,
});
const importRoute = createRoute({ getParentRoute: () => appRoute, path: '/streams/$streamId/import', component: ImportPage });
const importPickerRoute = createRoute({ getParentRoute: () => appRoute, path: '/import', component: ImportStreamPickerPage });
const organisationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/organisations', component: OrganisationsPage });
const personRoute = createRoute({ getParentRoute: () => appRoute, path: '/people/$personId', component: PersonPage });
const municipalitiesImportRoute = createRoute({ getParentRoute: () => appRoute, path: '/municipalities/import', component: MunicipalitiesImportPage });

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
  component: UsersPage,
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
  component: AuditPage,
});
const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/outbox',
  validateSearch: (search: Record<string, unknown>): { q?: string; kind?: string; page?: number } => ({ q: optionalString(search.q), kind: optionalString(search.kind, 50), page: positiveInt(search.page, 1) }),
  search: { middlewares: [stripSearchParams({ page: 1 })] },
  component: OutboxPage,
});
const outboxMessageRoute = createRoute({ getParentRoute: () => appRoute, path: '/outbox/$messageId', component: OutboxMessagePage });

// Schedule and attendance (issue 4).
const myTimetableRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/timetable', component: MyTimetablePage });
const moduleRoute = createRoute({ getParentRoute: () => appRoute, path: '/modules/$moduleId', component: ModulePage });
const hostViewRoute = createRoute({ getParentRoute: () => appRoute, path: '/modules/$moduleId/host', component: HostViewPage });
const speakersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programmes/$programmeId/speakers',
  validateSearch: (search: Record<string, unknown>): { affiliation?: (typeof AFFILIATIONS)[number] } => ({ affiliation: AFFILIATIONS.find((k) => k === search.affiliation) }),
  component: SpeakersPage,
});
const speakerRoute = createRoute({ getParentRoute: () => appRoute, path: '/speakers/$speakerId', component: SpeakerPage });
const checkInRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/check-in',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: optionalString(search.token) }),
  component: CheckInPage,
});
const rollCallRoute = createRoute({ getParentRoute: () => appRoute, path: '/sessions/$sessionId/roll-call', component: RollCallPage });

// Full-screen pages for a room's projector: signed in, but without the app's header and navbar.
const screenRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'screen',
  ...signedInOnly,
  component: ScreenLayout,
});
const sessionQrRoute = createRoute({ getParentRoute: () => screenRoute, path: '/sessions/$sessionId/qr', component: SessionQrPage });

// Admissions (issue 3): public campaign pages and the applicant's own pages in the public frame; staff pages in the app.
const applyListRoute = createRoute({ getParentRoute: () => publicRoute, path: '/apply', component: PublicCampaignsPage });
const applyConfirmRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/apply/confirm',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: optionalString(search.token) }),
  component: ConfirmApplicationPage,
});
const applyCampaignRoute = createRoute({ getParentRoute: () => publicRoute, path: '/apply/$slug', component: PublicCampaignPage });
const myApplicationsRoute = createRoute({ getParentRoute: () => publicRoute, path: '/my-applications', ...signedInOnly, component: MyApplicationsPage });
const myApplicationRoute = createRoute({ getParentRoute: () => publicRoute, path: '/my-applications/$applicationId', ...signedInOnly, component: MyApplicationPage });
const myTestRoute = createRoute({ getParentRoute: () => publicRoute, path: '/my-applications/$applicationId/test', ...signedInOnly, component: TakeTestPage });
const testSetupRoute = createRoute({ getParentRoute: () => appRoute, path: '/admissions/$campaignId/test', component: TestSetupPage });
const admissionsRoute = createRoute({ getParentRoute: () => appRoute, path: '/admissions', component: CampaignsPage });
const campaignRoute = createRoute({ getParentRoute: () => appRoute, path: '/admissions/$campaignId', component: CampaignPage });
const rankingRoute = createRoute({ getParentRoute: () => appRoute, path: '/admissions/$campaignId/ranking', component: RankingPage });
const nominationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/admissions/$campaignId/nominations', component: NominationsPage });

// Assignments, grading and completion (issue 5).
const myAssignmentsRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/assignments', component: MyAssignmentsPage });
const myAssignmentRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/assignments/$assignmentId', component: MyAssignmentPage });
const myProgressRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/progress', component: MyProgressPage });
// Diplomas (issue 7): public verification needs no sign-in; the holder's page does.
const verifyRoute = createRoute({ getParentRoute: () => publicRoute, path: '/verify/$id', component: VerifyPage });
const verifyUploadRoute = createRoute({ getParentRoute: () => publicRoute, path: '/verify', component: VerifyUploadPage });
const myDiplomasRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/diplomas', component: MyDiplomasPage });
const gradingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/grading',
  validateSearch: (search: Record<string, unknown>): { status?: 'graded' | 'all' } => ({ status: search.status === 'graded' || search.status === 'all' ? search.status : undefined }),
  component: GradingQueuePage,
});
const gradeSubmissionRoute = createRoute({ getParentRoute: () => appRoute, path: '/grading/$submissionId', component: GradeSubmissionPage });

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
  component: PracticesPage,
});
const practiceFlowsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/practices/flows',
  validateSearch: (search: Record<string, unknown>): { programmeId?: string } => ({ programmeId: optionalString(search.programmeId, 36) }),
  component: FlowsPage,
});
const practiceCurationRoute = createRoute({ getParentRoute: () => appRoute, path: '/practices/curation', component: CurationPage });
const practiceRoute = createRoute({ getParentRoute: () => appRoute, path: '/practices/$practiceId', component: PracticePage });
const myAdoptionsRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/adoptions', component: MyAdoptionsPage });
const adoptionPlanRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/adoptions/$planId', component: AdoptionPlanPage });

// Teams, improvements and final projects (issue 5).
const teamRoute = createRoute({ getParentRoute: () => appRoute, path: '/teams/$teamId', component: TeamPage });
const myTeamRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/team', component: MyTeamPage });
const projectRoute = createRoute({ getParentRoute: () => appRoute, path: '/projects/$projectId', component: ProjectPage });
const myProjectRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/project', component: MyProjectPage });

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
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
