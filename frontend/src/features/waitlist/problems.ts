import type { TFunction } from 'i18next';
import { ApiError, NetworkError, problemSlug } from '@/lib/api/errors';

/** Joining a list, or leaving it: the same type can read differently. */
export type WaitlistAction = 'join' | 'leave';

import type { ProblemText } from '@/components/ui/problem-alert';

export type { ProblemText };

/** Problem types whose detail says more than our message: the numbers, the dates, which rule. */
const DETAIL_ADDS = new Set(['places-left', 'not-eligible', 'claim-window-closed', 'validation-failed']);

function messageFor(slug: string | undefined, action: WaitlistAction, t: TFunction): string | undefined {
  switch (slug) {
    case 'places-left':
      return t('waitlist.problem.placesLeft');
    case 'already-waiting':
      return t('waitlist.problem.alreadyWaiting');
    case 'already-exists':
      return t('waitlist.problem.alreadyExists');
    case 'not-eligible':
      return t('waitlist.problem.notEligible');
    case 'email-not-verified':
      return t('waitlist.problem.emailNotVerified');
    case 'ballot-edition':
      return t('waitlist.problem.ballotEdition');
    case 'claim-window-closed':
      return t('waitlist.problem.windowClosed');
    case 'validation-failed':
      return t('waitlist.problem.validationFailed');
    case 'forbidden':
      return t('waitlist.problem.forbidden');
    case 'unauthenticated':
      return t('waitlist.problem.unauthenticated');
    case 'not-found':
      return action === 'join' ? t('waitlist.problem.offerNotFound') : t('waitlist.problem.notWaiting');
    default:
      return undefined;
  }
}

/** The localized message for any error of joining or leaving a waiting list: by problem type, else by kind. */
export function describeWaitlistProblem(error: unknown, action: WaitlistAction, t: TFunction): ProblemText {
  if (error instanceof ApiError) {
    const slug = problemSlug(error);
    const message = messageFor(slug, action, t);
    const detail = error.problem.detail.trim() || undefined;
    if (message === undefined) return { message: t('error.http', { status: error.status }), detail };
    return { message, detail: slug && DETAIL_ADDS.has(slug) ? detail : undefined, slug };
  }
  if (error instanceof NetworkError) return { message: t('error.network') };
  return { message: t('error.unexpected') };
}
