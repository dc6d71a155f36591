import { distance } from 'fastest-levenshtein';
/**
 * The candidate a designer most likely meant: same letters in another case, else the
 * closest by edit distance when it is close enough to be a typo.
 */
export function suggest(name, candidates) {
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    const lower = name.toLowerCase();
    for (const candidate of candidates) {
        if (candidate.toLowerCase() === lower)
            return candidate;
        const d = distance(name, candidate);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    const tolerance = Math.max(1, Math.floor(name.length / 3));
    return bestDistance <= tolerance ? best : undefined;
}
//# sourceMappingURL=suggest.js.map