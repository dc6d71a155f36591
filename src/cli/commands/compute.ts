import { stringify } from 'csv-stringify/sync';
import type { ComputedValue } from '../../engine/index.ts';
import { run } from '../../engine/pipeline.ts';
import { EXIT, type CliContext } from '../context.ts';
import { prepareOrReport, readInputs, type InputPaths } from '../inputs.ts';
import { printErrors } from '../output.ts';
import { progressReporter } from '../progress.ts';

export interface ComputeOptions extends InputPaths {
  readonly period: readonly string[];
  /** Org units to compute; all units of the tree when none are given. */
  readonly orgUnit?: readonly string[];
  readonly format: 'json' | 'csv';
  /** Include inputs, constants and table outputs, not only formula results. */
  readonly all?: boolean;
}

const BATCH = 10_000;

/** `openpbf compute`: every value for the requested periods, as JSON or CSV on stdout. */
export function computeCommand(options: ComputeOptions, context: CliContext): number {
  const report = (errors: Parameters<typeof printErrors>[0]) => printErrors(errors, context.locale, context.err);
  const prepared = prepareOrReport(readInputs(options), context, report);
  if (!prepared) return EXIT.failed;
  const orgUnits = options.orgUnit?.length ? options.orgUnit : prepared.tree.units.map((unit) => unit.id);
  const progress = progressReporter('computing', context.stderr);
  const result = run(prepared, { orgUnits, periods: options.period }, { onProgress: progress.update });
  progress.done();
  writeValues(result.values({ formulasOnly: !options.all }), options.format, context);
  if (result.errorCount > 0) {
    report(result.errors);
    context.err(`${result.errorCount} run-time error(s)`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

/** Writes values in batches; a failed value is null in JSON and empty in CSV. */
function writeValues(values: Iterable<ComputedValue>, format: 'json' | 'csv', context: CliContext): void {
  let batch: ComputedValue[] = [];
  let first = true;
  const flush = () => {
    if (format === 'csv') {
      const rows = batch.map((v) => [v.orgUnit, v.period, v.name, v.value === v.value ? v.value : '']);
      context.out(stringify(rows, { header: first, columns: ['orgUnit', 'period', 'name', 'value'] }).trimEnd());
    } else {
      const lines = batch.map((v) => JSON.stringify({ ...v, value: v.value === v.value ? v.value : null }));
      if (lines.length > 0) context.out(`${first ? '[\n' : ',\n'}${lines.join(',\n')}`);
    }
    first = false;
    batch = [];
  };
  for (const value of values) {
    batch.push(value);
    if (batch.length === BATCH) flush();
  }
  if (batch.length > 0 || first) flush();
  if (format === 'json') context.out(first ? '[]' : ']');
}
