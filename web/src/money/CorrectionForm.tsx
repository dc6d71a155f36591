import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readEntry } from '../../../src/contract/values.ts';
import { monthsOf, parsePeriod } from '../../../src/engine/model/period.ts';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { useRules, type RulesPackage } from '../entry/api.ts';
import { problemText } from '../entry/problemText.ts';
import { formatPeriod } from '../i18n/format.ts';
import type { Invoice } from './records.ts';

interface PaymentRule {
  readonly code: string;
  readonly packages: readonly string[];
}

/**
 * The committee records corrected figures of an approved, ordered or paid invoice's period
 * (a counter-verification, an audit): nothing on this invoice changes; the facility's next
 * invoice run carries the difference as an adjustment line.
 */
export function CorrectionForm({ programmeId, invoice }: { programmeId: string; invoice: Invoice }) {
  const { t } = useTranslation();
  const rules = useRules(programmeId, invoice.programmeVersion);
  const dialog = useRef<HTMLDialogElement>(null);
  if (!invoice.policies.correct || !rules.data) return null;
  const definition = rules.data.definition as typeof rules.data.definition & { payments?: readonly PaymentRule[] };
  const read = definition.payments?.find((payment) => payment.code === invoice.payment)?.packages ?? [];
  const packages = definition.packages.filter((pkg) => read.includes(pkg.code));
  if (packages.length === 0) return null;
  return (
    <div className="declare-step">
      <button type="button" className="secondary" onClick={() => dialog.current?.showModal()}>
        {t('adjust.form.open')}
      </button>
      <dialog ref={dialog} className="unlock-dialog correction-dialog" aria-label={t('adjust.form.title', { id: invoice.id })}>
        <CorrectionFields programmeId={programmeId} invoice={invoice} packages={packages} onDone={() => dialog.current?.close()} />
      </dialog>
    </div>
  );
}

function CorrectionFields({ programmeId, invoice, packages, onDone }: { programmeId: string; invoice: Invoice; packages: readonly RulesPackage[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [pkgCode, setPkgCode] = useState(packages[0]!.code);
  const pkg = packages.find((candidate) => candidate.code === pkgCode)!;
  const periods = packagePeriods(invoice.period, pkg.frequency);
  const [period, setPeriod] = useState(periods[0]!);
  const [state, setState] = useState(pkg.inputs.includes('validated') ? 'validated' : pkg.inputs.at(-1)!);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const readings = pkg.activities.map((activity) => ({ activity, reading: readEntry(texts[activity.code] ?? '', i18n.language, pkg.inputTypes?.[state]) }));
  const values = readings.flatMap(({ activity, reading }) => (reading.kind === 'number' ? [{ activity: activity.code, state, value: reading.value }] : []));
  const invalid = readings.some(({ reading }) => reading.kind === 'invalid');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await api.post(`/api/programmes/${programmeId}/corrections`, { orgUnitId: invoice.orgUnitId, period, package: pkg.code, values, reason: reason.trim() });
      await client.invalidateQueries({ queryKey: ['corrections'] });
      setTexts({});
      setReason('');
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit}>
      <h2>{t('adjust.form.title', { id: invoice.id })}</h2>
      <p className="small-text">{t('adjust.form.help')}</p>
      <div className="fields-row">
        <label>
          {t('adjust.form.package')}
          <select value={pkgCode} onChange={(event) => setPkgCode(event.target.value)}>
            {packages.map((candidate) => (
              <option key={candidate.code} value={candidate.code}>{candidate.name ?? candidate.code}</option>
            ))}
          </select>
        </label>
        {periods.length > 1 && (
          <label>
            {t('adjust.form.period')}
            <select value={period} onChange={(event) => setPeriod(event.target.value)}>
              {periods.map((candidate) => (
                <option key={candidate} value={candidate}>{formatPeriod(candidate, i18n.language)}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('adjust.form.state')}
          <select value={state} onChange={(event) => setState(event.target.value)}>
            {pkg.inputs.map((input) => (
              <option key={input} value={input}>{t(`adjust.state.${input}`, { defaultValue: input })}</option>
            ))}
          </select>
        </label>
      </div>
      <table className="list correction-grid">
        <thead>
          <tr>
            <th scope="col">{t('adjust.form.activity')}</th>
            <th scope="col" className="number">{t('adjust.form.value')}</th>
          </tr>
        </thead>
        <tbody>
          {readings.map(({ activity, reading }) => (
            <tr key={activity.code}>
              <th scope="row">
                {activity.name ?? activity.code} <span className="muted code small-text">{activity.code}</span>
              </th>
              <td className="number">
                <input
                  inputMode="decimal"
                  aria-label={t('adjust.form.valueOf', { activity: activity.name ?? activity.code })}
                  value={texts[activity.code] ?? ''}
                  onChange={(event) => setTexts({ ...texts, [activity.code]: event.target.value })}
                  aria-invalid={reading.kind === 'invalid'}
                />
                {reading.kind === 'invalid' && <div className="bad small-text">{problemText(t, i18n.language, reading.problem, texts[activity.code] ?? '')}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        {t('validation.reason')}
        <textarea rows={3} required value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
      </label>
      {error !== null && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="submit" disabled={pending || invalid || values.length === 0 || reason.trim() === ''}>
          {t('adjust.form.confirm')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The periods of a package an invoice of `period` pays: its months for a monthly package read by a quarter. */
function packagePeriods(period: string, frequency: string): string[] {
  const parsed = parsePeriod(period);
  if (parsed?.type === 'quarter' && frequency === 'monthly') return monthsOf(parsed).map((month) => month.id);
  return [period];
}
