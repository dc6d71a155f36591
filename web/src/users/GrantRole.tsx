import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../src/contract/roles.ts';
import { api } from '../api/client.ts';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { ErrorMessage } from '../components/Status.tsx';
import type { ManagedUser, NewGrant } from './api.ts';

/** Gives `user` a role over a subtree of the selected programme; the server refuses a unit outside the admin's subtrees. */
export function GrantRole({ user, programmeId, defaultUnit, onDone }: { user: ManagedUser; programmeId: string; defaultUnit: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>('clerk');
  const [unit, setUnit] = useState(defaultUnit);
  const grant = useMutation({
    mutationFn: (body: NewGrant) => api.post<null>(`/api/users/${user.id}/roles`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onDone();
    },
  });
  return (
    <form
      className="inline-form"
      aria-label={t('users.grant.titleOf', { name: user.name })}
      onSubmit={(event) => {
        event.preventDefault();
        grant.mutate({ programmeId, role, orgUnitId: unit.trim() });
      }}
    >
      <label className="inline">
        {t('users.grant.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((code) => (
            <option key={code} value={code}>
              {t(`role.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <UnitPicker label={t('users.grant.unit')} hint={t('users.grant.unitHint')} value={unit} onChange={setUnit} />
      <button type="submit" disabled={!unit.trim() || grant.isPending}>
        {t('users.grant.submit')}
      </button>
      <button type="button" className="secondary" onClick={onDone}>
        {t('common.cancel')}
      </button>
      {grant.error && <ErrorMessage error={grant.error} />}
    </form>
  );
}
