import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { idFor, useEditor } from './context.ts';
import {
  addTable,
  addTableRow,
  cellText,
  isIdentifier,
  removeTable,
  removeTableRow,
  setTableCell,
  setTableName,
  setTablePeriod,
  splitNames,
  type Draft,
  type DraftTable,
} from './draft.ts';
import { isAt, type Finding } from './findings.ts';
import { Findings } from './Findings.tsx';

/** Every decision table of the programme as an editable grid, and a form to add one. */
export function DecisionTables({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const { readOnly } = useEditor();
  return (
    <>
      <h2>{t('designer.tables')}</h2>
      <p className="muted">{t('designer.wildcardHelp')}</p>
      {draft.decisionTables.length === 0 && <p className="muted">{t('common.none')}</p>}
      {draft.decisionTables.map((table, index) => (
        <TableGrid key={index} table={table} index={index} />
      ))}
      {!readOnly && <AddTableForm packages={draft.packages.map((pkg) => pkg.code)} />}
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

/** Where in a table a finding is: its row and column, or its validity bound. */
function tablePlace(path: string, table: DraftTable, t: TFunction): string | undefined {
  const row = /\.rows\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (row) return [t('designer.rowN', { row: Number(row[1]) + 1 }), row[2]].filter(Boolean).join(' · ');
  if (path.endsWith('.from')) return t('designer.validFrom');
  if (path.endsWith('.to')) return t('designer.validTo');
  const column = /\.(inputs|outputs)(?:\[(\d+)\]|\.(.+))?$/.exec(path);
  if (column) {
    const name = column[3] ?? (column[2] !== undefined ? table[column[1] as 'inputs' | 'outputs'][Number(column[2])] : undefined);
    return [t(column[1] === 'inputs' ? 'designer.inputColumns' : 'designer.outputColumns'), name].filter(Boolean).join(' · ');
  }
  if (path.endsWith('.package')) return t('designer.newTable.package');
  return undefined;
}

function TableGrid({ table, index }: { table: DraftTable; index: number }) {
  const { t, i18n } = useTranslation();
  const { readOnly, findings, edit } = useEditor();
  const at = `decisionTables[${index}]`;
  const here = findings.get(at);
  const findingsId = idFor('e', at);
  const captionId = idFor('h', at);
  const columns = [...table.inputs, ...table.outputs];
  const invalid = (path: string) => here?.some((finding: Finding) => isAt(finding, path));
  const title = table.name || table.outputs.join(', ');

  return (
    <section className="card decision-table" aria-labelledby={captionId}>
      <h3 id={captionId}>
        {t('designer.table', { name: title })} <span className="muted">({t('designer.tableOf', { package: table.package })})</span>
      </h3>
      <div className="table-bounds">
        <label className="inline">
          {t('designer.tableName')}
          <input value={table.name ?? ''} readOnly={readOnly} onChange={(event) => edit((draft) => setTableName(draft, index, event.target.value))} />
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
                edit((draft) => setTablePeriod(draft, index, bound, text));
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
                          edit((draft) => setTableCell(draft, index, r, column, text, i18n.language));
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
                      onClick={() => edit((draft) => removeTableRow(draft, index, r))}
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
      <Findings id={findingsId} findings={here} place={(finding) => tablePlace(finding.path, table, t)} />
      {!readOnly && (
        <div className="actions">
          <button type="button" className="secondary small" onClick={() => edit((draft) => addTableRow(draft, index))}>
            {t('designer.addRow')}
          </button>
          <button type="button" className="link" onClick={() => edit((draft) => removeTable(draft, index))}>
            {t('designer.removeTable')}
          </button>
        </div>
      )}
    </section>
  );
}

function AddTableForm({ packages }: { packages: readonly string[] }) {
  const { t } = useTranslation();
  const { edit } = useEditor();
  const [pkg, setPkg] = useState(packages[0] ?? '');
  const [name, setName] = useState('');
  const [inputs, setInputs] = useState('activity');
  const [outputs, setOutputs] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const outputNames = splitNames(outputs);
    if (outputNames.length === 0 || !outputNames.every(isIdentifier)) return setProblem(t('designer.newTable.needOutputs'));
    setProblem(null);
    edit((draft) => addTable(draft, { package: pkg || packages[0] || '', name: name.trim(), inputs: splitNames(inputs), outputs: outputNames }));
    setName('');
    setOutputs('');
  }

  if (packages.length === 0) return null;
  return (
    <details className="card add-table">
      <summary>{t('designer.addTable')}</summary>
      <form onSubmit={submit}>
        <label>
          {t('designer.newTable.package')}
          <select value={pkg} onChange={(event) => setPkg(event.target.value)}>
            {packages.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('designer.tableName')}
          <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label>
          {t('designer.newTable.inputs')}
          <input className="code" value={inputs} spellCheck={false} onChange={(event) => setInputs(event.target.value)} />
        </label>
        <label>
          {t('designer.newTable.outputs')}
          <input className="code" value={outputs} spellCheck={false} onChange={(event) => setOutputs(event.target.value)} />
        </label>
        {problem && (
          <p className="bad" role="alert">
            {problem}
          </p>
        )}
        <button type="submit">{t('designer.newTable.create')}</button>
      </form>
    </details>
  );
}
