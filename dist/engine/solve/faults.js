import { FAULT } from "../compile/cursor.js";
const CODES = {
    [FAULT.divZero]: 'DIV_ZERO',
    [FAULT.noMatch]: 'NO_MATCH',
    [FAULT.missingValue]: 'MISSING_VALUE',
};
export function faultCode(fault) {
    return CODES[fault];
}
/** Collects run-time errors, keeping the first `limit` in full and counting the rest. */
export class ErrorLog {
    limit;
    errors = [];
    count = 0;
    constructor(limit) {
        this.limit = limit;
    }
    add(error) {
        this.count++;
        if (this.errors.length < this.limit)
            this.errors.push(error);
    }
    runtime(code, at, params, where) {
        this.add({ code, at, message: { key: code, params }, ...where });
    }
}
//# sourceMappingURL=faults.js.map