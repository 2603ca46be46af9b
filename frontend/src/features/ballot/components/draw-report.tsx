import { useId } from 'react';
import '../ballot.css';
import { useTranslation } from '@/lib/i18n/react';
import { intlLocale, useFormat } from '@/lib/i18n';
import { useDownloadDrawFile, type DrawFile } from '../api/download-draw-file';
import type { DrawReport } from '../api/types';
import { BallotProblem } from './ballot-problem';

type Props = {
  report: DrawReport;
  /** The edition's time zone, for the dates. */
  timeZone?: string;
  /** The heading level of its sections (the public page: 2; inside the admin panel: 4). */
  level?: 2 | 4;
};

/** The public draw report: the commitment before the draw; after it the inputs, hashes, figures and files. */
export function DrawReportView({ report, timeZone, level = 2 }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const download = useDownloadDrawFile();
  const H = level === 2 ? 'h2' : 'h4';
  const drawn = report.stage === 'DRAWN';
  const percent = new Intl.NumberFormat(intlLocale(format.language), { style: 'percent', maximumFractionDigits: 1 });
  const file = (kind: DrawFile) => (
    <button
      type="button"
      className="button button--secondary"
      disabled={download.isPending}
      onClick={() => download.mutate({ editionId: report.editionId, kind })}
    >
      {t(`ballot.draw.download.${kind}`)}
    </button>
  );

  return (
    <div className="draw-report" data-testid="draw-report" data-stage={report.stage}>
      <p>
        <strong>{t(`ballot.draw.stage.${report.stage}`)}</strong>
      </p>
      <dl className="draw-report__facts">
        <dt>{t('ballot.draw.window')}</dt>
        <dd>
          {t('ballot.draw.windowValue', {
            from: format.dateTime(report.applicationOpensAt, timeZone),
            to: format.lastMoment(report.applicationClosesAt, timeZone),
          })}
        </dd>
        <dt>{t('ballot.draw.drawAt')}</dt>
        <dd>{format.dateTime(report.drawnAt ?? report.drawAt, timeZone)}</dd>
        <dt>{t('ballot.draw.algorithm')}</dt>
        <dd>
          <code>{report.algorithm}</code>
        </dd>
        <dt>{t('ballot.draw.commitment')}</dt>
        <dd>
          <code className="hash">{report.commitment}</code>
        </dd>
        <dt>{t('ballot.draw.publicValueSource')}</dt>
        <dd>{report.publicValueSource || t('ballot.draw.noPublicValue')}</dd>
        {report.snapshotHash && (
          <>
            <dt>{t('ballot.draw.snapshotHash')}</dt>
            <dd>
              <code className="hash">{report.snapshotHash}</code>
            </dd>
          </>
        )}
        {drawn && (
          <>
            <dt>{t('ballot.draw.seed')}</dt>
            <dd>
              <code className="hash">{report.seed}</code>
            </dd>
            <dt>{t('ballot.draw.publicValue')}</dt>
            <dd>{report.publicValue ? <code>{report.publicValue}</code> : t('ballot.draw.noPublicValue')}</dd>
            <dt>{t('ballot.draw.resultHash')}</dt>
            <dd>
              <code className="hash">{report.resultHash}</code>
            </dd>
          </>
        )}
      </dl>
      {!drawn && <p>{t('ballot.draw.beforeText')}</p>}

      {report.figures && (
        <section aria-labelledby={`${id}-figures`}>
          <H id={`${id}-figures`}>{t('ballot.draw.figures.title')}</H>
          <dl className="draw-report__figures">
            <dt>{t('ballot.draw.figures.applications')}</dt>
            <dd>{report.figures.applications}</dd>
            <dt>{t('ballot.draw.figures.persons')}</dt>
            <dd>{report.figures.persons}</dd>
            <dt>{t('ballot.draw.figures.winners')}</dt>
            <dd>{report.figures.winners}</dd>
            <dt>{t('ballot.draw.figures.personsWon')}</dt>
            <dd>{report.figures.personsWon}</dd>
            <dt>{t('ballot.draw.figures.waitlisted')}</dt>
            <dd>{report.figures.waitlisted}</dd>
            <dt>{t('ballot.draw.figures.withdrawn')}</dt>
            <dd>{report.figures.withdrawn}</dd>
            <dt>{t('ballot.draw.figures.disqualified')}</dt>
            <dd>{report.figures.disqualified}</dd>
          </dl>
          {report.figures.disqualificationReasons.length > 0 && (
            <ul aria-label={t('ballot.draw.figures.reasons')}>
              {report.figures.disqualificationReasons.map((r) => (
                <li key={r.reason}>{t('ballot.draw.figures.reason', { reason: r.reason, number: r.count })}</li>
              ))}
            </ul>
          )}
          {report.figures.territories.length > 0 && (
            <div className="ballot-scroll">
              <table className="ballot-table">
                <caption>{t('ballot.draw.odds.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ballot.draw.odds.territory')}</th>
                    <th scope="col">{t('ballot.draw.odds.applications')}</th>
                    <th scope="col">{t('ballot.draw.odds.winners')}</th>
                    <th scope="col">{t('ballot.draw.odds.odds')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.figures.territories.map((row) => (
                    <tr key={row.territory ?? ''}>
                      <th scope="row">{row.territory ?? t('ballot.draw.odds.outside')}</th>
                      <td>{row.applications}</td>
                      <td>{row.winners}</td>
                      <td>{percent.format(row.odds)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {(report.snapshotHash || drawn) && (
        <section aria-labelledby={`${id}-files`}>
          <H id={`${id}-files`}>{t('ballot.draw.files')}</H>
          <p className="form-actions">
            {report.snapshotHash && file('snapshot')}
            {drawn && file('result')}
          </p>
          {download.isError && <BallotProblem error={download.error} />}
        </section>
      )}

      <section aria-labelledby={`${id}-check`}>
        <H id={`${id}-check`}>{t('ballot.draw.check.title')}</H>
        <ol>
          <li>{t('ballot.draw.check.commitment')}</li>
          <li>{t('ballot.draw.check.snapshot')}</li>
          <li>{t('ballot.draw.check.result')}</li>
          <li>{t('ballot.draw.check.own')}</li>
        </ol>
        {report.verify && (
          <pre className="draw-report__verify">
            <code>{report.verify}</code>
          </pre>
        )}
      </section>
    </div>
  );
}
