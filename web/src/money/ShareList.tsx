import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import { Pager } from '../components/Pager.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatPeriod } from '../i18n/format.ts';
import { funderName, useFunders } from './funders.ts';
import { PaymentName, UnitName } from './Money.tsx';
import { PeriodField } from './Fields.tsx';
import { isPeriod } from '../../../src/contract/periods.ts';
import { formatShare } from './shares.ts';
import type { FunderShare, FunderShares } from './records.ts';
import { useUnitNames } from './unitNames.ts';

const LIMIT = 100;

/** Funder shares by subtree and period; where a share's policy allows it (the national designer), one is ended, or deleted if entered by mistake. */
export function ShareList({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const funders = useFunders(programmeId);
  const [funderId, setFunderId] = useState('');
  const [offset, setOffset] = useState(0);
  const [acting, setActing] = useState<{ id: number; action: 'end' | 'delete' } | null>(null);
  const shares = useQuery({
    queryKey: ['funder-shares', programmeId, funderId, offset],
    queryFn: () => api.get<FunderShares>(`/api/programmes/${programmeId}/funder-shares${query({ funderId, limit: LIMIT, offset })}`),
  });
  const names = useUnitNames(programmeId, shares.data?.items.map((share) => share.orgUnitId) ?? []);
  const manages = shares.data?.items.some((share) => share.policies.manage) ?? false;
  return (
    <>
      <label className="inline">
        {t('money.col.funder')}
        <select
          value={funderId}
          onChange={(e) => {
            setOffset(0);
            setFunderId(e.target.value);
          }}
        >
          <option value="">{t('money.delays.allFunders')}</option>
          {funders.data?.map((funder) => (
            <option key={funder.id} value={funder.id}>
              {funder.name}
            </option>
          ))}
        </select>
      </label>
      {shares.isPending && <Loading />}
      {shares.error && <ErrorMessage error={shares.error} onRetry={() => shares.refetch()} />}
      {shares.data && shares.data.items.length === 0 && <p className="muted">{t('money.shares.none')}</p>}
      {shares.data && shares.data.items.length > 0 && (
        <div className="scroll-x">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('money.col.funder')}</th>
                <th scope="col">{t('money.col.subtree')}</th>
                <th scope="col">{t('money.col.payment')}</th>
                <th scope="col" className="number">{t('money.shares.share')}</th>
                <th scope="col">{t('money.shares.from')}</th>
                <th scope="col">{t('money.shares.to')}</th>
                {manages && <th scope="col">{t('money.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {shares.data.items.map((share) => (
                <tr key={share.id}>
                  <td>{funderName(funders.data, share.funderId)}</td>
                  <td>
                    <UnitName id={share.orgUnitId} names={names} />
                  </td>
                  <td>{share.payment ? <PaymentName code={share.payment} /> : t('money.shares.everyPayment')}</td>
                  <td className="number">{formatShare(share.share, i18n.language)}</td>
                  <td>{formatPeriod(share.validFrom, i18n.language)}</td>
                  <td>{share.validTo ? formatPeriod(share.validTo, i18n.language) : t('money.shares.open')}</td>
                  {manages && (
                    <td>
                      {!share.policies.manage ? null : acting?.id === share.id ? (
                        <ShareAction programmeId={programmeId} share={share} action={acting.action} onDone={() => setActing(null)} />
                      ) : (
                        <span className="actions">
                          <button type="button" className="link" onClick={() => setActing({ id: share.id, action: 'end' })}>
                            {t('money.shares.end')}
                          </button>
                          <button type="button" className="link bad" onClick={() => setActing({ id: share.id, action: 'delete' })}>
                            {t('money.shares.delete')}
                          </button>
                        </span>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shares.data && <Pager total={shares.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
    </>
  );
}

/** Ending a share (its last period) or deleting it, each with the reason the audit keeps. */
function ShareAction({ programmeId, share, action, onDone }: { programmeId: string; share: FunderShare; action: 'end' | 'delete'; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [validTo, setValidTo] = useState('');
  const [reason, setReason] = useState('');
  const path = `/api/programmes/${programmeId}/funder-shares/${share.id}`;
  const change = useMutation({
    mutationFn: () =>
      action === 'end'
        ? api.patch(path, { validTo, ...(reason.trim() ? { reason: reason.trim() } : {}) })
        : api.delete(path, { reason: reason.trim() }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['funder-shares', programmeId] });
      onDone();
    },
  });
  const ready = action === 'end' ? isPeriod(validTo) : reason.trim() !== '';
  return (
    <form
      className="share-action"
      aria-label={action === 'end' ? t('money.shares.end') : t('money.shares.delete')}
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate();
      }}
    >
      {action === 'end' && (
        <PeriodField label={t('money.shares.lastPeriod')} value={validTo} onChange={setValidTo} valid={isPeriod} help={t('money.shares.periodHelp')} />
      )}
      <label className="inline">
        {action === 'end' ? t('money.funders.reason') : t('money.shares.deleteReason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} required={action === 'delete'} />
      </label>
      <span className="actions">
        <button type="submit" className={action === 'delete' ? 'danger' : undefined} disabled={!ready || change.isPending}>
          {action === 'end' ? t('money.shares.endSubmit') : t('money.shares.deleteSubmit')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </span>
      {change.error && <ErrorMessage error={change.error} />}
    </form>
  );
}
