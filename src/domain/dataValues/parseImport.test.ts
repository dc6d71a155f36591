import { describe, expect, it } from 'vitest';
import { nonBlankLines, parseCsvRows, parseJsonRows } from './parseImport.ts';

describe('reading imported rows', () => {
  it('numbers CSV rows by their line, across blank lines, quoted fields and a byte-order mark', () => {
    const csv = '\uFEFForgUnit,period,activity,state,value\n"cds_1",202401,consultation,declared,12\n\n\ncds_2,202401,delivery,declared, 3.5 \n';
    expect(parseCsvRows(csv)).toEqual({
      rows: [
        { row: 2, orgUnit: 'cds_1', period: '202401', activity: 'consultation', state: 'declared', value: 12, package: undefined },
        { row: 5, orgUnit: 'cds_2', period: '202401', activity: 'delivery', state: 'declared', value: 3.5, package: undefined },
      ],
      errors: [],
    });
  });

  it('names the row and field of each bad cell, and rows with the wrong number of fields', () => {
    const csv = [
      'period,orgUnit,activity,state,value,package',
      '202401,cds_1,consultation,declared,-4,',
      '2024-01,,consultation,declared,1e3,quantity',
      '202401,cds_1,consultation,declared',
    ].join('\r\n');
    expect(parseCsvRows(csv).errors).toEqual([
      { row: 2, field: 'value', code: 'BAD_NUMBER', message: 'must be 0 or more, not -4' },
      { row: 3, field: 'orgUnit', code: 'INVALID_FIELD', message: 'must not be empty' },
      { row: 3, field: 'period', code: 'BAD_PERIOD', message: "'2024-01' is not a month (202401) or a quarter (2024Q1)" },
      { row: 3, field: 'value', code: 'BAD_NUMBER', message: "'1e3' is not a number (write digits with a dot for decimals, like 12 or 3.5)" },
      { row: 4, field: 'row', code: 'COLUMN_COUNT', message: 'has 4 fields; the header has 6' },
    ]);
  });

  it('refuses a header with unknown, missing or repeated columns', () => {
    expect(() => parseCsvRows('orgunit,period,activity,state,value,value\n')).toThrow(
      "CSV header (line 1): unknown column 'orgunit'; missing column 'orgUnit'; column 'value' appears twice",
    );
  });

  it('reads JSON rows strictly: numbers as numbers, no unknown fields', () => {
    const parsed = parseJsonRows([
      { orgUnit: 'cds_1', period: '2024Q1', activity: 'hygiene', state: 'points', value: 0.25, package: 'quality' },
      { orgUnit: 'cds_1', period: '202401', activity: 'consultation', state: 'declared', value: '12', version: 2 },
      null,
    ]);
    expect(parsed.rows).toEqual([{ row: 1, orgUnit: 'cds_1', period: '2024Q1', activity: 'hygiene', state: 'points', value: 0.25, package: 'quality' }]);
    expect(parsed.errors.map((error) => `${error.row} ${error.field} ${error.code}`)).toEqual(['2 value BAD_NUMBER', '2 version UNKNOWN_FIELD', '3 row INVALID_ROW']);
  });

  it('counts the lines holding something, as the CSV parser finds records', () => {
    expect(nonBlankLines('header\r\na,b\n\n \t\r\nc,d')).toBe(3);
    expect(nonBlankLines('header\na,b\n')).toBe(2);
    expect(nonBlankLines('')).toBe(0);
  });
});
