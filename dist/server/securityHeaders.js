import helmet, {} from 'helmet';
/**
 * The headers helmet sets, captured once from its middleware, for every answer. Helmet's
 * middleware sets the same headers on each answer when its configuration has no part that
 * depends on the request (no CSP nonce), as here; running its dozen middlewares and raw
 * `setHeader` calls for each answer cost a write about a twentieth of its CPU.
 */
export function securityHeaders(options) {
    if (dependsOnRequest(options))
        throw new Error('a security header that depends on the request (a CSP nonce) cannot be captured once');
    const headers = {};
    const response = {
        setHeader: (name, value) => void (headers[name.toLowerCase()] = value),
        removeHeader: (name) => void delete headers[name.toLowerCase()],
    };
    let done = false;
    helmet(options)({ headers: {} }, response, (error) => {
        if (error)
            throw error;
        done = true;
    });
    if (!done)
        throw new Error('helmet did not set its headers at once');
    return Object.freeze(headers);
}
/** Whether a CSP directive is computed for each request (a function, as for a nonce), alone or among its sources. */
function dependsOnRequest(options) {
    const csp = options.contentSecurityPolicy;
    const directives = typeof csp === 'object' ? Object.values(csp.directives ?? {}) : [];
    return directives.some((value) => partsOf(value).some((part) => typeof part === 'function'));
}
/** A directive's sources: helmet takes a string, a function or any iterable of them. */
function partsOf(value) {
    if (typeof value === 'string' || value === null || typeof value !== 'object' || !(Symbol.iterator in value))
        return [value];
    return [...value];
}
/**
 * What still means something on a script or a stylesheet: nosniff (run nothing under a wrong
 * type), CORP (no other site embeds them), the referrer policy (a stylesheet's own requests)
 * and HSTS. The rest (CSP, framing, COOP…) governs documents: on each of the dozen files of a
 * screen it would weigh 500 bytes, a sixtieth of a second each on a 256 kbit/s link.
 */
const ASSET_HEADERS = ['x-content-type-options', 'cross-origin-resource-policy', 'referrer-policy', 'strict-transport-security'];
function withAssets(page) {
    return { page, asset: Object.freeze(Object.fromEntries(Object.entries(page).filter(([name]) => ASSET_HEADERS.includes(name)))) };
}
/**
 * Helmet's headers with the app's CSP, in two sets. Over plain HTTP (a district's LAN, where
 * no certificate exists) three of helmet's defaults are left out: `upgrade-insecure-requests`
 * would send every script to an https:// address nobody answers (a blank page); HSTS and
 * Cross-Origin-Opener-Policy are ignored by browsers outside HTTPS, COOP with an error in the
 * console. Over HTTPS — the server's own (TLS_CERT) or a trusted proxy's (X-Forwarded-Proto) —
 * all of them are sent.
 */
export function headersByProtocol() {
    const directives = { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] };
    return {
        https: withAssets(securityHeaders({ contentSecurityPolicy: { directives } })),
        http: withAssets(securityHeaders({
            contentSecurityPolicy: { directives: { ...directives, 'upgrade-insecure-requests': null } },
            strictTransportSecurity: false,
            crossOriginOpenerPolicy: false,
        })),
    };
}
//# sourceMappingURL=securityHeaders.js.map