import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNCTIONS } from '../../../src/engine/index.ts';

/** The formula language at a glance: functions with their signatures, operators, scopes, attributes. */
export function FormulaHelp({ attributes, truncated }: { attributes: readonly string[]; truncated: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  // Open beside the editor on a wide screen; folded above it on a tablet.
  const [open, setOpen] = useState(() => window.matchMedia?.('(min-width: 1400px)').matches ?? false);
  return (
    <details className="card help" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <h2>{t('designer.help.title')}</h2>
      </summary>
      <p>{t('designer.help.operators')}</p>
      <p>{t('designer.help.scopes')}</p>
      <h3>{t('designer.help.functions')}</h3>
      <dl className="functions">
        {FUNCTIONS.map((fn) => (
          <div key={fn.name}>
            <dt className="code">{fn.signature}</dt>
            <dd>{fn.summary[locale]}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('designer.help.attributes')}</h3>
      <p className="code">{attributes.length > 0 ? attributes.join(', ') : t('designer.help.noAttributes')}</p>
      <p className="muted small-text">{t(truncated ? 'designer.help.attributesTruncated' : 'designer.help.attributesSource')}</p>
    </details>
  );
}
