import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from './context.ts';
import { DecisionTables } from './DecisionTableGrid.tsx';
import type { Draft } from './draft.ts';
import { addPackage } from './edits/packages.ts';
import { addPayment } from './edits/payments.ts';
import { PACKAGES_HEADING, PackageSection } from './PackageSection.tsx';
import { PAYMENTS_HEADING, PaymentSection } from './PaymentSection.tsx';

/** The whole programme: packages (inputs, activities, constants, formulas), decision tables, payments. */
export function ProgrammeEditor({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const { readOnly, edit } = useEditor();
  // The part just added takes the focus, so that the keyboard goes on from there.
  const [added, setAdded] = useState<{ list: 'packages' | 'payments'; index: number } | null>(null);

  function add(list: 'packages' | 'payments') {
    let index = 0;
    edit((current) => {
      const result = list === 'packages' ? addPackage(current) : addPayment(current);
      index = result.index;
      return result.draft;
    });
    setAdded({ list, index });
  }

  return (
    <div className="programme-editor">
      <h2 id={PACKAGES_HEADING} tabIndex={-1}>
        {t('designer.packages')}
      </h2>
      {draft.packages.length === 0 && <p className="muted">{t('common.none')}</p>}
      {draft.packages.map((pkg, index) => (
        <PackageSection key={index} pkg={pkg} index={index} isNew={added?.list === 'packages' && added.index === index} />
      ))}
      {!readOnly && (
        <button type="button" className="secondary" onClick={() => add('packages')}>
          {t('designer.addPackage')}
        </button>
      )}
      <DecisionTables draft={draft} />
      <h2 id={PAYMENTS_HEADING} tabIndex={-1}>
        {t('designer.payments')}
      </h2>
      {draft.payments.length === 0 && <p className="muted">{t('common.none')}</p>}
      {draft.payments.map((payment, index) => (
        <PaymentSection key={index} payment={payment} index={index} isNew={added?.list === 'payments' && added.index === index} />
      ))}
      {!readOnly && (
        <button type="button" className="secondary" onClick={() => add('payments')}>
          {t('designer.addPayment')}
        </button>
      )}
    </div>
  );
}
