import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.ts';
import type { PackageStatus } from './api.ts';

/** Why the values cannot change: validated (or further on), and who alone can reopen them. */
export function LockNotice({ status }: { status: PackageStatus }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="banner locked" role="note">
      <strong>{t('entry.lockedTitle')}</strong>
      <span>
        {t('entry.locked', {
          status: t(`workflow.status.${status.status}`),
          name: status.updatedBy?.name ?? t('entry.system'),
          date: status.updatedAt ? formatDateTime(status.updatedAt, i18n.language) : '',
        })}
      </span>
    </div>
  );
}
