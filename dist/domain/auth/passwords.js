import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
/**
 * Passwords are hashed with scrypt, a memory-hard function built into Node: 2^15 × 8 × 128
 * bytes = 32 MiB per hash, which makes guessing on GPUs expensive.
 */
const PARAMETERS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
function derive(password, salt, options) {
    return new Promise((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => error ? reject(error) : resolve(key));
    });
}
/** `scrypt$N$r$p$salt$hash`, base64url parts, so parameters can be raised later. */
export async function hashPassword(password) {
    const salt = randomBytes(16);
    const key = await derive(password, salt, PARAMETERS);
    const { N, r, p } = PARAMETERS;
    return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}
export async function verifyPassword(password, stored) {
    const [scheme, N, r, p, salt, hash] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !hash)
        return false;
    const expected = Buffer.from(hash, 'base64url');
    const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
    return key.length === expected.length && timingSafeEqual(key, expected);
}
//# sourceMappingURL=passwords.js.map