import { z } from 'zod';
import { schemaError } from "../messages/errors.js";
import { dataValueSchema } from "./programSchema.js";
import { parseWithSchema } from "./validation.js";
/**
 * Entered values, one column per (period, state, activity) indexed by org unit, NaN where
 * nothing was entered. Columns keep the engine's reads to one array access per value.
 */
export class DataSet {
    tree;
    columns = new Map();
    sources = new Map();
    constructor(tree) {
        this.tree = tree;
    }
    /** Reads and validates rows `{orgUnit, period, activity, state, value}`. */
    static fromRows(raw, tree, locale = 'en') {
        const parsed = parseWithSchema(z.array(dataValueSchema), raw, 'data', locale);
        if (!parsed.value)
            return { errors: parsed.errors };
        const data = new DataSet(tree);
        const errors = [];
        parsed.value.forEach((row, i) => {
            const unit = tree.indexOf(row.orgUnit);
            if (unit === undefined) {
                errors.push(schemaError(`data[${i}].orgUnit`, 'schema.unknownOrgUnit', { id: row.orgUnit }));
                return;
            }
            const conflict = data.set(unit, row.period, row.activity, row.state, row.value, i);
            if (conflict !== undefined) {
                errors.push(schemaError(`data[${i}].value`, 'schema.conflictingValue', { first: `data[${conflict.row}]`, value: conflict.value }));
            }
        });
        return errors.length > 0 ? { errors } : { data, errors };
    }
    /**
     * Records one value. Returns the earlier row when it gave a different value for the same
     * key (the same value twice is accepted, so re-importing a file changes nothing).
     */
    set(unit, period, activity, state, value, row = -1) {
        const column = this.writableColumn(period, state, activity);
        const sources = this.sources.get(columnKey(period, state, activity));
        const previous = column[unit];
        if (previous === previous && previous !== value)
            return { row: sources[unit], value: previous };
        column[unit] = value;
        sources[unit] = row;
        return undefined;
    }
    /**
     * The column of one (period, state, activity), created empty (all NaN) when missing, for
     * loaders that fill many values at once; such values carry no source row.
     */
    writableColumn(period, state, activity) {
        const key = columnKey(period, state, activity);
        let column = this.columns.get(key);
        if (!column) {
            column = new Float64Array(this.tree.size).fill(Number.NaN);
            this.columns.set(key, column);
            this.sources.set(key, new Int32Array(this.tree.size).fill(-1));
        }
        return column;
    }
    /** Values of one (period, state, activity) by org-unit index, or undefined when none. */
    column(period, state, activity) {
        return this.columns.get(columnKey(period, state, activity));
    }
    /** Every stored value, for export and tests. */
    *rows() {
        for (const [key, column] of this.columns) {
            const [period, state, activity] = key.split('\u0000');
            for (let unit = 0; unit < column.length; unit++) {
                const value = column[unit];
                if (value === value)
                    yield { orgUnit: this.tree.id(unit), period, activity, state, value };
            }
        }
    }
}
function columnKey(period, state, activity) {
    return `${period}\u0000${state}\u0000${activity}`;
}
//# sourceMappingURL=dataSet.js.map