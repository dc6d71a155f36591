import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { idFor, useEditor } from './context.ts';
import { DecisionTables } from './DecisionTableGrid.tsx';
import {
  addConstant,
  cellText,
  constantNames,
  isIdentifier,
  removeConstant,
  setConstant,
  type Draft,
  type DraftPackage,
  type DraftPayment,
  type GroupFilter,
} from './draft.ts';
import { isAt } from './findings.ts';
import { Findings } from './Findings.tsx';
import { FormulaGroupEditor } from './FormulaFields.tsx';

/** The whole programme: packages (activities, constants, formulas), decision tables, payments. */
export function ProgrammeEditor({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  return (
    <div className="programme-editor">
      <h2>{t('designer.packages')}</h2>
      {draft.packages.length === 0 && <p className="muted">{t('common.none')}</p>}
      {draft.packages.map((pkg, index) => (
        <PackageSection key={index} pkg={pkg} index={index} />
      ))}
      <DecisionTables draft={draft} />
      <h2>{t('designer.payments')}</h2>
      {draft.payments.length === 0 && <p className="muted">{t('common.none')}</p>}
      {draft.payments.map((payment, index) => (
        <PaymentSection key={index} payment={payment} index={index} />
      ))}
    </div>
  );
}

/** `type: cds, hospital; equity: cat1` */
function FilterText({ filter }: { filter: GroupFilter | undefined }) {
  const { t } = useTranslation();
  if (!filter || Object.keys(filter).length === 0) return <>{t('designer.everyUnit')}</>;
  return (
    <>
      {Object.entries(filter)
        .map(([groupset, groups]) => `${groupset}: ${groups.join(', ')}`)
        .join(' ; ')}
    </>
  );
}

function PackageSection({ pkg, index }: { pkg: DraftPackage; index: number }) {
  const { t } = useTranslation();
  const { findings } = useEditor();
  const at = `packages[${index}]`;
  const headingId = idFor('h', at);
  const kind = pkg.kind ?? 'single';
  return (
    <section className="card package" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('designer.package', { code: pkg.code })}
        {pkg.name && <span className="muted"> — {pkg.name}</span>}
      </h3>
      {pkg.description && <p className="muted">{pkg.description}</p>}
      <dl className="facts">
        <div>
          <dt>{t('designer.frequency')}</dt>
          <dd>{t(`designer.frequency.${pkg.frequency}`, { defaultValue: pkg.frequency })}</dd>
        </div>
        <div>
          <dt>{t('designer.kind')}</dt>
          <dd>{t(`designer.kind.${kind}`, { defaultValue: kind })}</dd>
        </div>
        <div>
          <dt>{t('designer.appliesTo')}</dt>
          <dd>
            <FilterText filter={pkg.appliesTo} />
          </dd>
        </div>
        {pkg.targets && (
          <div>
            <dt>{t('designer.targets')}</dt>
            <dd>
              <FilterText filter={pkg.targets} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t('designer.inputs')}</dt>
          <dd className="code">{pkg.inputs.join(', ') || '—'}</dd>
        </div>
      </dl>
      <Findings findings={findings.get(at)} />
      <ActivitiesTable pkg={pkg} index={index} />
      <FormulaGroupEditor
        group={{ owner: 'packages', index, group: 'activityFormulas' }}
        formulas={pkg.activityFormulas}
        title={t('designer.group.activityFormulas')}
      />
      <FormulaGroupEditor group={{ owner: 'packages', index, group: 'formulas' }} formulas={pkg.formulas} title={t('designer.group.formulas')} />
      {kind === 'zone' && (
        <FormulaGroupEditor
          group={{ owner: 'packages', index, group: 'zoneFormulas' }}
          formulas={pkg.zoneFormulas}
          title={t('designer.group.zoneFormulas')}
        />
      )}
    </section>
  );
}

/** Activities with their constants: one column per constant, each cell editable. */
function ActivitiesTable({ pkg, index }: { pkg: DraftPackage; index: number }) {
  const { t, i18n } = useTranslation();
  const { readOnly, findings, edit } = useEditor();
  // Columns stay while their cells are cleared and typed again; removing one is explicit.
  const remembered = useRef<string[]>([]);
  const columns = [...new Set([...remembered.current, ...constantNames(pkg)])];
  remembered.current = columns;
  const [newName, setNewName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const at = `packages[${index}].activities`;
  const here = findings.get(at);
  const findingsId = idFor('e', at);

  function add(event: FormEvent) {
    event.preventDefault();
    const name = newName.trim();
    if (!isIdentifier(name)) return setProblem(t('designer.rename.notIdentifier'));
    if (columns.includes(name)) return setProblem(t('designer.rename.taken', { name }));
    setProblem(null);
    setNewName('');
    edit((draft) => addConstant(draft, index, name));
  }

  return (
    <section className="activities" aria-labelledby={idFor('h', at)}>
      <h4 id={idFor('h', at)}>{t('designer.activities')}</h4>
      <div className="scroll-x">
        <table className="list grid">
          <thead>
            <tr>
              <th scope="col">{t('designer.activity')}</th>
              {columns.map((name) => (
                <th scope="col" key={name} className="number">
                  <span className="code">{name}</span>
                  {!readOnly && (
                    <button
                      type="button"
                      className="link remove"
                      aria-label={t('designer.removeConstant', { name })}
                      title={t('designer.removeConstant', { name })}
                      onClick={() => {
                        remembered.current = remembered.current.filter((column) => column !== name);
                        edit((draft) => removeConstant(draft, index, name));
                      }}
                    >
                      ×
                    </button>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pkg.activities.map((activity, row) => (
              <tr key={row}>
                <th scope="row">
                  <span className="code">{activity.code}</span>
                  {activity.name && <div className="muted">{activity.name}</div>}
                </th>
                {columns.map((name) => {
                  const path = `${at}[${row}].constants.${name}`;
                  const invalid = here?.some((finding) => isAt(finding, path));
                  return (
                    <td key={name} className="number">
                      <input
                        className="cell number"
                        inputMode="decimal"
                        value={cellText(activity.constants?.[name], i18n.language)}
                        readOnly={readOnly}
                        aria-label={t('designer.constantCell', { name, activity: activity.name ?? activity.code })}
                        aria-invalid={invalid ? true : undefined}
                        aria-describedby={invalid ? findingsId : undefined}
                        onChange={(event) => {
                          const text = event.target.value;
                          edit((draft) => setConstant(draft, index, row, name, text, i18n.language));
                        }}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Findings id={findingsId} findings={here} place={(finding) => constantPlace(finding.path, pkg)} />
      {!readOnly && (
        <form className="inline-form" onSubmit={add}>
          <label className="inline">
            {t('designer.constantName')}
            <input className="code" value={newName} onChange={(event) => setNewName(event.target.value)} spellCheck={false} />
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
      )}
    </section>
  );
}

/** `consultation · tariff` for a finding at a constant cell. */
function constantPlace(path: string, pkg: DraftPackage): string | undefined {
  const match = /\.activities\[(\d+)\](?:\.constants\.(.+))?$/.exec(path);
  if (!match) return undefined;
  const activity = pkg.activities[Number(match[1])];
  return [activity?.code, match[2]].filter(Boolean).join(' · ');
}

function PaymentSection({ payment, index }: { payment: DraftPayment; index: number }) {
  const { t } = useTranslation();
  const { findings } = useEditor();
  const at = `payments[${index}]`;
  const headingId = idFor('h', at);
  return (
    <section className="card payment" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('designer.payment', { code: payment.code })}
        {payment.name && <span className="muted"> — {payment.name}</span>}
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('designer.frequency')}</dt>
          <dd>{t(`designer.frequency.${payment.frequency}`, { defaultValue: payment.frequency })}</dd>
        </div>
        <div>
          <dt>{t('designer.appliesTo')}</dt>
          <dd>
            <FilterText filter={payment.appliesTo} />
          </dd>
        </div>
        <div>
          <dt>{t('designer.paymentPackages')}</dt>
          <dd className="code">{payment.packages.join(', ')}</dd>
        </div>
      </dl>
      <Findings findings={findings.get(at)} />
      <FormulaGroupEditor group={{ owner: 'payments', index, group: 'formulas' }} formulas={payment.formulas} title={t('designer.group.payment')} />
    </section>
  );
}
