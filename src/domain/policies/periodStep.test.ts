import { describe, expect, it } from 'vitest';
import { WORKFLOW_STATUSES, type WorkflowStatus } from '../../contract/workflow.ts';
import type { Actor, RoleGrant } from '../actor.ts';
import type { Role } from '../../contract/roles.ts';
import { checkPeriodStep, periodStepPolicies, periodStepRefusal } from './periodStep.ts';

const P = 'pbf';
const DISTRICT = '/bi/p1/d1/';
const CDS_1 = '/bi/p1/d1/cds_1/';
const CDS_3 = '/bi/p2/d2/cds_3/';
const grant = (role: Role, path: string): RoleGrant => ({ programmeId: P, role, orgUnitId: path.split('/').at(-2)!, path });
const actor = (...grants: RoleGrant[]): Actor => ({ userId: 1, username: 'u', name: 'U', locale: 'en', grants, platformAdmin: false });
const record = (status: WorkflowStatus, path = CDS_1) => ({ programmeId: P, path, status });
const allowed = (who: Actor, status: WorkflowStatus, path = CDS_1) =>
  Object.entries(periodStepPolicies(who, record(status, path)))
    .filter(([, may]) => may)
    .map(([action]) => action);

describe('what may be done with a facility’s package in a period', () => {
  it('gives each step to its role, from its own status', () => {
    const clerk = actor(grant('clerk', DISTRICT));
    const verifier = actor(grant('verifier', DISTRICT));
    const validator = actor(grant('validator', DISTRICT));
    expect(allowed(clerk, 'open')).toEqual(['declare']);
    expect(allowed(verifier, 'declared')).toEqual(['verify', 'returnDeclaration']);
    expect(allowed(validator, 'verified')).toEqual(['validate', 'returnVerification']);
    expect(allowed(validator, 'validated')).toEqual(['unlock']);
    for (const status of ['approved', 'ordered', 'paid'] as const) expect(allowed(validator, status)).toEqual(['correct']);
    expect(allowed(validator, 'invoiced')).toEqual([]);
  });

  it('allows nothing outside the role’s subtree, nor to a role that takes no step', () => {
    const clerk = actor(grant('clerk', DISTRICT));
    expect(allowed(clerk, 'open', CDS_3)).toEqual([]);
    expect(periodStepRefusal(clerk, record('open', CDS_3), 'declare')).toBe('scope');
    for (const role of ['admin', 'designer', 'payer', 'auditor'] as const) {
      for (const status of WORKFLOW_STATUSES) expect(allowed(actor(grant(role, '/bi/')), status)).toEqual([]);
    }
    expect(periodStepRefusal(actor(grant('payer', '/bi/')), record('open'), 'declare')).toBe('role');
  });

  it('lets two roles held together each take their own step', () => {
    const both = actor(grant('clerk', CDS_1), grant('verifier', '/bi/'));
    expect(allowed(both, 'open')).toEqual(['declare']);
    expect(allowed(both, 'declared')).toEqual(['verify', 'returnDeclaration']);
    expect(allowed(both, 'open', CDS_3)).toEqual([]);
  });

  it('refuses as the policy decides: 403 naming the unit or the programme, 409 naming the status', () => {
    const names = { unit: 'cds_1', record: "org unit 'cds_1', period 202401", moves: "'verify' moves it from declared to verified" };
    const verifier = actor(grant('verifier', DISTRICT));
    expect(() => checkPeriodStep(verifier, record('declared'), 'verify', names)).not.toThrow();
    expect(() => checkPeriodStep(verifier, record('open'), 'verify', names)).toThrow(
      expect.objectContaining({ status: 409, message: "org unit 'cds_1', period 202401 is open; 'verify' moves it from declared to verified" }),
    );
    expect(() => checkPeriodStep(verifier, record('declared', CDS_3), 'verify', names)).toThrow(
      expect.objectContaining({ status: 403, message: "your roles do not allow 'data.verify' on org unit 'cds_1'" }),
    );
    expect(() => checkPeriodStep(actor(grant('clerk', '/bi/')), record('declared'), 'verify', names)).toThrow(
      expect.objectContaining({ status: 403, message: "your roles do not allow 'data.verify' on programme 'pbf'" }),
    );
  });
});
