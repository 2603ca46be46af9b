import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { ballotEdition, reportAfter, reportBefore } from '../testing/fixtures';
import { DrawPage } from './draw-page';

// jsdom has no object URLs: stand-ins for the download, put back after each test.
const objectUrls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
afterEach(() => {
  URL.createObjectURL = objectUrls.create;
  URL.revokeObjectURL = objectUrls.revoke;
  vi.restoreAllMocks();
});

describe('DrawPage', () => {
  it('before the draw, publishes the commitment and the public value source, without login', async () => {
    const fetchMock = mockFetch({
      'GET /api/editions/1/draw': () => json(reportBefore),
      'GET /api/editions': () => json([ballotEdition]),
    });
    renderWithProviders(<DrawPage editionId={1} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'The draw: Grand Jour 2026' })).toBeInTheDocument();
    const report = await screen.findByTestId('draw-report');
    expect(report).toHaveTextContent('Applications are open.');
    expect(within(report).getByText(reportBefore.commitment)).toBeInTheDocument();
    expect(report).toHaveTextContent('EuroMillions of 13 March 2026');
    expect(within(report).queryByText('Seed')).not.toBeInTheDocument();
    expect(within(report).queryByRole('button', { name: /Download/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'How to check it' })).toBeInTheDocument();
    expect(sentRequests(fetchMock).every((r) => !r.headers.has('Authorization'))).toBe(true);
  });

  it('after the draw, gives the seed, public value, hashes, figures, odds per territory and the files', async () => {
    const fetchMock = mockFetch({
      'GET /api/editions/1/draw': () => json(reportAfter),
      'GET /api/editions': () => json([ballotEdition]),
      'GET /api/editions/1/draw/result': () =>
        new Response('{"positions":[]}', {
          headers: { 'Content-Type': 'application/json', 'Content-Disposition': 'attachment; filename="result-1.json"' },
        }),
    });
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderWithProviders(<DrawPage editionId={1} />);
    const report = await screen.findByTestId('draw-report');
    expect(report).toHaveTextContent('The draw has been made.');
    for (const value of [reportAfter.seed!, reportAfter.snapshotHash!, reportAfter.resultHash!, reportAfter.publicValue!]) {
      expect(within(report).getByText(value)).toBeInTheDocument();
    }
    const table = within(report).getByRole('table', { name: 'Odds per territory of the applicants' });
    expect(within(table).getByRole('row', { name: 'FR-62 100 30 30%' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'Outside every territory 20 10 50%' })).toBeInTheDocument();
    expect(within(report).getByText('Applications drawn').nextElementSibling).toHaveTextContent('120');
    expect(report).toHaveTextContent('duplicate: 2');
    expect(within(report).getByText(reportAfter.verify!)).toBeInTheDocument();

    expect(within(report).getByRole('button', { name: 'Download the snapshot (snapshot.json)' })).toBeEnabled();
    await userEvent.click(within(report).getByRole('button', { name: 'Download the result (result.json)' }));
    await vi.waitFor(() => expect(saved).toEqual(['result-1.json']));
    expect(sentRequests(fetchMock).some((r) => new URL(r.url).pathname === '/api/editions/1/draw/result')).toBe(true);
  });

  it('says what went wrong for an edition without a ballot, in French', async () => {
    await i18n.changeLanguage('fr');
    mockFetch({
      'GET /api/editions/9/draw': () => problemJson(typedProblem('first-come-edition', 409, 'Edition 9 has no ballot.'), 409),
      'GET /api/editions': () => json([]),
    });
    renderWithProviders(<DrawPage editionId={9} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Le tirage au sort : édition' })).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('Edition 9 has no ballot.');
  });
});
