import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PostcodeChange } from '@/lib/api/types';
import { json, mockFetch, sentRequests } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { PostcodeChangesPanel } from './postcode-changes-panel';

const change: PostcodeChange = {
  id: 4,
  username: 'camille',
  name: 'Camille Lefebvre',
  currentPostcode: '62300',
  requestedPostcode: '59000',
  status: 'PENDING',
  reason: null,
  requestedAt: '2026-03-01T09:30:00Z',
  decidedAt: null,
};

describe('PostcodeChangesPanel', () => {
  it('approves a pending request', async () => {
    let pending = [change];
    const fetchMock = mockFetch({
      'GET /api/admin/postcode-changes': () => json(pending),
      'POST /api/admin/postcode-changes/4/approve': () => {
        pending = [];
        return json({ ...change, status: 'APPROVED' });
      },
      'GET /api/admin/audit': () => json([]),
    });
    renderWithProviders(<PostcodeChangesPanel />);
    const row = within(await screen.findByTestId('postcode-changes-table')).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Camille Lefebvre (camille)');
    expect(row).toHaveTextContent('62300');
    expect(row).toHaveTextContent('59000');
    await userEvent.click(within(row).getByRole('button', { name: 'Approve the change of camille to 59000' }));
    expect(await screen.findByText('No request is waiting.')).toBeInTheDocument();
    expect(sentRequests(fetchMock).some((r) => r.method === 'POST' && r.url.endsWith('/4/approve'))).toBe(true);
  });

  it('rejects with a reason', async () => {
    const fetchMock = mockFetch({
      'GET /api/admin/postcode-changes': () => json([change]),
      'POST /api/admin/postcode-changes/4/reject': () => json({ ...change, status: 'REJECTED', reason: 'No proof' }),
      'GET /api/admin/audit': () => json([]),
    });
    renderWithProviders(<PostcodeChangesPanel />);
    await userEvent.click(await screen.findByRole('button', { name: 'Reject the change of camille to 59000' }));
    const confirm = screen.getByRole('button', { name: 'Reject the request' });
    expect(confirm).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Reason for rejecting (sent to the resident)'), 'No proof');
    await userEvent.click(confirm);
    const post = await waitForPost(fetchMock);
    expect(await post.json()).toEqual({ reason: 'No proof' });
  });
});

async function waitForPost(fetchMock: ReturnType<typeof mockFetch>) {
  for (let i = 0; i < 100; i++) {
    const post = sentRequests(fetchMock).find((r) => r.method === 'POST');
    if (post) return post;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no POST sent');
}
