import { sql } from 'drizzle-orm';
/**
 * `column LIKE 'path%'` with the path's own `_` and `%` escaped: org-unit ids such as
 * `cds_1` would otherwise match any character in that place.
 */
export function underPath(column, path) {
    return sql `${column} like ${subtreePattern(path)}`;
}
/** The LIKE pattern of the units under `path` (itself included). */
export function subtreePattern(path) {
    return `${path.replace(/[\\%_]/g, '\\$&')}%`;
}
/** The ids of the ancestors of a unit, from its path `/root/.../id/`, nearest last. */
export function ancestorIds(path) {
    return path.split('/').filter(Boolean).slice(0, -1);
}
//# sourceMappingURL=subtree.js.map