import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TicketLink } from '@/lib/api/types';
import { louvreLens, typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { TicketLinkPanel } from './ticket-link-panel';

const TOKEN = 'a'.repeat(43);
const releaseLink: TicketLink = {
  action: 'RELEASE',
  expiresAt: '2999-03-28T09:00:00Z',
  usedAt: null,
  ticketStatus: 'ACTIVE',
  partySize: 2,
  confirmedAt: null,
  offer: louvreLens,
};

describe('TicketLinkPanel', () => {
  it('says what the link will do and does it only on a click, without logging in', async () => {
    const fetchMock = mockFetch({
      [`GET /api/ticket-links/${TOKEN}`]: () => json(releaseLink),
      [`POST /api/ticket-links/${TOKEN}`]: () =>
        json({ ...releaseLink, usedAt: '2999-03-20T10:00:00Z', ticketStatus: 'CANCELLED' }),
    });
    renderWithProviders(<TicketLinkPanel token={TOKEN} />);

    expect(await screen.findByRole('heading', { level: 1, name: "Can't come after all?" })).toBeInTheDocument();
    expect(screen.getByText(/Your free entries at Louvre-Lens on .*28 March.*, for 2 people\./)).toBeInTheDocument();
    expect(sentRequests(fetchMock).filter((r) => r.method === 'POST')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Release my ticket' }));
    expect(await screen.findByText(/Your ticket is released/)).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Release my ticket' })).not.toBeInTheDocument();
    const posts = sentRequests(fetchMock).filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.get('Authorization')).toBeNull();
  });

  it('tells a used or expired link apart from an invalid one', async () => {
    mockFetch({
      [`GET /api/ticket-links/${TOKEN}`]: () => json(releaseLink),
      [`POST /api/ticket-links/${TOKEN}`]: () => problemJson(typedProblem('link-gone', 410, 'This link was already used.'), 410),
    });
    renderWithProviders(<TicketLinkPanel token={TOKEN} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Release my ticket' }));
    expect(await screen.findByText(/already been used or has expired/)).toBeInTheDocument();
  });

  it('says so when the link does not exist', async () => {
    mockFetch({ 'GET /api/ticket-links/nonsense': () => problemJson(typedProblem('not-found', 404, 'This link is not valid.'), 404) });
    renderWithProviders(<TicketLinkPanel token="nonsense" />);
    expect(await screen.findByText(/This link is not valid/)).toBeInTheDocument();
  });

  it('confirms in French', async () => {
    const { i18n } = await import('@/lib/i18n');
    await i18n.changeLanguage('fr');
    mockFetch({
      [`GET /api/ticket-links/${TOKEN}`]: () => json({ ...releaseLink, action: 'CONFIRM' }),
      [`POST /api/ticket-links/${TOKEN}`]: () => json({ ...releaseLink, action: 'CONFIRM', usedAt: '2999-03-20T10:00:00Z', confirmedAt: '2999-03-20T10:00:00Z' }),
    });
    renderWithProviders(<TicketLinkPanel token={TOKEN} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Oui, nous venons' }));
    expect(await screen.findByText(/vous êtes attendus/)).toBeInTheDocument();
  });
});
