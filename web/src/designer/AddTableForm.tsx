import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { codeProblem } from './codes.ts';
import { useEditor } from './context.ts';
import { addTable, splitNames, type DraftPackage } from './draft.ts';

/**
 * A new decision table: the package it gives values to, its input columns (facts matched
 * per row) and output columns (names the formulas read), each checked by the engine's rule.
 */
export function AddTableForm({ packages }: { packages: readonly DraftPackage[] }) {
  const { t } = useTranslation();
  const { edit } = useEditor();
  const [pkg, setPkg] = useState('');
  const [name, setName] = useState('');
  const [inputs, setInputs] = useState('activity');
  const [outputs, setOutputs] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = packages.some((candidate) => candidate.code === pkg) ? pkg : (packages[0]?.code ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    const inputNames = splitNames(inputs);
    const outputNames = splitNames(outputs);
    if (outputNames.length === 0 || outputNames.some((output) => codeProblem('name', output) !== undefined)) return setProblem(t('designer.newTable.needOutputs'));
    const repeated = [...inputNames, ...outputNames].find((column, i, all) => all.indexOf(column) !== i);
    if (repeated) return setProblem(t('designer.code.taken', { name: repeated }));
    setProblem(null);
    edit((draft) => addTable(draft, { package: chosen, name: name.trim(), inputs: inputNames, outputs: outputNames }));
    setName('');
    setOutputs('');
  }

  if (packages.length === 0) return null;
  return (
    <details className="card add-table">
      <summary>{t('designer.addTable')}</summary>
      <form onSubmit={submit}>
        <label>
          {t('designer.newTable.package')}
          <select value={chosen} onChange={(event) => setPkg(event.target.value)}>
            {packages.map((candidate) => (
              <option key={candidate.code} value={candidate.code}>
                {candidate.name ? `${candidate.name} (${candidate.code})` : candidate.code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('designer.tableName')}
          <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label>
          {t('designer.newTable.inputs')}
          <input className="code" value={inputs} spellCheck={false} onChange={(event) => setInputs(event.target.value)} />
        </label>
        <label>
          {t('designer.newTable.outputs')}
          <input className="code" value={outputs} spellCheck={false} onChange={(event) => setOutputs(event.target.value)} />
        </label>
        {problem && (
          <p className="bad" role="alert">
            {problem}
          </p>
        )}
        <button type="submit">{t('designer.newTable.create')}</button>
      </form>
    </details>
  );
}
