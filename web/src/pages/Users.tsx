import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.tsx';
import { CreateUser } from '../users/CreateUser.tsx';
import { UserList } from '../users/UserList.tsx';

/** The administrator's users: those whose roles lie in their subtrees (and new ones), with their roles over subtrees. */
export function Users() {
  const { t } = useTranslation();
  const { programmeId, capability } = useSession();
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  const manage = capability('users.manage');
  return (
    <section className="users-screen">
      <h1>{t('users.heading')}</h1>
      <p className="muted small-text">{t('users.help')}</p>
      <CreateUser />
      <UserList programmeId={programmeId} defaultUnit={manage.roots[0] ?? ''} />
    </section>
  );
}
