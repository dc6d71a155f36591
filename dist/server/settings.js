import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOGIN_ATTEMPTS_PER_MINUTE } from "./routes/auth.js";
import { tlsFromEnvironment } from "./tls.js";
export const MIN_SECRET_LENGTH = 32;
/** pino's levels, from the fewest lines to the most; `silent` logs nothing. */
export const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'];
/**
 * `npm start`'s settings: PORT (3000), HOST (127.0.0.1), DATABASE_URL, DATA_DIR (./data),
 * LOG_LEVEL (or LOG=off), TLS_CERT and TLS_KEY, NODE_ENV / OPENPBF_MODE, DEMO, SESSION_SECRET,
 * COOKIE_SECURE, TRUST_PROXY, LOGIN_ATTEMPTS_PER_MINUTE (README.md, "Configuration"). A
 * malformed value throws, naming it.
 */
export function configFromEnvironment(env) {
    const port = Number(env.PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`PORT: '${env.PORT}' is not a port number`);
    const production = productionMode(env);
    const secret = env.SESSION_SECRET;
    if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
        throw new Error(`SESSION_SECRET: at least ${MIN_SECRET_LENGTH} characters (it has ${secret.length}); for instance \`openssl rand -base64 48\``);
    }
    const tls = tlsFromEnvironment(env);
    return {
        port,
        host: env.HOST ?? '127.0.0.1',
        ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
        dataDir: dataDir(env),
        logLevel: logLevel(env),
        ...(tls ? { tls } : {}),
        production,
        loadDemo: demoWanted(env, production),
        ...(existsSync(WEB_ROOT) ? { webRoot: WEB_ROOT } : {}),
        ...(secret ? { sessionSecret: secret } : {}),
        secureCookies: secureCookies(env, production, tls !== undefined),
        trustProxy: trustProxy(env.TRUST_PROXY),
        loginAttemptsPerMinute: loginAttempts(env.LOGIN_ATTEMPTS_PER_MINUTE),
    };
}
const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));
const dataDir = (env) => resolve(env.DATA_DIR ?? 'data');
/** The store the server opens: PostgreSQL at DATABASE_URL, else PGlite in DATA_DIR. */
export function storeOf(config) {
    return config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir };
}
/** The same store for the command line (`openpbf users create-admin`), from the same variables. */
export function storeFromEnvironment(env) {
    return storeOf({ ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}), dataDir: dataDir(env) });
}
/**
 * LOG_LEVEL, `warn` by default: errors and warnings, not a line per request (`info`), which
 * on a busy server would fill the journal with what the API's answers already say.
 * LOG=off, the older setting, is `silent`.
 */
function logLevel(env) {
    const level = env.LOG_LEVEL;
    if (level === undefined || level === '') {
        if (env.LOG === undefined || env.LOG === '')
            return 'warn';
        if (env.LOG === 'off')
            return 'silent';
        throw new Error(`LOG: '${env.LOG}' is not 'off'; to choose what is logged, set LOG_LEVEL (${LOG_LEVELS.join(', ')})`);
    }
    if (!LOG_LEVELS.includes(level))
        throw new Error(`LOG_LEVEL: '${level}' is not one of ${LOG_LEVELS.join(', ')}`);
    return level;
}
/** OPENPBF_MODE when set (`production` or `development`), else NODE_ENV=production. */
function productionMode(env) {
    const mode = env.OPENPBF_MODE;
    if (mode === undefined || mode === '')
        return env.NODE_ENV === 'production';
    if (mode !== 'production' && mode !== 'development')
        throw new Error(`OPENPBF_MODE: '${mode}' is neither 'production' nor 'development'`);
    return mode === 'production';
}
function demoWanted(env, production) {
    const demo = env.DEMO;
    if (demo !== undefined && demo !== 'on' && demo !== 'off')
        throw new Error(`DEMO: '${demo}' is neither 'on' nor 'off'`);
    if (production && demo === 'on')
        throw new Error('DEMO=on: production mode never loads the demo, whose passwords are published; unset DEMO');
    return !production && demo !== 'off';
}
/** Secure in production and wherever the server speaks HTTPS itself (unless COOKIE_SECURE=false, outside production). */
function secureCookies(env, production, tls) {
    const value = env.COOKIE_SECURE;
    if (value !== undefined && value !== 'true' && value !== 'false')
        throw new Error(`COOKIE_SECURE: '${value}' is neither 'true' nor 'false'`);
    if (production && value === 'false')
        throw new Error('COOKIE_SECURE=false: production mode sends the session cookie over HTTPS only; unset COOKIE_SECURE');
    return production || value === 'true' || (tls && value !== 'false');
}
/** Addresses proxy-addr knows by name (Fastify's trustProxy). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
/**
 * `true` (every proxy: only when nothing but the proxy can reach the server), or the
 * proxies' addresses or ranges, comma-separated: `127.0.0.1`, `10.0.0.0/8`, `loopback`.
 */
function trustProxy(value) {
    if (value === undefined || value === '' || value === 'false')
        return false;
    if (value === 'true')
        return true;
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.find((entry) => !isRange(entry));
    if (bad !== undefined)
        throw new Error(`TRUST_PROXY: '${bad}' is not an IP address, a range (10.0.0.0/8), 'loopback', 'linklocal' or 'uniquelocal'`);
    return entries.join(',');
}
function isRange(entry) {
    if (NAMED_RANGES.has(entry))
        return true;
    const [address = '', bits, ...rest] = entry.split('/');
    const version = isIP(address);
    if (version === 0 || rest.length > 0)
        return false;
    if (bits === undefined)
        return true;
    const prefix = Number(bits);
    return /^\d+$/.test(bits) && prefix <= (version === 4 ? 32 : 128);
}
function loginAttempts(value) {
    if (value === undefined || value === '')
        return LOGIN_ATTEMPTS_PER_MINUTE;
    const attempts = Number(value);
    if (!Number.isInteger(attempts) || attempts < 1)
        throw new Error(`LOGIN_ATTEMPTS_PER_MINUTE: '${value}' is not a whole number of at least 1`);
    return attempts;
}
//# sourceMappingURL=settings.js.map