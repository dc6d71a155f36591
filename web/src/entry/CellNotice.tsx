import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/Status.tsx';
import { parseNumber } from '../../../src/contract/numbers.ts';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import { valueKey } from './api.ts';
import { problemText } from './problemText.ts';
import type { Cells } from './useCells.ts';

interface CellNoticeProps {
  readonly id: string;
  readonly activity: string;
  readonly state: string;
  readonly label: string;
  readonly cells: Cells;
}

/** Why a cell is not saved: a value that cannot be stored, a refusal, or someone else's change to decide on. */
export function CellNotice({ id, activity, state, label, cells }: CellNoticeProps) {
  const { t, i18n } = useTranslation();
  const draft = cells.drafts.get(valueKey(activity, state));
  if (!draft) return null;
  if (draft.phase === 'invalid') {
    return (
      <p id={id} className="cell-notice bad">
        {problemText(t, i18n.language, draft.problem ?? { code: 'notNumber', readings: [] }, draft.text)}
      </p>
    );
  }
  if (draft.phase === 'failed') {
    return (
      <div id={id} className="cell-notice">
        <ErrorMessage error={draft.error} onRetry={() => void cells.commit([[activity, state]])} />
      </div>
    );
  }
  if (draft.phase !== 'conflict') return null;
  const parsed = parseNumber(draft.text, i18n.language);
  const mine = parsed.kind === 'number' ? formatNumber(parsed.value, i18n.language, 4) : draft.text;
  const current = draft.current;
  const theirs = current ? formatNumber(current.value, i18n.language, 4) : '—';
  return (
    <div id={id} className="cell-notice conflict" role="alert">
      <p>
        <strong>{label}</strong> —{' '}
        {current
          ? t('entry.conflict', {
              name: current.updatedBy?.name ?? t('entry.system'),
              when: formatDateTime(current.updatedAt, i18n.language),
              theirs,
              mine,
            })
          : t('entry.conflictGone', { mine })}
      </p>
      <div className="actions">
        <button type="button" className="small" onClick={() => void cells.keepMine(activity, state)}>
          {t('entry.keepMine', { value: mine })}
        </button>
        <button type="button" className="secondary small" onClick={() => cells.takeTheirs(activity, state)}>
          {current ? t('entry.takeTheirs', { value: theirs }) : t('entry.reload')}
        </button>
      </div>
    </div>
  );
}
