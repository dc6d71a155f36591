import { run } from "../../engine/pipeline.js";
import { explain } from "../../engine/provenance/explain.js";
import { renderExplanation } from "../../engine/provenance/render.js";
import { EXIT } from "../context.js";
import { prepareOrReport, readInputs } from "../inputs.js";
import { printErrors } from "../output.js";
/**
 * `openpbf explain`: the provenance tree of one value — formula, the values it read, the
 * decision-table row behind each tariff, the entries behind each input — and the programme
 * version. Runs only the requested org unit (its zone when the value is a zone target's).
 */
export function explainCommand(options, context) {
    const report = (errors) => printErrors(errors, context.locale, context.err);
    const prepared = prepareOrReport(readInputs(options), context, report);
    if (!prepared)
        return EXIT.failed;
    const unit = prepared.tree.indexOf(options.orgUnit);
    if (unit === undefined) {
        context.err(`--org-unit: unknown org unit '${options.orgUnit}'`);
        return EXIT.badInput;
    }
    // The unit and its ancestors, so a zone target is computed within its zone.
    const orgUnits = [];
    for (let current = unit; current >= 0; current = prepared.tree.parent(current))
        orgUnits.push(prepared.tree.id(current));
    const result = run(prepared, { orgUnits, periods: [options.period] });
    const explained = explain(result, options.orgUnit, options.period, options.value, options.depth);
    if (!explained) {
        context.err(`no value '${options.value}' at ${options.orgUnit} for ${options.period}`);
        report(result.errors);
        return EXIT.badInput;
    }
    context.out(options.json ? JSON.stringify(explained, null, 2) : renderExplanation(explained, context.locale));
    return EXIT.ok;
}
//# sourceMappingURL=explain.js.map