import { PROGRAMME_DEFINITION } from '../../../test/support/api.ts';
import { toDraft, type Draft } from './draft.ts';

/** For the designer's tests: the seeded test programme as a draft. */
export const freshDraft = (): Draft => toDraft({ ...PROGRAMME_DEFINITION, version: '1' });

/** Deep-frozen, so that any edit in place throws. */
export function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
}
