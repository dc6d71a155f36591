import { Route, Routes } from 'react-router';
import { Deferred } from './lazyScreen.tsx';
import { Providers } from './Providers.tsx';
import { PublicResults } from './screens.ts';

/** The transparency page, opened without a session: no sign-in screen, no navigation. */
export function PublicApp() {
  return (
    <Providers>
      <Routes>
        <Route path="/public/:programmeId" element={<Deferred screen={<PublicResults />} />} />
      </Routes>
    </Providers>
  );
}
