import { asLocale } from "../domain/auth/passwordStrength.js";
/**
 * The language to answer a person in: the first of French and English in Accept-Language
 * (the web client sends the language its screens are in), else the user's own, else French.
 */
export function requestLocale(request) {
    const header = request.headers['accept-language'];
    const ranked = (typeof header === 'string' ? header.split(',') : [])
        .map((part) => {
        const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
        const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { language: tag.split('-')[0], q: q ? Number(q.slice(2)) : 1 };
    })
        .filter((entry) => (entry.language === 'fr' || entry.language === 'en') && entry.q > 0)
        .sort((a, b) => b.q - a.q);
    return asLocale(ranked[0]?.language ?? request.actor?.locale);
}
//# sourceMappingURL=requestLocale.js.map