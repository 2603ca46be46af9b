import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from '@/lib/query-keys';
import { activeTicket } from '@/testing/fixtures';
import { json, mockFetch } from '@/testing/mock-fetch';
import { entry } from '../testing/entries';
import { getMyWaitlistQueryOptions, newlyServed } from './get-my-waitlist';

describe('the user waiting lists query', () => {
  it('tells a newly served entry from one served before, or a first load', () => {
    const waiting = entry({ id: 1 });
    const served = { ...waiting, status: 'SERVED', ticketId: 9 };
    expect(newlyServed(undefined, [served])).toBe(false);
    expect(newlyServed([waiting], [served])).toBe(true);
    expect(newlyServed([served], [served])).toBe(false);
    expect(newlyServed([waiting], [waiting])).toBe(false);
  });

  it('refreshes the tickets when a place came free for the user', async () => {
    let entries = [entry({ id: 1 })];
    mockFetch({ 'GET /api/me/waitlist': () => json(entries) });
    const client = new QueryClient();
    const ticketsKey = [...queryKeys.userTickets('resident'), 'list'];
    client.setQueryData(ticketsKey, [activeTicket]);
    await client.fetchQuery(getMyWaitlistQueryOptions('resident'));
    expect(client.getQueryState(ticketsKey)?.isInvalidated).toBe(false);

    entries = [{ ...entries[0]!, status: 'SERVED', ticketId: 9 }];
    await client.fetchQuery({ ...getMyWaitlistQueryOptions('resident'), staleTime: 0 });
    expect(client.getQueryState(ticketsKey)?.isInvalidated).toBe(true);
  });
});
