import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import { currentValue } from './cells.ts';
import { stateLabel } from './labels.ts';
import { ScoreSummary } from './ScoreSummary.tsx';
import { verifierStates, type Package } from './rules.ts';
import type { EntrySheet } from './useEntrySheet.ts';
import { ValueInput } from './ValueInput.tsx';

/** The state that marks an item not applicable: 0 means not applicable, absent means applicable. */
const APPLICABLE = 'applicable';

/**
 * Any package but declared-against-verified, entered as a grid: its activities as rows (a
 * quality checklist's items, a survey's questions), its states as columns, its constants shown
 * beside (the points available), and the values its formulas give updated as the verifier types.
 */
export function Checklist({ pkg, sheet }: { pkg: Package; sheet: EntrySheet }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const entered = useMemo(() => new Set(verifierStates(pkg)), [pkg]);
  const constants = useMemo(() => [...new Set(pkg.activities.flatMap((activity) => Object.keys(activity.constants ?? {})))], [pkg]);
  const valueStates = pkg.inputs.filter((state) => state !== APPLICABLE);
  const hasApplicable = entered.has(APPLICABLE);
  const formulas = Object.keys(pkg.activityFormulas);
  const figures = 'figures' in sheet.computed ? sheet.computed.figures : undefined;
  const grid = `checklist-${pkg.code}`;
  const number = (value: number | undefined) => (value === undefined ? '—' : formatNumber(value, locale, 4));

  return (
    <div className="checklist">
      <div className="scroll-x">
        <table className="list grid field-grid">
          <thead>
            <tr>
              <th scope="col">{t('field.item')}</th>
              {constants.map((name) => (
                <th key={name} scope="col" className="number code">
                  {name}
                </th>
              ))}
              {valueStates.map((state) => (
                <th key={state} scope="col" className="number">
                  {stateLabel(t, i18n, state)}
                </th>
              ))}
              {hasApplicable && (
                <th scope="col" className="narrow">
                  <abbr title={t('field.notApplicable')}>{t('field.na')}</abbr>
                </th>
              )}
              {formulas.map((name) => (
                <th key={name} scope="col" className="number code">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pkg.activities.map((activity, row) => {
              const name = activity.name ?? activity.code;
              const notApplicable = hasApplicable && currentValue(sheet.cell(activity.code, APPLICABLE)) === 0;
              return (
                <tr key={activity.code} className={notApplicable ? 'not-applicable' : undefined} data-activity={activity.code}>
                  <th scope="row">
                    {name}
                    {name !== activity.code && <div className="muted code">{activity.code}</div>}
                  </th>
                  {constants.map((constant) => (
                    <td key={constant} className="number">
                      {number(activity.constants?.[constant])}
                    </td>
                  ))}
                  {valueStates.map((state) => (
                    <td key={state} className="number">
                      {entered.has(state) ? (
                        <ValueInput
                          sheet={sheet}
                          grid={grid}
                          row={row}
                          activity={activity.code}
                          state={state}
                          label={t('field.cellLabel', { state: stateLabel(t, i18n, state), activity: name })}
                          max={activity.constants?.[`max_${state}`]}
                          disabled={notApplicable}
                        />
                      ) : (
                        number(currentValue(sheet.cell(activity.code, state)))
                      )}
                    </td>
                  ))}
                  {hasApplicable && (
                    <td>
                      <NotApplicable sheet={sheet} activity={activity.code} name={name} checked={notApplicable} />
                    </td>
                  )}
                  {formulas.map((formula) => (
                    <td key={formula} className="number">
                      {number(figures?.activity(activity.code, formula))}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ScoreSummary pkg={pkg} sheet={sheet} />
    </div>
  );
}

/**
 * Ticked: `applicable` = 0. Unticked: 1 when a value exists to change back, nothing otherwise
 * (an item without the state counts as applicable).
 */
function NotApplicable({ sheet, activity, name, checked }: { sheet: EntrySheet; activity: string; name: string; checked: boolean }) {
  const { t } = useTranslation();
  const cell = sheet.cell(activity, APPLICABLE);
  return (
    <input
      type="checkbox"
      checked={checked}
      disabled={!sheet.editable}
      aria-label={t('field.notApplicableOf', { activity: name })}
      onChange={(event) => {
        if (event.target.checked) sheet.setDraft(activity, APPLICABLE, '0');
        else sheet.setDraft(activity, APPLICABLE, cell.stored || cell.queued ? '1' : undefined);
      }}
    />
  );
}
