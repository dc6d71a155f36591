import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AddTableForm } from './AddTableForm.tsx';
import { idFor, useEditor } from './context.ts';
import { addTableRow, cellText, removeTable, removeTableRow, setTableCell, setTableName, setTablePeriod, type Draft, type DraftTable } from './draft.ts';
import { addTableColumn, columnProblem, removeTableColumn, setTablePackage, type Side } from './edits/tableColumns.ts';
import { isAt, type Finding } from './findings.ts';
import { Findings, usePlace } from './Findings.tsx';
import { RemoveButton } from './RemoveButton.tsx';

export const TABLES_HEADING = 'tables-title';

/** Every decision table of the programme as an editable grid, and a form to add one. */
export function DecisionTables({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const { readOnly } = useEditor();
  return (
    <>
      <h2 id={TABLES_HEADING} tabIndex={-1}>
        {t('designer.tables')}
      </h2>
      <p className="muted">{t('designer.wildcardHelp')}</p>
      {draft.decisionTables.length === 0 && <p className="muted">{t('common.none')}</p>}
      {draft.decisionTables.map((table, index) => (
        <TableGrid key={index} table={table} index={index} />
      ))}
      {!readOnly && <AddTableForm packages={draft.packages} />}
    </>
  );
}

/** Enter moves to the same column on the next row, Shift+Enter to the previous one. */
function moveInColumn(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const input = event.currentTarget;
  const row = Number(input.dataset.row) + (event.shiftKey ? -1 : 1);
  const next = input.closest('table')?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-column="${input.dataset.column}"]`);
  next?.focus();
  next?.select();
}

function TableGrid({ table, index }: { table: DraftTable; index: number }) {
  const { t, i18n } = useTranslation();
  const { readOnly, findings, draft, edit } = useEditor();
  const at = `decisionTables[${index}]`;
  const here = findings.get(at);
  const findingsId = idFor('e', at);
  const captionId = idFor('h', at);
  const columns = [...table.inputs, ...table.outputs];
  const invalid = (path: string) => here?.some((finding: Finding) => isAt(finding, path));
  const title = table.name || table.outputs.join(', ');
  const place = usePlace(draft, true);
  const owner = draft.packages.find((pkg) => pkg.code === table.package);

  return (
    <section className="card decision-table" aria-labelledby={captionId}>
      <div className="part-head">
        <h3 id={captionId} tabIndex={-1}>
          {t('designer.table', { name: title })} <span className="muted">({t('designer.tableOf', { package: owner?.name || table.package })})</span>
        </h3>
        {!readOnly && (
          <RemoveButton label={t('designer.removeTable', { name: title })} remove={(current) => removeTable(current, index)} focusAfter={TABLES_HEADING} className="link">
            {t('designer.removePart')}
          </RemoveButton>
        )}
      </div>
      <div className="table-bounds">
        <label className="inline">
          {t('designer.tableName')}
          <input
            value={table.name ?? ''}
            readOnly={readOnly}
            onChange={(event) => {
              const text = event.target.value;
              edit((current) => setTableName(current, index, text));
            }}
          />
        </label>
        <label className="inline">
          {t('designer.newTable.package')}
          <select
            value={table.package}
            disabled={readOnly}
            aria-invalid={invalid(`${at}.package`) ? true : undefined}
            aria-describedby={invalid(`${at}.package`) ? findingsId : undefined}
            onChange={(event) => {
              const code = event.target.value;
              edit((current) => setTablePackage(current, index, code));
            }}
          >
            {!owner && <option value={table.package}>{table.package}</option>}
            {draft.packages.map((pkg) => (
              <option key={pkg.code} value={pkg.code}>
                {pkg.name ? `${pkg.name} (${pkg.code})` : pkg.code}
              </option>
            ))}
          </select>
        </label>
        {(['from', 'to'] as const).map((bound) => (
          <label className="inline" key={bound}>
            {t(bound === 'from' ? 'designer.validFrom' : 'designer.validTo')}
            <input
              className="code period"
              value={table[bound] ?? ''}
              placeholder={t('designer.periodPlaceholder')}
              readOnly={readOnly}
              spellCheck={false}
              aria-invalid={invalid(`${at}.${bound}`) ? true : undefined}
              aria-describedby={invalid(`${at}.${bound}`) ? findingsId : undefined}
              onChange={(event) => {
                const text = event.target.value;
                edit((current) => setTablePeriod(current, index, bound, text));
              }}
            />
          </label>
        ))}
      </div>
      <div className="scroll-x">
        <table className="list grid" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col" className="row-number">
                {t('designer.row')}
              </th>
              {columns.map((column, c) => (
                <th scope="col" key={c} className={c < table.inputs.length ? 'input-column' : 'output-column number'}>
                  <span className="code">{column}</span>
                  {!readOnly && (
                    <RemoveButton label={t('designer.removeColumn', { name: column })} remove={(current) => removeTableColumn(current, index, column)} focusAfter={captionId}>
                      ×
                    </RemoveButton>
                  )}
                  <div className="muted small-text">{t(c < table.inputs.length ? 'designer.inputColumn' : 'designer.outputColumn')}</div>
                </th>
              ))}
              {!readOnly && (
                <th scope="col">
                  <span className="visually-hidden">{t('designer.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                <th scope="row" className="row-number">
                  {r + 1}
                </th>
                {columns.map((column, c) => {
                  const isOutput = c >= table.inputs.length;
                  const path = `${at}.rows[${r}].${column}`;
                  const bad = invalid(path) || (isOutput && here?.some((f) => f.path === `${at}.rows[${r}]`) && row[column] === undefined);
                  return (
                    <td key={c} className={isOutput ? 'number' : undefined}>
                      <input
                        className={`cell code${isOutput ? ' number' : ''}`}
                        value={cellText(row[column], i18n.language)}
                        placeholder={isOutput ? '' : '*'}
                        inputMode={isOutput ? 'decimal' : undefined}
                        readOnly={readOnly}
                        spellCheck={false}
                        data-row={r}
                        data-column={c}
                        aria-label={t('designer.cell', { column, row: r + 1 })}
                        aria-invalid={bad ? true : undefined}
                        aria-describedby={bad ? findingsId : undefined}
                        onKeyDown={moveInColumn}
                        onChange={(event) => {
                          const text = event.target.value;
                          edit((current) => setTableCell(current, index, r, column, text, i18n.language));
                        }}
                      />
                    </td>
                  );
                })}
                {!readOnly && (
                  <td>
                    <button
                      type="button"
                      className="link remove"
                      aria-label={t('designer.removeRow', { row: r + 1 })}
                      title={t('designer.removeRow', { row: r + 1 })}
                      onClick={() => edit((current) => removeTableRow(current, index, r))}
                    >
                      ×
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.rows.length === 0 && <p className="muted">{t('designer.noRows')}</p>}
      <Findings id={findingsId} findings={here} place={place} />
      {!readOnly && (
        <div className="actions">
          <button type="button" className="secondary small" onClick={() => edit((current) => addTableRow(current, index))}>
            {t('designer.addRow')}
          </button>
          <AddColumnForm table={table} index={index} />
        </div>
      )}
    </section>
  );
}

/** A column added to a table: an input (a fact rows match) or an output (a name formulas read). */
function AddColumnForm({ table, index }: { table: DraftTable; index: number }) {
  const { t } = useTranslation();
  const { edit } = useEditor();
  const [name, setName] = useState('');
  const [side, setSide] = useState<Side>('outputs');
  const [problem, setProblem] = useState<string | null>(null);

  function add(event: FormEvent) {
    event.preventDefault();
    const next = name.trim();
    const reason = columnProblem(table, side, next);
    if (reason) return setProblem(t(`designer.code.${reason}`, { name: next }));
    setProblem(null);
    setName('');
    edit((draft) => addTableColumn(draft, index, side, next));
  }

  return (
    <form className="inline-form" onSubmit={add}>
      <label className="inline">
        {t('designer.newColumn')}
        <input className="code" value={name} spellCheck={false} onChange={(event) => setName(event.target.value)} />
      </label>
      <select value={side} aria-label={t('designer.newColumnSide')} onChange={(event) => setSide(event.target.value as Side)}>
        <option value="inputs">{t('designer.inputColumn')}</option>
        <option value="outputs">{t('designer.outputColumn')}</option>
      </select>
      <button type="submit" className="secondary small">
        {t('designer.addColumn')}
      </button>
      {problem && (
        <p className="bad small-text" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
