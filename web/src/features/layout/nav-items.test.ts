import { describe, expect, it } from 'vitest';
import { homeFor, isNavItemActive, navItemsFor } from './nav-items.ts';

describe('navItemsFor', () => {
  it('gives an admin programmes, users, audit and outbox', () => {
    expect(navItemsFor(['admin']).map((i) => i.key)).toEqual(['programmes', 'users', 'audit', 'outbox']);
  });

  it('lists a route once when two roles share it', () => {
    const items = navItemsFor(['staff', 'admin']);
    expect(items.filter((i) => i.to === '/programmes')).toHaveLength(1);
    expect(items.map((i) => i.key)).toContain('import');
  });

  it('sends a coordinator to their regions and a participant to their timetable', () => {
    expect(homeFor(['coordinator'])).toBe('/my-regions');
    expect(homeFor(['participant'])).toBe('/me/timetable');
  });

  it('gives a participant their timetable and check-in', () => {
    expect(navItemsFor(['participant']).map((i) => i.to)).toEqual(['/me/timetable', '/check-in', '/programmes', '/my-data']);
  });

  it('falls back to settings for a user without roles', () => {
    expect(navItemsFor([])).toEqual([]);
    expect(homeFor([])).toBe('/settings');
  });
});

describe('isNavItemActive', () => {
  it('marks programmes on programme and stream pages', () => {
    expect(isNavItemActive('/programmes', '/programmes/abc')).toBe(true);
    expect(isNavItemActive('/programmes', '/streams/abc')).toBe(true);
  });

  it('marks import, not programmes, on a stream import page', () => {
    expect(isNavItemActive('/import', '/streams/abc/import')).toBe(true);
    expect(isNavItemActive('/programmes', '/streams/abc/import')).toBe(false);
  });

  it('does not mark a section by a shared prefix', () => {
    expect(isNavItemActive('/users', '/users-archive')).toBe(false);
    expect(isNavItemActive('/outbox', '/outbox/123')).toBe(true);
  });
});
