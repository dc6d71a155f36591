import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { useFunders } from './funders.ts';
import { OrgUnitField, PeriodField } from './Fields.tsx';
import { isPeriod } from '../../../src/contract/periods.ts';
import { usePayments } from './programme.ts';
import { formatShare, readShare } from './shares.ts';
import type { FunderShare } from './records.ts';

/**
 * A new share: a funder pays a fraction of a subtree's payments (or of one payment) from a
 * period, optionally until one. The server refuses shares that would total above 1.
 */
export function ShareForm({ programmeId, defaultUnit }: { programmeId: string; defaultUnit: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const funders = useFunders(programmeId);
  const payments = usePayments(programmeId);
  const [funderId, setFunderId] = useState('');
  const [unit, setUnit] = useState(defaultUnit);
  const [payment, setPayment] = useState('');
  const [share, setShare] = useState('');
  const typedShare = readShare(share, i18n.language);
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const add = useMutation({
    mutationFn: () =>
      api.post<FunderShare>(`/api/programmes/${programmeId}/funder-shares`, {
        funderId,
        orgUnitId: unit.trim(),
        payment: payment || null,
        share: typedShare,
        validFrom,
        validTo: validTo || null,
      }),
    onSuccess: async () => {
      setShare('');
      await queryClient.invalidateQueries({ queryKey: ['funder-shares', programmeId] });
    },
  });
  const ready = funderId && unit.trim() && typedShare !== undefined && isPeriod(validFrom) && (validTo === '' || isPeriod(validTo));
  return (
    <form
      className="card share-form"
      aria-labelledby="add-share-title"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate();
      }}
    >
      <h3 id="add-share-title">{t('money.shares.add')}</h3>
      <div className="inline-form">
        <label className="inline">
          {t('money.col.funder')}
          <select value={funderId} onChange={(e) => setFunderId(e.target.value)} required>
            <option value="">{t('money.shares.chooseFunder')}</option>
            {funders.data?.map((funder) => (
              <option key={funder.id} value={funder.id}>
                {funder.name}
              </option>
            ))}
          </select>
        </label>
        <OrgUnitField programmeId={programmeId} label={t('money.col.subtree')} value={unit} onChange={setUnit} />
        <label className="inline">
          {t('money.col.payment')}
          <select value={payment} onChange={(e) => setPayment(e.target.value)}>
            <option value="">{t('money.shares.everyPayment')}</option>
            {payments?.map((rule) => (
              <option key={rule.code} value={rule.code}>
                {rule.name ?? rule.code}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('money.shares.share')}
          <span className="stack">
            <input className="period" inputMode="decimal" value={share} onChange={(e) => setShare(e.target.value)} aria-invalid={share !== '' && typedShare === undefined} aria-describedby="share-help" />
            <span id="share-help" className="muted small-text">
              {typedShare !== undefined ? formatShare(typedShare, i18n.language) : t('money.shares.shareHelp')}
            </span>
          </span>
        </label>
        <PeriodField label={t('money.shares.from')} value={validFrom} onChange={setValidFrom} valid={isPeriod} help={t('money.shares.periodHelp')} />
        <PeriodField label={t('money.shares.to')} value={validTo} onChange={setValidTo} valid={isPeriod} optional help={t('money.shares.toHelp')} />
      </div>
      <button type="submit" disabled={!ready || add.isPending}>
        {t('money.shares.addSubmit')}
      </button>
      {add.isSuccess && (
        <p className="good" role="status">
          {t('money.shares.added', { id: add.data.id })}
        </p>
      )}
      {add.error && <ErrorMessage error={add.error} />}
    </form>
  );
}
