import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** Loading and error states, the same everywhere; errors are shown by their stable code. */
export function Loading() {
  const { t } = useTranslation();
  return <p role="status" className="muted">{t('common.loading')}</p>;
}

/** A long action under way: an indeterminate bar and what is being done, announced politely. */
export function Progress({ label }: { label: string }) {
  return (
    <span role="status" className="progress">
      <progress aria-label={label} />
      <span>{label}</span>
    </span>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  const code = error instanceof ApiError ? error.code : 'NETWORK';
  const known = i18n.exists(`error.${code}`);
  const message = known ? t(`error.${code}` as 'error.NETWORK') : error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="alert">
      <p>{known ? message : t('common.error', { message })}</p>
      {/* The server's message names the record and the field at fault. */}
      {error instanceof ApiError && error.status > 0 && error.message && error.message !== message && <p className="muted">{error.message}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
