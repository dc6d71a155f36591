/**
 * The server side of `bench/api.ts` and `bench/web.ts` (started by bench/demoServer.ts), in
 * its own process so the load generator does not share its event loop: a throwaway database
 * (PostgreSQL beside DATABASE_URL, else in-memory PGlite), the demo, and the app on a free
 * loopback port, serving the web client built in BENCH_WEB_ROOT when set. Reports
 * {url, kind, loadSeconds} to its parent, its CPU time when asked, and closes everything on SIGTERM.
 */
import { performance } from 'node:perf_hooks';
import { testDatabase } from '../test/support/database.ts';
import { ensureDemo } from '../src/demo/ensureDemo.ts';
import { buildApp } from '../src/server/app.ts';

const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const scale = Number(process.env.BENCH_API_DEMO_SCALE ?? 1);

const database = await testDatabase(kind);
const started = performance.now();
// No history: the benchmarks measure entry and reads, and invoicing 20,000 facilities' two years would take long.
await ensureDemo(database, { scale, history: false });
const loadSeconds = (performance.now() - started) / 1000;
// Sign-in is rate-limited per client; the benchmark signs in from one address.
const webRoot = process.env.BENCH_WEB_ROOT;
const app = await buildApp({ database, loginAttemptsPerMinute: 1_000_000, ...(webRoot ? { webRoot } : {}) });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send!({ url, kind, loadSeconds });
// The parent asks for this process's CPU time around its measured run.
process.on('message', (message) => {
  if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
});

process.once('SIGTERM', async () => {
  await app.close();
  await database.close();
  // The channel to the parent would keep this process alive.
  process.disconnect();
});
