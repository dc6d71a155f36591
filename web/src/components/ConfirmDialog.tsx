import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './Status.tsx';

interface ConfirmDialogProps {
  /** Prefix of the dialog's element ids. */
  readonly id: string;
  readonly open: boolean;
  readonly title: string;
  /** The confirming button's words: the action itself ("Validate and lock"), not "OK". */
  readonly confirm: string;
  readonly busy: boolean;
  /** A refusal of the action, shown in the dialog so that nothing is taken for done. */
  readonly error?: unknown;
  onConfirm(): void;
  onCancel(): void;
  /** What will happen, in figures. */
  readonly children: ReactNode;
}

/**
 * A modal question before an action that moves money or locks data: what will happen, then
 * the action or Cancel. The browser's modal dialog keeps the keyboard inside it, focuses the
 * first button (Enter confirms, once the figures are in) and closes on Escape, which cancels.
 */
export function ConfirmDialog({ id, open, title, confirm, busy, error, onConfirm, onCancel, children }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const confirming = useRef<HTMLButtonElement>(null);
  const cancelling = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (open && !element?.open) element?.showModal();
    if (!open && element?.open) element.close();
  }, [open]);
  // Opened while its figures load, the dialog focuses Cancel (the action is disabled): once
  // they are in, Enter confirms, as it does in a dialog opened ready.
  useEffect(() => {
    const focused = document.activeElement;
    if (open && !busy && dialog.current?.open && (!focused || focused === document.body || focused === cancelling.current)) confirming.current?.focus();
  }, [open, busy]);
  return (
    <dialog ref={dialog} className="confirm" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onClose={onCancel}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      {error !== undefined && error !== null && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="button" ref={confirming} disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" ref={cancelling} className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
