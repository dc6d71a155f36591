/**
 * The OpenPBF rules engine: pure functions from a programme, org units, data and a run
 * request to every value, its provenance and located errors. No I/O, no clock.
 */
export { loadProgram } from './model/program.ts';
export { OrgUnitTree, groupsMatch } from './model/orgUnits.ts';
export { DataSet } from './model/dataSet.ts';
export { parsePeriod, monthsOf, quartersOf, type Period } from './model/period.ts';
export type { Program, ProgramInput, DataValue, OrgUnitInput, Penalties } from './model/programSchema.ts';
export { INPUT_TYPES, inputTypeProblem, INPUT_TYPE_MESSAGES, type InputType } from './model/inputTypes.ts';
export { programSchema, orgUnitSchema, dataValueSchema } from './model/programSchema.ts';
export { checkProgram, type CheckedProgram } from './check/checkProgram.ts';
export { compileProgram, type CompiledProgram } from './compile/compileProgram.ts';
export { runProgram, type RunRequest, type RunOptions } from './solve/run.ts';
export { RunResult, type ComputedValue } from './solve/result.ts';
export { parseFormula } from './formula/parser.ts';
export { printFormula } from './formula/print.ts';
export { FUNCTIONS } from './functions/catalogue.ts';
export { describeError, excerpt, errorKey, type EngineError, type ErrorCode } from './messages/errors.ts';
export { renderMessage, localeFromEnvironment, type Locale } from './messages/catalogue.ts';
