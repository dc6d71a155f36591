import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useFunders } from './funders.ts';
import type { Funder } from './records.ts';

/**
 * The programme's funders; those whose policy allows it are renamed (with a reason, audited),
 * and `canAdd` (the national designer) adds one.
 */
export function FunderList({ programmeId, canAdd }: { programmeId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const funders = useFunders(programmeId);
  const [renaming, setRenaming] = useState<string | null>(null);
  if (funders.isPending) return <Loading />;
  if (funders.error) return <ErrorMessage error={funders.error} onRetry={() => funders.refetch()} />;
  const manages = funders.data.some((funder) => funder.policies.manage);
  return (
    <>
      {funders.data.length === 0 ? (
        <p className="muted">{t('money.funders.none')}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('money.funders.id')}</th>
              <th scope="col">{t('money.funders.name')}</th>
              {manages && <th scope="col">{t('money.col.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {funders.data.map((funder) => (
              <tr key={funder.id}>
                <td className="code">{funder.id}</td>
                <td>
                  {renaming === funder.id ? (
                    <RenameForm programmeId={programmeId} funder={funder} onDone={() => setRenaming(null)} />
                  ) : (
                    funder.name
                  )}
                </td>
                {manages && (
                  <td>
                    {funder.policies.manage && renaming !== funder.id && (
                      <button type="button" className="link" onClick={() => setRenaming(funder.id)} aria-label={t('money.funders.renameOf', { name: funder.name })}>
                        {t('money.funders.rename')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canAdd && <AddFunder programmeId={programmeId} />}
    </>
  );
}

function RenameForm({ programmeId, funder, onDone }: { programmeId: string; funder: Funder; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(funder.name);
  const [reason, setReason] = useState('');
  const rename = useMutation({
    mutationFn: () => api.patch<Funder>(`/api/programmes/${programmeId}/funders/${encodeURIComponent(funder.id)}`, { name: name.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['funders', programmeId] });
      onDone();
    },
  });
  return (
    <form
      className="inline-form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        rename.mutate();
      }}
    >
      <label className="inline">
        {t('money.funders.newName')}
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label className="inline">
        {t('money.funders.reason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" disabled={!name.trim() || rename.isPending}>
        {t('common.save')}
      </button>
      <button type="button" className="secondary" onClick={onDone}>
        {t('common.cancel')}
      </button>
      {rename.error && <ErrorMessage error={rename.error} />}
    </form>
  );
}

function AddFunder({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: () => api.post<Funder>(`/api/programmes/${programmeId}/funders`, { id: id.trim(), name: name.trim() }),
    onSuccess: async () => {
      setId('');
      setName('');
      await queryClient.invalidateQueries({ queryKey: ['funders', programmeId] });
    },
  });
  const idOk = /^[A-Za-z0-9_-]+$/.test(id.trim());
  return (
    <form
      className="inline-form card"
      aria-labelledby="add-funder-title"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate();
      }}
    >
      <h3 id="add-funder-title">{t('money.funders.add')}</h3>
      <label className="inline">
        {t('money.funders.id')}
        <input value={id} onChange={(e) => setId(e.target.value)} aria-invalid={id !== '' && !idOk} aria-describedby="funder-id-help" required />
      </label>
      <label className="inline">
        {t('money.funders.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <button type="submit" disabled={!idOk || !name.trim() || add.isPending}>
        {t('money.funders.addSubmit')}
      </button>
      <p id="funder-id-help" className="muted small-text">
        {t('money.funders.idHelp')}
      </p>
      {add.error && <ErrorMessage error={add.error} />}
    </form>
  );
}
