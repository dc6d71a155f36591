import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const SECRET = 'a-production-secret-of-more-than-32-characters';
const PASSWORD = 'Umuganda-2026-Kirundo-Gitega';

/**
 * The README's production start, as an operator runs it on a copy of this checkout:
 * `npm ci && npm run build && npm prune --omit=dev`, then `node dist/server/main.js` in
 * production mode — no tsx, no vite, no development package left.
 */
describe('the production start after npm prune --omit=dev', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let url: string;
  const env = (more: Record<string, string> = {}) => ({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: 'production',
    DATA_DIR: join(dir, 'data'),
    SESSION_SECRET: SECRET,
    ...more,
  });
  const npm = (...args: string[]) => run('npm', [...args, '--no-audit', '--no-fund'], { cwd: dir, env: { ...process.env, CI: 'true' }, maxBuffer: 64 << 20 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'openpbf-production-'));
    // The checkout's files as a clone holds them (committed or not), without what was installed or built.
    const { stdout } = await run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, maxBuffer: 64 << 20 });
    for (const file of stdout.split('\0').filter((path) => path && existsSync(join(ROOT, path)))) cpSync(join(ROOT, file), join(dir, file));
    await npm('ci', '--prefer-offline');
    await npm('run', 'build');
    await npm('prune', '--omit=dev');
  }, 900_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
      await once(server, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps no development package', () => {
    // (typescript stays: i18next declares it as a peer.)
    for (const dev of ['vite', 'vitest', 'playwright-core', 'eslint', 'fast-check', 'drizzle-kit']) expect(existsSync(join(dir, 'node_modules', dev)), dev).toBe(false);
    expect(existsSync(join(dir, 'dist/server/main.js'))).toBe(true);
    expect(existsSync(join(dir, 'web/dist/index.html'))).toBe(true);
  });

  it('creates the first administrator with the command line', async () => {
    writeFileSync(join(dir, 'password'), `${PASSWORD}\n`);
    const { stdout } = await run(process.execPath, ['bin/openpbf.js', '--lang', 'en', 'users', 'create-admin', '--username', 'first.admin', '--name', 'First Administrator', '--password-file', 'password'], { cwd: dir, env: env() });
    expect(stdout).toContain("created the platform administrator 'first.admin'");
  }, 120_000);

  it('serves the web client and the API from dist/, in production mode, and signs the administrator in', async () => {
    server = spawn(process.execPath, ['dist/server/main.js'], { cwd: dir, env: env({ PORT: '0' }), stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: server.stdout! });
    for await (const line of lines) {
      const listening = /listening on (http:\/\/\S+) \(production mode\)/.exec(line);
      if (listening) {
        url = listening[1]!;
        break;
      }
    }
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script type="module"[^>]* src="\/assets\/[^"]+\.js"/);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'first.admin', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.getSetCookie()[0]).toMatch(/; Secure/i);
    // No demo in production: the store holds no programme.
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const programmes = await fetch(`${url}/api/programmes`, { headers: { cookie } });
    expect(await programmes.json()).toEqual([]);

    server.kill('SIGTERM');
    const [code] = (await once(server, 'exit')) as [number | null];
    expect(code).toBe(0);
  }, 120_000);
});
