import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.tsx';
import { WorkLists } from '../home/WorkLists.tsx';
import { MoneyHome } from '../money/MoneyHome.tsx';
import { useUnitNames } from '../money/unitNames.ts';

/** What waits for the signed-in person; each role's work list is added by its screens. */
export function Home() {
  const { t } = useTranslation();
  const { me, programmeId } = useSession();
  const grants = me?.grants.filter((grant) => grant.programmeId === programmeId) ?? [];
  const names = useUnitNames(programmeId ?? '', grants.map((grant) => grant.orgUnitId));
  return (
    <section>
      <h1>{t('home.title', { name: me?.name })}</h1>
      {grants.length === 0 ? (
        <p>{t('home.noProgramme')}</p>
      ) : (
        <>
          <WorkLists />
          <MoneyHome />
          <h2>{t('home.roles')}</h2>
          <ul>
            {grants.map((grant) => (
              <li key={`${grant.role}@${grant.orgUnitId}`}>
                {t('role.on', { role: t(`role.${grant.role}`), unit: names.get(grant.orgUnitId) ?? grant.orgUnitId })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
