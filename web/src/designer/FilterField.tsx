import { useTranslation } from 'react-i18next';
import { CommitInput } from './CommitInput.tsx';
import { useEditor } from './context.ts';
import type { Draft, GroupFilter } from './draft.ts';
import { filterText, parseFilter } from './filters.ts';

interface FilterFieldProps {
  readonly label: string;
  readonly filter: GroupFilter | undefined;
  readonly apply: (draft: Draft, filter: GroupFilter | undefined) => Draft;
  readonly invalid?: boolean;
  readonly describedBy?: string;
}

/** Which org units a part applies to, typed as `type: cds, hd; equity: cat1`; empty is every unit. */
export function FilterField({ label, filter, apply, invalid, describedBy }: FilterFieldProps) {
  const { t } = useTranslation();
  const { edit } = useEditor();

  function commit(text: string): string | null {
    const parsed = parseFilter(text);
    if ('problem' in parsed) return t(`designer.filter.${parsed.problem}`, { part: parsed.part });
    edit((draft) => apply(draft, parsed.filter));
    return null;
  }

  return (
    <label>
      {label}
      <CommitInput
        className="code"
        value={filterText(filter)}
        label={label}
        placeholder={t('designer.everyUnit')}
        commit={commit}
        invalid={invalid}
        describedBy={describedBy}
      />
      <span className="muted small-text">{t('designer.filter.help')}</span>
    </label>
  );
}
