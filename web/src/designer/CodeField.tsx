import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { codeProblem, type CodeKind } from './codes.ts';
import { CommitInput } from './CommitInput.tsx';
import { useEditor } from './context.ts';
import type { Draft } from './draft.ts';

interface CodeFieldProps {
  readonly kind: CodeKind;
  readonly code: string;
  readonly label: string;
  /** The version the draft started from has this code: data refer to it, it stays. */
  readonly fixed: boolean;
  /** The codes of the same list in the latest draft, which this one must not repeat. */
  readonly taken: (draft: Draft) => readonly string[];
  readonly rename: (draft: Draft, next: string) => Draft;
  readonly invalid?: boolean;
  readonly describedBy?: string;
  readonly autoFocus?: boolean;
}

/**
 * A part's code: editable while the part is new in this draft, checked by the engine's rule
 * for that kind of code and against the others of its list; shown fixed once saved.
 */
export function CodeField({ kind, code, label, fixed, taken, rename, invalid, describedBy, autoFocus }: CodeFieldProps) {
  const { t } = useTranslation();
  const { readOnly, edit } = useEditor();
  const fixedId = useId();
  if (fixed || readOnly) {
    return (
      <span className="fixed-code">
        <input
          className="code"
          value={code}
          readOnly
          title={fixed && !readOnly ? t('designer.code.fixed') : undefined}
          aria-label={label}
          aria-describedby={fixed && !readOnly ? fixedId : undefined}
          aria-invalid={invalid ? true : undefined}
        />
        {fixed && !readOnly && (
          <span id={fixedId} className="visually-hidden">
            {t('designer.code.fixed')}
          </span>
        )}
      </span>
    );
  }

  function commit(next: string): string | null {
    let refused: string | null = null;
    edit((draft) => {
      const problem = codeProblem(kind, next, taken(draft).filter((other) => other !== code));
      if (problem) {
        refused = t(`designer.code.${problem}`, { name: next });
        return draft;
      }
      return rename(draft, next);
    });
    return refused;
  }

  return <CommitInput className="code" value={code} label={label} commit={commit} invalid={invalid} describedBy={describedBy} autoFocus={autoFocus} />;
}
