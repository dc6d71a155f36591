/** Syllables that make Kirundi-sounding hill names (Kabuye, Rugari, Nyamurenza...). */
const ONSETS = ['ka', 'ki', 'ru', 'bu', 'mu', 'nya', 'gi', 'ma', 'ngo', 'rwa', 'ga', 'bi', 'mi', 'ku'];
const MIDDLES = ['ba', 'ge', 'ra', 'zi', 'ta', 'ye', 'ni', 'ho', 'sha', 'tu', 'nda', 'me', 'ri', 'ko', 'nze', 'ga'];
const ENDINGS = ['ye', 'ri', 'nza', 'zi', 'ro', 'ga', 'ke', 'ma', 'ni', 'ngo', 'ta', 'mbi', 'ro', 'he'];
/** Gives unique place names, drawn from one random stream so the sequence is reproducible. */
export class PlaceNames {
    random;
    used = new Set();
    constructor(random) {
        this.random = random;
    }
    next() {
        let name = this.draw();
        // A few thousand names exist; past a few collisions, a number keeps large demos unique.
        for (let attempt = 1; this.used.has(name); attempt++)
            name = attempt < 20 ? this.draw() : `${this.draw()} ${attempt}`;
        this.used.add(name);
        return name;
    }
    draw() {
        const middle = this.random.chance(0.6) ? this.random.pick(MIDDLES) : '';
        const word = this.random.pick(ONSETS) + middle + this.random.pick(ENDINGS);
        return word.charAt(0).toUpperCase() + word.slice(1);
    }
}
const DISTRICT_SUFFIXES = {
    1: [''],
    2: [' Nord', ' Sud'],
    3: [' Nord', ' Centre', ' Sud'],
    4: [' Nord', ' Est', ' Sud', ' Ouest'],
    5: [' Nord', ' Est', ' Centre', ' Sud', ' Ouest'],
};
/** "Ngozi Nord", "Ngozi Sud": the districts of a province named by direction. */
export function districtNames(province, count) {
    const suffixes = DISTRICT_SUFFIXES[count] ?? Array.from({ length: count }, (_, i) => ` ${i + 1}`);
    return suffixes.map((suffix) => `${province}${suffix}`);
}
/** `Bujumbura Mairie` → `bujumbura_mairie`. */
export function slug(name) {
    return name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '');
}
//# sourceMappingURL=names.js.map