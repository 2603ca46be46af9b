import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { Link } from '@/lib/router';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { NetworkError, problemSlug } from '@/lib/api/errors';
import type { Ticket } from '@/lib/api/types';
import { useAuth } from '@/lib/auth';
import { useFormat } from '@/lib/i18n';
import { useDownloadTicketFile, type TicketFile } from '../api/download-ticket-file';
import { useConfirmTicket } from '../api/confirm-ticket';
import { useTicket } from '../api/get-ticket';
import { serverUnreachable, useTicketCopy } from '../api/offline-copies';
import { describeProblem } from '../problems';
import { CancelTicketDialog } from './cancel-ticket-dialog';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { TicketQr } from './ticket-qr';
import { isUsedUp, TicketStatusBadge } from './ticket-status-badge';
import { DocumentTitle } from '@/components/ui/document-title';

type Props = {
  id: number;
  /** Just claimed: say so (and put the focus on it). */
  justClaimed?: boolean;
};

/** One ticket of the logged-in user: the QR code to show at the door, its code, details and actions. */
export function TicketDetails({ id, justClaimed = false }: Props) {
  const { t } = useTranslation();
  const { username } = useAuth();
  const ticket = useTicket(username, id);
  // No network: the copy this device kept when the ticket was last seen.
  const unreachable = serverUnreachable(ticket);
  const copy = useTicketCopy(username, id, unreachable);

  if (ticket.data) return <TicketView ticket={ticket.data} justClaimed={justClaimed} />;
  if (unreachable && copy.data) {
    return <TicketView ticket={copy.data.value} justClaimed={false} offlineSavedAt={copy.data.savedAt} />;
  }
  if (ticket.isPending && !(unreachable && copy.isFetched)) {
    return (
      <>
        <h1>{t('tickets.ticketTitle')}</h1>
        <Loading />
      </>
    );
  }
  // (A failed refresh keeps showing the ticket: only a ticket never loaded gives way to the error.)
  return (
    <>
      <h1>{t('tickets.ticketTitle')}</h1>
      {problemSlug(ticket.error) === 'not-found' ? (
        <p className="empty-state">{t('tickets.notFound')}</p>
      ) : (
        <ErrorState error={ticket.error ?? new NetworkError()} onRetry={() => void ticket.refetch()} />
      )}
      <p>
        <Link to={paths.tickets.href()}>{t('tickets.back')}</Link>
      </p>
    </>
  );
}

type ViewProps = {
  ticket: Ticket;
  justClaimed: boolean;
  /** Shown from the device's offline copy saved then (epoch ms): said so, and no actions (they need the server). */
  offlineSavedAt?: number;
};

function TicketView({ ticket, justClaimed, offlineSavedAt }: ViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [cancelledNow, setCancelledNow] = useState(false);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const { attraction } = ticket.offer;
  const name = format.localized(attraction.name);
  const accessibility = format.localized(attraction.accessibility);
  const active = ticket.status === 'ACTIVE';
  // The whole party is in: said at the top, the QR dimmed (it admits nobody more).
  const used = isUsedUp(ticket);
  // The edition's zone, as the API sends it with the offer: the one rule for a ticket's day and times.
  const timeZone = ticket.offer.timeZone;

  // The confirmation of a claim or a cancellation gets the focus: it is what just happened.
  useEffect(() => {
    if (justClaimed || cancelledNow) messageRef.current?.focus();
  }, [justClaimed, cancelledNow]);

  const message = cancelledNow ? t('tickets.cancelledNow') : justClaimed && active ? t('tickets.claimed') : '';

  return (
    <article className={`ticket ticket--${used ? 'used' : ticket.status.toLowerCase()}`} aria-labelledby="ticket-title">
      <DocumentTitle>{`${name} · ${t('tickets.title')} · ${t('app.name')}`}</DocumentTitle>
      <p className="ticket__back">
        <Link to={paths.tickets.href()}>
          <span aria-hidden="true">← </span>
          {t('tickets.back')}
        </Link>
      </p>
      <p
        ref={messageRef}
        className={message ? 'ticket__message' : 'visually-hidden'}
        role="status"
        tabIndex={-1}
        data-testid="ticket-message"
      >
        {message}
      </p>
      <header className="ticket__header">
        <h1 id="ticket-title">{name}</h1>
        <TicketStatusBadge status={ticket.status} used={used} />
      </header>
      {offlineSavedAt !== undefined && (
        <p className="ticket__offline notice" data-testid="offline-copy">
          {t('tickets.offlineCopy', { date: format.dateTime(new Date(offlineSavedAt).toISOString(), timeZone) })}
        </p>
      )}
      {used && (
        <p className="ticket__used notice" data-testid="ticket-used">
          <strong>{t('tickets.usedTitle')}</strong> {t('tickets.usedText', { count: ticket.partySize })}
        </p>
      )}
      <p className="ticket__when">
        <time dateTime={ticket.offer.day}>{format.day(ticket.offer.day)}</time> ·{' '}
        {t('tickets.people', { count: ticket.partySize })}
      </p>

      {active ? (
        <TicketQr ticket={ticket} used={used} offline={offlineSavedAt !== undefined} />
      ) : (
        <p className="ticket__cancelled notice">
          {ticket.cancelledAt
            ? t('tickets.cancelledOn', { date: format.dateTime(ticket.cancelledAt, timeZone) })
            : t('tickets.cancelledNoQr')}
        </p>
      )}

      <p className="ticket__code">
        <span className="ticket__code-label">{t('tickets.codeLabel')}</span>
        <span className="ticket__code-value" data-testid="ticket-code" translate="no">
          {active ? ticket.code : <s>{ticket.code}</s>}
        </span>
      </p>
      {active && !used && <p className="ticket__hint">{t('tickets.qrHint')}</p>}

      {active && offlineSavedAt === undefined && <TicketActions ticket={ticket} onCancel={() => setDialogOpen(true)} />}

      <section className="card ticket__facts" aria-labelledby="ticket-facts">
        <h2 id="ticket-facts">{t('tickets.details')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('tickets.day')}</dt>
            <dd>
              <time dateTime={ticket.offer.day}>{format.day(ticket.offer.day)}</time>
            </dd>
          </div>
          <div>
            <dt>{t('tickets.party')}</dt>
            <dd>
              {t('tickets.people', { count: ticket.partySize })}
              {ticket.personsAdmitted > 0 && (
                <> · {t('tickets.admitted', { admitted: ticket.personsAdmitted, count: ticket.partySize })}</>
              )}
            </dd>
          </div>
          {ticket.holderName && (
            <div>
              <dt>{t('tickets.holder')}</dt>
              <dd>{ticket.holderName}</dd>
            </div>
          )}
          <div>
            <dt>{t('tickets.address')}</dt>
            <dd>
              <address>
                {name}
                <br />
                {attraction.address}, {attraction.postcode} {attraction.town}
                <br />
                {format.localized(attraction.territory.name)}
              </address>
            </dd>
          </div>
          {accessibility && (
            <div>
              <dt>{t('tickets.accessibility')}</dt>
              <dd>{accessibility}</dd>
            </div>
          )}
          <div>
            <dt>{t('tickets.claimedOn')}</dt>
            <dd>{format.dateTime(ticket.createdAt, timeZone)}</dd>
          </div>
        </dl>
      </section>

      <CancelTicketDialog
        ticket={ticket}
        open={dialogOpen}
        onClose={() => setDialogOpen(false)}
        onCancelled={() => {
          setDialogOpen(false);
          setCancelledNow(true);
        }}
      />
    </article>
  );
}

type ActionsProps = {
  ticket: Ticket;
  onCancel: () => void;
};

function TicketActions({ ticket, onCancel }: ActionsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const download = useDownloadTicketFile();
  const confirm = useConfirmTicket();
  const alertRef = useRef<HTMLDivElement>(null);
  const pending = download.isPending ? download.variables.kind : undefined;

  useEffect(() => {
    if (download.error) alertRef.current?.focus();
  }, [download.error]);

  const get = (kind: TicketFile) => {
    if (!download.isPending) download.mutate({ id: ticket.id, kind });
  };

  return (
    <div className="ticket__actions">
      <div className="ticket__buttons">
        <button type="button" className="button" onClick={() => get('pdf')} disabled={Boolean(pending)}>
          {pending === 'pdf' ? t('tickets.downloading') : t('tickets.downloadPdf')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => get('ics')} disabled={Boolean(pending)}>
          {pending === 'ics' ? t('tickets.downloading') : t('tickets.addToCalendar')}
        </button>
        {ticket.cancellable && !ticket.confirmedAt && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => confirm.mutate(ticket)}
            disabled={confirm.isPending}
          >
            {confirm.isPending ? t('tickets.confirming') : t('tickets.confirmComing')}
          </button>
        )}
        {ticket.cancellable && (
          <button type="button" className="button button--danger-outline" onClick={onCancel}>
            {t('tickets.cancel')}
          </button>
        )}
      </div>
      {ticket.confirmedAt && (
        <p className="ticket__note" role="status">
          {t('tickets.confirmedOn', { date: format.dateTime(ticket.confirmedAt, ticket.offer.timeZone) })}
        </p>
      )}
      {ticket.cancellable ? (
        <p className="ticket__note">
          {t('tickets.releasableUntil', { date: format.dateTime(ticket.releasableUntil, ticket.offer.timeZone) })}
        </p>
      ) : (
        <p className="ticket__note">{t('tickets.notCancellable')}</p>
      )}
      {confirm.isError && <ProblemAlert problem={describeProblem(confirm.error, 'ticket', t)} />}
      {download.isError && <ProblemAlert ref={alertRef} problem={describeProblem(download.error, 'ticket', t)} />}
    </div>
  );
}
