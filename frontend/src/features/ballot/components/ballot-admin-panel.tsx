import { useId, useState } from 'react';
import '../ballot.css';
import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { useEditions } from '@/lib/api/get-editions';
import type { Edition } from '@/lib/api/types';
import { pickLocalized, useFormat } from '@/lib/i18n';
import { useBallotOverview } from '../api/get-ballot-overview';
import { DisqualifyForm } from './disqualify-form';
import { RunDrawForm } from './run-draw-form';

/** Organisers: a ballot edition's overview (figures, demand, possible duplicates), and the draw. */
export function BallotAdminPanel() {
  const { t, i18n } = useTranslation();
  const editions = useEditions();
  const pickerId = useId();
  const [chosen, setChosen] = useState<number | undefined>();

  if (editions.isPending) return <Loading />;
  if (editions.isError) return <ErrorState error={editions.error} onRetry={() => void editions.refetch()} />;
  const ballots = editions.data.filter((e) => e.allocationMode === 'BALLOT');
  if (ballots.length === 0) {
    return (
      <div className="admin-panel">
        <h2>{t('ballot.admin.title')}</h2>
        <p className="empty-state">{t('ballot.admin.none')}</p>
      </div>
    );
  }
  const edition = ballots.find((e) => e.id === chosen) ?? ballots.find((e) => e.current) ?? ballots[0]!;
  return (
    <div className="admin-panel">
      <h2>{t('ballot.admin.title')}</h2>
      <div className="field">
        <label htmlFor={pickerId}>{t('ballot.admin.edition')}</label>
        <select id={pickerId} value={edition.id} onChange={(e) => setChosen(Number(e.target.value))}>
          {ballots.map((e) => (
            <option key={e.id} value={e.id}>
              {pickLocalized(e.names, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <BallotOverviewSection key={edition.id} edition={edition} />
    </div>
  );
}

function BallotOverviewSection({ edition }: { edition: Edition }) {
  const editionId = edition.id;
  const { t } = useTranslation();
  const format = useFormat();
  const overview = useBallotOverview(editionId);
  const id = useId();
  const [said, setSaid] = useState('');
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  const o = overview.data;
  return (
    <>
      <section aria-labelledby={`${id}-figures`}>
        <h3 id={`${id}-figures`}>{t('ballot.admin.figures')}</h3>
        <dl className="draw-report__figures" data-testid="ballot-figures">
          <dt>{t('ballot.admin.applications')}</dt>
          <dd>{o.applications}</dd>
          <dt>{t('ballot.admin.persons')}</dt>
          <dd>{o.persons}</dd>
          <dt>{t('ballot.admin.withdrawn')}</dt>
          <dd>{o.withdrawn}</dd>
          <dt>{t('ballot.admin.disqualified')}</dt>
          <dd>{o.disqualified}</dd>
        </dl>
        <p>{o.drawn ? t('ballot.admin.drawn') : o.disqualificationOpen ? t('ballot.admin.open') : t('ballot.admin.closed')}</p>
      </section>

      <section aria-labelledby={`${id}-demand`}>
        <h3 id={`${id}-demand`}>{t('ballot.admin.demand')}</h3>
        {o.demand.length === 0 ? (
          <p className="empty-state">{t('ballot.admin.noDemand')}</p>
        ) : (
          <div className="ballot-scroll">
            <table className="ballot-table" data-testid="ballot-demand">
              <thead>
                <tr>
                  <th scope="col">{t('ballot.admin.offer')}</th>
                  <th scope="col">{t('ballot.admin.places')}</th>
                  <th scope="col">{t('ballot.admin.firstChoices')}</th>
                  <th scope="col">{t('ballot.admin.firstChoicePersons')}</th>
                  <th scope="col">{t('ballot.admin.allChoices')}</th>
                  <th scope="col">{t('ballot.admin.allChoicePersons')}</th>
                </tr>
              </thead>
              <tbody>
                {o.demand.map((d) => (
                  <tr key={d.offerId}>
                    <th scope="row">
                      {d.attraction}, {format.day(d.day, { weekday: 'short', day: 'numeric', month: 'short' })}
                    </th>
                    <td>{d.places}</td>
                    <td>{d.firstChoices}</td>
                    <td>{d.firstChoicePersons}</td>
                    <td>{d.allChoices}</td>
                    <td>{d.allChoicePersons}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby={`${id}-duplicates`}>
        <h3 id={`${id}-duplicates`}>{t('ballot.admin.duplicates')}</h3>
        {o.duplicates.length === 0 ? (
          <p className="empty-state">{t('ballot.admin.noDuplicates')}</p>
        ) : (
          o.duplicates.map((group) => (
            <div key={`${group.match}:${group.key}`} className="ballot-duplicates" data-testid="duplicate-group">
              <h4>{t(`ballot.admin.match.${group.match}`, { key: group.key })}</h4>
              <ul>
                {group.applications.map((a) => (
                  <li key={a.applicationId}>
                    <p>
                      <code>{a.drawId}</code> {[a.name, a.username, a.postcode, a.email].filter(Boolean).join(' · ')} —{' '}
                      {t(`ballot.status.${a.status}` as 'ballot.status.SUBMITTED', { defaultValue: a.status })}
                      {a.disqualifiedReason && <> ({a.disqualifiedReason})</>}
                    </p>
                    {o.disqualificationOpen && a.status === 'SUBMITTED' && (
                      <DisqualifyForm
                        editionId={editionId}
                        applicant={a}
                        onDisqualified={(d) => setSaid(t('ballot.admin.disqualifiedDone', { drawId: d.drawId }))}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>

      <p className="visually-hidden" role="status">
        {said}
      </p>
      <RunDrawForm
        editionId={editionId}
        timeZone={edition.timeZone}
        publicValueSource={edition.publicValueSource}
        drawn={o.drawn}
        openUntil={o.disqualificationOpen && !o.drawn ? (edition.applicationClosesAt ?? '') : undefined}
      />
    </>
  );
}
