import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommitInput } from './CommitInput.tsx';
import { idFor, useEditor } from './context.ts';
import { addFormula, formulaPath, removeFormula, renameFormula, renameProblem, setFormula, type FormulaRef, type Formulas } from './draft.ts';
import { Findings } from './Findings.tsx';
import { RemoveButton } from './RemoveButton.tsx';

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
      <h4 id={headingId} tabIndex={-1}>
        {title}
      </h4>
      {entries.length === 0 && <p className="muted">{t('designer.noFormulas')}</p>}
      {entries.map(([name, text], index) => (
        // Rows are keyed by position so that renaming keeps the focus where it is.
        <FormulaRow key={index} formula={{ ...group, name }} text={text} autoFocus={name === added} headingId={headingId} />
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

function FormulaRow({ formula, text, autoFocus, headingId }: { formula: FormulaRef; text: string; autoFocus: boolean; headingId: string }) {
  const { t } = useTranslation();
  const { readOnly, findings, edit } = useEditor();
  const path = formulaPath(formula);
  const here = findings.get(path);
  const findingsId = idFor('e', path);

  function commitName(next: string): string | null {
    let refused: string | null = null;
    edit((draft) => {
      const reason = renameProblem(draft, formula, next);
      if (reason) {
        refused = t(`designer.rename.${reason}`, { name: next });
        return draft;
      }
      return renameFormula(draft, formula, next);
    });
    return refused;
  }

  return (
    <div className="formula-row" data-formula={path}>
      <div className="formula-name">
        <CommitInput className="code" value={formula.name} label={t('designer.formulaName', { name: formula.name })} commit={commitName} autoFocus={autoFocus} />
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
        <RemoveButton label={t('designer.removeFormula', { name: formula.name })} remove={(draft) => removeFormula(draft, formula)} focusAfter={headingId}>
          ×
        </RemoveButton>
      )}
    </div>
  );
}
