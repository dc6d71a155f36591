/**
 * The OpenPBF rules engine: pure functions from a programme, org units, data and a run
 * request to every value, its provenance and located errors. No I/O, no clock.
 */
export { loadProgram } from "./model/program.js";
export { OrgUnitTree, groupsMatch } from "./model/orgUnits.js";
export { DataSet } from "./model/dataSet.js";
export { parsePeriod, monthsOf, quartersOf } from "./model/period.js";
export { INPUT_TYPES, inputTypeProblem, INPUT_TYPE_MESSAGES } from "./model/inputTypes.js";
export { programSchema, orgUnitSchema, dataValueSchema } from "./model/programSchema.js";
export { checkProgram } from "./check/checkProgram.js";
export { compileProgram } from "./compile/compileProgram.js";
export { runProgram } from "./solve/run.js";
export { RunResult } from "./solve/result.js";
export { parseFormula } from "./formula/parser.js";
export { printFormula } from "./formula/print.js";
export { FUNCTIONS } from "./functions/catalogue.js";
export { describeError, excerpt, errorKey } from "./messages/errors.js";
export { renderMessage, localeFromEnvironment } from "./messages/catalogue.js";
//# sourceMappingURL=index.js.map