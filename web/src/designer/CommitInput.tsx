import { useId, useState, type KeyboardEvent } from 'react';
import { useEditor } from './context.ts';

interface CommitInputProps {
  readonly value: string;
  readonly label: string;
  /** Applies the typed text (trimmed); returns why it was refused, or null when applied. */
  readonly commit: (text: string) => string | null;
  readonly className?: string;
  readonly placeholder?: string;
  readonly autoFocus?: boolean;
  /** A finding of the check is at this field. */
  readonly invalid?: boolean;
  readonly describedBy?: string;
}

/**
 * A field applied when the designer is done with it (Enter or leaving it), not at every key:
 * for codes, whose half-typed spellings would be renamed through the programme, and group
 * filters, which read only when complete. Escape brings back the value in the draft.
 */
export function CommitInput({ value, label, commit, className, placeholder, autoFocus, invalid, describedBy }: CommitInputProps) {
  const { readOnly } = useEditor();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  if (shown !== value) {
    // The draft changed under the field (a rename applied, an item above removed).
    setShown(value);
    setText(value);
    setProblem(null);
  }

  function done() {
    setProblem(text === value ? null : commit(text.trim()));
  }

  function onKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      done();
    } else if (event.key === 'Escape') {
      setText(value);
      setProblem(null);
    }
  }

  const described = [problem ? problemId : undefined, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <span className="commit-input">
      <input
        className={className}
        value={text}
        placeholder={placeholder}
        readOnly={readOnly}
        spellCheck={false}
        autoCapitalize="off"
        autoFocus={autoFocus}
        aria-label={label}
        aria-invalid={problem || invalid ? true : undefined}
        aria-describedby={described}
        onChange={(event) => setText(event.target.value)}
        onBlur={done}
        onKeyDown={onKey}
      />
      {problem && (
        <span className="bad small-text field-problem" id={problemId} role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
