/**
 * What a password must be, shared by the server's check (passwordStrength.ts) and the web
 * client's form: long enough, not absurdly long (every sign-in hashes it with scrypt), and
 * guessed only after many tries (zxcvbn's score, 0 to 4).
 */
export const PASSWORD_RULES = { minLength: 10, maxLength: 200, minScore: 3 } as const;
