import type { ReactNode } from 'react';
import { SelectField, type SelectOption } from './select-field';

type Props = {
  /** The accessible name of the search landmark. */
  label: string;
  /** Shown (with `onReset`) while any filter is set. */
  resetLabel: string;
  active: boolean;
  onReset: () => void;
  className?: string;
  children: ReactNode;
};

/** A row of filters that apply at once (no submit), with a reset button while any is set. */
export function FilterBar({ label, resetLabel, active, onReset, className, children }: Props) {
  return (
    <form
      className={className ? `filters ${className}` : 'filters'}
      role="search"
      aria-label={label}
      onSubmit={(e) => e.preventDefault()}
    >
      {children}
      {active && (
        <button type="button" className="button button--secondary filters__reset" onClick={onReset}>
          {resetLabel}
        </button>
      )}
    </form>
  );
}

type FilterSelectProps = {
  label: string;
  /** The first option, which sets no filter ("All days"). */
  allLabel: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: readonly SelectOption[];
};

/** One filter of a FilterBar: a select whose first option ("All …") means no filter (undefined). */
export function FilterSelect({ label, allLabel, value, onChange, options }: FilterSelectProps) {
  return (
    <SelectField
      label={label}
      value={value ?? ''}
      onChange={(picked) => onChange(picked || undefined)}
      options={[{ value: '', label: allLabel }, ...options]}
    />
  );
}
