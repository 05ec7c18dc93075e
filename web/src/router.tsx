import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect, stripSearchParams } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQuery } from './api/auth.ts';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { PageLoader } from './components/PageLoader.tsx';
import { ProblemAlert } from './components/ProblemAlert.tsx';
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

/** Only same-site paths may be redirect targets, so a crafted link cannot send users elsewhere. */
function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

const routeTree = rootRoute.addChildren([
  publicRoute.addChildren([signInRoute, acceptInvitationRoute, resetPasswordRoute]),
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
