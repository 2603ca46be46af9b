import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { edition, louvreLens } from '@/testing/fixtures';
import { json, mockFetch, sentRequests } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { OffersSection } from './offers-section';

describe('OffersSection', () => {
  it('keeps a filter picked while the previous one is still loading (the URL is built from the latest filters)', async () => {
    const fetchMock = mockFetch({ 'GET /api/editions/1/offers': () => json([louvreLens]) });
    renderWithProviders(<OffersSection edition={edition} />);
    await screen.findByRole('article', { name: 'Louvre-Lens' });

    // The second change comes before the first one's navigation has rendered (the router renders it
    // in a transition, which a quick second event overtakes): one act, so no render in between.
    act(() => {
      fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2026-03-29' } });
      fireEvent.change(screen.getByLabelText('Territory'), { target: { value: 'GB-KEN' } });
    });

    await waitFor(() => expect(screen.getByLabelText('Territory')).toHaveValue('GB-KEN'));
    expect(screen.getByLabelText('Day')).toHaveValue('2026-03-29');
    await waitFor(() => {
      const last = new URL(sentRequests(fetchMock).at(-1)!.url).searchParams;
      expect(Object.fromEntries(last)).toEqual({ day: '2026-03-29', territory: 'GB-KEN' });
    });
  });

  it('clears every filter with Reset', async () => {
    const fetchMock = mockFetch({ 'GET /api/editions/1/offers': () => json([louvreLens]) });
    renderWithProviders(<OffersSection edition={edition} />, { route: '/?day=2026-03-28&category=MUSEUM' });
    await screen.findByRole('article', { name: 'Louvre-Lens' });
    expect(screen.getByLabelText('Category')).toHaveValue('MUSEUM');

    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    await waitFor(() => expect(screen.getByLabelText('Day')).toHaveValue(''));
    expect(screen.getByLabelText('Category')).toHaveValue('');
    await waitFor(() => expect(new URL(sentRequests(fetchMock).at(-1)!.url).search).toBe(''));
  });
});
