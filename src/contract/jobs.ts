/**
 * What a job is, as the server, the domain and the web client agree on it: the statuses it
 * goes through and the kinds of long work run as jobs. Zod-free, so screens and the store's
 * enums import it without the schemas.
 */

/** queued → running → succeeded or failed; nothing comes back from the last two. */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A job still under way: a screen keeps following it. */
export const JOB_UNDER_WAY: ReadonlySet<JobStatus> = new Set(['queued', 'running']);

/** The long work run as jobs: invoice runs, and data-value imports (their write). */
export const JOB_KINDS = ['invoice-run', 'data-import'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/**
 * What a running job is doing, for its progress bar: reading its inputs, computing, writing;
 * an import checks its rows again, the locks held, before writing them.
 */
export const JOB_STEPS = ['reading', 'computing', 'writing', 'checking'] as const;
export type JobStep = (typeof JOB_STEPS)[number];
