import { createHash, randomBytes } from 'node:crypto';
/**
 * The generator's name, stored with each draw: a draw is replayed with the algorithm it was
 * made with, so changing the algorithm later must come with a new name.
 */
export const DRAW_ALGORITHM = 'sha256-uniform-v1';
const TWO_POW_20 = 2 ** 20;
const TWO_POW_52 = 2 ** 52;
/**
 * A uniform number in [0, 1) for one key (a facility id) under a seed: the first 52 bits of
 * SHA-256(length of seed ":" seed ":" key), divided by 2^52. This is a counter-based
 * generator: each facility's number depends only on the seed and its own id, so a draw does
 * not depend on the order facilities are read in, nor on which other facilities the subtree
 * holds, and anyone can recompute it with a SHA-256 tool. The length prefix keeps
 * ("a:b", "c") and ("a", "b:c") apart.
 */
export function uniform(seed, key) {
    const digest = createHash('sha256').update(`${seed.length}:${seed}:${key}`, 'utf8').digest();
    const high = digest.readUInt32BE(0);
    const low = digest.readUInt32BE(4) >>> 12;
    return (high * TWO_POW_20 + low) / TWO_POW_52;
}
/** A fresh seed when the caller gives none: 128 random bits, recorded with the draw. */
export function newSeed() {
    return randomBytes(16).toString('hex');
}
//# sourceMappingURL=prng.js.map