import { describe, expect, it } from 'vitest';
import { funderPolicies } from './funder.ts';
import { actorWith } from '../../../test/support/policyActors.ts';

describe('funder policies', () => {
  it('lets only a designer at the root of the tree (national) manage funders and shares', () => {
    expect(funderPolicies(actorWith(4, 'designer', 'country'), 'pbf')).toEqual({ manage: true });
    expect(funderPolicies(actorWith(4, 'designer', 'p1'), 'pbf')).toEqual({ manage: false });
    expect(funderPolicies(actorWith(3, 'payer', 'country'), 'pbf')).toEqual({ manage: false });
    expect(funderPolicies(actorWith(4, 'designer', 'country'), 'other')).toEqual({ manage: false });
  });
});
