import { parsePeriod } from "../model/period.js";
const WILDCARD = '*';
/**
 * Finds the row of one decision table that applies to an org unit (and activity): among the
 * matching rows the most specific (fewest `*`) wins, ties going to the earlier row. Results
 * are cached per combination of facts, which a national tree repeats thousands of times.
 */
export class TableMatcher {
    table;
    rows;
    activityInput;
    firstMonth;
    lastMonth;
    signatureIds = new Map();
    signatureFacts = [];
    cache = new Map();
    /** Signature of each unit, computed once per run: -1 until asked. */
    unitSignatures;
    /** How to read each input's fact from a unit (activity is supplied per lookup). */
    facts;
    constructor(table, tree) {
        this.table = table;
        this.activityInput = table.inputs.indexOf('activity');
        this.unitSignatures = new Int32Array(tree.size).fill(-1);
        this.facts = table.inputs.map((input, i) => i === this.activityInput ? () => undefined : tree.factReader(input));
        this.rows = table.rows.map((row) => {
            const cells = table.inputs.map((input) => {
                const cell = row[input];
                return cell === undefined || cell === WILDCARD ? undefined : String(cell);
            });
            return { cells, specificity: cells.filter((cell) => cell !== undefined).length };
        });
        this.firstMonth = table.from === undefined ? Number.NEGATIVE_INFINITY : parsePeriod(table.from).firstMonth;
        this.lastMonth = table.to === undefined ? Number.POSITIVE_INFINITY : parsePeriod(table.to).lastMonth;
    }
    /** A table applies to a period when it covers the period's first month. */
    appliesTo(period) {
        return this.firstMonth <= period.firstMonth && period.firstMonth <= this.lastMonth;
    }
    /** An id shared by every unit with the same facts for this table's inputs. */
    signature(unit) {
        const known = this.unitSignatures[unit];
        if (known >= 0)
            return known;
        const facts = this.facts.map((read) => read(unit));
        const key = facts.map((fact) => fact ?? '\u0000').join('\u0001');
        let id = this.signatureIds.get(key);
        if (id === undefined) {
            id = this.signatureFacts.length;
            this.signatureIds.set(key, id);
            this.signatureFacts.push(facts);
        }
        this.unitSignatures[unit] = id;
        return id;
    }
    /** Index of the winning row for a signature and activity, or -1 when none matches. */
    match(signature, activity) {
        const key = `${signature}\u0001${activity ?? ''}`;
        let row = this.cache.get(key);
        if (row === undefined) {
            row = this.search(this.factsFor(signature, activity));
            this.cache.set(key, row);
        }
        return row;
    }
    /** The facts a signature stands for, with the activity, as `input=value` pairs. */
    describeFacts(signature, activity) {
        return this.factsFor(signature, activity)
            .map((fact, i) => `${this.table.inputs[i]}=${fact ?? '∅'}`)
            .join(', ');
    }
    factsFor(signature, activity) {
        const facts = [...this.signatureFacts[signature]];
        if (this.activityInput >= 0)
            facts[this.activityInput] = activity;
        return facts;
    }
    search(facts) {
        let best = -1;
        let bestSpecificity = -1;
        this.rows.forEach((row, index) => {
            if (row.specificity <= bestSpecificity)
                return;
            const matches = row.cells.every((cell, i) => cell === undefined || cell === facts[i]);
            if (matches) {
                best = index;
                bestSpecificity = row.specificity;
            }
        });
        return best;
    }
}
/** Numbers every row of every table of a programme, so one integer names a table and a row. */
export class TableRowIds {
    offsets = [];
    constructor(tables) {
        let offset = 0;
        for (const table of tables) {
            this.offsets.push(offset);
            offset += table.rows.length;
        }
    }
    encode(table, row) {
        return this.offsets[table] + row;
    }
    decode(id) {
        let table = this.offsets.length - 1;
        while (table > 0 && this.offsets[table] > id)
            table--;
        return { table, row: id - this.offsets[table] };
    }
}
//# sourceMappingURL=decisionTables.js.map