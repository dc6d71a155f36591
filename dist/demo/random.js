/**
 * Seeded pseudo-random numbers for the demo (mulberry32). Each facility, period and topic
 * draws from its own stream, named by a label, so one facility's numbers do not shift when
 * another is added and the same seed always gives the same demo.
 */
export class Random {
    state;
    constructor(seed) {
        this.state = seed >>> 0;
    }
    /** An independent stream for `label`, derived from this seed. */
    static stream(seed, label) {
        return new Random(fnv1a(`${seed}:${label}`));
    }
    /** Uniform in [0, 1). */
    next() {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    between(low, high) {
        return low + (high - low) * this.next();
    }
    /** An integer in [low, high]. */
    integer(low, high) {
        return low + Math.floor(this.next() * (high - low + 1));
    }
    chance(probability) {
        return this.next() < probability;
    }
    pick(items) {
        return items[Math.floor(this.next() * items.length)];
    }
    /** Standard normal (Box–Muller). */
    normal() {
        const u = 1 - this.next();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
    }
    /** A count of events with mean `mean`: exact for small means, normal approximation above. */
    poisson(mean) {
        if (mean <= 0)
            return 0;
        if (mean > 40)
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
        const limit = Math.exp(-mean);
        let count = -1;
        for (let product = 1; product > limit; product *= this.next())
            count++;
        return count;
    }
}
/** 32-bit FNV-1a hash of a label, to seed its stream. */
function fnv1a(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}
//# sourceMappingURL=random.js.map