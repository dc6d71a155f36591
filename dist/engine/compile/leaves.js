import { columnOf } from "./block.js";
import { FAULT, fail } from "./cursor.js";
/** Reads a leaf for the element the cursor is on, recording its fault. */
export function leafReader(leaf) {
    const read = rawReader(leaf);
    const { fault, name } = leaf;
    if (fault === FAULT.none)
        return read;
    return (c) => {
        const value = read(c);
        return value !== value ? fail(c, fault, name) : value;
    };
}
function rawReader({ from, slot }) {
    switch (from) {
        case 'activity':
            return (c) => c.act[c.actBase + slot];
        case 'package':
            return (c) => c.pkg[c.pkgBase + slot];
        case 'zone':
            return (c) => c.zone[c.zoneBase + slot];
        case 'attribute':
            return (c) => c.attrs[c.attrBase + slot];
        case 'constant':
            return (c) => c.constants[c.constantBase + slot];
        case 'input':
            return (c) => {
                const value = c.inputs[c.inputBase + slot][c.unit];
                return value !== value ? 0 : value;
            };
        case 'isNull':
            return (c) => {
                const value = c.inputs[c.inputBase + slot][c.unit];
                return value !== value ? 1 : 0;
            };
    }
}
/**
 * Reads a leaf for every element of a block, once a block however many times the formulas
 * of the group read it; a value computed by an earlier step for this block is read from
 * that step's column. Faults are not recorded: a NaN read makes a NaN value, which the
 * evaluation loop explains by evaluating that element again one at a time.
 */
export function leafColumn(leaf) {
    const gather = gatherer(leaf);
    const { from, slot } = leaf;
    let generation = -1;
    let gathered;
    return (b) => {
        const computed = b.computedFrom === from ? b.computed[slot] : undefined;
        if (computed)
            return computed;
        if (generation !== b.generation || !gathered) {
            gathered = gather(b);
            generation = b.generation;
        }
        return gathered;
    };
}
function gatherer({ from, slot }) {
    const column = columnOf();
    switch (from) {
        case 'activity':
            return (b) => {
                const out = column(b);
                const { act, actStride } = b.cursor;
                for (let k = 0, i = b.rowStart * b.per * actStride + slot; k < b.n; k++, i += actStride)
                    out[k] = act[i];
                return out;
            };
        case 'package':
            return perRow(column, (b, row) => b.cursor.pkg[row * b.cursor.pkgStride + slot]);
        case 'zone':
            return perRow(column, (b, row) => b.cursor.zone[b.zoneOfRow[row] * b.zoneStride + slot]);
        case 'attribute':
            return perRow(column, (b, row) => b.cursor.attrs[b.units[row] * b.attributeCount + slot]);
        case 'constant':
            return (b) => {
                const out = column(b);
                const { constants, constantCount } = b.cursor;
                for (let row = b.rowStart, k = 0; row < b.rowEnd; row++) {
                    for (let a = 0, i = slot; a < b.per; a++, i += constantCount)
                        out[k++] = constants[i];
                }
                return out;
            };
        case 'input':
        case 'isNull':
            return inputColumn(column, slot, from === 'isNull');
    }
}
/** A value of the row, the same for each of its elements. */
function perRow(column, read) {
    return (b) => {
        const out = column(b);
        for (let row = b.rowStart, k = 0; row < b.rowEnd; row++) {
            const value = read(b, row);
            for (let a = 0; a < b.per; a++)
                out[k++] = value;
        }
        return out;
    };
}
function inputColumn(column, input, isNull) {
    return (b) => {
        const out = column(b);
        const { inputs, inputCount } = b.cursor;
        const { units, per, rowStart, rowEnd } = b;
        for (let a = 0; a < per; a++) {
            const entered = inputs[a * inputCount + input];
            if (isNull) {
                for (let row = rowStart, k = a; row < rowEnd; row++, k += per)
                    out[k] = entered[units[row]] !== entered[units[row]] ? 1 : 0;
                continue;
            }
            for (let row = rowStart, k = a; row < rowEnd; row++, k += per) {
                const value = entered[units[row]];
                out[k] = value !== value ? 0 : value;
            }
        }
        return out;
    };
}
//# sourceMappingURL=leaves.js.map