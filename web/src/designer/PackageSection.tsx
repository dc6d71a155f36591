import { useTranslation } from 'react-i18next';
import { ActivitiesTable } from './ActivitiesTable.tsx';
import { CodeField } from './CodeField.tsx';
import { idFor, useEditor } from './context.ts';
import type { DraftPackage } from './draft.ts';
import { removePackage, renamePackageCode, setPackageFilter, setPackageFrequency, setPackageKind, setPackageText, takenCodes } from './edits/packages.ts';
import { FilterField } from './FilterField.tsx';
import { isAt } from './findings.ts';
import { Findings, usePlace } from './Findings.tsx';
import { FormulaGroupEditor } from './FormulaFields.tsx';
import { InputsEditor } from './InputsEditor.tsx';
import { NameAndCode } from './NameAndCode.tsx';
import { RemoveButton } from './RemoveButton.tsx';
import { PACKAGE_FREQUENCIES, PACKAGE_KINDS } from './schemaChoices.ts';

export const PACKAGES_HEADING = 'packages-title';

/** One package: what it is, its inputs, its activities with their constants, its formulas. */
export function PackageSection({ pkg, index, isNew }: { pkg: DraftPackage; index: number; isNew: boolean }) {
  const { t } = useTranslation();
  const { readOnly, findings, draft } = useEditor();
  const at = `packages[${index}]`;
  const headingId = idFor('h', at);
  const kind = pkg.kind ?? 'single';
  const place = usePlace(draft, true);
  return (
    <section className="card package" aria-labelledby={headingId}>
      <div className="part-head">
        <h3 id={headingId} tabIndex={-1}>
          <span className="muted part-kind">{t('designer.package')}</span> <NameAndCode name={pkg.name} code={pkg.code} />
        </h3>
        {!readOnly && (
          <RemoveButton
            label={t('designer.removePackage', { name: pkg.name || pkg.code })}
            remove={(current) => removePackage(current, index)}
            focusAfter={PACKAGES_HEADING}
            className="link"
          >
            {t('designer.removePart')}
          </RemoveButton>
        )}
      </div>
      <PackageFields pkg={pkg} index={index} autoFocus={isNew} />
      <Findings id={idFor('e', at)} findings={findings.get(at)} place={place} />
      <InputsEditor pkg={pkg} index={index} />
      <ActivitiesTable pkg={pkg} index={index} />
      <FormulaGroupEditor group={{ owner: 'packages', index, group: 'activityFormulas' }} formulas={pkg.activityFormulas} title={t('designer.group.activityFormulas')} />
      <FormulaGroupEditor group={{ owner: 'packages', index, group: 'formulas' }} formulas={pkg.formulas} title={t('designer.group.formulas')} />
      {(kind === 'zone' || pkg.zoneFormulas) && (
        <FormulaGroupEditor group={{ owner: 'packages', index, group: 'zoneFormulas' }} formulas={pkg.zoneFormulas} title={t('designer.group.zoneFormulas')} />
      )}
    </section>
  );
}

/** What a package is: name, code, frequency, kind, the units it applies to, a zone's targets. */
function PackageFields({ pkg, index, autoFocus }: { pkg: DraftPackage; index: number; autoFocus: boolean }) {
  const { t } = useTranslation();
  const { readOnly, findings, saved, edit } = useEditor();
  const at = `packages[${index}]`;
  const findingsId = idFor('e', at);
  const invalid = (field: string) => findings.get(at)?.some((finding) => isAt(finding, `${at}.${field}`)) ?? false;
  const describe = (field: string) => (invalid(field) ? findingsId : undefined);
  const kind = pkg.kind ?? 'single';
  return (
    <div className="fields">
      <label>
        {t('designer.field.name')}
        <input
          value={pkg.name ?? ''}
          readOnly={readOnly}
          autoFocus={autoFocus}
          onChange={(event) => {
            const text = event.target.value;
            edit((draft) => setPackageText(draft, index, 'name', text));
          }}
        />
      </label>
      <label>
        {t('designer.field.code')}
        <CodeField
          kind="package"
          code={pkg.code}
          label={t('designer.packageCode', { name: pkg.name || pkg.code })}
          fixed={saved.package(pkg.code)}
          taken={takenCodes}
          rename={(draft, next) => renamePackageCode(draft, index, next)}
          invalid={invalid('code')}
          describedBy={describe('code')}
        />
      </label>
      <label>
        {t('designer.field.frequency')}
        <select
          value={pkg.frequency}
          disabled={readOnly}
          aria-invalid={invalid('frequency') || undefined}
          onChange={(event) => {
            const frequency = event.target.value;
            edit((draft) => setPackageFrequency(draft, index, frequency));
          }}
        >
          {PACKAGE_FREQUENCIES.map((frequency) => (
            <option key={frequency} value={frequency}>
              {t(`designer.frequency.${frequency}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('designer.field.kind')}
        <select
          value={kind}
          disabled={readOnly}
          onChange={(event) => {
            const next = event.target.value;
            edit((draft) => setPackageKind(draft, index, next));
          }}
        >
          {PACKAGE_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`designer.kind.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <FilterField
        label={t('designer.field.appliesTo')}
        filter={pkg.appliesTo}
        apply={(draft, filter) => setPackageFilter(draft, index, 'appliesTo', filter)}
        invalid={invalid('appliesTo')}
        describedBy={describe('appliesTo')}
      />
      {(kind === 'zone' || pkg.targets) && (
        <FilterField
          label={t('designer.field.targets')}
          filter={pkg.targets}
          apply={(draft, filter) => setPackageFilter(draft, index, 'targets', filter)}
          invalid={invalid('targets')}
          describedBy={describe('targets')}
        />
      )}
      <label>
        {t('designer.field.description')}
        <input
          value={pkg.description ?? ''}
          readOnly={readOnly}
          onChange={(event) => {
            const text = event.target.value;
            edit((draft) => setPackageText(draft, index, 'description', text));
          }}
        />
      </label>
    </div>
  );
}
