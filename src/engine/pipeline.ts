import { checkProgram } from './check/checkProgram.ts';
import { compileProgram, type CompiledProgram } from './compile/compileProgram.ts';
import type { Locale } from './messages/catalogue.ts';
import type { EngineError } from './messages/errors.ts';
import { DataSet } from './model/dataSet.ts';
import { OrgUnitTree } from './model/orgUnits.ts';
import { loadProgram } from './model/program.ts';
import { runProgram, type RunOptions, type RunRequest } from './solve/run.ts';
import type { RunResult } from './solve/result.ts';

export interface PreparedInputs {
  readonly compiled: CompiledProgram;
  readonly tree: OrgUnitTree;
  readonly data: DataSet;
}

/**
 * Validates and compiles decoded inputs in the order a designer fixes them: the
 * programme's shape, the org units, then every static check, then the data values. All
 * errors of the first failing stage are returned at once; nothing is computed.
 */
export function prepare(
  raw: { program: unknown; orgUnits: unknown; data: unknown },
  locale: Locale = 'en',
): { prepared?: PreparedInputs; errors: EngineError[] } {
  const loaded = loadProgram(raw.program, locale);
  const built = OrgUnitTree.build(raw.orgUnits, locale);
  const shapeErrors = [...loaded.errors.map(prefixed('program')), ...built.errors];
  if (!loaded.program || !built.tree) return { errors: shapeErrors };
  const checked = checkProgram(loaded.program, built.tree.attributeNames);
  if (!checked.checked) return { errors: checked.errors };
  const data = DataSet.fromRows(raw.data, built.tree, locale);
  if (!data.data) return { errors: data.errors };
  return { prepared: { compiled: compileProgram(checked.checked), tree: built.tree, data: data.data }, errors: [] };
}

export function run(prepared: PreparedInputs, request: RunRequest, options?: RunOptions): RunResult {
  return runProgram(prepared.compiled, prepared.tree, prepared.data, request, options);
}

/** Schema errors located inside a larger document (`program.packages[0].code`). */
function prefixed(prefix: string) {
  return (error: EngineError): EngineError =>
    error.code === 'SCHEMA' ? { ...error, at: error.at ? `${prefix}.${error.at}` : prefix } : error;
}
