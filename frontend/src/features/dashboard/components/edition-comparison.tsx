import { useId } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { FilterSelect } from '@/components/ui/form/filter-bar';
import { Loading } from '@/components/ui/loading';
import { ErrorState } from '@/components/ui/error-state';
import type { Edition, EditionStats } from '@/lib/api/types';
import { pickLocalized } from '@/lib/i18n';
import { useEditionStats } from '../api/get-edition-stats';
import { useFigureFormat } from '../utils/format';

/**
 * The edition compared by default: its twin, whose slug extends its own or that its own extends (the
 * demo's "grand-jour-2010" and "grand-jour-2010-with-tools", the weekend as it was and with the tools).
 */
export function twinOf(editions: Edition[], edition: Edition): Edition | undefined {
  return editions.find((e) => e.id !== edition.id && (e.slug.startsWith(`${edition.slug}-`) || edition.slug.startsWith(`${e.slug}-`)));
}

type RowKey = 'usedShare' | 'offered' | 'booked' | 'admitted' | 'noShows' | 'released' | 'refilled' | 'stillWaiting' | 'walkUps' | 'overbooked' | 'doorFull';
type Row = { key: RowKey; count?: (s: EditionStats) => number; rate?: (s: EditionStats) => number };

const sum = <T,>(items: T[], pick: (item: T) => number) => items.reduce((total, item) => total + pick(item), 0);

/** The headline figures compared, whole editions (no filters): entries used ÷ offered first. */
const ROWS: Row[] = [
  { key: 'usedShare', rate: (s) => (s.overall.offered ? s.overall.admitted / s.overall.offered : 0) },
  { key: 'offered', count: (s) => s.overall.offered },
  { key: 'booked', count: (s) => s.overall.booked },
  { key: 'admitted', count: (s) => s.overall.admitted },
  { key: 'noShows', count: (s) => s.overall.noShows },
  { key: 'released', count: (s) => sum(s.waitlists, (w) => w.releasedPersons) },
  { key: 'refilled', count: (s) => sum(s.waitlists, (w) => w.refilledPersons) },
  { key: 'stillWaiting', count: (s) => sum(s.waitlists, (w) => w.waitingPersons) },
  { key: 'walkUps', count: (s) => sum(s.waitlists, (w) => w.walkUpPersons) },
  { key: 'overbooked', count: (s) => sum(s.overbooking, (o) => o.allowance) },
  { key: 'doorFull', count: (s) => s.overall.doorFullScans },
];

type Props = {
  editions: Edition[];
  edition: Edition;
  /** The edition compared with, if any. */
  other: Edition | undefined;
  onOtherChange: (slug: string | undefined) => void;
};

/** This edition's headline figures beside another's (the 2010 weekend as it was, and with the tools). */
export function EditionComparison({ editions, edition, other, onOtherChange }: Props) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const name = (e: Edition) => pickLocalized(e.names, i18n.language);
  return (
    <>
      <FilterSelect
        label={t('dashboard.compare.with')}
        allLabel={t('dashboard.compare.none')}
        value={other?.slug}
        onChange={onOtherChange}
        options={editions.filter((e) => e.id !== edition.id).map((e) => ({ value: e.slug, label: name(e) }))}
      />
      {other ? (
        <ComparisonTable captionId={captionId} editions={[edition, other]} names={[name(edition), name(other)]} />
      ) : (
        <p className="empty-state">{t('dashboard.compare.empty')}</p>
      )}
    </>
  );
}

function ComparisonTable({ captionId, editions, names }: { captionId: string; editions: [Edition, Edition]; names: [string, string] }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const mine = useEditionStats(editions[0].id);
  const theirs = useEditionStats(editions[1].id);
  const failed = mine.isError ? mine : theirs.isError ? theirs : undefined;
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!mine.data || !theirs.data) return <Loading />;
  const both = [mine.data, theirs.data];
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table" data-testid="comparison-table">
        <caption id={captionId}>{t('dashboard.compare.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.compare.figure')}</th>
            {names.map((n, i) => (
              <th key={i} scope="col" className="num">
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.key}>
              <th scope="row">{t(`dashboard.compare.rows.${row.key}`)}</th>
              {both.map((s, i) => (
                <td key={i} className="num">
                  {row.rate ? format.rate(row.rate(s)) : format.count(row.count?.(s))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
