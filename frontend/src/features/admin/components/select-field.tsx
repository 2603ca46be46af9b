import { useId } from 'react';

type Props = {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string;
};

/** A labelled select; its error (from the server) is tied to it by aria-describedby + aria-invalid. */
export function SelectField({ name, label, value, onChange, options, error }: Props) {
  const id = useId();
  return (
    <div className="field admin-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="admin-field__error" lang="en">
          {error}
        </p>
      )}
    </div>
  );
}
