import { editingText, parseNumber } from '../../../src/contract/numbers.ts';
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

/** Percent of a ratio without binary noise (0.07 → 7, not 7.000000000000001), in the reader's writing. */
const percent = (ratio: number, locale: string) => editingText(Number((ratio * 100).toPrecision(12)), locale);

export function defaultFields(locale: string): ParameterFields {
  return fieldsOf(DEFAULT_PARAMETERS, locale);
}

/** The fields showing given parameters: a replacement starts from the draw it replaces. */
export function fieldsOf({ historyMonths, thresholds, probabilities }: Omit<DrawParameters, 'alwaysDraw'>, locale: string): ParameterFields {
  return {
    historyMonths: String(historyMonths),
    thresholdModerate: percent(thresholds.moderate, locale),
    thresholdHigh: percent(thresholds.high, locale),
    probabilityLow: percent(probabilities.low, locale),
    probabilityModerate: percent(probabilities.moderate, locale),
    probabilityHigh: percent(probabilities.high, locale),
  };
}

export const PROBABILITY_FIELD: Record<RiskClass, FieldName> = { low: 'probabilityLow', moderate: 'probabilityModerate', high: 'probabilityHigh' };

/** A number ≥ 0 typed in the reader's language (src/contract/numbers.ts), or undefined. */
function decimal(text: string, locale: string): number | undefined {
  const parsed = parseNumber(text, locale);
  return parsed.kind === 'number' && parsed.value >= 0 ? parsed.value : undefined;
}

/** The parameters to send, or the problem of each field at fault (checked as the server will). */
export function readFields(
  fields: ParameterFields,
  locale: string,
): { parameters: Omit<DrawParameters, 'alwaysDraw'> } | { problems: Partial<Record<FieldName, FieldProblem>> } {
  const problems: Partial<Record<FieldName, FieldProblem>> = {};
  const months = decimal(fields.historyMonths, locale);
  if (months === undefined || !Number.isInteger(months) || months < 1 || months > 36) {
    problems.historyMonths = fields.historyMonths.trim() === '' ? 'required' : 'wholeMonths';
  }
  const ratio = (name: FieldName, max?: number): number => {
    const value = decimal(fields[name], locale);
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
  return { parameters: { historyMonths: months!, thresholds: { moderate, high }, probabilities } };
}
