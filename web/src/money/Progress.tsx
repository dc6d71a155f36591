import { useTranslation } from 'react-i18next';
import { useElapsed } from './useElapsed.ts';

/**
 * A long action under way: the server answers when it is done and reports no steps, so the
 * bar is indeterminate and the elapsed time shows that it is still working.
 */
export function Progress({ label, since, note }: { label: string; since: number; note?: string }) {
  const { t } = useTranslation();
  const seconds = useElapsed(since, true);
  return (
    <div className="progress" role="status">
      <progress aria-label={label} />
      <span>
        {label} {t('money.progress.elapsed', { seconds })}
      </span>
      {note && <p className="muted small-text">{note}</p>}
    </div>
  );
}
