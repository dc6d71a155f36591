import { sql, type SQL, type AnyColumn } from 'drizzle-orm';

/**
 * `column LIKE 'path%'` with the path's own `_` and `%` escaped: org-unit ids such as
 * `cds_1` would otherwise match any character in that place.
 */
export function underPath(column: AnyColumn | SQL, path: string): SQL {
  return sql`${column} like ${subtreePattern(path)}`;
}

/** The LIKE pattern of the units under `path` (itself included). */
export function subtreePattern(path: string): string {
  return `${path.replace(/[\\%_]/g, '\\$&')}%`;
}

/** The ids of the ancestors of a unit, from its path `/root/.../id/`, nearest last. */
export function ancestorIds(path: string): string[] {
  return path.split('/').filter(Boolean).slice(0, -1);
}
