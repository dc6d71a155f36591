import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describeError, loadProgram, type Program } from '../engine/index.ts';

/** The demo's rules live in a commented YAML file, where a newcomer looks for them. */
export const PROGRAMME_FILE = fileURLToPath(new URL('../../programmes/burundi/fbp_burundi.yaml', import.meta.url));

export const DEMO_PROGRAMME = { id: 'fbp_burundi', name: 'FBP Burundi (démo)', currency: 'BIF', currencyDecimals: 0 } as const;

/** The programme file, validated by the engine's schema. */
export function demoProgramme(): Program {
  const { program, errors } = loadProgram(parse(readFileSync(PROGRAMME_FILE, 'utf8')));
  if (!program) throw new Error(`${PROGRAMME_FILE}: ${errors.map((error) => describeError(error)).join('; ')}`);
  if (program.code !== DEMO_PROGRAMME.id) throw new Error(`${PROGRAMME_FILE}: code must be '${DEMO_PROGRAMME.id}'`);
  return program;
}

/** The package of each kind the demo fills with data, by facility type (hospitals have no community survey). */
export const PACKAGES: Readonly<Record<'cds' | 'hd', { quantity: string; quality: string; community: string | null }>> = {
  cds: { quantity: 'pma', quality: 'quality_cds', community: 'community_cds' },
  hd: { quantity: 'pca', quality: 'quality_hd', community: null },
};

export function packageOf(program: Program, code: string): Program['packages'][number] {
  const found = program.packages.find((pkg) => pkg.code === code);
  if (!found) throw new Error(`${PROGRAMME_FILE}: the demo needs a package '${code}'`);
  return found;
}
