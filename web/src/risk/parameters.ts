import { parsePeriod } from '../../../src/engine/model/period.ts';
import { DEFAULT_PARAMETERS, RISK_CLASSES, type DrawParameters, type RiskClass } from './types.ts';

/**
 * The draw form's fields as typed: thresholds and probabilities in percent, as committees
 * speak of them ("5 %", "40 %"), turned into the API's ratios on submission.
 */
export interface ParameterFields {
  readonly historyMonths: string;
  readonly thresholdModerate: string;
  readonly thresholdHigh: string;
  readonly probabilityLow: string;
  readonly probabilityModerate: string;
  readonly probabilityHigh: string;
}

export type FieldName = keyof ParameterFields;
export type FieldProblem = 'required' | 'wholeMonths' | 'percent' | 'order';

/** Percent of a ratio without binary noise: 0.07 → "7", not "7.000000000000001". */
const percent = (ratio: number) => String(Number((ratio * 100).toPrecision(12)));

export function defaultFields(): ParameterFields {
  return fieldsOf(DEFAULT_PARAMETERS);
}

/** The fields showing given parameters: a replacement starts from the draw it replaces. */
export function fieldsOf({ historyMonths, thresholds, probabilities }: Omit<DrawParameters, 'alwaysDraw'>): ParameterFields {
  return {
    historyMonths: String(historyMonths),
    thresholdModerate: percent(thresholds.moderate),
    thresholdHigh: percent(thresholds.high),
    probabilityLow: percent(probabilities.low),
    probabilityModerate: percent(probabilities.moderate),
    probabilityHigh: percent(probabilities.high),
  };
}

export const PROBABILITY_FIELD: Record<RiskClass, FieldName> = { low: 'probabilityLow', moderate: 'probabilityModerate', high: 'probabilityHigh' };

/** A decimal typed with a comma or a point, as French and English readers write it. */
function decimal(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** The parameters to send, or the problem of each field at fault (checked as the server will). */
export function readFields(fields: ParameterFields): { parameters: Omit<DrawParameters, 'alwaysDraw'> } | { problems: Partial<Record<FieldName, FieldProblem>> } {
  const problems: Partial<Record<FieldName, FieldProblem>> = {};
  const months = fields.historyMonths.trim();
  if (!/^\d+$/.test(months) || Number(months) < 1 || Number(months) > 36) problems.historyMonths = months === '' ? 'required' : 'wholeMonths';
  const ratio = (name: FieldName, max?: number): number => {
    const value = decimal(fields[name]);
    if (value === undefined || (max !== undefined && value > max)) {
      problems[name] = fields[name].trim() === '' ? 'required' : 'percent';
      return 0;
    }
    return Number((value / 100).toPrecision(12));
  };
  const moderate = ratio('thresholdModerate');
  const high = ratio('thresholdHigh');
  if (!problems.thresholdModerate && !problems.thresholdHigh && moderate > high) problems.thresholdModerate = 'order';
  const probabilities = Object.fromEntries(RISK_CLASSES.map((riskClass) => [riskClass, ratio(PROBABILITY_FIELD[riskClass], 100)])) as Record<RiskClass, number>;
  if (Object.keys(problems).length > 0) return { problems };
  return { parameters: { historyMonths: Number(months), thresholds: { moderate, high }, probabilities } };
}

/** A draw's period: a DHIS2 month (202407) or quarter (2024Q3), the rhythms of verification. */
export function isDrawPeriod(id: string): boolean {
  const period = parsePeriod(id);
  return period !== undefined && period.type !== 'year';
}

/** The month before today's, as a DHIS2 id: the period usually being verified. */
export function lastMonth(today = new Date()): string {
  const date = new Date(Date.UTC(today.getFullYear(), today.getMonth() - 1, 1));
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}
