import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { SessionProvider, useSession } from '../api/session.tsx';
import { Loading } from '../components/Status.tsx';
import { Audit } from '../pages/Audit.tsx';
import { ChangePassword } from '../pages/ChangePassword.tsx';
import { DataEntry } from '../pages/DataEntry.tsx';
import { Facility } from '../pages/Facility.tsx';
import { Funders } from '../pages/Funders.tsx';
import { Home } from '../pages/Home.tsx';
import { Invoice } from '../pages/Invoice.tsx';
import { Invoices } from '../pages/Invoices.tsx';
import { OrgUnits } from '../pages/OrgUnits.tsx';
import { Risk } from '../pages/Risk.tsx';
import { Payments } from '../pages/Payments.tsx';
import { SignIn } from '../pages/SignIn.tsx';
import { Layout } from './Layout.tsx';

/** The designer carries the rules engine (checks in the browser): loaded when first opened. */
const Designer = lazy(() => import('../pages/Designer.tsx').then((module) => ({ default: module.Designer })));
/** The field screens run the engine too; the service worker keeps their files for offline use. */
const FieldVisits = lazy(() => import('../pages/FieldVisits.tsx').then((module) => ({ default: module.FieldVisits })));
const FieldVisit = lazy(() => import('../pages/FieldVisit.tsx').then((module) => ({ default: module.FieldVisit })));
/** The committee's screens run the engine on each facility's figures: loaded when first opened. */
const Validation = lazy(() => import('../pages/Validation.tsx').then((module) => ({ default: module.Validation })));
const ValidationDetail = lazy(() => import('../pages/ValidationDetail.tsx').then((module) => ({ default: module.ValidationDetail })));
/** Charts (ECharts) load with the pages that draw them. */
const Dashboards = lazy(() => import('../pages/Dashboards.tsx').then((module) => ({ default: module.Dashboards })));
const PublicResults = lazy(() => import('../pages/PublicResults.tsx').then((module) => ({ default: module.PublicResults })));

const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });

function Screens() {
  const { me, loading } = useSession();
  const { pathname } = useLocation();
  // The transparency page is for everyone: no session needed, none waited for.
  if (pathname.startsWith('/public/')) {
    return (
      <Routes>
        <Route
          path="/public/:programmeId"
          element={
            <Suspense fallback={<Loading />}>
              <PublicResults />
            </Suspense>
          }
        />
      </Routes>
    );
  }
  if (loading) return <Loading />;
  if (!me) return <SignIn />;
  if (me.mustChangePassword) return <ChangePassword forced />;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="org-units" element={<OrgUnits />} />
        <Route path="org-units/:orgUnitId" element={<Facility />} />
        <Route path="risk" element={<Risk />} />
        <Route
          path="designer"
          element={
            <Suspense fallback={<Loading />}>
              <Designer />
            </Suspense>
          }
        />
        <Route path="audit" element={<Audit />} />
        <Route path="password" element={<ChangePassword />} />
        <Route path="entry" element={<DataEntry />} />
        <Route path="validation" element={<Suspense fallback={<Loading />}><Validation /></Suspense>} />
        <Route path="validation/:orgUnit/:period/:package" element={<Suspense fallback={<Loading />}><ValidationDetail /></Suspense>} />
        <Route path="invoices" element={<Invoices />} />
        <Route path="invoices/:invoiceId" element={<Invoice />} />
        <Route path="payments" element={<Payments />} />
        <Route path="funders" element={<Funders />} />
        <Route path="field" element={<Suspense fallback={<Loading />}><FieldVisits /></Suspense>} />
        <Route path="field/:orgUnitId/:period" element={<Suspense fallback={<Loading />}><FieldVisit /></Suspense>} />
        <Route
          path="dashboards"
          element={
            <Suspense fallback={<Loading />}>
              <Dashboards />
            </Suspense>
          }
        />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <SessionProvider>
          <Screens />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
