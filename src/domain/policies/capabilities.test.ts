import { describe, expect, it } from 'vitest';
import type { Role } from '../../contract/roles.ts';
import type { Actor, RoleGrant } from '../actor.ts';
import { capabilitiesByProgramme, capabilitiesIn } from './capabilities.ts';

const NATIONAL = { orgUnitId: 'bi', path: '/bi/' };
const PROVINCE = { orgUnitId: 'p1', path: '/bi/p1/' };

function actor(grants: readonly (Omit<RoleGrant, 'programmeId'> & { programmeId?: string })[], platformAdmin = false): Actor {
  return {
    userId: 1,
    username: 'someone',
    name: 'Someone',
    locale: 'fr',
    platformAdmin,
    grants: grants.map((grant) => ({ programmeId: 'pbf', ...grant })),
  };
}
const as = (role: Role, where: typeof NATIONAL) => ({ role, ...where });

describe('capabilitiesIn', () => {
  it('gives a subtree action somewhere, not nationally, to a role held on a subtree', () => {
    const can = capabilitiesIn(actor([as('clerk', PROVINCE)]), 'pbf');
    expect(can['data.declare']).toMatchObject({ somewhere: true, national: false });
    expect(can.read).toMatchObject({ somewhere: true, national: false });
    expect(can['data.verify']).toMatchObject({ somewhere: false, national: false });
  });

  it('gives it nationally to the same role held at the root', () => {
    expect(capabilitiesIn(actor([as('clerk', NATIONAL)]), 'pbf')['data.declare']).toMatchObject({ somewhere: true, national: true });
  });

  it('refuses a national action to a role held on a subtree only', () => {
    const province = capabilitiesIn(actor([as('designer', PROVINCE)]), 'pbf');
    expect(province['rules.write']).toMatchObject({ somewhere: false, national: false });
    expect(province['rules.try']).toMatchObject({ somewhere: true, national: false });
    const national = capabilitiesIn(actor([as('designer', NATIONAL)]), 'pbf');
    expect(national['rules.write']).toMatchObject({ somewhere: true, national: true });
  });

  it('adds up several roles, each at its own reach', () => {
    const can = capabilitiesIn(actor([as('validator', PROVINCE), as('payer', NATIONAL)]), 'pbf');
    expect(can['invoice.approve']).toMatchObject({ somewhere: true, national: false });
    expect(can['payment.order']).toMatchObject({ somewhere: true, national: true });
    expect(can.read).toMatchObject({ somewhere: true, national: true });
    expect(can['users.manage']).toMatchObject({ somewhere: false, national: false });
  });

  it('names the tops of the subtrees an action reaches, national ones only for a national action', () => {
    const can = capabilitiesIn(actor([as('designer', PROVINCE), as('designer', NATIONAL), as('clerk', PROVINCE)]), 'pbf');
    expect(can['rules.try'].roots).toEqual(['p1', 'bi']);
    expect(can['rules.write'].roots).toEqual(['bi']);
    expect(can['data.declare'].roots).toEqual(['p1']);
    expect(can.read.roots).toEqual(['p1', 'bi']);
    expect(can['data.verify'].roots).toEqual([]);
  });

  it('ignores the roles held in other programmes', () => {
    const can = capabilitiesIn(actor([{ ...as('validator', NATIONAL), programmeId: 'other' }]), 'pbf');
    expect(can['data.validate']).toMatchObject({ somewhere: false, national: false });
  });

  it('makes a platform administrator a national admin', () => {
    const can = capabilitiesIn(actor([], true), 'pbf');
    expect(can['users.manage']).toMatchObject({ somewhere: true, national: true });
    expect(can['data.declare']).toMatchObject({ somewhere: false, national: false });
  });
});

describe('capabilitiesByProgramme', () => {
  it('answers for each programme the actor holds a role in, once', () => {
    const byProgramme = capabilitiesByProgramme(actor([as('clerk', PROVINCE), as('verifier', PROVINCE), { ...as('payer', NATIONAL), programmeId: 'other' }]));
    expect(Object.keys(byProgramme).sort()).toEqual(['other', 'pbf']);
    expect(byProgramme.pbf!['data.verify'].somewhere).toBe(true);
    expect(byProgramme.other!['data.verify'].somewhere).toBe(false);
  });
});
