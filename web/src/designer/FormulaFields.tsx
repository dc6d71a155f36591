import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { idFor, useEditor } from './context.ts';
import { addFormula, formulaPath, removeFormula, renameFormula, renameProblem, setFormula, type FormulaRef, type Formulas } from './draft.ts';
import { Findings } from './Findings.tsx';

type Group = Omit<FormulaRef, 'name'>;

/** Rows for a formula text: longer formulas get more room, up to eight lines. */
function rowsFor(text: string): number {
  const lines = text.split('\n').reduce((total, line) => total + Math.max(1, Math.ceil(line.length / 70)), 0);
  return Math.min(8, Math.max(1, lines));
}

/** One group of formulas (a package's activity formulas, a payment's formulas…), editable. */
export function FormulaGroupEditor({ group, formulas, title }: { group: Group; formulas: Formulas | undefined; title: string }) {
  const { t } = useTranslation();
  const { readOnly, edit } = useEditor();
  const [added, setAdded] = useState<string | null>(null);
  const entries = Object.entries(formulas ?? {});
  const headingId = idFor('h', formulaPath(group));
  return (
    <section className="formula-group" aria-labelledby={headingId}>
      <h4 id={headingId}>{title}</h4>
      {entries.length === 0 && <p className="muted">{t('designer.noFormulas')}</p>}
      {entries.map(([name, text], index) => (
        // Rows are keyed by position so that renaming keeps the focus where it is.
        <FormulaRow key={index} formula={{ ...group, name }} text={text} autoFocus={name === added} />
      ))}
      {!readOnly && (
        <button
          type="button"
          className="secondary small"
          onClick={() => {
            let name = '';
            edit((draft) => {
              const result = addFormula(draft, group);
              name = result.name;
              return result.draft;
            });
            setAdded(name);
          }}
        >
          {t('designer.addFormula')}
        </button>
      )}
    </section>
  );
}

function FormulaRow({ formula, text, autoFocus }: { formula: FormulaRef; text: string; autoFocus: boolean }) {
  const { t } = useTranslation();
  const { readOnly, findings, edit } = useEditor();
  const path = formulaPath(formula);
  const here = findings.get(path);
  const [name, setName] = useState(formula.name);
  const [shownName, setShownName] = useState(formula.name);
  const [problem, setProblem] = useState<string | null>(null);
  if (shownName !== formula.name) {
    // The formula at this position changed (renamed, or one above removed).
    setShownName(formula.name);
    setName(formula.name);
    setProblem(null);
  }
  const findingsId = idFor('e', path);
  const nameProblemId = idFor('n', path);

  function commitName() {
    const next = name.trim();
    let refused: string | null = null;
    edit((draft) => {
      const reason = renameProblem(draft, formula, next);
      if (reason) {
        refused = t(`designer.rename.${reason}`, { name: next });
        return draft;
      }
      return renameFormula(draft, formula, next);
    });
    setProblem(refused);
  }

  function onNameKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      commitName();
    } else if (event.key === 'Escape') {
      setName(formula.name);
      setProblem(null);
    }
  }

  return (
    <div className="formula-row" data-formula={path}>
      <div className="formula-name">
        <input
          className="code"
          value={name}
          readOnly={readOnly}
          spellCheck={false}
          autoFocus={autoFocus}
          aria-label={t('designer.formulaName', { name: formula.name })}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? nameProblemId : undefined}
          onChange={(event) => setName(event.target.value)}
          onBlur={commitName}
          onKeyDown={onNameKey}
        />
        {problem && (
          <p className="bad small-text" id={nameProblemId} role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="formula-text">
        <textarea
          className="code"
          value={text}
          rows={rowsFor(text)}
          readOnly={readOnly}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-label={t('designer.formulaText', { name: formula.name })}
          aria-invalid={here ? true : undefined}
          aria-describedby={here ? findingsId : undefined}
          onChange={(event) => {
            const value = event.target.value;
            edit((draft) => setFormula(draft, formula, value));
          }}
        />
        <Findings id={findingsId} findings={here} />
      </div>
      {!readOnly && (
        <button
          type="button"
          className="link remove"
          aria-label={t('designer.removeFormula', { name: formula.name })}
          title={t('designer.removeFormula', { name: formula.name })}
          onClick={() => edit((draft) => removeFormula(draft, formula))}
        >
          ×
        </button>
      )}
    </div>
  );
}
