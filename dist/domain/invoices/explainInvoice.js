import { and, eq, inArray } from 'drizzle-orm';
import { run } from "../../engine/pipeline.js";
import { explain } from "../../engine/provenance/explain.js";
import { invoiceRunInputs, invoiceRunValues, invoiceRuns } from "../../store/schema.js";
import { errors } from "../errors.js";
import { versionByNumber } from "../programmes.js";
import { amountFormula, prepareEngine } from "./engineInputs.js";
import { readInvoice } from "./readInvoice.js";
/**
 * Explains a value of an invoice — its amount by default — by recomputing the run for the
 * invoice's unit from the inputs and org units the run stored and the version it used.
 */
export async function explainInvoice(db, actor, props) {
    const invoice = await readInvoice(db, actor, props.programmeId, props.invoiceId);
    const [runRow] = await db
        .select()
        .from(invoiceRuns)
        .where(and(eq(invoiceRuns.programmeId, props.programmeId), eq(invoiceRuns.id, invoice.runId)));
    const version = await versionByNumber(db, props.programmeId, runRow.programmeVersion);
    const units = runRow.orgUnits;
    const inputs = await db
        .select({ orgUnit: invoiceRunInputs.orgUnitId, period: invoiceRunInputs.period, activity: invoiceRunInputs.activity, state: invoiceRunInputs.state, value: invoiceRunInputs.value })
        .from(invoiceRunInputs)
        .where(and(eq(invoiceRunInputs.programmeId, props.programmeId), eq(invoiceRunInputs.runId, invoice.runId), inArray(invoiceRunInputs.orgUnitId, withDescendants(units, invoice.orgUnitId))));
    const { prepared } = prepareEngine(version.program, units, inputs);
    if (!prepared)
        throw new Error(`invoice run ${invoice.runId} can no longer be prepared from its stored inputs`);
    const result = run(prepared, { orgUnits: [invoice.orgUnitId], periods: [runRow.period] });
    const payment = prepared.compiled.payments.find((candidate) => candidate.checked.payment.code === invoice.payment);
    const name = props.name ?? `${invoice.payment}.${amountFormula(payment.checked)}`;
    const period = props.period ?? invoice.period;
    const explanation = explain(result, invoice.orgUnitId, period, name);
    if (!explanation)
        throw errors.notFound(`value '${name}' of '${invoice.orgUnitId}' for ${period} in invoice run ${invoice.runId}`);
    const [stored] = await db
        .select({ value: invoiceRunValues.value })
        .from(invoiceRunValues)
        .where(and(eq(invoiceRunValues.programmeId, props.programmeId), eq(invoiceRunValues.runId, invoice.runId), eq(invoiceRunValues.orgUnitId, invoice.orgUnitId), eq(invoiceRunValues.period, period), eq(invoiceRunValues.name, name)));
    const storedValue = stored?.value ?? null;
    return {
        invoiceId: invoice.id,
        runId: invoice.runId,
        programmeVersion: version.version,
        orgUnitId: invoice.orgUnitId,
        period,
        name,
        storedValue,
        recomputedValue: explanation.value,
        identical: storedValue === explanation.value,
        explanation,
    };
}
/** A unit and every unit below it in a stored tree: what a zone package at the unit reads. */
function withDescendants(units, root) {
    const children = new Map();
    for (const unit of units)
        if (unit.parent)
            children.set(unit.parent, [...(children.get(unit.parent) ?? []), unit.id]);
    const found = [];
    const stack = [root];
    while (stack.length > 0) {
        const id = stack.pop();
        found.push(id);
        stack.push(...(children.get(id) ?? []));
    }
    return found;
}
//# sourceMappingURL=explainInvoice.js.map