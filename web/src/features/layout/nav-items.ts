import type { Role } from '@ms/contracts/common';

/** The translation key under `nav.` and the route a navbar entry leads to. */
export interface NavItem {
  key: 'programmes' | 'users' | 'audit' | 'outbox' | 'import' | 'myRegions' | 'myProgramme' | 'myTimetable' | 'checkIn' | 'myData';
  to: '/programmes' | '/users' | '/audit' | '/outbox' | '/import' | '/my-regions' | '/me/timetable' | '/check-in' | '/my-data';
}

const BY_ROLE: Record<Role, NavItem[]> = {
  admin: [
    { key: 'programmes', to: '/programmes' },
    { key: 'users', to: '/users' },
    { key: 'audit', to: '/audit' },
    { key: 'outbox', to: '/outbox' },
  ],
  staff: [
    { key: 'programmes', to: '/programmes' },
    { key: 'import', to: '/import' },
  ],
  coordinator: [{ key: 'myRegions', to: '/my-regions' }],
  expert: [{ key: 'programmes', to: '/programmes' }],
  participant: [
    { key: 'myTimetable', to: '/me/timetable' },
    { key: 'checkIn', to: '/check-in' },
    { key: 'myProgramme', to: '/programmes' },
    { key: 'myData', to: '/my-data' },
  ],
  alumnus: [
    { key: 'myProgramme', to: '/programmes' },
    { key: 'myData', to: '/my-data' },
  ],
};

/** The navbar for a user with these roles: each role's entries once, in role order, one entry per route. */
export function navItemsFor(roles: readonly Role[]): NavItem[] {
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
