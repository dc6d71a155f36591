import { describe, expect, it } from 'vitest';
import { setFormula } from '../draft.ts';
import { liveCheck } from '../findings.ts';
import { freshDraft, frozen } from '../testing.ts';
import { addInput, removeInput, renameInput, setInputType } from './inputs.ts';

describe('designer inputs', () => {
  it('adds untyped inputs with unused names', () => {
    const draft = frozen(freshDraft());
    const first = addInput(draft, 0);
    expect(first.index).toBe(3);
    expect(first.draft.packages[0]!.inputs).toEqual(['declared', 'verified', 'validated', 'new_input']);
    expect(addInput(first.draft, 0).draft.packages[0]!.inputs.at(-1)).toBe('new_input_2');
    expect(first.draft.packages[0]!.inputTypes).toBeUndefined();
  });

  it('types an input, and leaves no empty list of types behind', () => {
    const draft = frozen(freshDraft());
    const typed = setInputType(draft, 0, 'verified', 'count');
    expect(typed.packages[0]!.inputTypes).toEqual({ verified: 'count' });
    expect('inputTypes' in setInputType(typed, 0, 'verified', undefined).packages[0]!).toBe(false);
    expect(liveCheck(typed, [], 'en').findings).toEqual([]);
  });

  it('renames a new input in its type and in the package formulas, _is_null included', () => {
    let draft = addInput(freshDraft(), 0).draft;
    draft = setInputType(draft, 0, 'new_input', 'score');
    draft = setFormula(draft, { owner: 'packages', index: 0, group: 'activityFormulas', name: 'extra' }, 'IF(new_input_is_null, 0, new_input)');
    draft = setFormula(draft, { owner: 'packages', index: 0, group: 'formulas', name: 'points' }, 'SUM(new_input)');
    const renamed = renameInput(frozen(draft), 0, 3, 'points_scored');
    const pkg = renamed.packages[0]!;
    expect(pkg.inputs[3]).toBe('points_scored');
    expect(pkg.inputTypes).toEqual({ points_scored: 'score' });
    expect(pkg.activityFormulas!.extra).toBe('IF(points_scored_is_null, 0, points_scored)');
    expect(pkg.activityFormulas!.gap).toBe(draft.packages[0]!.activityFormulas!.gap);
    expect(pkg.formulas!.points).toBe('SUM(points_scored)');
    expect(liveCheck(renamed, [], 'en').findings).toEqual([]);
  });

  it('removes an input with its type; the formulas reading it are found by the check', () => {
    const draft = frozen(setInputType(freshDraft(), 0, 'verified', 'count'));
    const removed = removeInput(draft, 0, 1);
    expect(removed.packages[0]!.inputs).toEqual(['declared', 'validated']);
    expect('inputTypes' in removed.packages[0]!).toBe(false);
    expect(liveCheck(removed, [], 'en').findings.map((f) => [f.code, f.path])).toEqual([
      ['UNKNOWN_NAME', 'packages[0].activityFormulas.gap'],
      ['UNKNOWN_NAME', 'packages[0].activityFormulas.paid'],
    ]);
  });
});
