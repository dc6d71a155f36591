import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.tsx';
import { FunderList } from '../money/FunderList.tsx';
import { useRoleRoot } from '../money/programme.ts';
import { ShareForm } from '../money/ShareForm.tsx';
import { ShareList } from '../money/ShareList.tsx';

/** Funders and the shares they pay of each subtree's payments: set by the programme designer. */
export function Funders() {
  const { t } = useTranslation();
  const { programmeId, capability } = useSession();
  const root = useRoleRoot('designer', 'admin');
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  // Adding concerns no record yet: the programme-level capability (GET /api/auth/me, another branch) replaces this role check.
  const canAdd = capability('funders.manage').national;
  return (
    <section className="money">
      <h1>{t('money.funders.heading')}</h1>
      <section aria-labelledby="funders-title">
        <h2 id="funders-title">{t('money.funders.title')}</h2>
        <FunderList programmeId={programmeId} canAdd={canAdd} />
      </section>
      <section aria-labelledby="shares-title">
        <h2 id="shares-title">{t('money.shares.title')}</h2>
        <p className="muted small-text">{t('money.shares.help')}</p>
        <ShareList programmeId={programmeId} />
        {canAdd && <ShareForm programmeId={programmeId} defaultUnit={root ?? ''} />}
      </section>
    </section>
  );
}
