import type { Program } from '../../engine/index.ts';
import type { Tx } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { applyChanges, valuesOf } from '../dataValues/storedValues.ts';
import { frozenFrom } from '../../contract/workflow.ts';
import type { WorkflowKey } from './statuses.ts';

type Package = Program['packages'][number];

const VERIFIED = 'verified';
const VALIDATED = 'validated';

/** Why a validated value was stored by the validation itself, in the audit log. */
export const DEFAULT_REASON = 'validated as verified: the committee entered no other figure';

/**
 * The committee enters a validated figure only where it retains another than the verifier's;
 * validating stores the verified figure as validated on every other line, so an empty cell
 * never locks as nothing (and pays nothing). Each value so stored is audited as the
 * committee's, with DEFAULT_REASON. Returns how many were stored.
 */
export async function fillValidatedDefaults(tx: Tx, actor: Actor, programmeId: string, key: WorkflowKey, pkg: Package): Promise<number> {
  if (!pkg.inputs.includes(VERIFIED) || !pkg.inputs.includes(VALIDATED)) return 0;
  const values = await valuesOf(tx, programmeId, key.orgUnit, key.period);
  const activities = new Set(pkg.activities.map((activity) => activity.code));
  const validated = new Set(values.filter((value) => value.state === VALIDATED).map((value) => value.activity));
  const changes = values
    .filter((value) => value.state === VERIFIED && activities.has(value.activity) && !validated.has(value.activity))
    .map((value) => ({ key: { orgUnit: key.orgUnit, period: key.period, activity: value.activity, state: VALIDATED }, value: value.value, over: 0 }));
  if (changes.length === 0) return 0;
  const holdings = [{ ...key, frozenFrom: frozenFrom(VALIDATED) }];
  const { notWritten } = await applyChanges(tx, actor, programmeId, changes, holdings, DEFAULT_REASON);
  if (notWritten.length > 0) throw new Error(`validated defaults of ${key.orgUnit}/${key.period}/${key.package}: ${notWritten.length} not written under the status lock`);
  return changes.length;
}
