import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import userEvent from '@testing-library/user-event';
import { OFFERS_PER_DAY_SHOWN } from '@/config/settings';
import { base1119, louvreLens, offer, problem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { OffersList } from './offers-list';

describe('OffersList', () => {
  it('shows the places left of each offer and the sold-out state', async () => {
    mockFetch({ 'GET /api/editions/1/offers': () => json([louvreLens, base1119]) });
    renderWithProviders(<OffersList editionId={1} filters={{}} />);

    const louvre = await screen.findByRole('article', { name: 'Louvre-Lens' });
    expect(within(louvre).getByText('7 places left of 20')).toBeInTheDocument();
    expect(within(louvre).getByText('Museum')).toBeInTheDocument();
    expect(within(louvre).getByText(/^Saturday,? 28 March 2026$/)).toBeInTheDocument();

    const base = screen.getByRole('article', { name: 'Base 11/19' });
    expect(within(base).getByText('Sold out')).toBeInTheDocument();
    expect(within(base).queryByText(/places left/)).not.toBeInTheDocument();
    expect(screen.getByText('2 offers')).toBeInTheDocument();
  });

  it('groups the offers by day, names in the language\'s order, a few per day then "show more"', async () => {
    const named = (id: number, day: string, en: string, fr = en) =>
      offer({ id, day, attraction: { ...louvreLens.attraction, id, name: { fr, en } } });
    const many = Array.from({ length: OFFERS_PER_DAY_SHOWN + 2 }, (_, i) => named(100 + i, '2026-03-29', `Site ${String(i + 1).padStart(2, '0')}`));
    mockFetch({
      'GET /api/editions/1/offers': () =>
        // the server sorts by French name: "Zoo" / "Écomusée" in English order here
        json([named(1, '2026-03-28', 'Zoo', 'Zoo'), named(2, '2026-03-28', 'Eco-museum', 'Écomusée'), ...many]),
    });
    renderWithProviders(<OffersList editionId={1} filters={{}} />);

    const first = await screen.findByRole('region', { name: /^Saturday,? 28 March \(2 offers\)$/ });
    expect(within(first).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Eco-museum', 'Zoo']);
    const second = screen.getByRole('region', { name: /^Sunday,? 29 March \(8 offers\)$/ });
    // drawn a few at a time (the first screen first), up to the first few of each day
    await waitFor(() => expect(within(second).getAllByRole('article')).toHaveLength(OFFERS_PER_DAY_SHOWN));
    const more = within(second).getByRole('button', { name: /^Show 2 more offers on Sunday,? 29 March \(2 left\)$/ });
    await userEvent.click(more);
    expect(within(second).getAllByRole('article')).toHaveLength(OFFERS_PER_DAY_SHOWN + 2);
    expect(within(second).queryByRole('button', { name: /^Show/ })).not.toBeInTheDocument();
    // the focus goes to the first card it brought
    expect(within(second).getByRole('heading', { level: 4, name: `Site ${String(OFFERS_PER_DAY_SHOWN + 1).padStart(2, '0')}` })).toHaveFocus();
  });

  it('draws a new card action on every card, the first cards first', async () => {
    const many = Array.from({ length: 10 }, (_, i) =>
      offer({ id: 200 + i, day: '2026-03-28', attraction: { ...louvreLens.attraction, id: 200 + i, name: { fr: `Site ${i}`, en: `Site ${i}` } } }),
    );
    mockFetch({ 'GET /api/editions/1/offers': () => json(many) });
    const action = (label: string) => (o: { id: number }) => <span data-testid={`action-${o.id}`}>{label}</span>;
    const { rerender } = renderWithProviders(<OffersList editionId={1} filters={{}} renderOfferAction={action('before')} />);
    await waitFor(() => expect(screen.getAllByText('before')).toHaveLength(OFFERS_PER_DAY_SHOWN));

    rerender(<OffersList editionId={1} filters={{}} renderOfferAction={action('after')} />);
    await waitFor(() => expect(screen.getAllByText('after')).toHaveLength(OFFERS_PER_DAY_SHOWN));
    expect(screen.queryByText('before')).not.toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(OFFERS_PER_DAY_SHOWN);
  });

  it('speaks French when the language is French', async () => {
    await i18n.changeLanguage('fr');
    mockFetch({ 'GET /api/editions/1/offers': () => json([louvreLens, base1119, { ...louvreLens, id: 13, remaining: 1 }]) });
    renderWithProviders(<OffersList editionId={1} filters={{}} />);

    expect(await screen.findByText('7 places restantes sur 20')).toBeInTheDocument();
    expect(screen.getByText('1 place restante sur 20')).toBeInTheDocument();
    expect(screen.getByText('Complet')).toBeInTheDocument();
  });

  it('keeps the details (description, address, accessibility) in a keyboard disclosure', async () => {
    mockFetch({ 'GET /api/editions/1/offers': () => json([louvreLens]) });
    renderWithProviders(<OffersList editionId={1} filters={{}} />);
    const summary = await screen.findByText('Details');
    const details = summary.closest('details')!;
    expect(details).not.toHaveAttribute('open');
    // Rendered once opened (not before: fewer nodes on the first render).
    expect(within(details).queryByText('The Louvre museum in Lens.')).not.toBeInTheDocument();
    await userEvent.click(summary); // jsdom opens it on a click, not on Enter (the e2e spec checks the keyboard)
    expect(details).toHaveAttribute('open');
    expect(await within(details).findByText('The Louvre museum in Lens.')).toBeInTheDocument();
    expect(within(details).getByText('99 rue Paul Bert, 62300 Lens')).toBeInTheDocument();
    expect(within(details).getByText('Wheelchair accessible.')).toBeInTheDocument();
  });

  it('sends the filters as query parameters and says when nothing matches', async () => {
    const fetchMock = mockFetch({ 'GET /api/editions/1/offers': () => json([]) });
    renderWithProviders(<OffersList editionId={1} filters={{ day: '2026-03-29', territory: 'GB-KEN' }} />);
    expect(await screen.findByText('No attraction matches these filters.')).toBeInTheDocument();
    expect(new URL(sentRequests(fetchMock)[0]!.url).search).toBe('?day=2026-03-29&territory=GB-KEN');
  });

  it("shows the server's problem detail", async () => {
    mockFetch({ 'GET /api/editions/1/offers': () => problemJson(problem(404, 'There is no edition 1'), 404) });
    renderWithProviders(<OffersList editionId={1} filters={{}} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('There is no edition 1');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('says when the server cannot be reached', async () => {
    mockFetch({
      'GET /api/editions/1/offers': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    renderWithProviders(<OffersList editionId={1} filters={{}} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The server cannot be reached');
  });
});
