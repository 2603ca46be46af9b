import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import '../ballot.css';
import { useTranslation } from '@/lib/i18n/react';
import { Link } from '@/lib/router';
import { LoginButton } from '@/components/layout/auth-buttons';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import type { Edition } from '@/lib/api/types';
import { useAuth } from '@/lib/auth';
import { useFormat } from '@/lib/i18n';
import { useBallotOffers } from '../api/get-ballot-offers';
import { useMyApplication } from '../api/get-my-application';
import { useWithdrawApplication } from '../api/withdraw-application';
import type { Application } from '../api/types';
import { ApplicationForm } from './application-form';
import { BallotProblem } from './ballot-problem';
import { offerLabelById } from './offer-label';

type Props = {
  edition: Edition;
  /** Whether the logged-in user may apply (their postcode); undefined while unknown. */
  eligible?: boolean;
};

/**
 * The resident's part of a ballot edition: apply (while the window is open), see, change or withdraw
 * the application, and after the draw its result, draw id and random position.
 */
export function MyApplication({ edition, eligible }: Props) {
  const { t } = useTranslation();
  const auth = useAuth();
  const headingId = useId();
  const username = auth.authenticated ? auth.username : undefined;
  const application = useMyApplication(username, edition.id);
  const offers = useBallotOffers(edition.id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState('');
  const editRef = useRef<HTMLButtonElement>(null);
  const focusEdit = useRef(false);

  useEffect(() => {
    if (!editing && focusEdit.current) {
      editRef.current?.focus();
      focusEdit.current = false;
    }
  }, [editing]);

  const section = (body: ReactNode) => (
    <section className="ballot-application" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('ballot.mine.title')}</h2>
      {body}
      <p className="visually-hidden" role="status">
        {saved}
      </p>
    </section>
  );

  if (auth.status === 'loading') return null;
  if (!auth.authenticated) {
    if (!edition.applicationOpen) return null;
    return section(
      <p>
        {t('ballot.mine.loginToApply')} <LoginButton className="button button--secondary" />
      </p>,
    );
  }
  if (application.isPending || offers.isPending) return section(<Loading />);
  if (application.isError) return section(<ErrorState error={application.error} onRetry={() => void application.refetch()} />);
  if (offers.isError) return section(<ErrorState error={offers.error} onRetry={() => void offers.refetch()} />);

  const mine = application.data;
  const canApply = edition.applicationOpen && (!mine || mine.editable);
  const done = () => {
    setEditing(false);
    focusEdit.current = true;
    setSaved(t('ballot.mine.saved'));
  };

  if (!mine && canApply && eligible === false) {
    return section(
      <p className="claim-note">
        {t('ballot.mine.notEligible')} <Link to={paths.account.href()}>{t('nav.account')}</Link>
      </p>,
    );
  }
  if (editing || (!mine && canApply)) {
    return section(
      <ApplicationForm
        edition={edition}
        offers={offers.data}
        application={mine?.status === 'SUBMITTED' ? mine : null}
        onSaved={done}
        onCancel={
          mine
            ? () => {
                setEditing(false);
                focusEdit.current = true;
              }
            : undefined
        }
      />,
    );
  }
  if (!mine) return section(<p>{t('ballot.mine.none')}</p>);
  return section(
    <ApplicationSummary
      application={mine}
      edition={edition}
      offers={offers.data}
      editRef={editRef}
      onEdit={canApply ? () => setEditing(true) : undefined}
    />,
  );
}

type SummaryProps = {
  application: Application;
  edition: Edition;
  offers: Parameters<typeof offerLabelById>[1];
  editRef: RefObject<HTMLButtonElement | null>;
  onEdit?: () => void;
};

function ApplicationSummary({ application, edition, offers, editRef, onEdit }: SummaryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { username } = useAuth();
  const withdraw = useWithdrawApplication(username);
  const [confirming, setConfirming] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const label = (offerId: number) => offerLabelById(offerId, offers, format, t('ballot.apply.unknownOffer', { id: offerId }));

  useEffect(() => {
    if (withdraw.error) alertRef.current?.focus();
  }, [withdraw.error]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  // Withdrawn: the focus goes to "Apply again", where the withdraw buttons were.
  const withdrawn = useRef(false);
  useEffect(() => {
    if (withdrawn.current && application.status === 'WITHDRAWN') {
      withdrawn.current = false;
      editRef.current?.focus();
    }
  }, [application.status, editRef]);

  const { status } = application;
  const submitted = status === 'SUBMITTED';
  return (
    <div className="ballot-summary" data-testid="my-application" data-status={status}>
      <p className="ballot-summary__status">
        <strong>{t(`ballot.status.${status}`)}</strong>
      </p>
      {status === 'WON' && application.wonOfferId != null && (
        <p>
          {t('ballot.mine.won', { name: label(application.wonOfferId) })}{' '}
          {application.ticketId != null && <Link to={paths.ticket.href(application.ticketId)}>{t('ballot.mine.seeTicket')}</Link>}
        </p>
      )}
      {status === 'WAITLISTED' && (application.waitingLists?.length ?? 0) > 0 && (
        <>
          <p>{t('ballot.mine.waitlisted')}</p>
          <ul>
            {application.waitingLists!.map((w) => (
              <li key={w.offerId}>{t('ballot.mine.waitingPlace', { name: label(w.offerId), position: w.position })}</li>
            ))}
          </ul>
        </>
      )}
      {status === 'DISQUALIFIED' && application.disqualifiedReason && (
        <p>{t('ballot.mine.disqualified', { reason: application.disqualifiedReason })}</p>
      )}
      {submitted && !application.editable && edition.drawAt && (
        <p>{t('ballot.mine.waitDraw', { date: format.dateTime(edition.drawAt, edition.timeZone) })}</p>
      )}
      {status !== 'WITHDRAWN' && (
        <dl className="ballot-summary__details">
          <dt>{t('ballot.apply.partySize')}</dt>
          <dd>{t('ballot.people', { count: application.partySize })}</dd>
          <dt>{t('ballot.mine.choices')}</dt>
          <dd>
            <ol>
              {application.choices.map((c) => (
                <li key={c}>{label(c)}</li>
              ))}
            </ol>
            {application.anyOtherSameDay && <p>{t('ballot.mine.anyOther')}</p>}
          </dd>
          <dt>{t('ballot.mine.drawId')}</dt>
          <dd>
            <code>{application.drawId}</code>
          </dd>
          {application.position != null && (
            <>
              <dt>{t('ballot.mine.position')}</dt>
              <dd>{application.position}</dd>
            </>
          )}
        </dl>
      )}
      {application.position != null && (
        <p>
          <Link to={paths.draw.href(edition.id)}>{t('ballot.mine.checkDraw')}</Link>
        </p>
      )}
      {withdraw.isError && <BallotProblem ref={alertRef} error={withdraw.error} />}
      {onEdit && (
        <div className="form-actions">
          <button ref={editRef} type="button" className="button" onClick={onEdit}>
            {submitted ? t('ballot.mine.edit') : t('ballot.mine.applyAgain')}
          </button>
          {submitted && !confirming && (
            <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
              {t('ballot.mine.withdraw')}
            </button>
          )}
        </div>
      )}
      {onEdit && submitted && confirming && (
        <div className="notice" role="group" aria-label={t('ballot.mine.withdrawConfirm')}>
          <p>{t('ballot.mine.withdrawConfirm')}</p>
          <button
            ref={confirmRef}
            type="button"
            className="button"
            disabled={withdraw.isPending}
            onClick={() =>
              withdraw.mutate(edition.id, {
                onSuccess: () => {
                  withdrawn.current = true;
                  setConfirming(false);
                },
              })
            }
          >
            {withdraw.isPending ? t('ballot.mine.withdrawing') : t('ballot.mine.withdrawYes')}
          </button>{' '}
          <button type="button" className="button button--secondary" disabled={withdraw.isPending} onClick={() => setConfirming(false)}>
            {t('ballot.mine.withdrawNo')}
          </button>
        </div>
      )}
    </div>
  );
}
