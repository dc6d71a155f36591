import { Decimal } from 'decimal.js';
import { errors } from "../errors.js";
import { checkedProgram } from "../programmes.js";
import { unitFacts } from "../unitFacts.js";
import { computeInvoices } from "./computeInvoices.js";
import { runErrorDetails } from "./failRun.js";
import { loadRunInputs } from "./loadRunInputs.js";
import { invoicePeriod } from "./periods.js";
/**
 * How a change of rules would move each facility's payment: the subtree's entered values
 * computed under the version in force and under the draft, compared per facility and
 * payment. Nothing is written, and the workflow is ignored: every facility with data counts.
 */
export async function dryRunProgramme(db, _actor, props) {
    const period = invoicePeriod(props.period);
    const inputs = await loadRunInputs(db, { programmeId: props.programmeId, rootOrgUnitId: props.orgUnitId, period });
    const draft = await checkedProgram(db, props.programmeId, props.definition);
    const current = amounts(computeInvoices(inputs, { workflowGates: false }), 'the rules in force');
    const proposed = amounts(computeInvoices({ ...inputs, version: { ...inputs.version, program: draft } }, { workflowGates: false }), 'the draft');
    const keys = [...new Set([...current.keys(), ...proposed.keys()])].sort();
    const names = await unitFacts(db, props.programmeId, keys.map((key) => key.split('\u0000')[0]));
    const all = keys.map((key) => {
        const [orgUnitId, payment] = key.split('\u0000');
        const before = current.get(key) ?? null;
        const after = proposed.get(key) ?? null;
        const delta = new Decimal(after ?? 0).minus(before ?? 0);
        return { orgUnitId, name: names.get(orgUnitId)?.name ?? orgUnitId, payment, current: before, draft: after, delta: delta.toString() };
    });
    const sum = (pick) => all.reduce((total, change) => total.plus(pick(change) ?? 0), new Decimal(0)).toString();
    const changes = all
        .filter((change) => !new Decimal(change.delta).isZero() || change.current === null || change.draft === null)
        .sort((a, b) => new Decimal(b.delta).abs().comparedTo(new Decimal(a.delta).abs()));
    return {
        period: period.id,
        version: inputs.version.version,
        changes,
        unchanged: all.length - changes.length,
        totals: { current: sum((change) => change.current), draft: sum((change) => change.draft), delta: sum((change) => change.delta) },
    };
}
/** Amounts by unit and payment, or a 422 with the engine's errors located. */
function amounts(computation, which) {
    if (!computation.ok) {
        throw errors.unprocessable('DRY_RUN_FAILED', `${which} cannot be computed on this subtree and period`, runErrorDetails(computation.errors));
    }
    return new Map(computation.invoices.map((invoice) => [`${invoice.orgUnitId}\u0000${invoice.payment}`, invoice.amount]));
}
//# sourceMappingURL=dryRun.js.map