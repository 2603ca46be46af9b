import type { TFunction } from 'i18next';
import { ApiError, NetworkError, problemSlug } from '@/lib/api/errors';

/** What was being done when the problem came: the same type can read differently. */
export type ProblemContext = 'claim' | 'ticket';

import type { ProblemText } from '@/components/ui/problem-alert';

export type { ProblemText };

/** Problem types whose detail says more than our message: the numbers, the dates, which limit. */
const DETAIL_ADDS = new Set([
  'not-eligible',
  'claim-window-closed',
  'limit-reached',
  'sold-out',
  'validation-failed',
  'cancel-too-late',
]);

type Extra = {
  /** The party size that was asked for, and the places now known to be left (sold-out). */
  partySize?: number;
  remaining?: number;
};

function soldOut(t: TFunction, { partySize, remaining }: Extra): string {
  if (remaining === 0) return t('tickets.problem.soldOutFull');
  // Only trust the places left once they are fewer than asked for: until the offers have been
  // refreshed they still show the number from before the claim.
  if (remaining !== undefined && partySize !== undefined && remaining < partySize) {
    return t('tickets.problem.soldOutRemaining', { count: remaining });
  }
  return t('tickets.problem.soldOut');
}

/** The message of a known problem type; undefined for a type this client does not know. */
function messageFor(slug: string | undefined, context: ProblemContext, t: TFunction, extra: Extra): string | undefined {
  switch (slug) {
    case 'not-eligible':
      return t('tickets.problem.notEligible');
    case 'email-not-verified':
      return t('tickets.problem.emailNotVerified');
    case 'claim-window-closed':
      return t('tickets.problem.claimWindowClosed');
    case 'limit-reached':
      return t('tickets.problem.limitReached');
    case 'sold-out':
      return soldOut(t, extra);
    case 'validation-failed':
      return t('tickets.problem.validationFailed');
    case 'idempotency-key-reused':
      return t('tickets.problem.idempotencyKeyReused');
    case 'forbidden':
      return t('tickets.problem.forbidden');
    case 'unauthenticated':
      return t('tickets.problem.unauthenticated');
    case 'not-found':
      return context === 'claim' ? t('tickets.problem.offerNotFound') : t('tickets.problem.ticketNotFound');
    case 'ticket-cancelled':
      return t('tickets.problem.ticketCancelled');
    case 'cancel-too-late':
      return t('tickets.problem.cancelTooLate');
    default:
      return undefined;
  }
}

/** The localized message for any error of a claim or a ticket action: by problem type, else by kind. */
export function describeProblem(error: unknown, context: ProblemContext, t: TFunction, extra: Extra = {}): ProblemText {
  if (error instanceof ApiError) {
    const slug = problemSlug(error);
    const message = messageFor(slug, context, t, extra);
    const detail = error.problem.detail.trim() || undefined;
    if (message === undefined) return { message: t('error.http', { status: error.status }), detail };
    return { message, detail: slug && DETAIL_ADDS.has(slug) ? detail : undefined, slug };
  }
  if (error instanceof NetworkError) {
    return { message: context === 'claim' ? t('tickets.problem.claimNetwork') : t('error.network') };
  }
  return { message: t('error.unexpected') };
}
