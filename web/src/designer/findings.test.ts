import { describe, expect, it } from 'vitest';
import { PROGRAMME_DEFINITION } from '../../../test/support/api.ts';
import { addTable, addTableRow, renameFormula, setConstant, setFormula, setTableCell, toDraft, type Draft } from './draft.ts';
import {
  PROGRAMME_ANCHOR,
  anchorsOf,
  attributeNamesOf,
  draftPath,
  inferAttributeNames,
  isAt,
  liveCheck,
  placeFindings,
  serverFindings,
} from './findings.ts';

const fresh = (): Draft => toDraft(PROGRAMME_DEFINITION);
const amount = { owner: 'packages', index: 0, group: 'activityFormulas', name: 'amount' } as const;

describe('designer findings', () => {
  it('finds nothing in a valid programme', () => {
    expect(liveCheck(fresh(), [], 'en')).toEqual({ stage: 'formulas', findings: [] });
  });

  it('locates an unknown name at its formula, with the span and the suggestion, in either language', () => {
    const draft = setFormula(fresh(), amount, 'paid * tarif');
    const en = liveCheck(draft, [], 'en');
    expect(en.findings).toEqual([
      {
        code: 'UNKNOWN_NAME',
        at: 'quantity.activityFormulas.amount',
        path: 'packages[0].activityFormulas.amount',
        message: "unknown name 'tarif'",
        hint: "did you mean 'tariff'?",
        formula: 'paid * tarif',
        span: { start: 7, end: 12 },
        origin: 'live',
      },
    ]);
    const fr = liveCheck(draft, [], 'fr').findings[0]!;
    expect(fr.message).toContain('tarif');
    expect(fr.message).not.toBe(en.findings[0]!.message);
    expect(fr.hint).toContain('tariff');
    expect(placeFindings(en.findings, draft).get('packages[0].activityFormulas.amount')).toEqual(en.findings);
  });

  it('lets a web hint replace the engine’s', () => {
    const draft = setFormula(fresh(), amount, 'paid * zzzzzzzz');
    const [finding] = liveCheck(draft, [], 'en', (error) => (error.hint?.key === 'hint.attribute' ? 'no unit has it' : undefined)).findings;
    expect(finding!.hint).toBe('no unit has it');
  });

  it('reads org-unit attributes it is given', () => {
    const draft = setFormula(fresh(), { owner: 'payments', index: 0, group: 'formulas', name: 'to_pay' }, 'MIN(quantity.total, quarterly_budget)');
    expect(liveCheck(draft, [], 'en').findings.map((f) => [f.code, f.path])).toEqual([['UNKNOWN_NAME', 'payments[0].formulas.to_pay']]);
    expect(liveCheck(draft, ['quarterly_budget'], 'en').findings).toEqual([]);
    expect(attributeNamesOf([{ attributes: { b: 1, a: 2 } }, { attributes: { a: 3 } }, { attributes: {} }])).toEqual(['a', 'b']);
  });

  it('infers attributes a saved version reads but the designer’s units do not show', () => {
    const saved = setFormula(
      setFormula(fresh(), amount, 'paid * tariff * equity_factor + remoteness * 0'),
      { owner: 'payments', index: 0, group: 'formulas', name: 'to_pay' },
      'MIN(quantity.total, quarterly_budget)',
    );
    expect(inferAttributeNames(saved, ['population'])).toEqual(['equity_factor', 'population', 'quarterly_budget', 'remoteness']);
    expect(inferAttributeNames(fresh(), [])).toEqual([]);
  });

  it('checks the shape first and places cell errors at the constants and the table', () => {
    const badConstant = setConstant(fresh(), 0, 1, 'tariff', 'abc', 'en');
    const check = liveCheck(badConstant, [], 'en');
    expect(check.stage).toBe('shape');
    expect(check.findings.map((f) => f.path)).toEqual(['packages[0].activities[1].constants.tariff']);
    expect(placeFindings(check.findings, badConstant).get('packages[0].activities')!.map((f) => f.code)).toEqual(['SCHEMA']);
    expect(isAt(check.findings[0]!, 'packages[0].activities[1].constants.tariff')).toBe(true);

    const missing = addTableRow(addTable(fresh(), { package: 'quantity', name: '', inputs: ['activity'], outputs: ['bonus'] }), 0);
    const [row] = liveCheck(missing, [], 'en').findings;
    expect(row!.path).toBe('decisionTables[0].rows[0]');
    expect(placeFindings([row!], missing).get('decisionTables[0]')!.map((f) => f.message)).toEqual(["missing output 'bonus'"]);
    expect(isAt(row!, 'decisionTables[0].rows[0]')).toBe(true);
    expect(isAt(row!, 'decisionTables[0].rows[1]')).toBe(false);
  });

  it('places duplicate names and table scopes at the table', () => {
    let draft = addTable(fresh(), { package: 'quantity', name: 'Tariffs', inputs: ['activity'], outputs: ['tariff'] });
    draft = setTableCell(addTableRow(draft, 0), 0, 0, 'tariff', '300', 'en');
    const duplicate = liveCheck(draft, [], 'en').findings;
    expect(duplicate.map((f) => [f.code, f.path])).toEqual([['DUPLICATE_NAME', 'decisionTables[0].outputs.tariff']]);
    expect([...placeFindings(duplicate, draft).keys()]).toEqual(['decisionTables[0]']);

    let scoped = addTable(fresh(), { package: 'quantity', name: '', inputs: ['activity'], outputs: ['bonus'] });
    scoped = addTable(scoped, { package: 'quantity', name: '', inputs: ['type'], outputs: ['bonus'] });
    const scope = liveCheck(scoped, [], 'en').findings;
    expect(scope.map((f) => [f.code, f.path])).toEqual([['TABLE_SCOPE', 'decisionTables[1].outputs.bonus']]);
    expect([...placeFindings(scope, scoped).keys()]).toEqual(['decisionTables[1]']);
  });

  it('maps code-based locations to draft paths', () => {
    const draft = fresh();
    expect(draftPath('quantity.formulas.total', draft)).toBe('packages[0].formulas.total');
    expect(draftPath('monthly.formulas.to_pay', draft)).toBe('payments[0].formulas.to_pay');
    expect(draftPath('quantity.activities.delivery.constants.tariff', draft)).toBe('packages[0].activities[1].constants.tariff');
    expect(draftPath('quantity.inputs.verified', draft)).toBe('packages[0].inputs[1]');
    expect(draftPath('packages[0].code', draft)).toBe('packages[0].code');
    expect(draftPath('elsewhere.formulas.x', draft)).toBe('elsewhere.formulas.x');
  });

  it('never hides a finding: unknown places fall back to their owner, then the programme', () => {
    const draft = fresh();
    expect(anchorsOf(draft)).toContain('payments[0].formulas.to_pay');
    const findings = serverFindings(
      [
        { code: 'UNKNOWN_NAME', at: 'quantity.activityFormulas.gone', message: "quantity.activityFormulas.gone: unknown name 'x' — did you mean 'y'?" },
        { code: 'SCHEMA', at: 'packages[0].inputs[1]', message: 'packages[0].inputs[1]: bad' },
        { code: 'SCHEMA', at: 'currency', message: 'currency: required' },
        { code: 'CYCLE', at: 'monthly.formulas.to_pay', message: 'monthly.formulas.to_pay: cycle' },
      ],
      draft,
    );
    expect(findings.map((f) => f.message)).toEqual(["unknown name 'x'", 'bad', 'required', 'cycle']);
    expect(findings.every((f) => f.origin === 'server')).toBe(true);
    expect(findings.map((f) => f.hint)).toEqual(["did you mean 'y'?", undefined, undefined, undefined]);
    const placed = placeFindings(findings, draft);
    expect(placed.get('packages[0]')!.map((f) => f.at)).toEqual(['quantity.activityFormulas.gone']);
    expect(placed.get('packages[0].inputs')!.map((f) => f.at)).toEqual(['packages[0].inputs[1]']);
    expect(placed.get(PROGRAMME_ANCHOR)!.map((f) => f.at)).toEqual(['currency']);
    expect(placed.get('payments[0].formulas.to_pay')!).toHaveLength(1);
    expect(serverFindings([], draft)).toEqual([]);
  });

  it('places the errors of inputs and their types at the inputs', () => {
    const draft = { ...fresh(), packages: [{ ...fresh().packages[0]!, inputTypes: { gone: 'count' } }] };
    const [finding] = liveCheck(draft, [], 'en').findings;
    expect(finding!.path).toBe('packages[0].inputTypes.gone');
    expect([...placeFindings([finding!], draft).keys()]).toEqual(['packages[0].inputs']);
  });

  it('follows a renamed formula', () => {
    const draft = renameFormula(setFormula(fresh(), amount, 'paid * tarif'), amount, 'earned');
    const [finding] = liveCheck(draft, [], 'en').findings;
    expect(finding!.path).toBe('packages[0].activityFormulas.earned');
  });
});
