import { describe, expect, it } from 'vitest';
import { addedFindings } from './consequences.ts';
import { removeConstant, setFormula } from './draft.ts';
import { removeInput } from './edits/inputs.ts';
import { removePackage } from './edits/packages.ts';
import { liveCheck } from './findings.ts';
import { freshDraft } from './testing.ts';
import type { Draft } from './draft.ts';

const findingsOf = (draft: Draft) => liveCheck(draft, [], 'en').findings;
const added = (before: Draft, after: Draft) => addedFindings(findingsOf(before), findingsOf(after));

describe('what a removal would cause', () => {
  it('lists the findings a removal adds: formulas that read what goes', () => {
    const draft = freshDraft();
    expect(added(draft, removeConstant(draft, 0, 'tariff')).map((f) => [f.path, f.message])).toEqual([
      ['packages[0].activityFormulas.amount', "unknown name 'tariff'"],
    ]);
    expect(added(draft, removeInput(draft, 0, 1)).map((f) => f.path)).toEqual(['packages[0].activityFormulas.gap', 'packages[0].activityFormulas.paid']);
    expect(added(draft, removePackage(draft, 0)).map((f) => f.path)).toEqual(['payments[0].packages[0]']);
  });

  it('is empty for what nothing reads, and does not count what was already wrong', () => {
    const draft = freshDraft();
    expect(added(draft, removeInput(draft, 0, 2))).toEqual([]);
    const broken = setFormula(draft, { owner: 'packages', index: 0, group: 'formulas', name: 'total' }, 'SUM(amount) + nothing');
    expect(findingsOf(broken)).toHaveLength(1);
    expect(added(broken, removeConstant(broken, 0, 'tariff')).map((f) => f.message)).toEqual(["unknown name 'tariff'"]);
  });
});
