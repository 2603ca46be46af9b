import { useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ErrorState } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/form/select-field';
import { Loading } from '@/components/ui/loading';
import type { Edition } from '@/lib/api/types';
import { useFormat } from '@/lib/i18n';
import { useLatestSearchParams, withPatch } from '@/lib/search-params';
import { useEditionStats, type StatsFilters } from '../api/get-edition-stats';
import { useEditionStatsStream } from '../api/stream-edition-stats';
import { todayIn } from '../utils/format';
import { arrivalSlots, toOfferRows, totalsByAttraction } from '../utils/rows';
import { ArrivalsChart } from './arrivals-chart';
import { AttractionChart } from './attraction-chart';
import { CapacityForm } from './capacity-form';
import { CrossBorderTable } from './cross-border-table';
import { DashboardFilters } from './dashboard-filters';
import { ExportButtons } from './export-buttons';
import { HeadlineFigures } from './headline-figures';
import { LiveStatus } from './live-status';
import { OffersTable } from './offers-table';
import { VerdictsTable } from './verdicts-table';
import { WaitlistsTable } from './waitlists-table';
import { OverbookingTable } from './overbooking-table';
import { EditionComparison, twinOf } from './edition-comparison';
import '../dashboard.css';

/** The edition of `?edition=<slug>`, else the current one, else the latest. */
export function pickEdition(editions: Edition[], slug: string | null): Edition | undefined {
  return (
    editions.find((e) => e.slug === slug) ??
    editions.find((e) => e.current) ??
    [...editions].sort((a, b) => b.firstDay.localeCompare(a.firstDay))[0]
  );
}

/** The filters of the URL (?territory=&day=), ignoring values the edition does not have. */
export function filtersFrom(params: URLSearchParams, edition: Edition): StatsFilters {
  const day = params.get('day') ?? undefined;
  const territory = params.get('territory') ?? undefined;
  return {
    day: day && edition.days.includes(day) ? day : undefined,
    territory: territory && edition.territories.some((t) => t.code === territory) ? territory : undefined,
  };
}

type Props = {
  /** Every edition (the route gets them from the editions feature). */
  editions: Edition[];
};

/**
 * The organisers' dashboard of one edition: pick the edition and filters (kept in the URL), then the
 * figures, live from the stream, as headline numbers, charts and tables, with the CSV exports and the
 * offers' capacities editable in place.
 */
export function Dashboard({ editions }: Props) {
  const { t } = useTranslation();
  const [params, updateParams] = useLatestSearchParams();
  const edition = pickEdition(editions, params.get('edition'));
  if (!edition) return <p className="empty-state">{t('dashboard.noEdition')}</p>;
  const filters = filtersFrom(params, edition);

  const update = (patch: Record<string, string | undefined>) => updateParams((latest) => withPatch(latest, patch));
  // compared with: ?compare=<slug>, "none" for nothing, else the edition's twin (if it has one)
  const compare = params.get('compare');
  const other = compare === 'none' ? undefined : (editions.find((e) => e.slug === compare && e.id !== edition.id) ?? twinOf(editions, edition));

  return (
    <>
      <DashboardFilters
        editions={editions}
        edition={edition}
        filters={filters}
        onEditionChange={(slug) => update({ edition: slug, territory: undefined, day: undefined, compare: undefined })}
        onFiltersChange={update}
      />
      {/* A new edition starts afresh (its own stream, its own arrivals day). */}
      <EditionDashboard
        key={edition.id}
        edition={edition}
        filters={filters}
        comparison={
          <EditionComparison editions={editions} edition={edition} other={other} onOtherChange={(slug) => update({ compare: slug ?? 'none' })} />
        }
      />
    </>
  );
}

function EditionDashboard({ edition, filters, comparison }: { edition: Edition; filters: StatsFilters; comparison: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stats = useEditionStats(edition.id, filters);
  const stream = useEditionStatsStream(edition.id, filters);
  const [arrivalsDay, setArrivalsDay] = useState<string>();

  if (stats.isPending) return <Loading />;
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  const data = stats.data;

  const territoryNames = new Map(edition.territories.map((territory) => [territory.code, territory.name]));
  for (const figures of data.byTerritory) if (!territoryNames.has(figures.territory)) territoryNames.set(figures.territory, figures.name);
  const territoryName = (code: string) => {
    const name = territoryNames.get(code);
    return name ? format.localized(name) : code;
  };

  const rows = toOfferRows(data.byAttraction, (a) => format.localized(a.name), territoryName);
  const names = new Map(rows.map((row) => [row.attractionId, row.name]));
  const attractionName = (id: number) => names.get(id) ?? `#${id}`;
  // An offer as the waiting-list and overbooking tables name it: its attraction and day.
  const offerLabel = (offerId: number) => {
    const offer = data.byAttraction.find((a) => a.offerId === offerId);
    return offer && { name: format.localized(offer.name), day: offer.day };
  };

  // Arrivals: the day picked, else the filtered day, else today (during the edition), else the busiest.
  const days = data.byDay.length > 0 ? data.byDay.map((d) => d.day) : edition.days;
  const today = todayIn(edition.timeZone);
  // a finished edition's capacities are history: shown, not editable (the API refuses with 409 edition-finished)
  const finished = today > edition.lastDay;
  const busiest = [...data.byDay].sort((a, b) => b.figures.admitted - a.figures.admitted)[0]?.day;
  const shownDay =
    (arrivalsDay && days.includes(arrivalsDay) ? arrivalsDay : undefined) ??
    filters.day ??
    (days.includes(today) ? today : undefined) ??
    busiest ??
    days[0];

  // Plain ids (one dashboard per page): the table of contents links to them (#dashboard-offers).
  const ids = {
    figures: 'dashboard-figures',
    chart: 'dashboard-chart',
    arrivals: 'dashboard-arrivals',
    offers: 'dashboard-offers',
    cross: 'dashboard-cross-border',
    verdicts: 'dashboard-verdicts',
    waitlists: 'dashboard-waitlists',
    overbooking: 'dashboard-overbooking',
    compare: 'dashboard-compare',
  };
  const sections = [
    { id: ids.figures, label: t('dashboard.sections.figures') },
    { id: ids.compare, label: t('dashboard.sections.compare') },
    { id: ids.chart, label: t('dashboard.sections.chart') },
    { id: ids.arrivals, label: t('dashboard.sections.arrivals') },
    { id: ids.offers, label: t('dashboard.sections.offers') },
    { id: ids.cross, label: t('dashboard.sections.crossBorder') },
    { id: ids.waitlists, label: t('dashboard.sections.waitlists') },
    { id: ids.overbooking, label: t('dashboard.sections.overbooking') },
    { id: ids.verdicts, label: t('dashboard.sections.verdicts') },
  ];

  return (
    <div className="dashboard" aria-busy={stats.isPlaceholderData || undefined}>
      <nav className="dashboard__toc" aria-label={t('dashboard.sections.label')}>
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.label}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section className="dashboard__section dashboard__section--figures" aria-labelledby={ids.figures}>
        <div className="dashboard__section-header">
          <h2 id={ids.figures}>{t('dashboard.sections.figures')}</h2>
          <LiveStatus stream={stream} generatedAt={data.generatedAt} />
        </div>
        <HeadlineFigures figures={data.overall} />
        <ExportButtons editionId={edition.id} />
      </section>

      <section className="dashboard__section" aria-labelledby={ids.compare}>
        <h2 id={ids.compare}>{t('dashboard.sections.compare')}</h2>
        {comparison}
      </section>

      <section className="dashboard__section" aria-labelledby={ids.chart}>
        <h2 id={ids.chart}>{t('dashboard.sections.chart')}</h2>
        <AttractionChart totals={totalsByAttraction(rows)} />
      </section>

      <section className="dashboard__section" aria-labelledby={ids.arrivals}>
        <div className="dashboard__section-header">
          <h2 id={ids.arrivals}>{t('dashboard.sections.arrivals')}</h2>
          {shownDay && days.length > 1 && (
            <SelectField
              className="field--inline"
              label={t('dashboard.arrivals.day')}
              value={shownDay}
              onChange={setArrivalsDay}
              options={days.map((day) => ({ value: day, label: format.day(day, { weekday: 'long', day: 'numeric', month: 'long' }) }))}
            />
          )}
        </div>
        {shownDay && <ArrivalsChart slots={arrivalSlots(data.arrivals, shownDay, edition.timeZone)} day={shownDay} />}
      </section>

      <section className="dashboard__section" aria-labelledby={ids.offers}>
        <h2 id={ids.offers}>{t('dashboard.sections.offers')}</h2>
        {rows.length === 0 ? (
          <p className="empty-state">{t('dashboard.empty')}</p>
        ) : (
          <>
            {finished && <p className="field__hint">{t('dashboard.capacity.finished')}</p>}
            <OffersTable
              rows={rows}
              renderCapacity={
                finished
                  ? undefined
                  : (row, label) => <CapacityForm editionId={edition.id} offerId={row.offerId} capacity={row.figures.offered} label={label} />
              }
            />
          </>
        )}
      </section>

      <section className="dashboard__section" aria-labelledby={ids.cross}>
        <h2 id={ids.cross}>{t('dashboard.sections.crossBorder')}</h2>
        <CrossBorderTable rows={data.crossBorder} territoryName={territoryName} />
      </section>

      <section className="dashboard__section" aria-labelledby={ids.waitlists}>
        <h2 id={ids.waitlists}>{t('dashboard.sections.waitlists')}</h2>
        <WaitlistsTable rows={data.waitlists} offerLabel={offerLabel} />
      </section>

      <section className="dashboard__section" aria-labelledby={ids.overbooking}>
        <h2 id={ids.overbooking}>{t('dashboard.sections.overbooking')}</h2>
        <OverbookingTable
          rows={data.overbooking}
          offerLabel={offerLabel}
          actualNoShows={(offerId) => {
            const offer = data.byAttraction.find((a) => a.offerId === offerId);
            return offer && offer.day < today ? offer.figures.noShows : undefined;
          }}
        />
      </section>

      <section className="dashboard__section" aria-labelledby={ids.verdicts}>
        <h2 id={ids.verdicts}>{t('dashboard.sections.verdicts')}</h2>
        <VerdictsTable verdicts={data.verdicts} attractionName={attractionName} />
      </section>
    </div>
  );
}
