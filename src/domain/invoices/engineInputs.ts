import type { EngineError, OrgUnitInput, Program } from '../../engine/index.ts';
import { prepare, type PreparedInputs } from '../../engine/pipeline.ts';
import type { EnteredValue } from './loadRunInputs.ts';

/**
 * Prepares the engine for stored inputs. The programme and tree go through the engine's
 * checks; the values, already validated when entered, are written straight into the data
 * set's columns, which spares validating millions of rows one by one.
 */
export function prepareEngine(
  program: Program,
  units: readonly OrgUnitInput[],
  data: readonly EnteredValue[],
): { prepared?: PreparedInputs; errors: readonly EngineError[] } {
  const { prepared, errors } = prepare({ program, orgUnits: units, data: [] });
  if (!prepared) return { errors };
  for (const row of data) {
    const unit = prepared.tree.indexOf(row.orgUnit);
    if (unit !== undefined) prepared.data.writableColumn(row.period, row.state, row.activity)[unit] = Number(row.value);
  }
  return { prepared, errors: [] };
}

