import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Action } from '../../../src/contract/actions.ts';
import type { currentUser } from '../../../src/contract/api/auth.ts';
import type { Answer } from '../../../src/contract/http.ts';
import { ApiError, api, setCsrfToken } from './client.ts';

/** The signed-in user, as GET /api/auth/me answers. */
export type Me = Answer<typeof currentUser>;
export type Capability = Me['capabilities'][string][Action];

const NONE: Capability = { somewhere: false, national: false, roots: [] };

interface SessionState {
  readonly me: Me | null;
  readonly loading: boolean;
  readonly programmeId: string | null;
  selectProgramme(id: string): void;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Reads the user again once their password is changed (a reset's demand is lifted). */
  refresh(): Promise<void>;
  /** What the server says the user may do with `action` in the selected programme. */
  capability(action: Action): Capability;
}

const SessionContext = createContext<SessionState | null>(null);
const PROGRAMME_KEY = 'openpbf.programme';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [programmeId, setProgrammeId] = useState<string | null>(localStorage.getItem(PROGRAMME_KEY));

  const adopt = useCallback((next: Me | null) => {
    setMe(next);
    setCsrfToken(next?.csrfToken ?? '');
    if (next) {
      const programmes = Object.keys(next.capabilities);
      setProgrammeId((current) => (current && programmes.includes(current) ? current : (programmes[0] ?? null)));
    }
  }, []);

  useEffect(() => {
    api
      .get<Me>('/api/auth/me')
      .then(adopt)
      .catch((error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
        adopt(null);
      })
      .finally(() => setLoading(false));
  }, [adopt]);

  const value = useMemo<SessionState>(
    () => ({
      me,
      loading,
      programmeId,
      selectProgramme(id) {
        localStorage.setItem(PROGRAMME_KEY, id);
        setProgrammeId(id);
      },
      async signIn(username, password) {
        adopt(await api.post<Me>('/api/auth/login', { username, password }));
      },
      async signOut() {
        await api.post('/api/auth/logout');
        adopt(null);
      },
      async refresh() {
        adopt(await api.get<Me>('/api/auth/me'));
      },
      capability: (action) => (programmeId === null ? undefined : me?.capabilities[programmeId]?.[action]) ?? NONE,
    }),
    [me, loading, programmeId, adopt],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Whether the user may take one of these actions somewhere in the selected programme: what a screen offers. */
export function useCan(...actions: Action[]): boolean {
  const { capability } = useSession();
  return actions.some((action) => capability(action).somewhere);
}
