/**
 * Errors the API answers with: a stable code, an HTTP status, a message naming the record
 * and field, and details. Thrown by domain use cases and routes alike; one handler in
 * app.ts renders them as {"error": {"code", "message", "details"}}.
 */
export class AppError extends Error {
    status;
    code;
    details;
    constructor(status, code, message, details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }
}
export const errors = {
    validation: (message, details) => new AppError(400, 'VALIDATION', message, details),
    unauthenticated: () => new AppError(401, 'UNAUTHENTICATED', 'sign in first'),
    badCredentials: () => new AppError(401, 'BAD_CREDENTIALS', 'unknown user name or wrong password'),
    csrf: () => new AppError(403, 'CSRF', 'missing or wrong x-csrf-token header'),
    forbidden: (message) => new AppError(403, 'FORBIDDEN', message),
    notFound: (what) => new AppError(404, 'NOT_FOUND', `${what} not found`),
    conflict: (message, details) => new AppError(409, 'CONFLICT', message, details),
    locked: (message, details) => new AppError(423, 'LOCKED', message, details),
    invalidState: (message, details) => new AppError(409, 'INVALID_STATE', message, details),
    unprocessable: (code, message, details) => new AppError(422, code, message, details),
    accountLocked: (until, now) => new AppError(429, 'ACCOUNT_LOCKED', `too many wrong passwords for this account: try again after ${until.toISOString()} (in ${Math.ceil((until.getTime() - now.getTime()) / 60_000)} minute(s))`, { retryAt: until.toISOString() }),
    wrongPassword: (field) => new AppError(400, 'WRONG_PASSWORD', `${field}: wrong password`, { at: field }),
    passwordChangeRequired: () => new AppError(403, 'PASSWORD_CHANGE_REQUIRED', 'choose a new password first (POST /api/auth/password): an administrator reset yours'),
};
//# sourceMappingURL=errors.js.map