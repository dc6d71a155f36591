import { describe, expect, it } from 'vitest';
import type { Role } from '../../contract/roles.ts';
import type { Actor, RoleGrant } from '../actor.ts';
import { checkDrawAuthority, verificationDrawPolicies, verificationDrawRefusal } from './verificationDraw.ts';

const P = 'pbf';
const grant = (role: Role, path: string): RoleGrant => ({ programmeId: P, role, orgUnitId: path.split('/').at(-2)!, path });
const actor = (...grants: RoleGrant[]): Actor => ({ userId: 1, username: 'u', name: 'U', locale: 'en', grants, platformAdmin: false });
const draw = (rootPath: string, final: { appliedAt?: Date; replacedAt?: Date } = {}) => ({
  programmeId: P,
  rootPath,
  appliedAt: final.appliedAt ?? null,
  replacedAt: final.replacedAt ?? null,
});

describe('what may be done with a verification draw', () => {
  const validator = actor(grant('validator', '/bi/p1/'));

  it('lets a validator or a designer of the whole subtree apply or replace a draw not yet final', () => {
    expect(verificationDrawPolicies(validator, draw('/bi/p1/d1/'))).toEqual({ apply: true, replace: true });
    expect(verificationDrawPolicies(actor(grant('designer', '/bi/')), draw('/bi/p1/'))).toEqual({ apply: true, replace: true });
  });

  it('refuses a draw above the role’s subtree, another role, and a draw applied or replaced', () => {
    expect(verificationDrawRefusal(validator, draw('/bi/'))).toBe('scope');
    expect(verificationDrawRefusal(actor(grant('verifier', '/bi/')), draw('/bi/p1/'))).toBe('role');
    expect(verificationDrawPolicies(validator, draw('/bi/p1/', { appliedAt: new Date() }))).toEqual({ apply: false, replace: false });
    expect(verificationDrawRefusal(validator, draw('/bi/p1/', { replacedAt: new Date() }))).toBe('state');
  });

  it('refuses with 403 naming the draw where the role or subtree does not allow it', () => {
    expect(() => checkDrawAuthority(validator, draw('/bi/'), "verification draw 3 of 'bi'")).toThrow(
      expect.objectContaining({ status: 403, message: "your roles do not allow 'verification.draw' on verification draw 3 of 'bi'" }),
    );
    expect(() => checkDrawAuthority(validator, draw('/bi/p1/', { appliedAt: new Date() }), 'draw 3')).not.toThrow();
  });
});
