import type { Role } from '@ms/contracts/common';

/** The translation key under `nav.` and the route a navbar entry leads to. */
export interface NavItem {
  key: 'programmes' | 'users' | 'audit' | 'outbox' | 'import' | 'myRegions' | 'myProgramme' | 'myTimetable' | 'checkIn' | 'myData' | 'admissions' | 'myAssignments' | 'myProgress' | 'grading' | 'myDiplomas' | 'practices' | 'myAdoptions' | 'myTeam' | 'myProject' | 'reviews' | 'interviews' | 'myApplications';
  to: '/programmes' | '/users' | '/audit' | '/outbox' | '/import' | '/my-regions' | '/me/timetable' | '/check-in' | '/my-data' | '/admissions' | '/me/assignments' | '/me/progress' | '/grading' | '/me/diplomas' | '/practices' | '/me/adoptions' | '/me/team' | '/me/project' | '/reviews' | '/interviews' | '/my-applications';
}

const BY_ROLE: Record<Role, NavItem[]> = {
  admin: [
    { key: 'programmes', to: '/programmes' },
    { key: 'users', to: '/users' },
    { key: 'audit', to: '/audit' },
    { key: 'outbox', to: '/outbox' },
    { key: 'admissions', to: '/admissions' },
    { key: 'practices', to: '/practices' },
  ],
  staff: [
    { key: 'programmes', to: '/programmes' },
    { key: 'import', to: '/import' },
    { key: 'admissions', to: '/admissions' },
    { key: 'practices', to: '/practices' },
  ],
  coordinator: [
    { key: 'myRegions', to: '/my-regions' },
    { key: 'admissions', to: '/admissions' },
    { key: 'practices', to: '/practices' },
  ],
  expert: [
    { key: 'programmes', to: '/programmes' },
    { key: 'grading', to: '/grading' },
    { key: 'reviews', to: '/reviews' },
    { key: 'interviews', to: '/interviews' },
    { key: 'practices', to: '/practices' },
  ],
  participant: [
    { key: 'myTimetable', to: '/me/timetable' },
    { key: 'checkIn', to: '/check-in' },
    { key: 'myTeam', to: '/me/team' },
    { key: 'myAssignments', to: '/me/assignments' },
    { key: 'myProject', to: '/me/project' },
    { key: 'myProgress', to: '/me/progress' },
    { key: 'myDiplomas', to: '/me/diplomas' },
    { key: 'myProgramme', to: '/programmes' },
    { key: 'myData', to: '/my-data' },
    { key: 'practices', to: '/practices' },
    { key: 'myAdoptions', to: '/me/adoptions' },
  ],
  alumnus: [
    { key: 'myProgramme', to: '/programmes' },
    { key: 'myProject', to: '/me/project' },
    { key: 'myDiplomas', to: '/me/diplomas' },
    { key: 'myData', to: '/my-data' },
    { key: 'practices', to: '/practices' },
    { key: 'myAdoptions', to: '/me/adoptions' },
  ],
};

/** An applicant has an account but no role yet: their one entry is their applications. */
const APPLICANT_ITEMS: NavItem[] = [{ key: 'myApplications', to: '/my-applications' }];

/** The navbar for a user with these roles: each role's entries once, in role order, one entry per route. */
export function navItemsFor(roles: readonly Role[]): NavItem[] {
  if (roles.length === 0) return APPLICANT_ITEMS;
  const items: NavItem[] = [];
  for (const role of ['admin', 'staff', 'coordinator', 'expert', 'participant', 'alumnus'] as const) {
    if (!roles.includes(role)) continue;
    for (const item of BY_ROLE[role]) {
      if (!items.some((i) => i.to === item.to)) items.push(item);
    }
  }
  return items;
}

/** Where a user lands after signing in: the first entry of their navbar. */
export function homeFor(roles: readonly Role[]): NavItem['to'] | '/settings' {
  return navItemsFor(roles)[0]?.to ?? '/settings';
}

/** Whether a navbar entry is the current section: stream pages belong to programmes, imports to import. */
export function isNavItemActive(to: NavItem['to'] | '/settings', pathname: string): boolean {
  const isImport = /^\/streams\/[^/]+\/import$/.test(pathname);
  if (to === '/import') return pathname === '/import' || isImport;
  if (to === '/programmes') return pathname === '/programmes' || pathname.startsWith('/programmes/') || (pathname.startsWith('/streams/') && !isImport);
  return pathname === to || pathname.startsWith(`${to}/`);
}
