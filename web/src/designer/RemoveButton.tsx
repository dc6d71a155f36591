import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useEditor } from './context.ts';
import type { Draft } from './draft.ts';
import type { Finding } from './findings.ts';
import { FindingList } from './Findings.tsx';

interface RemoveButtonProps {
  /** What the button removes, for its accessible name and the confirmation. */
  readonly label: string;
  readonly remove: (draft: Draft) => Draft;
  /** The element that takes the focus once the part is gone (a heading of the list it was in). */
  readonly focusAfter: string;
  /** Called once the part is removed (not when the designer keeps it). */
  readonly onRemoved?: () => void;
  readonly className?: string;
  readonly children: ReactNode;
}

/**
 * Removes a part of the programme. When something else reads it — a formula its input,
 * a payment its package — the check's findings after the removal are listed first, with
 * the choice to keep it or remove it anyway; what nothing reads goes at once.
 */
export function RemoveButton({ label, remove, focusAfter, onRemoved, className = 'link remove', children }: RemoveButtonProps) {
  const { t } = useTranslation();
  const { edit, consequences } = useEditor();
  const [pending, setPending] = useState<{ findings: Finding[]; after: Draft } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (pending && !dialog.current?.open) dialog.current?.showModal();
  }, [pending]);

  function apply() {
    onRemoved?.();
    edit(remove);
    document.getElementById(focusAfter)?.focus();
  }

  function ask() {
    let after: Draft | undefined;
    const findings = consequences((draft) => (after = remove(draft)));
    if (findings.length === 0 || !after) apply();
    else setPending({ findings, after });
  }

  return (
    <>
      <button type="button" className={className} aria-label={label} title={label} onClick={ask}>
        {children}
      </button>
      {pending &&
        // In the body, not in the cell or list holding the button, whose styles it would inherit.
        createPortal(
          <dialog ref={dialog} className="removal" role="alertdialog" aria-labelledby={titleId} onClose={() => setPending(null)}>
            <h3 id={titleId}>{t('designer.remove.breaks', { what: label, count: pending.findings.length })}</h3>
            <FindingList findings={pending.findings} draft={pending.after} />
            <p>{t('designer.remove.explain')}</p>
            <div className="actions">
              <button type="button" className="secondary" autoFocus onClick={() => dialog.current?.close()}>
                {t('designer.remove.keep')}
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  dialog.current?.close();
                  apply();
                }}
              >
                {t('designer.remove.anyway')}
              </button>
            </div>
          </dialog>,
          document.body,
        )}
    </>
  );
}
