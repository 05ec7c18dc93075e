import { describe, expect, it } from 'vitest';
import { homeFor, isNavItemActive, navItemsFor } from './nav-items.ts';

describe('navItemsFor', () => {
  it('gives an admin programmes, users, audit, outbox, admissions and the practice library', () => {
    expect(navItemsFor(['admin']).map((i) => i.key)).toEqual(['programmes', 'users', 'audit', 'outbox', 'admissions', 'practices']);
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

  it('gives a participant their timetable, check-in, assignments and progress', () => {
    expect(navItemsFor(['participant']).map((i) => i.to)).toEqual(['/me/timetable', '/check-in', '/me/team', '/me/assignments', '/me/project', '/me/progress', '/me/diplomas', '/programmes', '/my-data', '/practices', '/me/adoptions']);
  });

  it('gives a participant their team and project, and an alumnus their project', () => {
    expect(navItemsFor(['participant']).map((i) => i.to)).toEqual(expect.arrayContaining(['/me/team', '/me/project']));
    expect(navItemsFor(['alumnus']).map((i) => i.to)).toContain('/me/project');
    expect(navItemsFor(['alumnus']).map((i) => i.to)).not.toContain('/me/team');
  });

  it('gives a participant and an alumnus their diplomas', () => {
    expect(navItemsFor(['participant']).map((i) => i.to)).toContain('/me/diplomas');
    expect(navItemsFor(['alumnus']).map((i) => i.to)).toContain('/me/diplomas');
    // An alumnus still lands on their programme, not on the diplomas page.
    expect(homeFor(['alumnus'])).toBe('/programmes');
  });

  it('gives an expert their grading queue, the admissions scoring queue and their interviews', () => {
    expect(navItemsFor(['expert']).map((i) => i.to)).toEqual(['/programmes', '/grading', '/reviews', '/interviews', '/practices']);
  });

  it('gives a signed-in applicant without roles «My applications» and lands them there', () => {
    expect(navItemsFor([])).toEqual([{ key: 'myApplications', to: '/my-applications' }]);
    expect(homeFor([])).toBe('/my-applications');
    expect(navItemsFor(['participant']).map((i) => i.to)).not.toContain('/my-applications');
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

describe('practice transfer entries', () => {
  it('gives participants and alumni the library and their adoption plans, staff the library', () => {
    for (const role of ['participant', 'alumnus'] as const) expect(navItemsFor([role]).map((i) => i.to)).toEqual(expect.arrayContaining(['/practices', '/me/adoptions']));
    expect(navItemsFor(['staff']).map((i) => i.to)).toContain('/practices');
    expect(navItemsFor(['staff']).map((i) => i.to)).not.toContain('/me/adoptions');
  });

  it('marks the library on practice, flows and curation pages', () => {
    expect(isNavItemActive('/practices', '/practices/abc')).toBe(true);
    expect(isNavItemActive('/practices', '/practices/curation')).toBe(true);
    expect(isNavItemActive('/me/adoptions', '/me/adoptions/abc')).toBe(true);
  });
});
