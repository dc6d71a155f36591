import { useTranslation } from 'react-i18next';
import { cellText, isInvalid } from './cells.ts';
import { enterMovesDown } from './gridKeys.ts';
import type { EntrySheet } from './useEntrySheet.ts';

/** One typed value of a sheet: what is shown, marked when it cannot be saved, Enter moving down. */
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
  const { t } = useTranslation();
  const cell = sheet.cell(activity, state);
  const invalid = isInvalid(cell);
  const value = Number(cellText(cell).replace(',', '.'));
  const aboveMax = !invalid && max !== undefined && value > max;
  const hintId = `${grid}-${row}-${state}-hint`;
  return (
    <>
      <input
        className="cell number"
        inputMode="decimal"
        autoComplete="off"
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid || aboveMax ? hintId : undefined}
        data-grid={grid}
        data-row={row}
        data-col={state}
        readOnly={!sheet.editable}
        disabled={disabled}
        value={cellText(cell)}
        onChange={(event) => sheet.setDraft(activity, state, event.target.value)}
        onKeyDown={enterMovesDown}
      />
      {invalid && (
        <span id={hintId} className="cell-hint bad">
          {t('field.invalidValue')}
        </span>
      )}
      {aboveMax && (
        <span id={hintId} className="cell-hint warn">
          {t('field.aboveMax', { max })}
        </span>
      )}
      {cell.queued && cell.draft === undefined && <span className="badge warn">{t(`field.cell.${cell.queued.state}`)}</span>}
    </>
  );
}
