import { CORRECTABLE_STATUSES } from '../../contract/invoices.ts';
import type { z } from 'zod';
import type { periodStepPolicies as policiesSchema } from '../../contract/api/workflow.ts';
import type { WorkflowStatus } from '../../contract/workflow.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import type { Action } from '../permissions.ts';
import { allows } from '../scope.ts';
import { STEPS, type StepName } from '../workflow/steps.ts';

export type PeriodStepPolicies = z.output<typeof policiesSchema>;

/** What may be done with one facility's package in a period: a step of the workflow, or a correction. */
export type PeriodStepAction = StepName | 'correct';

/**
 * Why an action is refused: no role allowing it in the programme, a role on other subtrees
 * only, or a status it does not start from.
 */
export type PeriodStepRefusal = 'role' | 'scope' | 'state';

/** The facility's package the decision is about: its unit's path and where it stands. */
export interface PeriodStepRecord {
  readonly programmeId: string;
  readonly path: string;
  readonly status: WorkflowStatus;
}

const permissionOf = (action: PeriodStepAction): Action => (action === 'correct' ? 'period.correct' : STEPS[action].action);

function startsFrom(action: PeriodStepAction, status: WorkflowStatus): boolean {
  return action === 'correct' ? (CORRECTABLE_STATUSES as readonly WorkflowStatus[]).includes(status) : STEPS[action].from === status;
}

/** Why the actor may not take `action` on the record, or undefined when they may. */
export function periodStepRefusal(actor: Actor, record: PeriodStepRecord, action: PeriodStepAction): PeriodStepRefusal | undefined {
  const permission = permissionOf(action);
  if (!allows(actor, record.programmeId, permission)) return 'role';
  if (!allows(actor, record.programmeId, permission, record.path)) return 'scope';
  if (!startsFrom(action, record.status)) return 'state';
  return undefined;
}

/** Every action on the record, as the screens are told (the use cases decide with periodStepRefusal). */
export function periodStepPolicies(actor: Actor, record: PeriodStepRecord): PeriodStepPolicies {
  const may = (action: PeriodStepAction) => periodStepRefusal(actor, record, action) === undefined;
  return {
    declare: may('declare'),
    verify: may('verify'),
    validate: may('validate'),
    returnDeclaration: may('return-declaration'),
    returnVerification: may('return-verification'),
    unlock: may('unlock'),
    correct: may('correct'),
  };
}

/**
 * Refuses the action when the policy does: 403 for a role or a subtree, 409 INVALID_STATE
 * naming the current status (`unit`, `record`: what the messages name, `moves`: what the action does).
 */
export function checkPeriodStep(
  actor: Actor,
  record: PeriodStepRecord,
  action: PeriodStepAction,
  names: { readonly unit: string; readonly record: string; readonly moves: string },
): void {
  const refusal = periodStepRefusal(actor, record, action);
  if (refusal === undefined) return;
  if (refusal === 'state') throw errors.invalidState(`${names.record} is ${record.status}; ${names.moves}`, { status: record.status });
  const where = refusal === 'role' ? `programme '${record.programmeId}'` : `org unit '${names.unit}'`;
  throw errors.forbidden(`your roles do not allow '${permissionOf(action)}' on ${where}`);
}
