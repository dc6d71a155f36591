import type { Program } from '../../engine/index.ts';
import type { Tx } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { applyChanges, contentOf, valuesOf } from '../dataValues/valueStore/index.ts';
import { withValidatedDefault } from '../dataValues/validatedDefault.ts';
import { frozenFrom } from '../../contract/workflow.ts';
import type { WorkflowKey } from './statuses.ts';

type Package = Program['packages'][number];

/** Why a validated value was stored by the validation itself, in the audit log. */
export const DEFAULT_REASON = 'validated as verified: the committee entered no other figure';

/**
 * The committee enters a validated figure only where it retains another than the verifier's;
 * validating stores the verified figure as validated on every other line, so an empty cell
 * never locks as nothing (and pays nothing). Each value so stored is audited as the
 * committee's, with DEFAULT_REASON; the previews read the same rule (withValidatedDefault).
 * Returns how many were stored.
 */
export async function fillValidatedDefaults(tx: Tx, actor: Actor, programmeId: string, key: WorkflowKey, pkg: Package): Promise<number> {
  const values = await valuesOf(tx, programmeId, key.orgUnit, key.period);
  const defaults = withValidatedDefault(pkg, values).slice(values.length);
  const changes = defaults.map((value) => ({ key: { orgUnit: key.orgUnit, period: key.period, activity: value.activity, state: value.state }, ...contentOf(value), over: 0 }));
  if (changes.length === 0) return 0;
  const holdings = [{ ...key, frozenFrom: frozenFrom('validated') }];
  const { notWritten } = await applyChanges(tx, actor, programmeId, changes, holdings, DEFAULT_REASON);
  if (notWritten.length > 0) throw new Error(`validated defaults of ${key.orgUnit}/${key.period}/${key.package}: ${notWritten.length} not written under the status lock`);
  return changes.length;
}
