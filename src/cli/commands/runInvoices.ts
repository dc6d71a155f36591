import { setTimeout as wait } from 'node:timers/promises';
import type { getInvoiceRun, startInvoiceRun } from '../../contract/api/invoiceRuns.ts';
import type { getJob } from '../../contract/api/jobs.ts';
import type { Answer } from '../../contract/http.ts';
import { JOB_UNDER_WAY } from '../../contract/jobs.ts';
import type { Locale } from '../../engine/index.ts';
import { ApiCallError, ApiSession, newIdempotencyKey, serverUrl } from '../apiSession.ts';
import { EXIT, type CliContext } from '../context.ts';
import { progressReporter } from '../progress.ts';
import { readSecret, SecretInputError } from '../secretInput.ts';

export interface RunInvoicesOptions {
  readonly server: string;
  readonly username: string;
  readonly passwordFile?: string;
  readonly programme: string;
  readonly orgUnit: string;
  readonly period: string;
}

type Job = Extract<Answer<typeof getJob>, { kind: 'invoice-run' }>;
type Run = Answer<typeof getInvoiceRun>;

/** How often the job is asked for again: as often as the web client asks. */
const FOLLOW_MS = 500;
/** Engine errors printed of a failed run; the web and GET /invoice-runs/:id show them all. */
const SHOWN_ERRORS = 10;

const MESSAGES: Record<Locale, { prompt: string; computing: string; created: (run: Run) => string; unchanged: (run: Run) => string; engineError: string; notUrl: (server: string) => string }> = {
  en: {
    prompt: 'Password: ',
    computing: 'computing',
    created: (run) => `run ${run.id}: ${run.invoiceCount} invoice(s) of ${run.rootOrgUnitId} for ${run.period}, ${run.total} in all`,
    unchanged: (run) => `inputs unchanged since run ${run.id}: its ${run.invoiceCount} invoice(s) of ${run.rootOrgUnitId} for ${run.period} stand, ${run.total} in all`,
    engineError: 'engine error',
    notUrl: (server) => `--server '${server}': not an http(s) address, e.g. https://pbf.example.org or http://127.0.0.1:3000`,
  },
  fr: {
    prompt: 'Mot de passe : ',
    computing: 'calcul',
    created: (run) => `calcul ${run.id} : ${run.invoiceCount} facture(s) de ${run.rootOrgUnitId} pour ${run.period}, ${run.total} au total`,
    unchanged: (run) => `données inchangées depuis le calcul ${run.id} : ses ${run.invoiceCount} facture(s) de ${run.rootOrgUnitId} pour ${run.period} restent, ${run.total} au total`,
    engineError: 'erreur du moteur',
    notUrl: (server) => `--server '${server}' : pas une adresse http(s), par exemple https://pbf.example.org ou http://127.0.0.1:3000`,
  },
};

/**
 * `openpbf invoices run --server URL --username U --programme P --org-unit O --period X`:
 * a committee member computes the invoices of a subtree through the server's API, as from
 * the web (their authority, the four eyes and the audit are the server's), following the
 * run's job with a progress bar on a terminal. Exits 0 with the run, 1 when the run failed,
 * 2 when the server refused the request.
 */
export async function runInvoicesCommand(options: RunInvoicesOptions, context: CliContext): Promise<number> {
  const messages = MESSAGES[context.locale];
  const server = serverUrl(options.server);
  if (!server) {
    context.err(messages.notUrl(options.server));
    return EXIT.badInput;
  }
  try {
    const password = await readSecret({ prompt: messages.prompt, ...(options.passwordFile ? { file: options.passwordFile } : {}) }, context.stdin, context.stderr);
    const session = await ApiSession.signIn(server, options.username, password, context.locale);
    try {
      return await run(session, options, context);
    } finally {
      await session.signOut();
    }
  } catch (error) {
    if (error instanceof SecretInputError) {
      context.err(error.message);
      return EXIT.badInput;
    }
    if (!(error instanceof ApiCallError)) throw error;
    context.err(`${error.code}: ${error.message}`);
    return error.status >= 400 && error.status < 500 ? EXIT.badInput : EXIT.failed;
  }
}

async function run(session: ApiSession, options: RunInvoicesOptions, context: CliContext): Promise<number> {
  const messages = MESSAGES[context.locale];
  const programme = `/api/programmes/${encodeURIComponent(options.programme)}`;
  const started = await session.post<Answer<typeof startInvoiceRun>>(
    `${programme}/invoice-runs`,
    { orgUnitId: options.orgUnit, period: options.period },
    { idempotencyKey: newIdempotencyKey() },
  );
  const job = await follow(session, `${programme}/jobs/${started.job.id}`, progressReporter(messages.computing, context.stderr));
  if (job.status === 'failed' || !job.result) {
    reportFailure(job, context);
    return EXIT.failed;
  }
  const outcome = await session.get<Run>(`${programme}/invoice-runs/${job.result.runId}?limit=1`);
  context.out(job.result.created ? messages.created(outcome) : messages.unchanged(outcome));
  return EXIT.ok;
}

/** Asks for the job until it is done, drawing its progress while the engine counts units. */
async function follow(session: ApiSession, path: string, progress: ReturnType<typeof progressReporter>): Promise<Job> {
  try {
    for (;;) {
      const job = await session.get<Job>(path);
      if (!JOB_UNDER_WAY.has(job.status)) return job;
      if (job.progress.total > 0) progress.update(job.progress.done, job.progress.total);
      await wait(FOLLOW_MS);
    }
  } finally {
    progress.done();
  }
}

function reportFailure(job: Job, context: CliContext) {
  const messages = MESSAGES[context.locale];
  context.err(`${job.error?.code ?? 'FAILED'}: ${job.error?.message ?? ''}`);
  const engineErrors = (job.error?.details as { errors?: { message: string }[] } | undefined)?.errors ?? [];
  for (const problem of engineErrors.slice(0, SHOWN_ERRORS)) context.err(`  ${messages.engineError}: ${problem.message}`);
}
