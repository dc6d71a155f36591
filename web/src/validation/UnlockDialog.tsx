import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { invalidateUnit, type PackageStatus } from '../entry/api.ts';

interface UnlockDialogProps {
  readonly programmeId: string;
  readonly orgUnit: string;
  readonly title: string;
  readonly status: PackageStatus;
}

/** Reopening a validated package needs a reason, recorded in the audit log with the step. */
export function UnlockDialog({ programmeId, orgUnit, title, status }: UnlockDialogProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const unlock = useMutation({
    mutationFn: (why: string) => api.post(`/api/programmes/${programmeId}/workflow/${orgUnit}/${status.period}/${status.package}/unlock`, { reason: why }),
    onSuccess: () => {
      dialog.current?.close();
      return invalidateUnit(client, programmeId, orgUnit);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim()) unlock.mutate(reason.trim());
  }

  return (
    <div className="declare-step">
      <button type="button" className="secondary" onClick={() => dialog.current?.showModal()}>
        {t('validation.unlock')}
      </button>
      <dialog
        ref={dialog}
        className="unlock-dialog"
        aria-labelledby="unlock-title"
        onClose={() => {
          setReason('');
          unlock.reset();
        }}
      >
        <form onSubmit={submit}>
          <h2 id="unlock-title">{t('validation.unlockTitle', { title })}</h2>
          <p className="small-text">{t('validation.unlockHelp')}</p>
          <label>
            {t('validation.reason')}
            <textarea rows={3} required value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
          </label>
          {unlock.error && <ErrorMessage error={unlock.error} />}
          <div className="actions">
            <button type="submit" disabled={reason.trim() === '' || unlock.isPending}>
              {t('validation.confirmUnlock')}
            </button>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
