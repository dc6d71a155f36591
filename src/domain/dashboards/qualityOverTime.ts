import { sql } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { queryRows } from '../../store/sql.ts';
import { qualityScoresSql } from './qualityScores.ts';
import type { ProgrammeFacts } from './programmeFacts.ts';
import type { MonthRange } from './range.ts';

export interface QualityFilter {
  readonly programmeId: string;
  readonly units: readonly string[];
  readonly range: MonthRange;
  readonly facts: ProgrammeFacts;
}

export interface QualityPoint {
  readonly period: string;
  readonly average: number;
  readonly min: number;
  readonly max: number;
  /** Facilities with a score that quarter. */
  readonly facilities: number;
}

/** The quality scores of the range's quarters: average, lowest and highest over the facilities scored. */
export async function qualityOverTime(db: Db, filter: QualityFilter): Promise<{ items: QualityPoint[] }> {
  if (filter.facts.scoreNames.length === 0) return { items: [] };
  const scores = qualityScoresSql({ ...filter, quarters: filter.range.quarters, scoreNames: filter.facts.scoreNames });
  const items = await queryRows<QualityPoint>(
    db,
    sql`select period, avg(score)::float8 as average, min(score)::float8 as min, max(score)::float8 as max, count(*)::int as facilities
        from (${scores}) s group by period order by period`,
  );
  return { items };
}
