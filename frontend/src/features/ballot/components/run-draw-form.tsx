import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { useFormat } from '@/lib/i18n';
import { problemSlug } from '@/lib/api/errors';
import { useDrawBallot } from '../api/draw-ballot';
import { useDrawReport } from '../api/get-draw-report';
import { BallotProblem } from './ballot-problem';
import { DrawReportView } from './draw-report';

type Props = {
  editionId: number;
  timeZone: string;
  /** The public value's source, as announced in advance (the edition's setting). */
  publicValueSource?: string;
  drawn: boolean;
  /** The application window is still open (the draw would be refused): when it closes. */
  openUntil?: string;
};

/**
 * "Run the draw": the public value announced in advance, then a confirm dialog (a draw is made once).
 * After it (or when it was made already: 409), the public report.
 */
export function RunDrawForm({ editionId, timeZone, publicValueSource, drawn, openUntil }: Props) {
  const format = useFormat();
  const { t } = useTranslation();
  const id = useId();
  const report = useDrawReport(editionId);
  const draw = useDrawBallot();
  const [publicValue, setPublicValue] = useState('');
  const [confirming, setConfirming] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (confirming && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!confirming && dialog.open) {
      dialog.close();
    }
  }, [confirming]);
  useEffect(() => {
    if (draw.isSuccess) reportRef.current?.focus();
    else if (draw.isError) alertRef.current?.focus();
  }, [draw.isSuccess, draw.isError]);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  const run = () => {
    setConfirming(false);
    draw.mutate({ editionId, publicValue: publicValue.trim() });
  };

  const isDrawn = drawn || draw.isSuccess || report.data?.stage === 'DRAWN' || problemSlug(draw.error) === 'already-drawn';
  return (
    <section aria-labelledby={`${id}-title`} className="ballot-draw">
      <h3 id={`${id}-title`}>{t('ballot.admin.drawTitle')}</h3>
      {!isDrawn && (
        <form onSubmit={ask} noValidate>
          <div className="field">
            <label htmlFor={`${id}-value`}>{t('ballot.admin.publicValue')}</label>
            <input
              id={`${id}-value`}
              value={publicValue}
              maxLength={500}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setPublicValue(e.target.value)}
              disabled={draw.isPending}
            />
            <p id={`${id}-hint`} className="field__hint">
              {publicValueSource
                ? t('ballot.admin.publicValueHint', { source: publicValueSource })
                : t('ballot.admin.publicValueNone')}
            </p>
          </div>
          {openUntil && (
            <p id={`${id}-too-early`} className="field__hint">
              {t('ballot.admin.tooEarly', { date: format.lastMoment(openUntil, timeZone) })}
            </p>
          )}
          <button
            type="submit"
            className="button"
            disabled={draw.isPending || Boolean(openUntil)}
            aria-describedby={openUntil ? `${id}-too-early` : undefined}
          >
            {draw.isPending ? t('ballot.admin.drawing') : t('ballot.admin.runDraw')}
          </button>
        </form>
      )}
      {draw.isError && <BallotProblem ref={alertRef} error={draw.error} />}
      <p className="visually-hidden" role="status">
        {draw.isPending ? t('ballot.admin.drawing') : draw.isSuccess ? t('ballot.admin.drawDone') : ''}
      </p>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby={`${id}-confirm-title`}
        aria-describedby={`${id}-confirm-text`}
        onClose={() => setConfirming(false)}
      >
        <h2 id={`${id}-confirm-title`}>{t('ballot.admin.confirmTitle')}</h2>
        <p id={`${id}-confirm-text`}>
          {publicValue.trim()
            ? t('ballot.admin.confirmText', { value: publicValue.trim() })
            : t('ballot.admin.confirmTextEmpty')}
        </p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={run}>
            {t('ballot.admin.confirmYes')}
          </button>
          <button ref={cancelRef} type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {t('ballot.admin.confirmNo')}
          </button>
        </div>
      </dialog>
      {isDrawn && (
        <>
          <h3 ref={reportRef} tabIndex={-1}>
            {t('ballot.admin.report')}
          </h3>
          {report.isPending ? (
            <Loading />
          ) : report.isError ? (
            <ErrorState error={report.error} onRetry={() => void report.refetch()} />
          ) : (
            <DrawReportView report={report.data} timeZone={timeZone} level={4} />
          )}
        </>
      )}
    </section>
  );
}
