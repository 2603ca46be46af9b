import { useId } from 'react';
import { describedBy, FieldError } from './field-error';

export type SelectOption = { value: string; label: string };

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** Sent with the form; filters that apply at once need none. */
  name?: string;
  /** The server's message about this input (in English). */
  error?: string;
  /** Extra classes of the field (`field--inline`). */
  className?: string;
};

/** A labelled select; its error (from the server) is tied to it by aria-describedby + aria-invalid. */
export function SelectField({ label, value, onChange, options, name, error, className }: Props) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} {...describedBy(id, { error })}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
