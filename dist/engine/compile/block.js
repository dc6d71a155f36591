import { Cursor } from "./cursor.js";
/** Numbers every block of the process, so a column cached for one block is never read for another. */
let blocksStarted = 0;
/**
 * Where a formula compiled to columns reads and what it computes at once: the elements of a
 * block of consecutive rows of a package run, `per` elements a row (one per activity for an
 * activity formula, one for a package formula). Element k is row rowStart + ⌊k / per⌋,
 * activity k mod per. The cursor holds the run's arrays, and is placed on one element for
 * the parts of a formula evaluated one element at a time.
 */
export class Block {
    rowStart = 0;
    rowEnd = 0;
    /** Elements in this block: (rowEnd - rowStart) * per. */
    n = 0;
    per = 1;
    /** This block's number: a name read twice while it lasts is gathered once. */
    generation = 0;
    /**
     * The columns of the steps already computed for this block, by slot, when the group's
     * scope is `computedFrom`: a later step reads them as they are instead of from the rows.
     */
    computedFrom = 'activity';
    computed = [];
    /** The most elements a block of the current scope holds: the length of every column. */
    capacity = 0;
    units = new Int32Array(0);
    zoneOfRow = new Int32Array(0);
    zoneStride = 0;
    attributeCount = 0;
    cursor = new Cursor();
    /** Moves to the rows rowStart..rowEnd - 1, forgetting the previous block's columns. */
    start(rowStart, rowEnd) {
        this.rowStart = rowStart;
        this.rowEnd = rowEnd;
        this.n = (rowEnd - rowStart) * this.per;
        this.generation = ++blocksStarted;
        this.computed.length = 0;
    }
    /** Places the cursor on one row and activity, as the one-at-a-time closures expect. */
    place(row, activity) {
        const c = this.cursor;
        c.pkgBase = row * c.pkgStride;
        c.unitActBase = row * c.activityCount * c.actStride;
        c.zoneBase = this.zoneOfRow[row] * this.zoneStride;
        c.unit = this.units[row];
        c.attrBase = c.unit * this.attributeCount;
        c.actBase = c.unitActBase + activity * c.actStride;
        c.inputBase = activity * c.inputCount;
        c.constantBase = activity * c.constantCount;
    }
}
/**
 * The column a node writes into, owned by the node and grown to the block's capacity; a
 * parent reads its children's columns before they are computed again.
 */
export function columnOf() {
    let out = new Float64Array(0);
    return (block) => (out.length >= block.capacity ? out : (out = new Float64Array(block.capacity)));
}
//# sourceMappingURL=block.js.map