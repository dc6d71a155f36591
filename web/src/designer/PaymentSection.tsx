import { useTranslation } from 'react-i18next';
import { CodeField } from './CodeField.tsx';
import { idFor, useEditor } from './context.ts';
import type { DraftPayment } from './draft.ts';
import { takenCodes } from './edits/packages.ts';
import { removePayment, renamePaymentCode, setPaymentAmount, setPaymentFilter, setPaymentFrequency, setPaymentName, setPaymentReads } from './edits/payments.ts';
import { FilterField } from './FilterField.tsx';
import { isAt } from './findings.ts';
import { Findings, usePlace } from './Findings.tsx';
import { FormulaGroupEditor } from './FormulaFields.tsx';
import { NameAndCode } from './NameAndCode.tsx';
import { RemoveButton } from './RemoveButton.tsx';
import { PAYMENT_FREQUENCIES } from './schemaChoices.ts';

export const PAYMENTS_HEADING = 'payments-title';

/** One payment: what it is, the packages whose formulas it reads, its formulas and the one it pays. */
export function PaymentSection({ payment, index, isNew }: { payment: DraftPayment; index: number; isNew: boolean }) {
  const { t } = useTranslation();
  const { readOnly, findings, draft, saved, edit } = useEditor();
  const at = `payments[${index}]`;
  const headingId = idFor('h', at);
  const findingsId = idFor('e', at);
  const place = usePlace(draft, true);
  const invalid = (field: string) => findings.get(at)?.some((finding) => isAt(finding, `${at}.${field}`)) ?? false;
  const describe = (field: string) => (invalid(field) ? findingsId : undefined);
  // Single packages only: the engine refuses a zone package in a payment.
  const readable = draft.packages.filter((pkg) => (pkg.kind ?? 'single') === 'single' || payment.packages.includes(pkg.code));
  const unknown = payment.packages.filter((code) => !draft.packages.some((pkg) => pkg.code === code));
  return (
    <section className="card payment" aria-labelledby={headingId}>
      <div className="part-head">
        <h3 id={headingId} tabIndex={-1}>
          <span className="muted part-kind">{t('designer.payment')}</span> <NameAndCode name={payment.name} code={payment.code} />
        </h3>
        {!readOnly && (
          <RemoveButton
            label={t('designer.removePayment', { name: payment.name || payment.code })}
            remove={(current) => removePayment(current, index)}
            focusAfter={PAYMENTS_HEADING}
            className="link"
          >
            {t('designer.removePart')}
          </RemoveButton>
        )}
      </div>
      <div className="fields">
        <label>
          {t('designer.field.name')}
          <input
            value={payment.name ?? ''}
            readOnly={readOnly}
            autoFocus={isNew}
            onChange={(event) => {
              const text = event.target.value;
              edit((current) => setPaymentName(current, index, text));
            }}
          />
        </label>
        <label>
          {t('designer.field.code')}
          <CodeField
            kind="payment"
            code={payment.code}
            label={t('designer.paymentCode', { name: payment.name || payment.code })}
            fixed={saved.payment(payment.code)}
            taken={takenCodes}
            rename={(current, next) => renamePaymentCode(current, index, next)}
            invalid={invalid('code')}
            describedBy={describe('code')}
          />
        </label>
        <label>
          {t('designer.field.frequency')}
          <select
            value={payment.frequency}
            disabled={readOnly}
            onChange={(event) => {
              const frequency = event.target.value;
              edit((current) => setPaymentFrequency(current, index, frequency));
            }}
          >
            {PAYMENT_FREQUENCIES.map((frequency) => (
              <option key={frequency} value={frequency}>
                {t(`designer.frequency.${frequency}`)}
              </option>
            ))}
          </select>
        </label>
        <FilterField
          label={t('designer.field.appliesTo')}
          filter={payment.appliesTo}
          apply={(current, filter) => setPaymentFilter(current, index, filter)}
          invalid={invalid('appliesTo')}
          describedBy={describe('appliesTo')}
        />
      </div>
      <fieldset className={invalid('packages') ? 'reads invalid' : 'reads'} aria-describedby={describe('packages')}>
        <legend>{t('designer.paymentPackages')}</legend>
        {readable.length === 0 && unknown.length === 0 && <p className="muted">{t('designer.noPackageToRead')}</p>}
        {[...readable.map((pkg) => ({ code: pkg.code, name: pkg.name })), ...unknown.map((code) => ({ code, name: undefined }))].map((pkg) => (
          <label key={pkg.code} className="inline">
            <input
              type="checkbox"
              checked={payment.packages.includes(pkg.code)}
              disabled={readOnly}
              onChange={(event) => {
                const reads = event.target.checked;
                edit((current) => setPaymentReads(current, index, pkg.code, reads));
              }}
            />
            <NameAndCode name={pkg.name} code={pkg.code} />
          </label>
        ))}
      </fieldset>
      <Findings id={findingsId} findings={findings.get(at)} place={place} />
      <FormulaGroupEditor group={{ owner: 'payments', index, group: 'formulas' }} formulas={payment.formulas} title={t('designer.group.payment')} />
      <div className="fields">
        <label>
          {t('designer.field.amount')}
          <select
            value={payment.amount ?? ''}
            disabled={readOnly}
            aria-invalid={invalid('amount') ? true : undefined}
            aria-describedby={describe('amount')}
            onChange={(event) => {
              const formula = event.target.value;
              edit((current) => setPaymentAmount(current, index, formula));
            }}
          >
            {payment.amount === undefined && <option value="">{t('designer.amountUnnamed')}</option>}
            {amountChoices(payment).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small-text">{t('designer.amountHelp')}</p>
    </section>
  );
}

/** The payment's formulas, and the name its amount gives when that is none of them (the check says so). */
function amountChoices(payment: DraftPayment): string[] {
  const names = Object.keys(payment.formulas);
  return payment.amount === undefined || names.includes(payment.amount) ? names : [...names, payment.amount];
}
