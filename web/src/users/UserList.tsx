import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Pager } from '../components/Pager.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { useUnitNames } from '../money/unitNames.ts';
import { GrantRole } from './GrantRole.tsx';
import { USERS_PER_PAGE, grantUnits, sortedGrants, useManagedUsers, type ManagedUser, type ResetAnswer, type UserGrant } from './api.ts';

type Pending = { kind: 'revoke'; user: ManagedUser; grant: UserGrant } | { kind: 'reset'; user: ManagedUser } | null;

/**
 * The users the admin manages, a page at a time: who they are, whether they may sign in, when
 * they last did, and their roles; with a role to give or take, the account to deactivate or
 * reactivate and the password to reset (never one's own: another admin must).
 */
export function UserList({ programmeId, defaultUnit }: { programmeId: string; defaultUnit: string }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const users = useManagedUsers(offset);
  const names = useUnitNames(programmeId, grantUnits(users.data?.items ?? [], programmeId));
  const [granting, setGranting] = useState<number | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [temporary, setTemporary] = useState<{ user: ManagedUser; password: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const activate = useMutation({
    mutationFn: ({ user, active }: { user: ManagedUser; active: boolean }) => api.patch<null>(`/api/users/${user.id}`, { active }),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: ({ user, grant }: { user: ManagedUser; grant: UserGrant }) => api.delete<null>(`/api/users/${user.id}/roles`, grant),
    onSuccess: async () => {
      setPending(null);
      await refresh();
    },
  });
  const reset = useMutation({
    mutationFn: (user: ManagedUser) => api.post<ResetAnswer>(`/api/users/${user.id}/password-reset`, {}),
    onSuccess: async (answer, user) => {
      setPending(null);
      if (answer.temporaryPassword) setTemporary({ user, password: answer.temporaryPassword });
      await refresh();
    },
  });
  if (users.isPending) return <Loading />;
  if (users.error) return <ErrorMessage error={users.error} onRetry={() => users.refetch()} />;
  const { items, total, limit } = users.data;
  const roleText = (grant: UserGrant) =>
    t('role.on', {
      role: t(`role.${grant.role}`),
      unit: grant.programmeId === programmeId ? (names.get(grant.orgUnitId) ?? grant.orgUnitId) : `${grant.orgUnitId} (${grant.programmeId})`,
    });
  const closeDialog = () => {
    setPending(null);
    revoke.reset();
    reset.reset();
  };
  return (
    <>
      {temporary && (
        <div role="status" className="card temporary-password">
          <p>{t('users.reset.done', { name: temporary.user.name, username: temporary.user.username })}</p>
          <p>
            <code className="code">{temporary.password}</code>
          </p>
          <p className="muted small-text">{t('users.reset.safeChannel')}</p>
          <button type="button" className="secondary" onClick={() => setTemporary(null)}>
            {t('users.reset.hide')}
          </button>
        </div>
      )}
      {activate.error && <ErrorMessage error={activate.error} />}
      {items.length === 0 ? (
        <p className="muted">{t('users.none')}</p>
      ) : (
        <table className="list users">
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col" className="short">{t('users.locale')}</th>
              <th scope="col" className="short">{t('users.status')}</th>
              <th scope="col">{t('users.lastSignIn')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('money.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((user) => {
              const self = user.id === me?.userId;
              return (
                <Fragment key={user.id}>
                  <tr aria-label={user.username}>
                    <th scope="row">
                      {user.name}
                      <br />
                      <span className="code muted">{user.username}</span>
                    </th>
                    <td className="short">{t(`users.locale.${user.locale === 'en' ? 'en' : 'fr'}`)}</td>
                    <td className="short">{t(user.active ? 'users.active' : 'users.inactive')}</td>
                    <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('users.never')}</td>
                    <td>
                      {user.grants.length === 0 ? (
                        <span className="muted">{t('users.noRole')}</span>
                      ) : (
                        <ul className="plain">
                          {sortedGrants(user.grants, programmeId).map((grant) => (
                            <li key={`${grant.programmeId}/${grant.role}/${grant.orgUnitId}`}>
                              {roleText(grant)}
                              {!self && (
                                <button
                                  type="button"
                                  className="link"
                                  onClick={() => setPending({ kind: 'revoke', user, grant })}
                                  aria-label={t('users.revoke.of', { role: roleText(grant), name: user.name })}
                                >
                                  {t('users.revoke.action')}
                                </button>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {self ? (
                        <span className="muted small-text">{t('users.self')}</span>
                      ) : (
                        <div className="stacked">
                          <button type="button" className="link" onClick={() => setGranting(granting === user.id ? null : user.id)} aria-label={t('users.grant.titleOf', { name: user.name })}>
                            {t('users.grant.action')}
                          </button>
                          <button
                            type="button"
                            className="link"
                            disabled={activate.isPending}
                            onClick={() => activate.mutate({ user, active: !user.active })}
                            aria-label={t(user.active ? 'users.deactivateOf' : 'users.reactivateOf', { name: user.name })}
                          >
                            {t(user.active ? 'users.deactivate' : 'users.reactivate')}
                          </button>
                          <button type="button" className="link" onClick={() => setPending({ kind: 'reset', user })} aria-label={t('users.reset.of', { name: user.name })}>
                            {t('users.reset.action')}
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                  {granting === user.id && (
                    <tr>
                      <td colSpan={6}>
                        <GrantRole user={user} programmeId={programmeId} defaultUnit={defaultUnit} onDone={() => setGranting(null)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      <Pager total={total} limit={limit || USERS_PER_PAGE} offset={offset} onChange={setOffset} />
      <ConfirmDialog
        id="revoke-role"
        open={pending?.kind === 'revoke'}
        title={t('users.revoke.title')}
        confirm={t('users.revoke.confirm')}
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => pending?.kind === 'revoke' && revoke.mutate({ user: pending.user, grant: pending.grant })}
        onCancel={closeDialog}
      >
        {pending?.kind === 'revoke' && <p>{t('users.revoke.body', { role: roleText(pending.grant), name: pending.user.name })}</p>}
      </ConfirmDialog>
      <ConfirmDialog
        id="reset-password"
        open={pending?.kind === 'reset'}
        title={t('users.reset.title')}
        confirm={t('users.reset.confirm')}
        busy={reset.isPending}
        error={reset.error}
        onConfirm={() => pending?.kind === 'reset' && reset.mutate(pending.user)}
        onCancel={closeDialog}
      >
        {pending?.kind === 'reset' && <p>{t('users.reset.body', { name: pending.user.name })}</p>}
      </ConfirmDialog>
    </>
  );
}
