import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared contract folder beside the checkout, when it is there. */
export const SHARED_ACCEPTANCE = resolve(root, '../shared/acceptance');

export function caseFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /\.(json|ya?ml)$/.test(name))
    .sort()
    .map((name) => join(folder, name));
}

export function readCase(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8');
  return (path.endsWith('.json') ? JSON.parse(text) : parse(text)) as Record<string, unknown>;
}

export const repoPath = (...parts: string[]) => resolve(root, ...parts);
