import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { OutboxSync } from '../field/offline/OutboxSync.tsx';
import { registerServiceWorker } from '../field/offline/registerServiceWorker.ts';
import { useSession } from '../api/session.tsx';
import type { Programme, Role } from '../api/types.ts';
import { switchLocale } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/en.ts';
import { Deferred } from './lazyScreen.tsx';

/** Navigation entries and the roles that see them; the server checks again on every call. */
const NAVIGATION: readonly { to: string; label: MessageKey; roles: readonly Role[] | 'all' }[] = [
  { to: '/', label: 'nav.home', roles: 'all' },
  { to: '/org-units', label: 'nav.orgUnits', roles: 'all' },
  { to: '/risk', label: 'nav.risk', roles: 'all' },
  { to: '/dashboards', label: 'nav.dashboards', roles: 'all' },
  { to: '/designer', label: 'nav.designer', roles: ['designer', 'admin'] },
  { to: '/audit', label: 'nav.audit', roles: ['auditor', 'admin', 'designer'] },
  { to: '/entry', label: 'nav.entry', roles: ['clerk'] },
  { to: '/validation', label: 'nav.validation', roles: ['validator'] },
  { to: '/invoices', label: 'nav.invoices', roles: ['validator', 'payer', 'auditor'] },
  { to: '/payments', label: 'nav.payments', roles: ['payer', 'validator', 'auditor'] },
  { to: '/funders', label: 'nav.funders', roles: ['designer', 'admin', 'payer', 'auditor'] },
  { to: '/field', label: 'nav.field', roles: ['verifier'] },
];

export function Layout() {
  const { t, i18n } = useTranslation();
  const { me, programmeId, selectProgramme, signOut, hasRole } = useSession();
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: () => api.get<Programme[]>('/api/programmes') });
  const visible = NAVIGATION.filter((entry) => entry.roles === 'all' || hasRole(...entry.roles));
  const fieldWork = !!me?.grants.some((grant) => grant.role === 'verifier');
  useEffect(() => {
    // Only field work is offline: others are spared the worker's download of every screen.
    if (fieldWork) registerServiceWorker();
  }, [fieldWork]);

  return (
    <div className="shell">
      <OutboxSync />
      <header className="top">
        <span className="brand">{t('app.name')}</span>
        {(programmes.data?.length ?? 0) > 1 && (
          <label className="inline">
            {t('programme.select')}
            <select value={programmeId ?? ''} onChange={(e) => selectProgramme(e.target.value)}>
              {programmes.data!.map((programme) => (
                <option key={programme.id} value={programme.id}>
                  {programme.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="spacer" />
        <button type="button" className="link" onClick={() => switchLocale(i18n.language === 'fr' ? 'en' : 'fr')}>
          {t('language.switch')}
        </button>
        <span className="muted">{me?.name}</span>
        <NavLink to="/password" className="link">
          {t('nav.password')}
        </NavLink>
        <button type="button" className="link" onClick={() => signOut()}>
          {t('nav.signOut')}
        </button>
      </header>
      <nav className="side" aria-label={t('nav.main')}>
        <ul>
          {visible.map((entry) => (
            <li key={entry.to}>
              <NavLink to={entry.to} end={entry.to === '/'}>
                {t(entry.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <Deferred screen={<Outlet />} />
      </main>
    </div>
  );
}
