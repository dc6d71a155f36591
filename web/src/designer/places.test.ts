import { describe, expect, it } from 'vitest';
import { addTable, addTableRow } from './draft.ts';
import { setActivityName } from './edits/activities.ts';
import { setPackageText } from './edits/packages.ts';
import { placeSegments, type PlaceWords } from './places.ts';
import { freshDraft } from './testing.ts';

const words: PlaceWords = {
  row: (n) => `row ${n}`,
  field: (name) => ({ code: 'code', packages: 'packages read', from: 'valid from', amount: 'amount paid' })[name],
  table: (table) => `Table ${table.name || table.outputs.join(', ')}`,
};

describe('places of findings in words', () => {
  const draft = addTableRow(addTable(setActivityName(setPackageText(freshDraft(), 0, 'name', 'Quantity'), 0, 1, 'Assisted delivery'), { package: 'quantity', name: '', inputs: ['activity'], outputs: ['bonus'] }), 0);
  const place = (path: string) => placeSegments(path, draft, words);

  it('names parts by their name, or their code when they have none', () => {
    expect(place('packages[0].activities[1].constants.tariff')).toEqual(['Quantity', 'Assisted delivery', 'tariff']);
    expect(place('packages[0].activities[0].code')).toEqual(['Quantity', 'consultation', 'code']);
    expect(place('packages[0].activityFormulas.amount')).toEqual(['Quantity', 'amount']);
    expect(place('packages[0].inputs[1]')).toEqual(['Quantity', 'verified']);
    expect(place('payments[0].packages[0]')).toEqual(['monthly', 'quantity']);
    expect(place('payments[0].packages')).toEqual(['monthly', 'packages read']);
    expect(place('payments[0].amount')).toEqual(['monthly', 'amount paid']);
    expect(place('payments[0].formulas.amount')).toEqual(['monthly', 'amount']);
  });

  it('names table rows and columns', () => {
    expect(place('decisionTables[0].rows[0]')).toEqual(['Table bonus', 'row 1']);
    expect(place('decisionTables[0].rows[0].bonus')).toEqual(['Table bonus', 'row 1', 'bonus']);
    expect(place('decisionTables[0].outputs[0]')).toEqual(['Table bonus', 'bonus']);
    expect(place('decisionTables[0].from')).toEqual(['Table bonus', 'valid from']);
  });

  it('gives back a path outside any part as it is', () => {
    expect(place('currency')).toEqual(['currency']);
    expect(place('packages[7].code')).toEqual(['packages[7].code']);
    expect(place('quantity.formulas.gone')).toEqual(['quantity.formulas.gone']);
  });
});
