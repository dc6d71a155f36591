import { useMutation, useQuery } from '@tanstack/react-query';
import type { dryRun } from '../../../src/contract/api/dryRun.ts';
import type { Answer } from '../../../src/contract/http.ts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { problemsOf } from '../api/errors.ts';
import type { Programmes } from '../api/types.ts';
import { ErrorMessage, Progress } from '../components/Status.tsx';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { VirtualRows } from '../components/VirtualRows.tsx';
import { formatMoney, formatPeriod } from '../i18n/format.ts';
import type { Draft } from './draft.ts';
import { NameAndCode } from './NameAndCode.tsx';

/** How the draft would move each facility's payment (src/contract/api/dryRun.ts). */
type DryRunAnswer = Answer<typeof dryRun>;

/**
 * Before saving: how the draft would move each facility's payment in a subtree and period,
 * computed by the server on the entered data under the rules in force and under the draft.
 */
export function DryRun({ programmeId, definition, blocked }: { programmeId: string; definition: Draft; blocked: boolean }) {
  const { t, i18n } = useTranslation();
  const [root, setRoot] = useState('');
  const [period, setPeriod] = useState('');
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: () => api.get<Programmes>('/api/programmes') });
  const currency = programmes.data?.find((programme) => programme.id === programmeId)?.currency ?? 'BIF';
  const money = (value: string | null) => (value === null ? '—' : formatMoney(value, currency, i18n.language));
  const simulate = useMutation({
    mutationFn: () => api.post<DryRunAnswer>(`/api/programmes/${programmeId}/dry-run`, { orgUnitId: root.trim(), period: period.trim(), definition }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!blocked) simulate.mutate();
  }

  const answer = simulate.data;
  // The engine's errors of a dry run refused (422 DRY_RUN_FAILED), or the fields of a bad request.
  const problems = problemsOf(simulate.error);
  const paymentName = (code: string) => definition.payments.find((payment) => payment.code === code)?.name;
  return (
    <section className="dry-run" aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">{t('designer.dryRun.title')}</h2>
      <p className="muted">{t('designer.dryRun.explain')}</p>
      <form onSubmit={submit} className="dry-run-form">
        <UnitPicker label={t('designer.dryRun.root')} hint={t('designer.dryRun.rootHint')} value={root} onChange={setRoot} />
        <label>
          {t('designer.dryRun.period')}
          <input value={period} onChange={(event) => setPeriod(event.target.value)} placeholder="202406" required />
        </label>
        <button type="submit" disabled={blocked || simulate.isPending || !root.trim() || !period.trim()}>
          {t('designer.dryRun.run')}
        </button>
        {blocked && <p className="muted">{t('designer.dryRun.blocked')}</p>}
      </form>
      {simulate.isPending && <Progress label={t('designer.dryRun.running')} />}
      {simulate.error && <ErrorMessage error={simulate.error} />}
      {problems.length > 0 && (
        <ul className="findings">
          {problems.map((detail, i) => (
            <li key={i}>{detail.message}</li>
          ))}
        </ul>
      )}
      {answer && (
        <>
          <p role="status">
            {t('designer.dryRun.summary', {
              period: formatPeriod(answer.period, i18n.language),
              version: answer.version,
              current: money(answer.totals.current),
              draft: money(answer.totals.draft),
              delta: money(answer.totals.delta),
              changed: answer.changes.length,
              unchanged: answer.unchanged,
            })}
          </p>
          {answer.changes.length > 0 && (
            <VirtualRows
              rows={answer.changes}
              columns={5}
              caption={t('designer.dryRun.caption')}
              head={
                <tr>
                  <th scope="col">{t('designer.dryRun.unit')}</th>
                  <th scope="col">{t('designer.dryRun.payment')}</th>
                  <th scope="col" className="number">{t('designer.dryRun.current')}</th>
                  <th scope="col" className="number">{t('designer.dryRun.draft')}</th>
                  <th scope="col" className="number">{t('designer.dryRun.delta')}</th>
                </tr>
              }
              renderRow={(change, _index, props) => (
                <tr key={`${change.orgUnitId}/${change.payment}`} {...props}>
                  <th scope="row">{change.name}</th>
                  <td>
                    <NameAndCode name={paymentName(change.payment)} code={change.payment} />
                  </td>
                  <td className="number">{money(change.current)}</td>
                  <td className="number">{money(change.draft)}</td>
                  <td className={`number ${Number(change.delta) < 0 ? 'bad' : 'good'}`}>{money(change.delta)}</td>
                </tr>
              )}
            />
          )}
        </>
      )}
    </section>
  );
}
