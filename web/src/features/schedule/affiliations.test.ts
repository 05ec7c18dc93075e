import { AFFILIATION_KINDS } from '@ms/contracts/schedule';
import { describe, expect, it } from 'vitest';
import { AFFILIATIONS } from './affiliations.ts';

describe('affiliation kinds for the URL', () => {
  it('lists exactly the kinds the contract defines', () => {
    expect([...AFFILIATIONS].sort()).toEqual(Object.keys(AFFILIATION_KINDS).sort());
  });
});
