/** Run-time error codes as small integers, so the hot path only stores a number. */
export const FAULT = { none: 0, divZero: 1, noMatch: 2, missingValue: 3 };
const EMPTY = new Float64Array(0);
/**
 * Where a compiled formula reads its values: flat arrays and offsets into them, set by the
 * evaluation loop before each call. One class with fixed fields keeps property reads
 * monomorphic in every closure.
 */
export class Cursor {
    /** Tree index of the unit being computed. */
    unit = 0;
    /** Entered values by unit, one column per (activity, input): inputBase + input. */
    inputs = [];
    inputBase = 0;
    inputCount = 0;
    /** The package's activity constants: constantBase + index for the current activity. */
    constants = EMPTY;
    constantBase = 0;
    constantCount = 0;
    /** Activity-level values, one row of `actStride` slots per (unit, activity). */
    act = EMPTY;
    actBase = 0;
    /** Offset of the current unit's first activity row; lists over activities start here. */
    unitActBase = 0;
    actStride = 0;
    activityCount = 0;
    /** Package-level values (or a payment's values), one row of `pkgStride` slots per unit. */
    pkg = EMPTY;
    pkgBase = 0;
    pkgStride = 0;
    /** Zone formulas, one row per zone; lists over targets run over pkg rows firstRow..endRow. */
    zone = EMPTY;
    zoneBase = 0;
    firstRow = 0;
    endRow = 0;
    /** Org-unit attributes of the unit the formula runs at. */
    attrs = EMPTY;
    attrBase = 0;
    /** The first run-time fault of the current evaluation and the name that caused it. */
    fault = FAULT.none;
    faultName = '';
}
/** Records the first fault of an evaluation and yields NaN, which every operation propagates. */
export function fail(cursor, fault, name) {
    if (cursor.fault === FAULT.none) {
        cursor.fault = fault;
        cursor.faultName = name;
    }
    return Number.NaN;
}
//# sourceMappingURL=cursor.js.map