import { prepare } from "../engine/pipeline.js";
import { isCaseDocument, readDocument } from "./files.js";
/**
 * Reads the programme, org units and data files; a case file given as the programme also
 * supplies the org units and data unless those are given separately.
 */
export function readInputs(paths) {
    const document = readDocument(paths.program);
    const fromCase = isCaseDocument(document) ? document : undefined;
    return {
        program: fromCase ? fromCase.program : document,
        orgUnits: paths.orgUnits ? pick(readDocument(paths.orgUnits), 'orgUnits') : (fromCase?.orgUnits ?? []),
        data: paths.data ? pick(readDocument(paths.data), 'data') : (fromCase?.data ?? []),
        ...(fromCase && 'run' in fromCase ? { run: fromCase.run } : {}),
    };
}
/** A case file may stand in for an org-unit or data file. */
function pick(document, key) {
    return isCaseDocument(document) ? document[key] : document;
}
export function prepareOrReport(raw, context, printErrors) {
    const { prepared, errors } = prepare(raw, context.locale);
    if (!prepared)
        printErrors(errors);
    return prepared;
}
//# sourceMappingURL=inputs.js.map