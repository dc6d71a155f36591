import type { Locale } from '../engine/index.ts';

/** Where a command writes, and in which language; tests pass their own. */
export interface CliContext {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly locale: Locale;
  readonly stderr: NodeJS.WriteStream;
  /** Where a password is read from (`users create-admin`). */
  readonly stdin: NodeJS.ReadStream;
  /** DATABASE_URL, DATA_DIR: the store the commands that need one open. */
  readonly env: NodeJS.ProcessEnv;
}

export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;
