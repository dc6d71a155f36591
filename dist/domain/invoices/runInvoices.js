import { computeInvoices } from "./computeInvoices.js";
import { failRun, runFailed } from "./failRun.js";
import { loadRunInputs } from "./loadRunInputs.js";
import { lockInvoices } from "./lock.js";
import { invoicePeriod } from "./periods.js";
import { latestRun, readRun, summarise } from "./readRun.js";
import { writeRun } from "./writeRun.js";
import { transaction } from "../../store/transaction.js";
/**
 * Computes and stores the invoices of a subtree for a period. Inputs are read and the
 * engine runs outside any transaction; everything is then written in one transaction, so
 * a run is stored whole or not at all. Re-running an unchanged scope returns the stored run.
 */
export async function runInvoices(db, actor, props, hooks = {}) {
    const period = invoicePeriod(props.period);
    const startedAt = new Date();
    const inputs = await loadRunInputs(db, { programmeId: props.programmeId, rootOrgUnitId: props.orgUnitId, period });
    const existing = await sameRun(db, inputs);
    if (existing)
        return existing;
    const computation = computeInvoices(inputs);
    if (!computation.ok)
        throw await failRun(db, actor, inputs, computation, startedAt);
    return transaction(db, async (tx) => {
        await lockInvoices(tx, inputs.programmeId);
        const concurrent = await sameRun(tx, inputs);
        if (concurrent)
            return concurrent;
        const runId = await writeRun(tx, actor, { inputs, ...computation, startedAt }, hooks);
        return { created: true, run: await readRun(tx, inputs.programmeId, runId) };
    });
}
const scopeOf = (inputs) => ({ programmeId: inputs.programmeId, rootOrgUnitId: inputs.rootOrgUnitId, period: inputs.period.id });
const sameInputs = (inputs) => (run) => run.programmeVersion === inputs.version.version && run.inputsHash === inputs.hash;
/**
 * The stored answer for inputs already run: the latest completed run of the scope when it
 * read the same version and inputs; the same 422 when the latest attempt failed on them.
 */
async function sameRun(db, inputs) {
    const same = sameInputs(inputs);
    const latest = await latestRun(db, scopeOf(inputs));
    if (latest && latest.status === 'failed' && same(latest)) {
        const details = latest.errors;
        throw runFailed(scopeOf(inputs), latest.id, details, details.length);
    }
    const completed = latest?.status === 'completed' ? latest : await latestRun(db, scopeOf(inputs), { completedOnly: true });
    if (!completed || !same(completed))
        return undefined;
    return { created: false, run: await summarise(db, completed) };
}
//# sourceMappingURL=runInvoices.js.map