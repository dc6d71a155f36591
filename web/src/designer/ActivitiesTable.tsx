import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeField } from './CodeField.tsx';
import { codeProblem } from './codes.ts';
import { idFor, useEditor } from './context.ts';
import { addConstant, cellText, constantNames, removeConstant, setConstant, type DraftActivity, type DraftPackage } from './draft.ts';
import { addActivity, removeActivity, renameActivityCode, setActivityName } from './edits/activities.ts';
import { isAt, type Finding } from './findings.ts';
import { Findings, usePlace } from './Findings.tsx';
import { RemoveButton } from './RemoveButton.tsx';

/** Activities with their name, code and constants: one column per constant, each cell editable. */
export function ActivitiesTable({ pkg, index }: { pkg: DraftPackage; index: number }) {
  const { t } = useTranslation();
  const { readOnly, findings, draft, edit } = useEditor();
  // Columns stay while their cells are cleared and typed again; removing one is explicit.
  // They are the package's: sections are kept by position, and a package above may go.
  const remembered = useRef<{ code: string; columns: string[] }>({ code: pkg.code, columns: [] });
  const kept = remembered.current.code === pkg.code ? remembered.current.columns : [];
  const columns = [...new Set([...kept, ...constantNames(pkg)])];
  remembered.current = { code: pkg.code, columns };
  const [added, setAdded] = useState<number | null>(null);
  const at = `packages[${index}].activities`;
  const headingId = idFor('h', at);
  const here = findings.get(at);
  const findingsId = idFor('e', at);
  const place = usePlace(draft, true);

  function add() {
    let position = 0;
    edit((current) => {
      const result = addActivity(current, index);
      position = result.index;
      return result.draft;
    });
    setAdded(position);
  }

  return (
    <section className="activities" aria-labelledby={headingId}>
      <h4 id={headingId} tabIndex={-1}>
        {t('designer.activities')}
      </h4>
      {pkg.activities.length === 0 ? (
        <p className="muted">{t('designer.noActivities')}</p>
      ) : (
        <div className="scroll-x">
          <table className="list grid">
            <thead>
              <tr>
                <th scope="col">{t('designer.activity')}</th>
                {columns.map((name) => (
                  <th scope="col" key={name} className="number">
                    <span className="code">{name}</span>
                    {!readOnly && (
                      <RemoveButton
                        label={t('designer.removeConstant', { name })}
                        remove={(current) => removeConstant(current, index, name)}
                        onRemoved={() => (remembered.current = { code: pkg.code, columns: columns.filter((column) => column !== name) })}
                        focusAfter={headingId}
                      >
                        ×
                      </RemoveButton>
                    )}
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
              {pkg.activities.map((activity, row) => (
                <ActivityRow key={row} pkg={pkg} index={index} row={row} activity={activity} columns={columns} here={here} autoFocus={row === added} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Findings id={findingsId} findings={here} place={place} />
      {!readOnly && (
        <div className="actions">
          <button type="button" className="secondary small" onClick={add}>
            {t('designer.addActivity')}
          </button>
          {pkg.activities.length > 0 && <NewConstantForm index={index} columns={columns} />}
        </div>
      )}
    </section>
  );
}

/**
 * Lines for an activity's name: real programmes name activities in long French sentences,
 * which a one-line field would cut. A name is one line of text, so Enter adds none.
 */
function nameRows(name: string): number {
  return Math.min(3, Math.max(1, Math.ceil(name.length / 45)));
}

interface ActivityRowProps {
  readonly pkg: DraftPackage;
  readonly index: number;
  readonly row: number;
  readonly activity: DraftActivity;
  readonly columns: readonly string[];
  readonly here: readonly Finding[] | undefined;
  readonly autoFocus: boolean;
}

/** One activity: its name, its code beside (editable while new), its constants. */
function ActivityRow({ pkg, index, row, activity, columns, here, autoFocus }: ActivityRowProps) {
  const { t, i18n } = useTranslation();
  const { readOnly, saved, edit } = useEditor();
  const at = `packages[${index}].activities[${row}]`;
  const findingsId = idFor('e', `packages[${index}].activities`);
  const invalid = (path: string) => here?.some((finding) => isAt(finding, path)) ?? false;
  const shown = activity.name || activity.code;
  return (
    <tr>
      <th scope="row" className="activity-cell">
        <div>
          <textarea
            className="activity-name"
            rows={nameRows(activity.name ?? '')}
            value={activity.name ?? ''}
            readOnly={readOnly}
            autoFocus={autoFocus}
            placeholder={t('designer.field.name')}
            aria-label={t('designer.activityName', { code: activity.code })}
            onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
            onChange={(event) => {
              const text = event.target.value;
              edit((current) => setActivityName(current, index, row, text));
            }}
          />
          <CodeField
            kind="activity"
            code={activity.code}
            label={t('designer.activityCode', { name: shown })}
            fixed={saved.activity(pkg.code, activity.code)}
            taken={(current) => current.packages[index]?.activities.map((other) => other.code) ?? []}
            rename={(current, next) => renameActivityCode(current, index, row, next)}
            invalid={invalid(`${at}.code`)}
            describedBy={invalid(`${at}.code`) ? findingsId : undefined}
          />
        </div>
      </th>
      {columns.map((name) => {
        const path = `${at}.constants.${name}`;
        return (
          <td key={name} className="number">
            <input
              className="cell number"
              inputMode="decimal"
              value={cellText(activity.constants?.[name], i18n.language)}
              readOnly={readOnly}
              aria-label={t('designer.constantCell', { name, activity: shown })}
              aria-invalid={invalid(path) ? true : undefined}
              aria-describedby={invalid(path) ? findingsId : undefined}
              onChange={(event) => {
                const text = event.target.value;
                edit((current) => setConstant(current, index, row, name, text, i18n.language));
              }}
            />
          </td>
        );
      })}
      {!readOnly && (
        <td>
          <RemoveButton
            label={t('designer.removeActivity', { name: shown })}
            remove={(current) => removeActivity(current, index, row)}
            focusAfter={idFor('h', `packages[${index}].activities`)}
          >
            ×
          </RemoveButton>
        </td>
      )}
    </tr>
  );
}

/** A constant for every activity of the package, named by the designer. */
function NewConstantForm({ index, columns }: { index: number; columns: readonly string[] }) {
  const { t } = useTranslation();
  const { edit } = useEditor();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function add(event: FormEvent) {
    event.preventDefault();
    const next = name.trim();
    const reason = codeProblem('name', next, columns);
    if (reason) return setProblem(t(`designer.code.${reason}`, { name: next }));
    setProblem(null);
    setName('');
    edit((draft) => addConstant(draft, index, next));
  }

  return (
    <form className="inline-form" onSubmit={add}>
      <label className="inline">
        {t('designer.constantName')}
        <input className="code" value={name} onChange={(event) => setName(event.target.value)} spellCheck={false} />
      </label>
      <button type="submit" className="secondary small">
        {t('designer.addConstant')}
      </button>
      {problem && (
        <p className="bad small-text" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
