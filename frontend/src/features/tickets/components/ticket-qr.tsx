import { useCallback } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import type { Ticket } from '@/lib/api/types';
import { useAuth } from '@/lib/auth';
import { useFormat } from '@/lib/i18n';
import { QR_PNG_SIZE, useTicketQr } from '../api/get-ticket-qr';
import { serverUnreachable, useTicketQrCopy } from '../api/offline-copies';

/**
 * The ticket's QR code, large, black on white with a white quiet zone, to be read from the phone's
 * screen at the door. The PNG comes with the bearer token and is shown through an object URL,
 * revoked when the image goes away.
 */
export function TicketQr({ ticket, used = false, offline = false }: { ticket: Ticket; used?: boolean; offline?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { username } = useAuth();
  const qr = useTicketQr(username, ticket.id);
  // No network: the image this device kept when the ticket was last shown.
  const unreachable = offline || serverUnreachable(qr);
  const copy = useTicketQrCopy(username, ticket.id, unreachable && !qr.data);
  const blob = qr.data ?? copy.data?.value;

  const showBlob = useCallback(
    (img: HTMLImageElement | null) => {
      if (!img || !blob) return;
      const url = URL.createObjectURL(blob);
      img.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [blob],
  );

  const alt = t(used ? 'tickets.qrAltUsed' : 'tickets.qrAlt', {
    name: format.localized(ticket.offer.attraction.name),
    day: format.day(ticket.offer.day, { day: 'numeric', month: 'long' }),
    count: ticket.partySize,
  });

  return (
    <div className={used ? 'ticket-qr ticket-qr--used' : 'ticket-qr'}>
      {!blob && unreachable && copy.isFetched ? (
        <p className="notice" data-testid="qr-not-saved">
          {t('tickets.qrNotSaved')}
        </p>
      ) : !blob && (qr.isPending || unreachable) ? (
        <Loading label={t('tickets.qrLoading')} />
      ) : !blob ? (
        <ErrorState error={qr.error} onRetry={() => void qr.refetch()} />
      ) : (
        <img
          ref={showBlob}
          className="ticket-qr__image"
          alt={alt}
          width={QR_PNG_SIZE}
          height={QR_PNG_SIZE}
          data-testid="ticket-qr"
        />
      )}
    </div>
  );
}
