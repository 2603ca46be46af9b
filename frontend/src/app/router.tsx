import { lazy } from 'react';
import { BrowserRouter, useLocation, useRoutes, type RouteObject } from '@/lib/router';
import { paths } from '@/config/paths';
import { loadMoreTexts } from '@/lib/i18n';
import { lazyPage } from './lazy-page';
import { NotFoundRoute } from './routes/not-found';
import { OffersRoute } from './routes/offers';
import { RootErrorBoundary, RootRoute } from './routes/root';

/** A page whose texts are in the `more` part (src/lib/i18n/text-parts.ts): its chunk and those texts. */
const withMoreTexts = <T,>(page: Promise<T>): Promise<T> => Promise.all([page, loadMoreTexts()]).then(([module]) => module);

// The door scanner is a chunk of its own (with its QR reader and the zxing WebAssembly, loaded when
// the camera starts): residents never download it. The layout's <Suspense> shows Loading meanwhile.
const ScanRoute = lazy(() => withMoreTexts(import('./routes/scan')).then((m) => ({ default: m.ScanRoute })));
// The organisers' dashboard too (charts, tables, live stream): a chunk only organisers load.
const DashboardRoute = lazy(() => withMoreTexts(import('./routes/dashboard')).then((m) => ({ default: m.DashboardRoute })));
// Administration too (organisers only).
const AdminRoute = lazy(() => withMoreTexts(import('./routes/admin')).then((m) => ({ default: m.AdminRoute })));
// Every other page but the home page too: the first screen (the offers) loads only what it shows.
const AccountRoute = lazy(() => withMoreTexts(import('./routes/account')).then((m) => ({ default: m.AccountRoute })));
const DrawRoute = lazy(() => import('./routes/draw').then((m) => ({ default: m.DrawRoute })));
// Loaded ahead as the app starts on a ticket's address (first-screen.ts).
export const TicketRoute = lazyPage(() => import('./routes/ticket'), (m) => m.TicketRoute);
const TicketLinkRoute = lazy(() => import('./routes/ticket-link').then((m) => ({ default: m.TicketLinkRoute })));
const TicketsRoute = lazy(() => import('./routes/tickets').then((m) => ({ default: m.TicketsRoute })));

// Role-restricted pages guard themselves (useAuth().hasRole) and say who they are for.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootRoute />,
    children: [
      { index: true, element: <OffersRoute /> },
      { path: paths.account.path, element: <AccountRoute /> },
      { path: paths.tickets.path, element: <TicketsRoute /> },
      { path: paths.ticket.path, element: <TicketRoute /> },
      { path: paths.ticketLink.path, element: <TicketLinkRoute /> },
      { path: paths.scan.path, element: <ScanRoute /> },
      { path: paths.dashboard.path, element: <DashboardRoute /> },
      { path: paths.admin.path, element: <AdminRoute /> },
      { path: paths.draw.path, element: <DrawRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

/** The page of the URL; one that fails to render shows what went wrong in the layout, until the next navigation. */
function AppRoutes() {
  const location = useLocation();
  const page = useRoutes(routes);
  return <RootErrorBoundary location={location}>{page}</RootErrorBoundary>;
}

// The app's own router (src/lib/router.tsx): declarative routes, no loaders or actions, 2 KB where
// React Router was 35 on every page.
export function AppRouter() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
