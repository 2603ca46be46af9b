/** Every route of the SPA in one place. */
export const paths = {
  offers: { path: '/', href: () => '/' },
  account: { path: '/account', href: () => '/account' },
  tickets: { path: '/tickets', href: () => '/tickets' },
  ticket: { path: '/tickets/:id', href: (id: number) => `/tickets/${id}` },
  /** A one-click link from a reminder mail (release or confirm a ticket), without logging in. */
  ticketLink: { path: '/links/:token', href: (token: string) => `/links/${token}` },
  /** The organisers' live dashboard (?edition=<slug>&territory=&day=). */
  dashboard: { path: '/dashboard', href: () => '/dashboard' },
  /** Administration (organisers): territories, staff... */
  admin: { path: '/admin', href: () => '/admin' },
  /** The public report of an edition's ballot draw (no login). */
  draw: { path: '/editions/:id/draw', href: (id: number) => `/editions/${id}/draw` },
  /** The door scanner (staff and organisers). */
  scan: { path: '/scan', href: () => '/scan' },
} as const;
