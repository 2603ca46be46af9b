import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';

type Props = {
  /** The column headings; a last column of row actions is added unless `actions` is false. */
  columns: readonly string[];
  actions?: boolean;
  testId?: string;
  children: ReactNode;
};

/** An admin list as a table (scrolling sideways on narrow screens), one `<tr>` per item in `children`. */
export function AdminTable({ columns, actions = true, testId, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="admin-table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

type RowButtonProps = {
  /** What it does ("Edit"), and the row it does it to (said to screen readers only). */
  label: string;
  item: string;
  onClick: () => void;
  busy?: boolean;
};

/** A small button of a table row; `busy` keeps it focusable but inert while a change is on its way. */
export function RowButton({ label, item, onClick, busy }: RowButtonProps) {
  return (
    <button
      type="button"
      className="button button--small button--secondary"
      aria-disabled={busy || undefined}
      onClick={() => !busy && onClick()}
    >
      {label} <span className="visually-hidden">{item}</span>
    </button>
  );
}
