import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INPUT_TYPES } from '../../../src/engine/index.ts';
import { CodeField } from './CodeField.tsx';
import { idFor, useEditor } from './context.ts';
import type { DraftPackage } from './draft.ts';
import { addInput, removeInput, renameInput, setInputType } from './edits/inputs.ts';
import { isAt } from './findings.ts';
import { Findings, usePlace } from './Findings.tsx';
import { RemoveButton } from './RemoveButton.tsx';

/** A package's inputs — the data states entered per activity — and the type of each. */
export function InputsEditor({ pkg, index }: { pkg: DraftPackage; index: number }) {
  const { t } = useTranslation();
  const { readOnly, findings, saved, draft, edit } = useEditor();
  const [added, setAdded] = useState<number | null>(null);
  const at = `packages[${index}].inputs`;
  const headingId = idFor('h', at);
  const findingsId = idFor('e', at);
  const here = findings.get(at);
  const place = usePlace(draft, true);

  function add() {
    let position = 0;
    edit((current) => {
      const result = addInput(current, index);
      position = result.index;
      return result.draft;
    });
    setAdded(position);
  }

  return (
    <section className="inputs" aria-labelledby={headingId}>
      <h4 id={headingId} tabIndex={-1}>
        {t('designer.inputs')}
      </h4>
      <p className="muted small-text">{t('designer.inputsHelp')}</p>
      {pkg.inputs.length > 0 && (
        <ul className="input-list">
          {pkg.inputs.map((input, i) => {
            const path = `packages[${index}].inputs[${i}]`;
            const invalid = here?.some((finding) => isAt(finding, path) || isAt(finding, `packages[${index}].inputTypes.${input}`));
            return (
              <li key={i}>
                <CodeField
                  kind="input"
                  code={input}
                  label={t('designer.inputName', { name: input })}
                  fixed={saved.input(pkg.code, input)}
                  taken={(current) => current.packages[index]?.inputs ?? []}
                  rename={(current, next) => renameInput(current, index, i, next)}
                  invalid={invalid}
                  describedBy={invalid ? findingsId : undefined}
                  autoFocus={i === added}
                />
                <select
                  value={pkg.inputTypes?.[input] ?? ''}
                  disabled={readOnly}
                  aria-label={t('designer.inputTypeOf', { name: input })}
                  onChange={(event) => {
                    const type = event.target.value || undefined;
                    edit((current) => setInputType(current, index, input, type));
                  }}
                >
                  <option value="">{t('designer.inputType.any')}</option>
                  {INPUT_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`designer.inputType.${type}`)}
                    </option>
                  ))}
                </select>
                {!readOnly && (
                  <RemoveButton label={t('designer.removeInput', { name: input })} remove={(current) => removeInput(current, index, i)} focusAfter={headingId}>
                    ×
                  </RemoveButton>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Findings id={findingsId} findings={here} place={place} />
      {!readOnly && (
        <button type="button" className="secondary small" onClick={add}>
          {t('designer.addInput')}
        </button>
      )}
    </section>
  );
}
