import { PASSWORD_RULES } from '../../../src/contract/passwordRules.ts';
import { ApiError } from '../api/client.ts';
import { detailsOf } from '../api/errors.ts';
import type { MessageKey } from '../i18n/en.ts';

/** What to tell the user about a refused password change: a message of ours, and the server's advice (zxcvbn's, in the screen's language). */
export interface PasswordProblem {
  readonly key: MessageKey;
  readonly params: Record<string, string | number>;
  readonly advice: readonly string[];
  /** The field to look at again. */
  readonly field: 'currentPassword' | 'newPassword';
}

/** The problem behind an API error of POST /api/auth/password; null for any other error. */
export function passwordProblem(error: unknown): PasswordProblem | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'WRONG_PASSWORD') return { key: 'password.wrongCurrent', params: {}, advice: [], field: 'currentPassword' };
  if (error.code === 'VALIDATION' && error.message.startsWith('newPassword: must differ')) return { key: 'password.same', params: {}, advice: [], field: 'newPassword' };
  const details = detailsOf(error, 'WEAK_PASSWORD');
  if (!details) return null;
  const params = { min: PASSWORD_RULES.minLength, max: PASSWORD_RULES.maxLength, score: details.score, needed: PASSWORD_RULES.minScore };
  const advice = [details.warning, ...details.suggestions].filter((text): text is string => !!text);
  return { key: `password.weak.${details.reason}` as const, params, advice, field: 'newPassword' };
}
