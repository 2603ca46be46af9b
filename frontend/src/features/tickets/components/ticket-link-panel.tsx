import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { Link } from '@/lib/router';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { problemSlug } from '@/lib/api/errors';
import type { TicketLink } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';
import { useTicketLink, useTicketLinkAction } from '../api/ticket-link';
import { DocumentTitle } from '@/components/ui/document-title';

/**
 * A link from a reminder mail: says what it will do to which ticket, and does it on a click (never on
 * opening the page), without logging in.
 */
export function TicketLinkPanel({ token }: { token: string }) {
  const { t } = useTranslation();
  const link = useTicketLink(token);

  if (link.isPending) {
    return (
      <>
        <h1>{t('tickets.link.title')}</h1>
        <Loading />
      </>
    );
  }
  if (!link.data) {
    return (
      <>
        <h1>{t('tickets.link.title')}</h1>
        {problemSlug(link.error) === 'not-found' ? (
          <p className="empty-state">{t('tickets.link.invalid')}</p>
        ) : (
          <ErrorState error={link.error} onRetry={() => void link.refetch()} />
        )}
      </>
    );
  }
  return <LinkAction token={token} link={link.data} />;
}

function LinkAction({ token, link }: { token: string; link: TicketLink }) {
  const { t } = useTranslation();
  const format = useFormat();
  const act = useTicketLinkAction(token);
  const [openedAt] = useState(() => Date.now());
  const resultRef = useRef<HTMLParagraphElement>(null);
  const name = format.localized(link.offer.attraction.name);
  const visit = t('tickets.link.visit', { name, day: format.day(link.offer.day), count: link.partySize });
  const release = link.action === 'RELEASE';
  const used = Boolean(link.usedAt);
  const expired = !used && Date.parse(link.expiresAt) <= openedAt;
  const released = link.ticketStatus === 'CANCELLED';
  const slug = problemSlug(act.error);

  useEffect(() => {
    if (act.isSuccess || act.isError) resultRef.current?.focus();
  }, [act.isSuccess, act.isError]);

  let state: string | undefined;
  if (act.isSuccess || used) state = release ? t('tickets.link.released') : t('tickets.link.confirmed');
  else if (slug === 'link-gone' || expired) state = t('tickets.link.gone');
  else if (released || slug === 'ticket-cancelled') state = t('tickets.link.alreadyReleased');
  else if (slug === 'cancel-too-late') state = t('tickets.link.tooLate');
  const done = state !== undefined;

  return (
    <section className="card ticket-link" aria-labelledby="ticket-link-title">
      <DocumentTitle>{`${t(release ? 'tickets.link.releaseTitle' : 'tickets.link.confirmTitle')} · ${t('app.name')}`}</DocumentTitle>
      <h1 id="ticket-link-title">{t(release ? 'tickets.link.releaseTitle' : 'tickets.link.confirmTitle')}</h1>
      <p>{visit}</p>
      {!done && (
        <>
          <p>
            {release
              ? t('tickets.link.releaseText', { until: format.dateTime(link.expiresAt, link.offer.timeZone) })
              : t('tickets.link.confirmText')}
          </p>
          <button
            type="button"
            className={release ? 'button button--danger' : 'button'}
            onClick={() => act.mutate()}
            disabled={act.isPending}
          >
            {act.isPending ? t('tickets.link.working') : t(release ? 'tickets.link.release' : 'tickets.link.confirm')}
          </button>
        </>
      )}
      <p ref={resultRef} role="status" tabIndex={-1} className={done ? 'ticket__message' : 'visually-hidden'}>
        {state ?? ''}
      </p>
      {act.isError && !done && <ErrorState error={act.error} onRetry={() => act.mutate()} />}
      <p>
        <Link to={paths.tickets.href()}>{t('tickets.link.myTickets')}</Link>
      </p>
    </section>
  );
}
