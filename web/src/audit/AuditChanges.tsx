import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format.ts';
import { fieldChanges, type FieldChange } from './changes.ts';

/** Fields shown at once; the others wait behind "N more fields". */
const SHOWN = 4;
/** Characters of a value shown at once; a longer one (a hash, a formula) unfolds on demand. */
const FOLD_AT = 40;

/** An entry's changes as "field: before → after" lines. */
export function AuditChanges({ oldValue, newValue }: { oldValue: unknown; newValue: unknown }) {
  const { t } = useTranslation();
  const changes = fieldChanges(oldValue, newValue);
  if (changes.length === 0) return null;
  const rest = changes.slice(SHOWN);
  return (
    <>
      <ChangeList changes={changes.slice(0, SHOWN)} />
      {rest.length > 0 && (
        <details className="audit-more">
          <summary>{t('audit.moreFields', { count: rest.length })}</summary>
          <ChangeList changes={rest} />
        </details>
      )}
    </>
  );
}

function ChangeList({ changes }: { changes: readonly FieldChange[] }) {
  const { t } = useTranslation();
  return (
    <ul className="audit-changes">
      {changes.map((change) => (
        <li key={change.field}>
          {change.field && <span className="audit-field">{change.field}</span>}
          {change.field && ': '}
          {'before' in change && (
            <>
              <Value value={change.before} />
              {' → '}
            </>
          )}
          {'after' in change ? <Value value={change.after} /> : <span className="muted">{t('audit.removed')}</span>}
        </li>
      ))}
    </ul>
  );
}

function Value({ value }: { value: FieldChange['after'] }) {
  const { t, i18n } = useTranslation();
  const text = valueText(value, i18n.language, t('common.yes'), t('common.no'));
  if (text.length <= FOLD_AT) return <span className="audit-value">{text}</span>;
  return (
    <details className="audit-value folded">
      <summary>{`${text.slice(0, FOLD_AT - 1)}…`}</summary>
      <span className="code">{text}</span>
    </details>
  );
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as a reader writes it: numbers and dates in the reader's language, lists with commas. */
export function valueText(value: FieldChange['after'], locale: string, yes: string, no: string): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map((item) => valueText(item, locale, yes, no)).join(', ');
  if (typeof value === 'number') return formatNumber(value, locale, 6);
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string' && ISO_DAY.test(value)) return formatDate(`${value}T00:00:00`, locale);
  if (typeof value === 'string' && ISO_TIME.test(value)) return formatDateTime(value, locale);
  return String(value);
}
