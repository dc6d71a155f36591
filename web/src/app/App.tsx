import { useEffect } from 'react';
import { SessionProvider, useSession } from '../api/session.tsx';
import { Loading } from '../components/Status.tsx';
import { loadMessages } from '../i18n/index.ts';
import { SignIn } from '../pages/SignIn.tsx';
import { Deferred, lazyScreen } from './lazyScreen.tsx';

/**
 * The first load holds the sign-in page and little else: the router, react-query, the
 * screens and the full messages come with the signed-in screens, fetched while the user
 * types (docs/performance.md: a clerk's link may carry 32 kB a second).
 */
const SignedInApp = lazyScreen(() => import('./SignedInApp.tsx'), 'SignedInApp', () => loadMessages());
/** The transparency page is for everyone: no session needed, none waited for. */
const PublicApp = lazyScreen(() => import('./PublicApp.tsx'), 'PublicApp', () => loadMessages());

function Screens() {
  const { me, loading } = useSession();
  const signingIn = !loading && !me;
  useEffect(() => {
    if (!signingIn) return;
    // While the user types: the signed-in screens, and the one at this address. A failure
    // shows when they are drawn (LoadBoundary).
    SignedInApp.prefetch().catch(() => undefined);
    import('./screens.ts')
      .then((screens) => screens.screenAt(window.location.pathname)?.prefetch())
      .catch(() => undefined);
  }, [signingIn]);

  if (window.location.pathname.startsWith('/public/')) return <Deferred screen={<PublicApp />} />;
  if (loading) return <Loading />;
  if (!me) return <SignIn />;
  return <Deferred screen={<SignedInApp />} />;
}

export function App() {
  return (
    <SessionProvider>
      <Screens />
    </SessionProvider>
  );
}
