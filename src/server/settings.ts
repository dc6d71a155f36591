import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoOptions } from '../demo/generate.ts';
import type { DatabaseOptions } from '../store/database.ts';
import { LOGIN_ATTEMPTS_PER_MINUTE } from './routes/auth.ts';
import { tlsFromEnvironment, type TlsFiles } from './tls.ts';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL when set; otherwise embedded PGlite in `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  /** What the log (JSON lines on standard output) keeps: `info` logs every request. */
  readonly logLevel: LogLevel;
  /** HTTPS with this certificate and key; plain HTTP without (a LAN, or behind a proxy that speaks HTTPS). */
  readonly tls?: TlsFiles;
  /** Production mode (docs/security.md): no demo, a secret, Secure cookies, no demo password left. */
  readonly production: boolean;
  /** Load the demo into a store without programmes: never in production, not with DEMO=off. */
  readonly loadDemo: boolean;
  /** The size of the demo loaded on a first run (the full demo unless a test asks for less). */
  readonly demo?: Partial<DemoOptions>;
  /** The built web client, served at / when it exists (`npm start` builds it first). */
  readonly webRoot?: string;
  /** Signs session cookies; required in production. */
  readonly sessionSecret?: string;
  readonly secureCookies: boolean;
  /** Which proxies' X-Forwarded-For to believe (Fastify's trustProxy). */
  readonly trustProxy: boolean | string;
  readonly loginAttemptsPerMinute: number;
}

export const MIN_SECRET_LENGTH = 32;

/** pino's levels, from the fewest lines to the most; `silent` logs nothing. */
export const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * `npm start`'s settings: PORT (3000), HOST (127.0.0.1), DATABASE_URL, DATA_DIR (./data),
 * LOG_LEVEL (or LOG=off), TLS_CERT and TLS_KEY, NODE_ENV / OPENPBF_MODE, DEMO, SESSION_SECRET,
 * COOKIE_SECURE, TRUST_PROXY, LOGIN_ATTEMPTS_PER_MINUTE (README.md, "Configuration"). A
 * malformed value throws, naming it.
 */
export function configFromEnvironment(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: '${env.PORT}' is not a port number`);
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

const dataDir = (env: NodeJS.ProcessEnv) => resolve(env.DATA_DIR ?? 'data');

/** The store the server opens: PostgreSQL at DATABASE_URL, else PGlite in DATA_DIR. */
export function storeOf(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): DatabaseOptions {
  return config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir };
}

/** The same store for the command line (`openpbf users create-admin`), from the same variables. */
export function storeFromEnvironment(env: NodeJS.ProcessEnv): DatabaseOptions {
  return storeOf({ ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}), dataDir: dataDir(env) });
}

/**
 * LOG_LEVEL, `warn` by default: errors and warnings, not a line per request (`info`), which
 * on a busy server would fill the journal with what the API's answers already say.
 * LOG=off, the older setting, is `silent`.
 */
function logLevel(env: NodeJS.ProcessEnv): LogLevel {
  const level = env.LOG_LEVEL;
  if (level === undefined || level === '') {
    if (env.LOG === undefined || env.LOG === '') return 'warn';
    if (env.LOG === 'off') return 'silent';
    throw new Error(`LOG: '${env.LOG}' is not 'off'; to choose what is logged, set LOG_LEVEL (${LOG_LEVELS.join(', ')})`);
  }
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`LOG_LEVEL: '${level}' is not one of ${LOG_LEVELS.join(', ')}`);
  return level as LogLevel;
}

/** OPENPBF_MODE when set (`production` or `development`), else NODE_ENV=production. */
function productionMode(env: NodeJS.ProcessEnv): boolean {
  const mode = env.OPENPBF_MODE;
  if (mode === undefined || mode === '') return env.NODE_ENV === 'production';
  if (mode !== 'production' && mode !== 'development') throw new Error(`OPENPBF_MODE: '${mode}' is neither 'production' nor 'development'`);
  return mode === 'production';
}

function demoWanted(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const demo = env.DEMO;
  if (demo !== undefined && demo !== 'on' && demo !== 'off') throw new Error(`DEMO: '${demo}' is neither 'on' nor 'off'`);
  if (production && demo === 'on') throw new Error('DEMO=on: production mode never loads the demo, whose passwords are published; unset DEMO');
  return !production && demo !== 'off';
}

/** Secure in production and wherever the server speaks HTTPS itself (unless COOKIE_SECURE=false, outside production). */
function secureCookies(env: NodeJS.ProcessEnv, production: boolean, tls: boolean): boolean {
  const value = env.COOKIE_SECURE;
  if (value !== undefined && value !== 'true' && value !== 'false') throw new Error(`COOKIE_SECURE: '${value}' is neither 'true' nor 'false'`);
  if (production && value === 'false') throw new Error('COOKIE_SECURE=false: production mode sends the session cookie over HTTPS only; unset COOKIE_SECURE');
  return production || value === 'true' || (tls && value !== 'false');
}

/** Addresses proxy-addr knows by name (Fastify's trustProxy). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `true` (every proxy: only when nothing but the proxy can reach the server), or the
 * proxies' addresses or ranges, comma-separated: `127.0.0.1`, `10.0.0.0/8`, `loopback`.
 */
function trustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isRange(entry));
  if (bad !== undefined) throw new Error(`TRUST_PROXY: '${bad}' is not an IP address, a range (10.0.0.0/8), 'loopback', 'linklocal' or 'uniquelocal'`);
  return entries.join(',');
}

function isRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d+$/.test(bits) && prefix <= (version === 4 ? 32 : 128);
}

function loginAttempts(value: string | undefined): number {
  if (value === undefined || value === '') return LOGIN_ATTEMPTS_PER_MINUTE;
  const attempts = Number(value);
  if (!Number.isInteger(attempts) || attempts < 1) throw new Error(`LOGIN_ATTEMPTS_PER_MINUTE: '${value}' is not a whole number of at least 1`);
  return attempts;
}
