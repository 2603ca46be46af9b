import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PostcodeChange } from '@/lib/api/types';
import { typedProblem } from '@/testing/fixtures';
import { json, mockFetch, problemJson, sentRequests } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { POSTCODE_PATTERN, PostcodeChangeSection } from './postcode-change';

const pending: PostcodeChange = {
  id: 4,
  username: 'resident',
  name: 'Rose Résidente',
  currentPostcode: '62300',
  requestedPostcode: '59000',
  status: 'PENDING',
  reason: null,
  requestedAt: '2026-03-01T09:30:00Z',
  decidedAt: null,
};

describe('PostcodeChangeSection', () => {
  it('asks for a valid postcode, refusing a bad one with its format, and then shows the pending request', async () => {
    let requests: PostcodeChange[] = [];
    const fetchMock = mockFetch({
      'GET /api/me/postcode-change': () => json(requests),
      'POST /api/me/postcode-change': () => {
        requests = [pending];
        return json(pending, 201);
      },
    });
    renderWithProviders(<PostcodeChangeSection username="resident" />);

    const input = await screen.findByLabelText('New postcode');
    await userEvent.type(input, '6220');
    await userEvent.click(screen.getByRole('button', { name: 'Request the change' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a French postcode (5 digits, e.g. 62300)');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(sentRequests(fetchMock).filter((r) => r.method === 'POST')).toHaveLength(0);

    await userEvent.clear(input);
    await userEvent.type(input, '59000');
    await userEvent.click(screen.getByRole('button', { name: 'Request the change' }));
    expect(await screen.findByTestId('postcode-change-pending')).toHaveTextContent(
      'Your request to change your postcode to 59000',
    );
    expect(screen.queryByLabelText('New postcode')).not.toBeInTheDocument();
    const post = sentRequests(fetchMock).find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ postcode: '59000' });
  });

  it('explains that the email address must be verified first', async () => {
    mockFetch({
      'GET /api/me/postcode-change': () => json([]),
      'POST /api/me/postcode-change': () => problemJson(typedProblem('email-not-verified', 403, 'Verify first.'), 403),
    });
    renderWithProviders(<PostcodeChangeSection username="resident" />);
    await userEvent.type(await screen.findByLabelText('New postcode'), 'CT1 2EH');
    await userEvent.click(screen.getByRole('button', { name: 'Request the change' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Verify your email address first');
  });

  it('shows why the last request was rejected, and lets the resident ask again', async () => {
    mockFetch({
      'GET /api/me/postcode-change': () =>
        json([{ ...pending, status: 'REJECTED', reason: 'Proof of address needed', decidedAt: '2026-03-02T10:00:00Z' }]),
    });
    renderWithProviders(<PostcodeChangeSection username="resident" />);
    expect(await screen.findByText(/was not approved: Proof of address needed/)).toBeInTheDocument();
    expect(screen.getByLabelText('New postcode')).toBeInTheDocument();
  });

  it.each([
    ['62300', true],
    ['62 300', true],
    ['CT1 2EH', true],
    ['ct12eh', true],
    ['6220', false],
    ['623000', false],
    ['ABCDE', false],
  ])('the postcode format accepts %s: %s', (postcode, valid) => {
    expect(POSTCODE_PATTERN.test(postcode)).toBe(valid);
  });
});
