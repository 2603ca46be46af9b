import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, toProblem } from '@/lib/api/errors';
import { i18n } from '@/lib/i18n';
import { typedProblem } from '@/testing/fixtures';
import { describeProblem } from './problems';

const t = i18n.t.bind(i18n);

function apiError(slug: string, status: number, detail = 'Detail from the server.') {
  return new ApiError(toProblem(status, '', typedProblem(slug, status, detail)));
}

describe('describeProblem (problem type → message)', () => {
  it.each([
    ['not-eligible', 403, 'Free entries are for residents of the participating territories', true],
    ['email-not-verified', 403, 'Verify your email address first', false],
    ['claim-window-closed', 409, 'Claims are closed for this day.', true],
    ['limit-reached', 409, 'You have reached a limit', true],
    ['sold-out', 409, 'Not enough places are left for your party.', true],
    ['validation-failed', 400, 'The party size is not allowed.', true],
    ['idempotency-key-reused', 422, 'This claim clashed with an earlier one.', false],
    ['forbidden', 403, 'it is not a resident', false],
    ['unauthenticated', 401, 'Your session has ended. Log in again', false],
    ['not-found', 404, 'This offer no longer exists.', false],
    ['ticket-cancelled', 409, 'This ticket is already cancelled.', false],
    ['cancel-too-late', 409, 'It is too late to cancel this ticket', true],
  ])('%s (%i): a message of its own, the detail only when it adds to it', (slug, status, message, withDetail) => {
    const text = describeProblem(apiError(slug, status), 'claim', t);
    expect(text.slug).toBe(slug);
    expect(text.message).toContain(message);
    expect(text.detail).toBe(withDetail ? 'Detail from the server.' : undefined);
  });

  it('reads not-found as a missing ticket on the ticket page', () => {
    expect(describeProblem(apiError('not-found', 404), 'ticket', t).message).toBe(
      'This ticket does not exist, or it is not yours.',
    );
  });

  it('says how many places are left once the offer shows fewer than asked for', () => {
    const error = apiError('sold-out', 409, 'Only 1 place left at Louvre-Lens on 2026-03-28: not enough for a party of 3.');
    expect(describeProblem(error, 'claim', t, { partySize: 3, remaining: 1 }).message).toBe(
      'Only 1 place is left: choose a smaller party.',
    );
    expect(describeProblem(error, 'claim', t, { partySize: 3, remaining: 0 }).message).toBe(
      'No places are left: this attraction is fully booked for this day.',
    );
    // The offers not refreshed yet (7 places shown): no number we cannot trust.
    expect(describeProblem(error, 'claim', t, { partySize: 3, remaining: 7 }).message).toBe(
      'Not enough places are left for your party.',
    );
  });

  it('falls back to the status and the detail for a type it does not know', () => {
    const error = new ApiError(toProblem(500, 'Internal Server Error', typedProblem('internal-error', 500, 'Boom.')));
    expect(describeProblem(error, 'claim', t)).toEqual({
      message: 'The server answered with an error (HTTP 500).',
      detail: 'Boom.',
    });
    const html = new ApiError(toProblem(502, 'Bad Gateway', '<html>'));
    expect(describeProblem(html, 'claim', t)).toEqual({
      message: 'The server answered with an error (HTTP 502).',
      detail: undefined,
    });
  });

  it('tells a claim without an answer that trying again is safe', () => {
    expect(describeProblem(new NetworkError(), 'claim', t).message).toContain('you will not get two tickets');
    expect(describeProblem(new NetworkError(), 'ticket', t).message).toBe(
      'The server cannot be reached. Check your connection and try again.',
    );
    expect(describeProblem(new Error('?'), 'claim', t).message).toBe('An unexpected error occurred.');
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    expect(describeProblem(apiError('sold-out', 409), 'claim', t).message).toBe(
      'Il ne reste pas assez de places pour votre groupe.',
    );
    expect(describeProblem(apiError('limit-reached', 409), 'claim', t).message).toMatch(/^Vous avez atteint une limite/);
  });
});
