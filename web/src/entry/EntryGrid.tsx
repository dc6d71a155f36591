import { useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { valueKey, type RulesActivity, type StoredValue } from './api.ts';
import { CellNotice } from './CellNotice.tsx';
import { isBlock, parseClipboard } from './clipboard.ts';
import { sum } from './totals.ts';
import type { Cells } from './useCells.ts';
import { formatNumber } from '../i18n/format.ts';

/**
 * A column of the grid: a state's values (entered or shown), or a figure derived from a row.
 * A state's `fallback` is the figure an empty cell stands for (the committee's verified
 * default): shown greyed in the cell, as a default and not a typed value, and counted in the total.
 */
export type GridColumn =
  | {
      readonly kind: 'state';
      readonly state: string;
      readonly header: string;
      readonly editable: boolean;
      fallback?(activity: string): number | undefined;
      /** In place of the column's sum, where a sum means nothing (a checklist's marks of not applicable). */
      readonly total?: ReactNode;
    }
  | { readonly kind: 'derived'; readonly key: string; readonly header: string; cell(activity: string): ReactNode; total?: ReactNode };

interface EntryGridProps {
  readonly labelledBy: string;
  readonly activities: readonly RulesActivity[];
  readonly columns: readonly GridColumn[];
  readonly stored: ReadonlyMap<string, StoredValue>;
  readonly cells: Cells;
  /** A class per activity's row: the committee's screen marks lines beyond tolerance. */
  rowClass?(activity: string): string | undefined;
}

/**
 * Activities down, states across, as in a paper register. Spreadsheet keys: Enter and
 * Shift+Enter move down and up a column, arrows move between cells (left and right once the
 * caret is at the edge of the text), Tab follows the page, Escape undoes the cell; a block
 * pasted from a spreadsheet fills the cells from the one pasted into. A cell is saved when
 * left.
 */
export function EntryGrid({ labelledBy, activities, columns, stored, cells, rowClass }: EntryGridProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const editable = columns.flatMap((column) => (column.kind === 'state' && column.editable ? [column.state] : []));
  const [pasted, setPasted] = useState<{ count: number; ignored: number } | null>(null);

  function focusCell(row: number, column: number) {
    const input = document.querySelector<HTMLInputElement>(`#${labelledBy}-grid input[data-row="${row}"][data-column="${column}"]`);
    input?.focus();
    input?.select();
    return !!input;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, row: number, column: number) {
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const activity = activities[row]!.code;
    const state = editable[column]!;
    let moved: boolean | undefined;
    if (event.key === 'Enter') {
      moved = focusCell(row + (event.shiftKey ? -1 : 1), column);
      // The last row has nowhere to go: save where the clerk stands.
      if (!moved) void cells.commit([[activity, state]]);
      moved = true;
    } else if (event.key === 'ArrowDown') moved = focusCell(row + 1, column);
    else if (event.key === 'ArrowUp') moved = focusCell(row - 1, column);
    else if (event.key === 'ArrowRight' && atEnd) moved = focusCell(row, column + 1);
    else if (event.key === 'ArrowLeft' && atStart) moved = focusCell(row, column - 1);
    else if (event.key === 'Escape') {
      cells.revert(activity, state);
      moved = true;
    }
    if (moved) event.preventDefault();
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>, row: number, column: number) {
    const text = event.clipboardData.getData('text/plain');
    if (!isBlock(text)) return;
    event.preventDefault();
    const keys: [string, string][] = [];
    let ignored = 0;
    parseClipboard(text).forEach((line, r) =>
      line.forEach((cell, c) => {
        const activity = activities[row + r]?.code;
        const state = editable[column + c];
        if (activity === undefined || state === undefined) {
          if (cell.trim() !== '') ignored += 1;
          return;
        }
        cells.edit(activity, state, cell.trim());
        keys.push([activity, state]);
      }),
    );
    setPasted({ count: keys.length, ignored });
    void cells.commit(keys);
  }

  return (
    <>
      <div className="scroll-x">
        <table className="list grid entry-grid" id={`${labelledBy}-grid`} aria-labelledby={labelledBy}>
          <thead>
            <tr>
              <th scope="col">{t('entry.activity')}</th>
              {columns.map((column) => (
                <th scope="col" className="number" key={column.kind === 'state' ? column.state : column.key}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {activities.map((activity, row) => (
              <GridRow
                key={activity.code}
                idPrefix={labelledBy}
                activity={activity}
                row={row}
                columns={columns}
                editable={editable}
                stored={stored}
                cells={cells}
                className={rowClass?.(activity.code)}
                onKeyDown={onKeyDown}
                onPaste={onPaste}
              />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('entry.total')}</th>
              {columns.map((column) =>
                column.kind === 'state' ? (
                  <td className="number" key={column.state}>
                    {column.total ?? formatNumber(sum(activities.map((activity) => cells.value(activity.code, column.state) ?? column.fallback?.(activity.code) ?? 0)), locale, 4)}
                  </td>
                ) : (
                  <td className="number" key={column.key}>
                    {column.total}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="small-text muted" role="status" aria-live="polite">
        {cells.progress
          ? t('entry.saving', { done: cells.progress.done, total: cells.progress.total })
          : pasted && (pasted.ignored > 0 ? t('entry.pastedIgnored', pasted) : t('entry.pasted', pasted))}
      </p>
    </>
  );
}

interface GridRowProps {
  readonly idPrefix: string;
  readonly activity: RulesActivity;
  readonly row: number;
  readonly columns: readonly GridColumn[];
  readonly editable: readonly string[];
  readonly stored: ReadonlyMap<string, StoredValue>;
  readonly cells: Cells;
  readonly className: string | undefined;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>, row: number, column: number): void;
  onPaste(event: ClipboardEvent<HTMLInputElement>, row: number, column: number): void;
}

function GridRow({ idPrefix, activity, row, columns, editable, stored, cells, className, onKeyDown, onPaste }: GridRowProps) {
  const { t, i18n } = useTranslation();
  const label = activity.name ?? activity.code;
  const notices = editable.filter((state) => {
    const phase = cells.drafts.get(valueKey(activity.code, state))?.phase;
    return phase === 'invalid' || phase === 'failed' || phase === 'conflict';
  });
  return (
    <>
      <tr className={className} data-activity={activity.code}>
        <th scope="row">
          {label}
          {activity.name && <div className="muted code">{activity.code}</div>}
        </th>
        {columns.map((column) => {
          if (column.kind === 'derived') {
            return (
              <td className="number" key={column.key}>
                {column.cell(activity.code)}
              </td>
            );
          }
          const id = valueKey(activity.code, column.state);
          if (!column.editable) {
            const value = stored.get(id)?.value;
            return (
              <td className="number" key={column.state}>
                {value === undefined ? '—' : formatNumber(value, i18n.language, 4)}
              </td>
            );
          }
          const c = editable.indexOf(column.state);
          const draft = cells.drafts.get(id);
          const bad = draft?.phase === 'invalid' || draft?.phase === 'failed' || draft?.phase === 'conflict';
          const fallback = column.fallback?.(activity.code);
          return (
            <td className="number" key={column.state}>
              <input
                className={`cell number${draft ? ` ${draft.phase}` : ''}`}
                value={cells.text(activity.code, column.state)}
                placeholder={fallback === undefined ? undefined : formatNumber(fallback, i18n.language, 4)}
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                data-row={row}
                data-column={c}
                aria-label={t('entry.cell', { state: column.header, activity: label })}
                aria-invalid={bad ? true : undefined}
                aria-describedby={bad ? `${idPrefix}-notice-${activity.code}-${column.state}` : undefined}
                aria-busy={draft?.phase === 'saving' ? true : undefined}
                onChange={(event) => cells.edit(activity.code, column.state, event.target.value)}
                onKeyDown={(event) => onKeyDown(event, row, c)}
                onPaste={(event) => onPaste(event, row, c)}
                onBlur={() => void cells.commit([[activity.code, column.state]])}
              />
            </td>
          );
        })}
      </tr>
      {notices.map((state) => (
        <tr key={state} className="cell-notice-row">
          <td colSpan={columns.length + 1}>
            <CellNotice id={`${idPrefix}-notice-${activity.code}-${state}`} activity={activity.code} state={state} label={label} cells={cells} />
          </td>
        </tr>
      ))}
    </>
  );
}
