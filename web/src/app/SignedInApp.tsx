import { useRoutes, type RouteObject } from 'react-router';
import { useSession } from '../api/session.tsx';
import { Layout } from './Layout.tsx';
import { Deferred } from './lazyScreen.tsx';
import { Providers } from './Providers.tsx';
import * as screen from './screens.ts';

/** The screens of a signed-in user; a reset password must be changed before anything else opens. */
export function SignedInApp() {
  const { me } = useSession();
  return <Providers>{me?.mustChangePassword ? <Deferred screen={<screen.ChangePassword forced />} /> : <SignedInRoutes />}</Providers>;
}

const ROUTES: RouteObject[] = [
  // The dashboards link to the transparency page, which has no navigation of its own.
  { path: '/public/:programmeId', element: <Deferred screen={<screen.PublicResults />} /> },
  {
    element: <Layout />,
    children: screen.PAGES.map(([path, Screen]) => ({ ...(path ? { path } : { index: true }), element: <Screen /> })),
  },
];

function SignedInRoutes() {
  return useRoutes(ROUTES);
}

