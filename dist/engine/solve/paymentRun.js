import { Cursor, FAULT } from "../compile/cursor.js";
import { faultCode } from "./faults.js";
/** Every value of one payment for one period, one row per paid org unit. */
export class PaymentRun {
    compiled;
    period;
    tree;
    units;
    sources;
    rowOf;
    stride;
    values;
    constructor(compiled, period, tree, units, 
    /** For each package the payment reads, the runs it sums (one, or three months for a quarter). */
    sources) {
        this.compiled = compiled;
        this.period = period;
        this.tree = tree;
        this.units = units;
        this.sources = sources;
        this.stride = compiled.layout.slots.size;
        this.values = new Float64Array(units.length * this.stride);
        this.rowOf = new Int32Array(tree.size).fill(-1);
        units.forEach((unit, row) => (this.rowOf[unit] = row));
    }
    /** Copies the package values it reads (summed over months when needed), then evaluates. */
    evaluate(attrs, attributeCount, log) {
        this.gather();
        const c = new Cursor();
        c.pkg = this.values;
        c.pkgStride = this.stride;
        c.attrs = attrs;
        for (const step of this.compiled.steps) {
            for (let row = 0; row < this.units.length; row++) {
                c.pkgBase = row * this.stride;
                c.attrBase = this.units[row] * attributeCount;
                const value = step.fn(c);
                this.values[c.pkgBase + step.slot] = value;
                if (value !== value && c.fault !== FAULT.none) {
                    const orgUnit = this.tree.id(this.units[row]);
                    // Only attributes can be missing in a payment's scope.
                    const reason = { key: 'reason.attribute', params: { orgUnit } };
                    log.runtime(faultCode(c.fault), step.formula.location, { name: c.faultName, reason }, {
                        orgUnit,
                        period: this.period.id,
                    });
                    c.fault = FAULT.none;
                }
            }
        }
    }
    gather() {
        for (const source of this.compiled.layout.sources) {
            const runs = this.sources.get(source.packageCode) ?? [];
            const slots = runs.map((run) => run.compiled.layout.packageSlots.get(source.formulaName));
            for (let row = 0; row < this.units.length; row++) {
                let total = 0;
                runs.forEach((run, r) => {
                    total += run.pkg[run.rowOf[this.units[row]] * run.pkgStride + slots[r]];
                });
                this.values[row * this.stride + source.slot] = total;
            }
        }
    }
}
//# sourceMappingURL=paymentRun.js.map