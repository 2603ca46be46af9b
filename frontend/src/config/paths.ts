/** Every route of the SPA in one place; staff and organiser sections come with later issues. */
export const paths = {
  offers: { path: '/', href: () => '/' },
  account: { path: '/account', href: () => '/account' },
  tickets: { path: '/tickets', href: () => '/tickets' },
  ticket: { path: '/tickets/:id', href: (id: number) => `/tickets/${id}` },
} as const;
