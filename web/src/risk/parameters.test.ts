import { describe, expect, it } from 'vitest';
import { drawParameters } from '../../../src/contract/api/verification.ts';
import { defaultFields, fieldsOf, readFields } from './parameters.ts';
import { DEFAULT_PARAMETERS } from './types.ts';

describe('draw parameters in the form', () => {
  it('shows the server’s defaults', () => {
    const { alwaysDraw: _always, ...server } = drawParameters.parse({});
    expect(DEFAULT_PARAMETERS).toEqual(server);
    expect(defaultFields('en')).toEqual({
      historyMonths: '6',
      thresholdModerate: '5',
      thresholdHigh: '10',
      probabilityLow: '40',
      probabilityModerate: '80',
      probabilityHigh: '100',
    });
    expect(readFields(defaultFields('fr'), 'fr')).toEqual({ parameters: DEFAULT_PARAMETERS });
  });

  it('reads percentages typed in the reader’s language, without binary noise', () => {
    const read = readFields({ ...defaultFields('fr'), thresholdModerate: '7', thresholdHigh: '12,5', probabilityLow: '33.3' }, 'fr');
    expect(read).toEqual({
      parameters: { historyMonths: 6, thresholds: { moderate: 0.07, high: 0.125 }, probabilities: { low: 0.333, moderate: 0.8, high: 1 } },
    });
    expect(readFields({ ...defaultFields('en'), thresholdHigh: '12,5' }, 'en')).toEqual({ problems: { thresholdHigh: 'percent' } });
    expect(fieldsOf({ ...DEFAULT_PARAMETERS, thresholds: { moderate: 0.075, high: 0.1 } }, 'fr').thresholdModerate).toBe('7,5');
  });

  it('names each field at fault', () => {
    const read = readFields({ historyMonths: '0', thresholdModerate: '20', thresholdHigh: '10', probabilityLow: '', probabilityModerate: '120', probabilityHigh: 'x' }, 'en');
    expect(read).toEqual({
      problems: { historyMonths: 'wholeMonths', thresholdModerate: 'order', probabilityLow: 'required', probabilityModerate: 'percent', probabilityHigh: 'percent' },
    });
  });
});
