import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { ensureDemo, type DemoState } from '../demo/ensureDemo.ts';
import type { DemoOptions } from '../demo/generate.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../demo/logins.ts';
import { openDatabase, type Database } from '../store/database.ts';
import { buildApp } from './app.ts';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL when set; otherwise embedded PGlite in `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly logger: boolean;
  /** The size of the demo loaded on a first run (the full demo unless a test asks for less). */
  readonly demo?: Partial<DemoOptions>;
  /** The built web client, served at / when it exists (`npm start` builds it first). */
  readonly webRoot?: string;
}

/** `npm start`'s settings: PORT (3000), HOST (127.0.0.1), DATABASE_URL, DATA_DIR (./data). */
export function configFromEnvironment(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: '${env.PORT}' is not a port number`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    logger: env.LOG !== 'off',
    ...(existsSync(WEB_ROOT) ? { webRoot: WEB_ROOT } : {}),
  };
}

const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface PreparedServer {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly demo: DemoState;
}

/** Opens and migrates the database, loads the demo on a first run, and builds the app (not yet listening). */
export async function prepareServer(config: ServerConfig): Promise<PreparedServer> {
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    const demo = await ensureDemo(database, config.demo);
    const app = await buildApp({ database, logger: config.logger, ...(config.webRoot ? { webRoot: config.webRoot } : {}) });
    return { app, database, demo };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** What `npm start` prints once listening: where to go, which store, and the demo logins. */
export function startBanner(url: string, config: ServerConfig, demo: DemoState): string {
  const store = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  const lines = [`OpenPBF is listening on ${url}`, `  API documentation: ${url}/api/docs`, `  data: ${store}`];
  if (!config.webRoot) lines.push('  web client not built: run `npm run build:web`');
  if (demo.loaded) lines.push(`  demo loaded: ${demo.loaded.orgUnits} org units, ${demo.loaded.dataValues} data values`);
  if (demo.present) {
    lines.push('', `Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const login of DEMO_LOGINS) lines.push(`  ${login.username.padEnd(11)} ${login.role.padEnd(10)} ${login.does}`);
  }
  return lines.join('\n');
}
