import { useState } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { paths } from '@/config/paths';
import { AccountRoute } from './routes/account';
import { NotFoundRoute } from './routes/not-found';
import { OffersRoute } from './routes/offers';
import { RootErrorBoundary, RootRoute } from './routes/root';
import { TicketRoute } from './routes/ticket';
import { TicketsRoute } from './routes/tickets';

// Staff (door scanning) and organiser (dashboard) sections will be added as children here,
// behind a role guard using useAuth().hasRole('staff' | 'organiser').
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootRoute />,
    errorElement: <RootErrorBoundary />,
    children: [
      { index: true, element: <OffersRoute /> },
      { path: paths.account.path, element: <AccountRoute /> },
      { path: paths.tickets.path, element: <TicketsRoute /> },
      { path: paths.ticket.path, element: <TicketRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
