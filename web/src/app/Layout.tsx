import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { OutboxSync } from '../field/offline/OutboxSync.tsx';
import { registerServiceWorker } from '../field/offline/registerServiceWorker.ts';
import { useSession } from '../api/session.tsx';
import type { Action } from '../../../src/contract/actions.ts';
import type { Programmes } from '../api/types.ts';
import { switchLocale } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/en.ts';
import { Deferred } from './lazyScreen.tsx';

/**
 * Navigation entries, each shown to who may take one of its actions in the programme (the
 * capabilities the server sends): the money screens to who prepares, approves, orders or
 * pays, and to who reads the audit log, which checks them. The server checks again on every
 * call.
 */
const MONEY: readonly Action[] = ['invoice.prepare', 'invoice.approve', 'payment.order', 'payment.record', 'audit.read'];
const NAVIGATION: readonly { to: string; label: MessageKey; actions: readonly Action[] }[] = [
  { to: '/', label: 'nav.home', actions: [] },
  { to: '/org-units', label: 'nav.orgUnits', actions: ['read'] },
  { to: '/risk', label: 'nav.risk', actions: ['read'] },
  { to: '/dashboards', label: 'nav.dashboards', actions: ['read'] },
  { to: '/designer', label: 'nav.designer', actions: ['rules.try', 'rules.write'] },
  { to: '/audit', label: 'nav.audit', actions: ['audit.read'] },
  { to: '/entry', label: 'nav.entry', actions: ['data.declare'] },
  { to: '/validation', label: 'nav.validation', actions: ['data.validate'] },
  { to: '/invoices', label: 'nav.invoices', actions: MONEY },
  { to: '/payments', label: 'nav.payments', actions: MONEY },
  { to: '/funders', label: 'nav.funders', actions: ['funders.manage', 'payment.order', 'audit.read'] },
  { to: '/field', label: 'nav.field', actions: ['data.verify'] },
  { to: '/users', label: 'nav.users', actions: ['users.manage'] },
];

export function Layout() {
  const { t, i18n } = useTranslation();
  const { me, programmeId, selectProgramme, signOut, capability } = useSession();
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: () => api.get<Programmes>('/api/programmes') });
  const visible = NAVIGATION.filter((entry) => entry.actions.length === 0 || entry.actions.some((action) => capability(action).somewhere));
  const fieldWork = Object.values(me?.capabilities ?? {}).some((can) => can['data.verify'].somewhere);
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
