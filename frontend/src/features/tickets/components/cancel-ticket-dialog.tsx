import { useEffect, useId, useRef } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ApiError } from '@/lib/api/errors';
import type { Ticket } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';
import { useCancelTicket } from '../api/cancel-ticket';
import { describeProblem } from '../problems';
import { ProblemAlert } from '@/components/ui/problem-alert';

type Props = {
  ticket: Ticket;
  open: boolean;
  /** The user closed the dialog (Keep my ticket, Escape). */
  onClose: () => void;
  /** The ticket is cancelled. */
  onCancelled: () => void;
};

/**
 * "Cancel this ticket?" in a native modal `<dialog>`: the page behind is inert, focus stays inside,
 * Escape closes it. Focus starts on "Keep my ticket", the harmless choice.
 */
export function CancelTicketDialog({ ticket, open, onClose, onCancelled }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const cancel = useCancelTicket();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      keepRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    if (cancel.error) alertRef.current?.focus();
  }, [cancel.error]);

  const confirm = () => {
    if (cancel.isPending) return;
    cancel.mutate(ticket, { onSuccess: onCancelled });
  };

  const problem = cancel.isError ? describeProblem(cancel.error, 'ticket', t) : null;
  // Already cancelled, too late: trying again cannot help (a network failure can).
  const refused = cancel.error instanceof ApiError && cancel.error.status < 500;

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        if (cancel.isPending) event.preventDefault();
      }}
      onClose={() => {
        cancel.reset();
        onClose();
      }}
    >
      <h2 id={`${id}-title`}>{t('tickets.cancelDialog.title')}</h2>
      <p id={`${id}-text`}>
        {t('tickets.cancelDialog.text', {
          count: ticket.partySize,
          name: format.localized(ticket.offer.attraction.name),
          day: format.day(ticket.offer.day),
        })}
      </p>
      {problem && <ProblemAlert ref={alertRef} problem={problem} />}
      <div className="dialog__actions">
        {!refused && (
          <button type="button" className="button button--danger" onClick={confirm} disabled={cancel.isPending}>
            {cancel.isPending ? t('tickets.cancelDialog.cancelling') : t('tickets.cancelDialog.confirm')}
          </button>
        )}
        <button
          ref={keepRef}
          type="button"
          className="button button--secondary"
          onClick={onClose}
          disabled={cancel.isPending}
        >
          {problem ? t('tickets.cancelDialog.close') : t('tickets.cancelDialog.keep')}
        </button>
      </div>
    </dialog>
  );
}
