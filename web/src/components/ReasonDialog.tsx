import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './Status.tsx';

interface ReasonDialogProps {
  /** The button that opens the dialog. */
  readonly label: string;
  readonly title: string;
  /** What confirming does and undoes, in a sentence or two. */
  readonly help: string;
  readonly confirmLabel: string;
  /** Carries the action out; the dialog stays open with the error if it fails. */
  readonly onConfirm: (reason: string) => Promise<unknown>;
  readonly disabled?: boolean;
}

/** An action that undoes a step asks why: the reason is required and recorded in the audit log with it. */
export function ReasonDialog({ label, title, help, confirmLabel, onConfirm, disabled = false }: ReasonDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return;
    setPending(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      dialog.current?.close();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="declare-step">
      <button type="button" className="secondary" disabled={disabled} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog
        ref={dialog}
        className="unlock-dialog"
        aria-label={title}
        onClose={() => {
          setReason('');
          setError(null);
        }}
      >
        <form onSubmit={submit}>
          <h2>{title}</h2>
          <p className="small-text">{help}</p>
          <label>
            {t('validation.reason')}
            <textarea rows={3} required value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
          </label>
          {error !== null && <ErrorMessage error={error} />}
          <div className="actions">
            <button type="submit" disabled={reason.trim() === '' || pending}>
              {confirmLabel}
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
