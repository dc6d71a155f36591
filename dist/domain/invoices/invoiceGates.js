import { versionByNumber } from "../programmes.js";
import { invoicePeriod, packagePeriods } from "./periods.js";
/** The facilities' package periods that invoices pay, read from the version each invoice used. */
export async function invoiceGates(db, programmeId, invoices) {
    const versions = new Map();
    for (const number of new Set(invoices.map((invoice) => invoice.programmeVersion))) {
        versions.set(number, await versionByNumber(db, programmeId, number));
    }
    return invoices.flatMap((invoice) => packagePeriods(versions.get(invoice.programmeVersion).program, invoice.payment, invoicePeriod(invoice.period)).map((gate) => ({
        orgUnitId: invoice.orgUnitId,
        ...gate,
    })));
}
//# sourceMappingURL=invoiceGates.js.map