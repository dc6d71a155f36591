import type { TFunction } from 'i18next';
import { formatNumber } from '../../../src/contract/numbers.ts';
import { INPUT_TYPE_MESSAGES } from '../../../src/engine/model/inputTypes.ts';
import type { CellProblem } from './cells.ts';

/** Enough decimals to write any reading exactly as the writer typed it. */
const ALL_DECIMALS = 20;

/** Why a typed value is not saved, in the reader's language: the clerk's and the verifier's grids say the same. */
export function problemText(t: TFunction, locale: string, problem: CellProblem, text: string): string {
  switch (problem.code) {
    case 'otherWriting': {
      const readings = problem.readings.map((reading) => formatNumber(reading, locale, ALL_DECIMALS));
      const suggestion = new Intl.ListFormat(locale, { type: 'disjunction' }).format(readings);
      return t('entry.problem.otherWriting', { text, suggestion });
    }
    case 'wrongType':
      return t('entry.problem.wrongType', { reason: INPUT_TYPE_MESSAGES[locale === 'fr' ? 'fr' : 'en'][problem.reason](problem.value) });
    case 'notFinite':
      return t('entry.problem.tooLarge');
    default:
      return t(`entry.problem.${problem.code}`, { text });
  }
}
