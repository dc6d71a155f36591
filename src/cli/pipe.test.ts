import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/openpbf.js', import.meta.url));
const CASES = fileURLToPath(new URL('../../../shared/acceptance/', import.meta.url));

describe('the openpbf command in a pipe', () => {
  it('stops quietly when its reader closes the pipe early, as `| head -1` does', async () => {
    const cases = ['01-quantity-tariff-equity.json', '02-verification-tolerance.json', '03-quarterly-quality-community.json'].map((file) => CASES + file);
    const child = spawn(process.execPath, [BIN, 'run-case', ...cases], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read the first line only, then close the pipe as `head -1` would.
    const [first] = (await once(child.stdout, 'data')) as [Buffer];
    child.stdout.destroy();
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(first.toString()).toMatch(/^PASS 01-quantity-tariff-equity\.json/);
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
