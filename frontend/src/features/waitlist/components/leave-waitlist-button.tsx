import { useEffect, useRef } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { useAuth } from '@/lib/auth';
import { useFormat } from '@/lib/i18n';
import { useLeaveWaitlist } from '../api/leave-waitlist';
import type { WaitlistEntry } from '../api/get-my-waitlist';
import { describeWaitlistProblem } from '../problems';
import { ProblemAlert } from '@/components/ui/problem-alert';

type Props = {
  entry: WaitlistEntry;
  /** Called once the server has taken the party off the list. */
  onLeft: () => void;
};

/** "Leave the list", named after its attraction and day (many such buttons on one page), and its problem if refused. */
export function LeaveWaitlistButton({ entry, onLeft }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { username } = useAuth();
  const leave = useLeaveWaitlist(username);
  const alertRef = useRef<HTMLDivElement>(null);
  const { offer } = entry;

  useEffect(() => {
    if (leave.error) alertRef.current?.focus();
  }, [leave.error]);

  const problem = leave.isError ? describeWaitlistProblem(leave.error, 'leave', t) : null;
  return (
    <>
      <button
        type="button"
        className="button button--secondary waitlist__leave"
        disabled={leave.isPending}
        onClick={() => leave.mutate(offer.id, { onSuccess: onLeft })}
      >
        {leave.isPending ? t('waitlist.leaving') : t('waitlist.leave')}{' '}
        <span className="visually-hidden">
          {t('waitlist.target', {
            name: format.localized(offer.attraction.name),
            day: format.day(offer.day, { weekday: 'long', day: 'numeric', month: 'long' }),
          })}
        </span>
      </button>
      {problem && <ProblemAlert ref={alertRef} problem={problem} />}
    </>
  );
}
