import type { GroupFilter } from './draft.ts';

/**
 * A group filter (which org units a package or payment applies to, a zone's targets) as one
 * line the designer reads and types: `type: cds, hd; equity: cat1` — for every groupset
 * listed, a unit's group must be one of those listed. An empty line means every unit.
 */
export function filterText(filter: GroupFilter | undefined): string {
  return Object.entries(filter ?? {})
    .map(([groupset, groups]) => `${groupset}: ${groups.join(', ')}`)
    .join('; ');
}

export type FilterProblem = 'noColon' | 'noGroupset' | 'noGroups' | 'repeated';

/** The filter a line describes, or why it does not describe one and the part at fault. */
export function parseFilter(text: string): { filter: GroupFilter | undefined } | { problem: FilterProblem; part: string } {
  const filter: GroupFilter = {};
  for (const raw of text.split(';')) {
    const part = raw.trim();
    if (part === '') continue;
    const colon = part.indexOf(':');
    if (colon < 0) return { problem: 'noColon', part };
    const groupset = part.slice(0, colon).trim();
    const groups = part
      .slice(colon + 1)
      .split(',')
      .map((group) => group.trim())
      .filter((group) => group !== '');
    if (groupset === '') return { problem: 'noGroupset', part };
    if (groups.length === 0) return { problem: 'noGroups', part };
    if (groupset in filter) return { problem: 'repeated', part };
    filter[groupset] = groups;
  }
  return { filter: Object.keys(filter).length > 0 ? filter : undefined };
}
