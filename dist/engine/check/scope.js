/** Values that exist once per activity (activity level) or once per org unit (package level). */
const ACTIVITY_LEVEL = new Set(['input', 'isNull', 'constant', 'activityFormula']);
export const IS_NULL_SUFFIX = '_is_null';
const SOURCE_MESSAGE = {
    input: 'source.input',
    isNull: 'source.isNull',
    constant: 'source.constant',
    table: 'source.table',
    activityFormula: 'source.activityFormula',
    formula: 'source.formula',
    zoneFormula: 'source.zoneFormula',
    attribute: 'source.attribute',
    paymentFormula: 'source.paymentFormula',
    packageValue: 'source.formula',
};
export function isFormulaSource(kind) {
    return kind === 'activityFormula' || kind === 'formula' || kind === 'zoneFormula' || kind === 'paymentFormula';
}
/** Collects names and reports the second definition of any name as DUPLICATE_NAME. */
class NameTable {
    names = new Map();
    errors = [];
    define(name, source) {
        const existing = this.names.get(name);
        if (!existing) {
            this.names.set(name, source);
            return;
        }
        if (existing.kind === source.kind)
            return;
        // Located at a formula when one of the two is a formula: that is what the designer edits.
        const [at, other] = isFormulaSource(source.kind)
            ? [source, existing]
            : isFormulaSource(existing.kind)
                ? [existing, source]
                : [source, existing];
        this.errors.push({
            code: 'DUPLICATE_NAME',
            at: at.location,
            related: [other.location],
            message: {
                key: 'DUPLICATE_NAME',
                params: { name, first: { key: SOURCE_MESSAGE[existing.kind] }, second: { key: SOURCE_MESSAGE[source.kind] } },
            },
        });
    }
}
/** Every name a package's formulas can read, with its level. */
export class PackageScope {
    program;
    pkg;
    table = new NameTable();
    constructor(program, pkg, attributeNames) {
        this.program = program;
        this.pkg = pkg;
        const code = pkg.code;
        for (const input of pkg.inputs) {
            this.table.define(input, { kind: 'input', location: `${code}.inputs.${input}` });
            this.table.define(input + IS_NULL_SUFFIX, { kind: 'isNull', location: `${code}.inputs.${input}` });
        }
        for (const activity of pkg.activities) {
            for (const name of Object.keys(activity.constants ?? {})) {
                this.table.define(name, { kind: 'constant', location: `${code}.activities.${activity.code}.constants.${name}` });
            }
        }
        program.decisionTables.forEach((decisionTable, i) => {
            if (decisionTable.package !== code)
                return;
            const perActivity = decisionTable.inputs.includes('activity');
            for (const output of decisionTable.outputs) {
                this.table.define(output, { kind: 'table', location: `decisionTables[${i}].outputs.${output}`, perActivity });
            }
        });
        this.defineFormulas(pkg.activityFormulas, 'activityFormula', `${code}.activityFormulas`);
        this.defineFormulas(pkg.formulas, 'formula', `${code}.formulas`);
        this.defineFormulas(pkg.zoneFormulas ?? {}, 'zoneFormula', `${code}.zoneFormulas`);
        for (const name of attributeNames) {
            this.table.define(name, { kind: 'attribute', location: `orgUnits.attributes.${name}` });
        }
    }
    get errors() {
        return this.table.errors;
    }
    get names() {
        return this.table.names;
    }
    resolve(scope, name) {
        const source = this.table.names.get(name);
        if (!source)
            return undefined;
        const activityLevel = isActivityLevel(source);
        switch (scope) {
            case 'activity':
                return { source };
            case 'package':
                return activityLevel ? { source, list: 'activity' } : { source };
            case 'zone':
                if (source.kind === 'formula')
                    return { source, list: 'target' };
                if (source.kind === 'zoneFormula' || source.kind === 'attribute')
                    return { source };
                return undefined;
            case 'payment':
                return undefined;
        }
    }
    visibleNames(scope) {
        return [...this.table.names.keys()].filter((name) => this.resolve(scope, name) !== undefined);
    }
    defineFormulas(formulas, kind, prefix) {
        for (const name of Object.keys(formulas))
            this.table.define(name, { kind, location: `${prefix}.${name}` });
    }
}
export function isActivityLevel(source) {
    return ACTIVITY_LEVEL.has(source.kind) || (source.kind === 'table' && source.perActivity === true);
}
/** Names a payment's formulas can read: its packages' formulas, its own, attributes. */
export class PaymentScope {
    table = new NameTable();
    constructor(program, payment, attributeNames) {
        for (const code of payment.packages) {
            const pkg = program.packages.find((candidate) => candidate.code === code);
            for (const name of Object.keys(pkg?.formulas ?? {})) {
                this.table.define(`${code}.${name}`, {
                    kind: 'packageValue',
                    location: `${code}.formulas.${name}`,
                    packageCode: code,
                    formulaName: name,
                });
            }
        }
        for (const name of Object.keys(payment.formulas)) {
            this.table.define(name, { kind: 'paymentFormula', location: `${payment.code}.formulas.${name}` });
        }
        for (const name of attributeNames) {
            this.table.define(name, { kind: 'attribute', location: `orgUnits.attributes.${name}` });
        }
    }
    get errors() {
        return this.table.errors;
    }
    resolve(name) {
        const source = this.table.names.get(name);
        return source ? { source } : undefined;
    }
    visibleNames() {
        return [...this.table.names.keys()];
    }
}
//# sourceMappingURL=scope.js.map