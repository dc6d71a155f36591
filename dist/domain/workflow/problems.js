import { AppError } from "../errors.js";
const STATUS = {
    UNKNOWN_ORG_UNIT: [404, 'NOT_FOUND'],
    ROLE_NOT_ALLOWED: [403, 'FORBIDDEN'],
    OUT_OF_SCOPE: [403, 'FORBIDDEN'],
    LOCKED: [423, 'LOCKED'],
    FROZEN: [423, 'FROZEN'],
};
/** A single request's problem as the API error it would be on its own (an import collects them instead). */
export function problemError(problem) {
    const [status, code] = STATUS[problem.code] ?? [400, 'VALIDATION'];
    const message = status === 423 ? problem.message : `${problem.field}: ${problem.message}`;
    return new AppError(status, code, message, [{ at: problem.field, code: problem.code, message: problem.message }]);
}
//# sourceMappingURL=problems.js.map