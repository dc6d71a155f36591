import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../contract/importLimits.ts';
import { repoPath } from '../../../test/support/cases.ts';
import { backends } from '../../../test/support/database.ts';

const CHILD = repoPath('test/support/importChild.ts');
/** The heap the import at the limits must fit in: it needs 144 MB (limits.ts), the rest is margin. */
const HEAP_MB = 256;

/** Runs the child to its end: its standard output is one JSON line, its standard error says why it failed. */
function runChild(kind: string): Promise<{ code: number | null; output: string; errors: string }> {
  return new Promise((resolve, reject) => {
    const args = [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', CHILD, kind, String(IMPORT_LIMITS.rows), String(IMPORT_LIMITS.periods)];
    const child = spawn(process.execPath, args, { cwd: repoPath(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, errors }));
  });
}

describe.each(backends)('a data value import at the limits (%s)', (kind) => {
  it(`checks ${IMPORT_LIMITS.rows} rows over ${IMPORT_LIMITS.periods} months in a dry run within a ${HEAP_MB} MB heap`, { timeout: 120_000 }, async () => {
    const { code, output, errors } = await runChild(kind);
    expect(code, errors.slice(-2000)).toBe(0);
    const answer = JSON.parse(output);
    expect(answer).toMatchObject({ status: 200, report: { dryRun: true, rows: IMPORT_LIMITS.rows, created: IMPORT_LIMITS.rows, rejected: 0 } });
  });
});
