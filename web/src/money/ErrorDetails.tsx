import { useTranslation } from 'react-i18next';
import { problemsOf } from '../api/errors.ts';
import { ErrorMessage } from '../components/Status.tsx';

const SHOWN = 200;

/**
 * An error with every record the server named in its details (an order refused for the
 * shares of many invoices names each one): the first two hundred, and how many more.
 */
export function ErrorDetails({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const details = problemsOf(error).filter((d) => d.message);
  return (
    <>
      <ErrorMessage error={error} />
      {details.length > 1 && (
        <ul className="scroll-y small-text problems">
          {details.slice(0, SHOWN).map((detail, index) => (
            <li key={index}>{detail.message}</li>
          ))}
          {details.length > SHOWN && <li>{t('money.error.more', { count: details.length - SHOWN })}</li>}
        </ul>
      )}
    </>
  );
}
