import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** An address no screen answers (a mistyped or outdated link): said so, with the way home. */
export function NotFound() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text', { address: pathname })}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
