import type { Draft, DraftPackage, DraftPayment, DraftTable } from './draft.ts';

/** The words a place needs in the reader's language. */
export interface PlaceWords {
  row(number: number): string;
  /** A field of a part (`code`, `frequency`, `packages`…), when it has a label. */
  field(name: string): string | undefined;
  table(table: DraftTable): string;
}

/** Segments that only group what follows them: the place names what is inside. */
const GROUPS = new Set(['activityFormulas', 'formulas', 'zoneFormulas', 'constants', 'inputTypes']);

type Part = { kind: 'package'; pkg: DraftPackage } | { kind: 'payment'; payment: DraftPayment } | { kind: 'table'; table: DraftTable };

/**
 * Where a finding is, in words, from its draft path: `packages[0].activities[1].constants.tariff`
 * → ['Quantity', 'Assisted delivery', 'tariff']; names are shown where the part has one, codes
 * otherwise. The first segment is the part (package, payment or table); a list shown inside
 * that part drops it. A path outside any part comes back as it is.
 */
export function placeSegments(path: string, draft: Draft, words: PlaceWords): string[] {
  const [head = '', ...rest] = path.split('.');
  const part = partAt(head, draft);
  if (!part) return [path];
  const segments = [partLabel(part, words)];
  rest.forEach((segment, i) => {
    const indexed = /^(\w+)\[(\d+)\]$/.exec(segment);
    const label = indexed ? itemLabel(part, indexed[1]!, Number(indexed[2]), words) : fieldOrName(segment, GROUPS.has(rest[i - 1] ?? ''), i === rest.length - 1, words);
    if (label !== undefined) segments.push(label);
  });
  return segments;
}

function partAt(head: string, draft: Draft): Part | undefined {
  const match = /^(packages|payments|decisionTables)\[(\d+)\]$/.exec(head);
  if (!match) return undefined;
  const index = Number(match[2]);
  if (match[1] === 'packages') return draft.packages[index] && { kind: 'package', pkg: draft.packages[index] };
  if (match[1] === 'payments') return draft.payments[index] && { kind: 'payment', payment: draft.payments[index] };
  return draft.decisionTables[index] && { kind: 'table', table: draft.decisionTables[index] };
}

function partLabel(part: Part, words: PlaceWords): string {
  if (part.kind === 'package') return part.pkg.name || part.pkg.code;
  if (part.kind === 'payment') return part.payment.name || part.payment.code;
  return words.table(part.table);
}

/** `activities[1]`, `inputs[0]`, `rows[2]`, a payment's `packages[0]`: the item, named. */
function itemLabel(part: Part, list: string, index: number, words: PlaceWords): string | undefined {
  if (list === 'rows') return words.row(index + 1);
  if (part.kind === 'package' && list === 'activities') {
    const activity = part.pkg.activities[index];
    return activity ? activity.name || activity.code : undefined;
  }
  if (part.kind === 'package' && list === 'inputs') return part.pkg.inputs[index];
  if (part.kind === 'payment' && list === 'packages') return part.payment.packages[index];
  if (part.kind === 'table' && (list === 'inputs' || list === 'outputs')) return part.table[list][index];
  return undefined;
}

/**
 * A field gets its label; a group is skipped; a name in a group (formula, constant) stays as
 * written, even one spelt like a field: an activity formula `amount` is not a payment's amount.
 */
function fieldOrName(segment: string, inGroup: boolean, last: boolean, words: PlaceWords): string | undefined {
  if (GROUPS.has(segment) && !last) return undefined;
  return (inGroup ? undefined : words.field(segment)) ?? segment;
}
