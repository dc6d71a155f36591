import { lazyScreen, type LazyScreen } from './lazyScreen.tsx';

/**
 * Every screen behind the sign-in, each fetched when first opened: a clerk entering data
 * never downloads the designer's engine nor the dashboards' ECharts (docs/performance.md).
 */
export const Audit = lazyScreen(() => import('../pages/Audit.tsx'), 'Audit');
export const ChangePassword = lazyScreen(() => import('../pages/ChangePassword.tsx'), 'ChangePassword');
export const Dashboards = lazyScreen(() => import('../pages/Dashboards.tsx'), 'Dashboards');
export const DataEntry = lazyScreen(() => import('../pages/DataEntry.tsx'), 'DataEntry');
export const Designer = lazyScreen(() => import('../pages/Designer.tsx'), 'Designer');
export const Facility = lazyScreen(() => import('../pages/Facility.tsx'), 'Facility');
export const FieldVisit = lazyScreen(() => import('../pages/FieldVisit.tsx'), 'FieldVisit');
export const FieldVisits = lazyScreen(() => import('../pages/FieldVisits.tsx'), 'FieldVisits');
export const Funders = lazyScreen(() => import('../pages/Funders.tsx'), 'Funders');
export const Home = lazyScreen(() => import('../pages/Home.tsx'), 'Home');
export const Invoice = lazyScreen(() => import('../pages/Invoice.tsx'), 'Invoice');
export const Invoices = lazyScreen(() => import('../pages/Invoices.tsx'), 'Invoices');
export const NotFound = lazyScreen(() => import('../pages/NotFound.tsx'), 'NotFound');
export const OrgUnits = lazyScreen(() => import('../pages/OrgUnits.tsx'), 'OrgUnits');
export const Payments = lazyScreen(() => import('../pages/Payments.tsx'), 'Payments');
export const PublicResults = lazyScreen(() => import('../pages/PublicResults.tsx'), 'PublicResults');
export const Risk = lazyScreen(() => import('../pages/Risk.tsx'), 'Risk');
export const Users = lazyScreen(() => import('../pages/Users.tsx'), 'Users');
export const Validation = lazyScreen(() => import('../pages/Validation.tsx'), 'Validation');
export const ValidationDetail = lazyScreen(() => import('../pages/ValidationDetail.tsx'), 'ValidationDetail');

/** Each address inside the navigation (Layout) and its screen; SignedInApp makes them routes. */
export const PAGES: readonly (readonly [path: string, LazyScreen])[] = [
  ['', Home],
  ['org-units', OrgUnits],
  ['org-units/:orgUnitId', Facility],
  ['risk', Risk],
  ['designer', Designer],
  ['audit', Audit],
  ['password', ChangePassword],
  ['entry', DataEntry],
  ['validation', Validation],
  ['validation/:orgUnit/:period/:package', ValidationDetail],
  ['invoices', Invoices],
  ['invoices/:invoiceId', Invoice],
  ['payments', Payments],
  ['funders', Funders],
  ['field', FieldVisits],
  ['field/:orgUnitId/:period', FieldVisit],
  ['dashboards', Dashboards],
  ['users', Users],
  // Last: any other address.
  ['*', NotFound],
];

/**
 * The screen at an address, for fetching it while the user signs in, beside the router (which
 * comes with the signed-in screens): the same paths, segment by segment, `:name` for any.
 */
export function screenAt(pathname: string): LazyScreen | undefined {
  const segments = pathname.split('/').filter(Boolean);
  const matches = (path: string) => {
    const pattern = path.split('/').filter(Boolean);
    if (path === '*') return true;
    return pattern.length === segments.length && pattern.every((part, i) => part.startsWith(':') || part === segments[i]);
  };
  return PAGES.find(([path]) => matches(path))?.[1];
}
