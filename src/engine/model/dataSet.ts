import { z } from 'zod';
import type { Locale } from '../messages/catalogue.ts';
import { schemaError, type EngineError } from '../messages/errors.ts';
import type { OrgUnitTree } from './orgUnits.ts';
import { dataValueSchema } from './programSchema.ts';
import { parseWithSchema } from './validation.ts';

/**
 * Entered values, one column per (period, state, activity) indexed by org unit, NaN where
 * nothing was entered. Columns keep the engine's reads to one array access per value.
 */
export class DataSet {
  private readonly columns = new Map<string, Float64Array>();
  private readonly sources = new Map<string, Int32Array>();

  constructor(readonly tree: OrgUnitTree) {}

  /** Reads and validates rows `{orgUnit, period, activity, state, value}`. */
  static fromRows(raw: unknown, tree: OrgUnitTree, locale: Locale = 'en'): { data?: DataSet; errors: EngineError[] } {
    const parsed = parseWithSchema(z.array(dataValueSchema), raw, 'data', locale);
    if (!parsed.value) return { errors: parsed.errors };
    const data = new DataSet(tree);
    const errors: EngineError[] = [];
    parsed.value.forEach((row, i) => {
      const unit = tree.indexOf(row.orgUnit);
      if (unit === undefined) {
        errors.push(schemaError(`data[${i}].orgUnit`, 'schema.unknownOrgUnit', { id: row.orgUnit }));
        return;
      }
      const conflict = data.set(unit, row.period, row.activity, row.state, row.value, i);
      if (conflict !== undefined) {
        errors.push(
          schemaError(`data[${i}].value`, 'schema.conflictingValue', { first: `data[${conflict.row}]`, value: conflict.value }),
        );
      }
    });
    return errors.length > 0 ? { errors } : { data, errors };
  }

  /**
   * Records one value. Returns the earlier row when it gave a different value for the same
   * key (the same value twice is accepted, so re-importing a file changes nothing).
   */
  set(
    unit: number,
    period: string,
    activity: string,
    state: string,
    value: number,
    row = -1,
  ): { row: number; value: number } | undefined {
    const column = this.writableColumn(period, state, activity);
    const sources = this.sources.get(columnKey(period, state, activity))!;
    const previous = column[unit]!;
    if (previous === previous && previous !== value) return { row: sources[unit]!, value: previous };
    column[unit] = value;
    sources[unit] = row;
    return undefined;
  }

  /**
   * The column of one (period, state, activity), created empty (all NaN) when missing, for
   * loaders that fill many values at once; such values carry no source row.
   */
  writableColumn(period: string, state: string, activity: string): Float64Array {
    const key = columnKey(period, state, activity);
    let column = this.columns.get(key);
    if (!column) {
      column = new Float64Array(this.tree.size).fill(Number.NaN);
      this.columns.set(key, column);
      this.sources.set(key, new Int32Array(this.tree.size).fill(-1));
    }
    return column;
  }

  /** Values of one (period, state, activity) by org-unit index, or undefined when none. */
  column(period: string, state: string, activity: string): Float64Array | undefined {
    return this.columns.get(columnKey(period, state, activity));
  }

  /** Every stored value, for export and tests. */
  *rows(): Generator<{ orgUnit: string; period: string; activity: string; state: string; value: number }> {
    for (const [key, column] of this.columns) {
      const [period, state, activity] = key.split('\u0000') as [string, string, string];
      for (let unit = 0; unit < column.length; unit++) {
        const value = column[unit]!;
        if (value === value) yield { orgUnit: this.tree.id(unit), period, activity, state, value };
      }
    }
  }
}

function columnKey(period: string, state: string, activity: string): string {
  return `${period}\u0000${state}\u0000${activity}`;
}
