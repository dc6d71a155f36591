import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, setCsrfToken } from './client.ts';
import type { Me, Role } from './types.ts';

interface SessionState {
  readonly me: Me | null;
  readonly loading: boolean;
  readonly programmeId: string | null;
  selectProgramme(id: string): void;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Reads the user again once their password is changed (a reset's demand is lifted). */
  refresh(): Promise<void>;
  /** Whether the user holds one of these roles in the selected programme. */
  hasRole(...roles: Role[]): boolean;
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
      const programmes = [...new Set(next.grants.map((grant) => grant.programmeId))];
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
      hasRole: (...roles) => !!me?.grants.some((grant) => grant.programmeId === programmeId && roles.includes(grant.role)),
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
