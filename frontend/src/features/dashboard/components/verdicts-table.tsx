import { useId } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { nameCollator } from '@/lib/i18n';
import type { Verdict, VerdictCount } from '@/lib/api/types';
import { useFigureFormat } from '../utils/format';

/** The verdicts of the contract, in the order the table shows them. */
const VERDICTS: Verdict[] = ['ADMITTED', 'ALREADY_USED', 'INVALID', 'WRONG_ATTRACTION', 'WRONG_DAY', 'CANCELLED'];

type Props = {
  verdicts: VerdictCount[];
  attractionName: (attractionId: number) => string;
};

type Row = { attractionId: number; name: string; scans: Map<string, number>; conflicts: number; refused: number };

/**
 * Door scans per attraction and verdict: admissions, then the refusals (a ticket already used, an
 * unreadable or forged code...), and the offline admissions the server found in conflict (the party
 * may have entered twice). Attractions with refusals or conflicts first.
 */
export function VerdictsTable({ verdicts, attractionName }: Props) {
  const { t, i18n } = useTranslation();
  const collator = nameCollator(i18n.language);
  const format = useFigureFormat();
  const captionId = useId();
  if (verdicts.length === 0) return <p className="empty-state">{t('dashboard.verdicts.empty')}</p>;

  const rows = new Map<number, Row>();
  for (const v of verdicts) {
    const row = rows.get(v.attractionId) ?? {
      attractionId: v.attractionId,
      name: attractionName(v.attractionId),
      scans: new Map<string, number>(),
      conflicts: 0,
      refused: 0,
    };
    row.scans.set(v.verdict, (row.scans.get(v.verdict) ?? 0) + v.scans);
    row.conflicts += v.conflicts;
    if (v.verdict !== 'ADMITTED') row.refused += v.scans;
    rows.set(v.attractionId, row);
  }
  const sorted = [...rows.values()].sort(
    (a, b) => b.conflicts - a.conflicts || b.refused - a.refused || collator.compare(a.name, b.name),
  );
  // Verdicts the contract may add later still show, after the known ones.
  const extra = [...new Set(verdicts.map((v) => v.verdict))].filter((v) => !(VERDICTS as string[]).includes(v));
  const columns = [...VERDICTS, ...extra];
  const label = (verdict: string) =>
    (VERDICTS as string[]).includes(verdict) ? t(`dashboard.verdicts.verdict.${verdict as Verdict}`) : verdict;

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table" data-testid="verdicts-table">
        <caption id={captionId}>{t('dashboard.verdicts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.column.name')}</th>
            {columns.map((verdict) => (
              <th key={verdict} scope="col" className="num">
                {label(verdict)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('dashboard.verdicts.conflicts')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.attractionId}>
              <th scope="row">{row.name}</th>
              {columns.map((verdict) => (
                <td key={verdict} className="num">
                  {format.count(row.scans.get(verdict) ?? 0)}
                </td>
              ))}
              <td className={row.conflicts > 0 ? 'num data-table__alert' : 'num'}>{format.count(row.conflicts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
