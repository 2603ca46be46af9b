// Query keys shared by more than one feature: a feature that changes data another feature shows
// (a claim changes the places left of the offers) invalidates it through these, never by importing it.

export const queryKeys = {
  /** The editions list (public), which the administration changes. */
  editions: () => ['editions'] as const,
  /** Every offers list of an edition, whatever its filters. */
  offers: (editionId: number) => ['editions', editionId, 'offers'] as const,
  /** Everything about tickets (lists, single tickets, QR images), of every user. */
  tickets: () => ['tickets'] as const,
  /** The tickets of one user: the user keys the cache, so another login never sees them. */
  userTickets: (username: string) => ['tickets', username] as const,
};

/** Matches the ticket queries whose data a claim or a cancellation changes (not the QR images, which never change). */
export function isChangingTicketData(query: { queryKey: readonly unknown[] }): boolean {
  return query.queryKey[0] === queryKeys.tickets()[0] && !query.queryKey.includes('qr');
}
