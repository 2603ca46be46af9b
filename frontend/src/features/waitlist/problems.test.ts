import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, toProblem } from '@/lib/api/errors';
import { i18n } from '@/lib/i18n';
import { typedProblem } from '@/testing/fixtures';
import { describeWaitlistProblem } from './problems';

const t = i18n.t.bind(i18n);

function apiError(slug: string, status: number, detail = 'Detail from the server.') {
  return new ApiError(toProblem(status, '', typedProblem(slug, status, detail)));
}

describe('describeWaitlistProblem (problem type → message)', () => {
  it.each([
    ['places-left', 409, 'Places are left for this day: claim them instead of waiting.', true],
    ['already-waiting', 409, 'You are already on this waiting list', false],
    ['already-exists', 409, 'You already have a ticket for this day', false],
    ['not-eligible', 403, 'Free entries are for residents of the participating territories', true],
    ['email-not-verified', 403, 'Verify your email address first', false],
    ['ballot-edition', 409, 'given by ballot', false],
    ['claim-window-closed', 409, 'its waiting list is closed', true],
    ['validation-failed', 400, 'The party size is not allowed.', true],
    ['forbidden', 403, 'not a resident', false],
    ['unauthenticated', 401, 'Log in again', false],
    ['not-found', 404, 'This offer no longer exists.', false],
  ])('%s (%i): a message of its own, the detail only when it adds to it', (slug, status, message, withDetail) => {
    const text = describeWaitlistProblem(apiError(slug, status), 'join', t);
    expect(text.slug).toBe(slug);
    expect(text.message).toContain(message);
    expect(text.detail).toBe(withDetail ? 'Detail from the server.' : undefined);
  });

  it('reads not-found as no longer waiting when leaving', () => {
    expect(describeWaitlistProblem(apiError('not-found', 404), 'leave', t).message).toMatch(/^You are no longer on this waiting list/);
  });

  it('falls back on the status for an unknown type, and on the kind of error otherwise', () => {
    const unknown = describeWaitlistProblem(apiError('teapot', 418), 'join', t);
    expect(unknown).toEqual({ message: 'The server answered with an error (HTTP 418).', detail: 'Detail from the server.' });
    expect(describeWaitlistProblem(new NetworkError(), 'join', t).message).toMatch(/cannot be reached/);
    expect(describeWaitlistProblem(new Error('x'), 'leave', t).message).toBe('An unexpected error occurred.');
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    expect(describeWaitlistProblem(apiError('places-left', 409), 'join', i18n.t.bind(i18n)).message).toBe(
      'Il reste des places pour ce jour : réservez-les plutôt que d’attendre.',
    );
  });
});
