import { useTranslation } from 'react-i18next';
import { problemText } from '../entry/problemText.ts';
import { formatNumber } from '../i18n/format.ts';
import { cellProblem, cellText, currentValue } from './cells.ts';
import { enterMovesDown } from './gridKeys.ts';
import { pasteBlock } from './gridPaste.ts';
import type { EntrySheet } from './useEntrySheet.ts';

/**
 * One typed value of a sheet: what is shown, why it cannot be saved (in the words of the
 * clerk's grid), Enter moving down, a pasted column filling the cells below.
 */
export function ValueInput({
  sheet,
  grid,
  row,
  activity,
  state,
  label,
  max,
  disabled,
}: {
  sheet: EntrySheet;
  grid: string;
  row: number;
  activity: string;
  state: string;
  label: string;
  max?: number | undefined;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const cell = sheet.cell(activity, state);
  const problem = cellProblem(cell);
  const value = currentValue(cell);
  const aboveMax = !problem && max !== undefined && value !== undefined && value > max;
  const hintId = `${grid}-${row}-${state}-hint`;
  return (
    <>
      <input
        className="cell number"
        inputMode="decimal"
        autoComplete="off"
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem || aboveMax ? hintId : undefined}
        data-grid={grid}
        data-row={row}
        data-col={state}
        data-activity={activity}
        readOnly={!sheet.editable}
        disabled={disabled}
        value={cellText(cell, i18n.language)}
        onChange={(event) => sheet.setDraft(activity, state, event.target.value)}
        onKeyDown={enterMovesDown}
        onPaste={(event) => pasteBlock(event, sheet.setDraft)}
      />
      {problem && (
        <span id={hintId} className="cell-hint bad">
          {problemText(t, i18n.language, problem, cell.draft?.text ?? '')}
        </span>
      )}
      {aboveMax && (
        <span id={hintId} className="cell-hint warn">
          {t('field.aboveMax', { max: formatNumber(max, i18n.language, 4) })}
        </span>
      )}
      {cell.queued && cell.draft === undefined && <span className="badge warn">{t(`field.cell.${cell.queued.state}`)}</span>}
    </>
  );
}
