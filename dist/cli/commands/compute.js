import { stringify } from 'csv-stringify/sync';
import { run } from "../../engine/pipeline.js";
import { EXIT } from "../context.js";
import { prepareOrReport, readInputs } from "../inputs.js";
import { printErrors } from "../output.js";
import { progressReporter } from "../progress.js";
const BATCH = 10_000;
/** `openpbf compute`: every value for the requested periods, as JSON or CSV on stdout. */
export function computeCommand(options, context) {
    const report = (errors) => printErrors(errors, context.locale, context.err);
    const prepared = prepareOrReport(readInputs(options), context, report);
    if (!prepared)
        return EXIT.failed;
    const orgUnits = options.orgUnit?.length ? options.orgUnit : prepared.tree.units.map((unit) => unit.id);
    const progress = progressReporter('computing', context.stderr);
    const result = run(prepared, { orgUnits, periods: options.period }, { onProgress: progress.update });
    progress.done();
    writeValues(result.values({ formulasOnly: !options.all }), options.format, context);
    if (result.errorCount > 0) {
        report(result.errors);
        context.err(`${result.errorCount} run-time error(s)`);
        return EXIT.failed;
    }
    return EXIT.ok;
}
/** Writes values in batches; a failed value is null in JSON and empty in CSV. */
function writeValues(values, format, context) {
    let batch = [];
    let first = true;
    const flush = () => {
        if (format === 'csv') {
            const rows = batch.map((v) => [v.orgUnit, v.period, v.name, v.value === v.value ? v.value : '']);
            context.out(stringify(rows, { header: first, columns: ['orgUnit', 'period', 'name', 'value'] }).trimEnd());
        }
        else {
            const lines = batch.map((v) => JSON.stringify({ ...v, value: v.value === v.value ? v.value : null }));
            if (lines.length > 0)
                context.out(`${first ? '[\n' : ',\n'}${lines.join(',\n')}`);
        }
        first = false;
        batch = [];
    };
    for (const value of values) {
        batch.push(value);
        if (batch.length === BATCH)
            flush();
    }
    if (batch.length > 0 || first)
        flush();
    if (format === 'json')
        context.out(first ? '[]' : ']');
}
//# sourceMappingURL=compute.js.map