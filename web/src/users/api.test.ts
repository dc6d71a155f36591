import { describe, expect, it } from 'vitest';
import { grantUnits, sortedGrants, type ManagedUser } from './api.ts';

const user = (grants: ManagedUser['grants']): ManagedUser => ({ id: 1, username: 'u', name: 'U', locale: 'fr', active: true, platformAdmin: false, lastLoginAt: null, grants });

describe('the users list’s grants', () => {
  it('shows the selected programme’s grants first, then by programme, role and unit', () => {
    const grants = [
      { programmeId: 'other', role: 'admin', orgUnitId: 'x' },
      { programmeId: 'pbf', role: 'verifier', orgUnitId: 'd1' },
      { programmeId: 'pbf', role: 'clerk', orgUnitId: 'd2' },
      { programmeId: 'pbf', role: 'clerk', orgUnitId: 'd1' },
    ] as const;
    expect(sortedGrants(grants, 'pbf').map((g) => `${g.programmeId}/${g.role}/${g.orgUnitId}`)).toEqual(['pbf/clerk/d1', 'pbf/clerk/d2', 'pbf/verifier/d1', 'other/admin/x']);
    expect(grants[0].programmeId).toBe('other');
  });

  it('names the units of the selected programme only', () => {
    const users = [user([{ programmeId: 'pbf', role: 'clerk', orgUnitId: 'd1' }, { programmeId: 'other', role: 'admin', orgUnitId: 'x' }]), user([])];
    expect(grantUnits(users, 'pbf')).toEqual(['d1']);
    expect(grantUnits(users, null)).toEqual([]);
  });
});
