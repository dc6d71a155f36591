import { useTranslation } from 'react-i18next';

export function Pager({ total, limit, offset, onChange }: { total: number; limit: number; offset: number; onChange: (offset: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  if (pages === 1) return null;
  return (
    <nav className="pager" aria-label={t('common.pageOf', { page, pages })}>
      <button type="button" disabled={page === 1} onClick={() => onChange(offset - limit)}>
        {t('common.previous')}
      </button>
      <span>{t('common.pageOf', { page, pages })}</span>
      <button type="button" disabled={page === pages} onClick={() => onChange(offset + limit)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
