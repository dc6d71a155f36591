import { prepare } from "../../engine/pipeline.js";
/**
 * Prepares the engine for stored inputs. The programme and tree go through the engine's
 * checks; the values, already validated when entered, are written straight into the data
 * set's columns, which spares validating millions of rows one by one.
 */
export function prepareEngine(program, units, data) {
    const { prepared, errors } = prepare({ program, orgUnits: units, data: [] });
    if (!prepared)
        return { errors };
    for (const row of data) {
        const unit = prepared.tree.indexOf(row.orgUnit);
        if (unit !== undefined)
            prepared.data.writableColumn(row.period, row.state, row.activity)[unit] = Number(row.value);
    }
    return { prepared, errors: [] };
}
/**
 * The formula whose value is a payment's amount: `to_pay` when the payment has one, else
 * its last formula in evaluation order (the one computed after all it reads). Evaluation
 * order, not the order written, because stored programmes are jsonb, which sorts keys.
 */
export function amountFormula(payment) {
    if ('to_pay' in payment.payment.formulas)
        return 'to_pay';
    return payment.order.at(-1)?.name;
}
//# sourceMappingURL=engineInputs.js.map