import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.ts';
import type { PackageStatus, WorkflowStatus } from './api.ts';

export function StatusBadge({ status }: { status: WorkflowStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`workflow.status.${status}`)}</span>;
}

/** Who moved the package to where it stands, and when. */
export function StatusSince({ status }: { status: PackageStatus }) {
  const { t, i18n } = useTranslation();
  if (!status.updatedAt) return null;
  return (
    <span className="muted">
      {t('entry.statusBy', {
        status: t(`workflow.status.${status.status}`),
        name: status.updatedBy?.name ?? t('entry.system'),
        date: formatDateTime(status.updatedAt, i18n.language),
      })}
    </span>
  );
}
