import type { ErrorDetailsIn } from '../contract/errors.ts';

/**
 * Errors the API answers with: a stable code, an HTTP status, a message naming the record
 * and field, and details. Thrown by domain use cases and routes alike; one handler in
 * app.ts renders them as {"error": {"code", "message", "details"}}. The details of a code the
 * contract declares (src/contract/errors.ts) have its type: TypeScript refuses others.
 */
export class AppError<Code extends string = string> extends Error {
  constructor(
    readonly status: number,
    readonly code: Code,
    message: string,
    readonly details?: ErrorDetailsIn<Code>,
  ) {
    super(message);
  }
}

export const errors = {
  validation: (message: string, details?: ErrorDetailsIn<'VALIDATION'>) => new AppError(400, 'VALIDATION', message, details),
  unauthenticated: () => new AppError(401, 'UNAUTHENTICATED', 'sign in first'),
  badCredentials: () => new AppError(401, 'BAD_CREDENTIALS', 'unknown user name or wrong password'),
  csrf: () => new AppError(403, 'CSRF', 'missing or wrong x-csrf-token header'),
  forbidden: (message: string) => new AppError(403, 'FORBIDDEN', message),
  notFound: (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found`),
  conflict: (message: string, details?: ErrorDetailsIn<'CONFLICT'>) => new AppError(409, 'CONFLICT', message, details),
  locked: (message: string, details?: unknown) => new AppError(423, 'LOCKED', message, details),
  invalidState: (message: string, details?: ErrorDetailsIn<'INVALID_STATE'>) => new AppError(409, 'INVALID_STATE', message, details),
  unprocessable: <Code extends string>(code: Code, message: string, details?: ErrorDetailsIn<Code>) => new AppError(422, code, message, details),
  accountLocked: (until: Date, now: Date) =>
    new AppError(
      429,
      'ACCOUNT_LOCKED',
      `too many wrong passwords for this account: try again after ${until.toISOString()} (in ${Math.ceil((until.getTime() - now.getTime()) / 60_000)} minute(s))`,
      { retryAt: until.toISOString() },
    ),
  wrongPassword: (field: string) => new AppError(400, 'WRONG_PASSWORD', `${field}: wrong password`, { at: field }),
  passwordChangeRequired: () =>
    new AppError(403, 'PASSWORD_CHANGE_REQUIRED', 'choose a new password first (POST /api/auth/password): an administrator reset yours'),
};
