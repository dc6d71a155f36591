/**
 * `npm run bench` (after the engine figures): API latency under load. Starts the app with
 * the demo in a child process (bench/apiServer.ts), signs in as the demo's data clerk and
 * drives 100 concurrent connections on loopback with autocannon through what a clerk's
 * screen asks for: a district's facilities, one facility, its sheet, and a declared value.
 * Prints JSON lines {"name", "value", "unit"}; measures, never asserts.
 *
 * A quarter of the requests are writes: the clerk declaring a quantity for the current month
 * (the demo's months before it are validated and locked, and a month that has not begun is
 * refused), each over the version the previous write of its key answered, with a new number:
 * every request is one the server accepts, and the answers that are not 2xx are counted
 * (`api.non_2xx_answers`, by status on stderr) so that refused requests cannot pass for fast ones.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { demoCalendar } from '../src/demo/calendar.ts';
import { COUNTRY } from '../src/demo/geography.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_PROVINCE } from '../src/demo/logins.ts';
import { DEMO_PROGRAMME, demoProgramme } from '../src/demo/programme.ts';
import { startDemoServer, stopDemoServer } from './demoServer.ts';

const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
/** National invoice runs queued for the measure during runs (the server finishes those left before it stops). */
const RUNS = Number(process.env.BENCH_API_RUNS ?? 3);
/** `mix` (the figure), or one kind of request alone: `list`, `unit`, `sheet` or `write`. */
const KIND = process.env.BENCH_API_KIND ?? 'mix';
const CLERK = DEMO_LOGINS.find((login) => login.role === 'clerk')!.username;
const BASE = `/api/programmes/${DEMO_PROGRAMME.id}`;
/** A month the demo holds whole (every facility declared, verified and validated): the one before last. */
const SHEET_MONTH = demoCalendar(new Date(), 24).months.at(-2)!;

/** Figures of one kind alone are named apart (api.write.p99_ms): only the mix is the target's. */
function emit(name: string, value: number, unit: string) {
  const named = KIND === 'mix' ? name : name.replace(/^api\./, `api.${KIND}.`);
  console.log(JSON.stringify({ name: named, value: Number(value.toPrecision(4)), unit }));
}

/** The server's V8 flags, as `npm start` gives them (see the README's figures). */
const SERVER_FLAGS = '--max-semi-space-size=64';

/** The server's CPU time so far, in microseconds (user and system). */
async function serverCpu(server: ChildProcess): Promise<number> {
  const answer = once(server, 'message') as Promise<[{ cpu: NodeJS.CpuUsage }]>;
  server.send('cpu');
  const [{ cpu }] = await answer;
  return cpu.user + cpu.system;
}

async function signIn(url: string, username = CLERK): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${username}: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.getSetCookie()[0]!.split(';')[0]!, csrfToken };
}

async function children(url: string, cookie: string, parent: string): Promise<string[]> {
  const response = await fetch(`${url}${BASE}/org-units?parent=${parent}&limit=1000`, { headers: { cookie } });
  const body = (await response.json()) as { items: { id: string }[] };
  return body.items.map((unit) => unit.id);
}

/** The month under way: open for entry and outside the demo's data, whatever day the benchmark runs. */
const ENTRY_MONTH = demoCalendar(new Date(), 24).currentMonth;

/**
 * Every (facility, activity) of the current month in turn, without end: the keys the clerk's
 * writes fill, then change. A key comes back only after thousands of other writes, so its
 * previous write has been answered and its version is known (`versions`).
 */
function* declarations(facilities: readonly string[]): Generator<string, never> {
  const activities = demoProgramme().packages.find((pkg) => pkg.code === 'pma')!.activities.map((a) => a.code);
  for (;;) {
    for (const facility of facilities) {
      for (const activity of activities) {
        const key = `${facility}/${ENTRY_MONTH}/${activity}/declared`;
        if (!retired.has(key)) yield key;
      }
    }
  }
}

/** The version each key's last write answered (absent: not yet written, so created). */
const versions = new Map<string, number>();
/** The keys of writes sent and not yet answered. */
const inFlight = new Set<string>();
/**
 * Keys never written again: autocannon stops a run without reading the answers in flight, so
 * those writes' versions are unknown (the server may have stored them).
 */
const retired = new Set<string>();

/** A measure of the clerk's load, after which the keys whose writes were not answered are left alone. */
async function measure(options: autocannon.Options): Promise<autocannon.Result> {
  try {
    return await autocannon(options);
  } finally {
    for (const key of inFlight) retired.add(key);
    inFlight.clear();
  }
}

/** The clerk's round (or one kind of its requests, see KIND): a district's list, a facility, its month's sheet, one declared value. */
function clerkRequests(csrfToken: string, districts: readonly string[], facilities: readonly string[]): autocannon.Request[] {
  let turn = 0;
  const next = <T>(items: readonly T[]) => items[turn++ % items.length]!;
  const keys = declarations(facilities.filter((id) => id.startsWith('cds')));
  const round: Record<string, autocannon.Request> = {
    list: { method: 'GET', setupRequest: (request) => ({ ...request, path: `${BASE}/org-units?parent=${next(districts)}` }) },
    unit: { method: 'GET', setupRequest: (request) => ({ ...request, path: `${BASE}/org-units/${next(facilities)}` }) },
    sheet: { method: 'GET', setupRequest: (request) => ({ ...request, path: `${BASE}/data-values?orgUnitId=${next(facilities)}&period=${SHEET_MONTH}` }) },
    write: {
      method: 'PUT',
      setupRequest: (request, context) => {
        const key = keys.next().value;
        const version = versions.get(key);
        // The connection's write in flight: its answer gives the key's next version (onResponse).
        (context as { key?: string }).key = key;
        inFlight.add(key);
        // A number other than the stored one (the version's successor): writing the stored number changes nothing.
        const body = version === undefined ? { value: 1 } : { value: version + 1, version };
        return {
          ...request,
          path: `${BASE}/data-values/${key}`,
          headers: { ...request.headers, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify(body),
        };
      },
      onResponse: (status, body, context) => {
        inFlight.delete((context as { key: string }).key);
        if (status === 200 || status === 201) versions.set((context as { key: string }).key, (JSON.parse(body) as { version: number }).version);
      },
    },
  };
  if (KIND === 'mix') return Object.values(round);
  if (!round[KIND]) throw new Error(`BENCH_API_KIND: '${KIND}' is not mix, ${Object.keys(round).join(', ')}`);
  return [round[KIND]];
}

/** The demo's validated months, newest first: each a national run of its own (an unchanged one would answer at once). */
const RUN_MONTHS = demoCalendar(new Date(), 24).months.slice(0, -1).reverse();

async function startRun(url: string, session: { cookie: string; csrfToken: string }, period: string): Promise<number> {
  const response = await fetch(`${url}${BASE}/invoice-runs`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ orgUnitId: COUNTRY, period }),
  });
  if (response.status !== 202) throw new Error(`invoice run ${period}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { job: { id: number } }).job.id;
}

async function jobStatus(url: string, cookie: string, id: number): Promise<string> {
  const response = await fetch(`${url}${BASE}/jobs/${id}`, { headers: { cookie } });
  return ((await response.json()) as { status: string }).status;
}

/**
 * The same clerk's load while the committee's national invoice runs go on (issue 16: within
 * 2× of the idle p99). Runs of successive months are queued ahead, so that one is under way
 * for the whole measure; the last still running at its end tells that it was.
 */
async function duringRuns(url: string, options: autocannon.Options): Promise<void> {
  const committee = await signIn(url, DEMO_LOGINS.find((login) => login.role === 'validator')!.username);
  const jobs: number[] = [];
  for (const month of RUN_MONTHS.slice(0, RUNS)) jobs.push(await startRun(url, committee, month));
  const result = await measure({ ...options, duration: SECONDS });
  const statuses = await Promise.all(jobs.map((id) => jobStatus(url, committee.cookie, id)));
  const underWay = statuses.filter((status) => status === 'queued' || status === 'running').length;
  const done = statuses.filter((status) => status === 'succeeded').length;
  console.error(`api during runs: ${done} national run(s) finished during the measure, ${underWay} still queued or running at its end${underWay === 0 ? ' (the runs did not cover it all)' : ''}`);
  emit('api.p99_during_run_ms', result.latency.p99, 'ms');
  emit('api.p50_during_run_ms', result.latency.p50, 'ms');
  emit('api.failed_requests_during_run', result.errors + result.timeouts + result.non2xx, 'count');
  emit('api.non_2xx_answers_during_run', result.non2xx, 'count');
  reportStatuses('api during runs', result);
  emit('api.runs_finished_during_measure', done, 'count');
}

/** Which statuses the answers had, on stderr, when some were not 2xx: a refused request is cheap, and would flatter the figures. */
function reportStatuses(what: string, result: autocannon.Result): void {
  if (result.non2xx === 0) return;
  const statuses = Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => `${status}: ${count}`);
  console.error(`${what}: ${result.non2xx} of ${result.requests.total} answers were not 2xx (${statuses.join(', ')})`);
}

const profile = process.env.BENCH_API_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_PROFILE}`] : [];
const demo = await startDemoServer({ execArgv: [SERVER_FLAGS, ...profile] });
const { server, url, kind, loadSeconds } = demo;
try {
  const { cookie, csrfToken } = await signIn(url);
  const districts = await children(url, cookie, DEMO_PROVINCE);
  const facilities = (await Promise.all(districts.map((district) => children(url, cookie, district)))).flat();
  const options = { url, connections: CONNECTIONS, headers: { cookie }, requests: clerkRequests(csrfToken, districts, facilities) };
  await measure({ ...options, duration: 2 }); // warm-up: JIT, connection pools, caches
  const cpuBefore = await serverCpu(server);
  const result = await measure({ ...options, duration: SECONDS });
  const serverMicroseconds = (await serverCpu(server)) - cpuBefore;
  console.error(`api: ${kind}, ${CONNECTIONS} connections for ${SECONDS} s, ${KIND === 'mix' ? '3 reads and 1 write in 4' : `${KIND} requests alone`}`);
  emit('api.demo_load_seconds', loadSeconds, 's');
  emit('api.p99_ms', result.latency.p99, 'ms');
  emit('api.p50_ms', result.latency.p50, 'ms');
  emit('api.requests_per_second', result.requests.average, 'requests/s');
  // Its one core is what limits the mix: at 100% of it, requests/s = 1e6 / this.
  emit('api.server_cpu_us_per_request', serverMicroseconds / result.requests.total, 'µs');
  emit('api.failed_requests', result.errors + result.timeouts + result.non2xx, 'count');
  emit('api.non_2xx_answers', result.non2xx, 'count');
  reportStatuses('api', result);
  if (KIND === 'mix') await duringRuns(url, options);
} finally {
  await stopDemoServer(demo);
}
