import { useId, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'onChange' | 'value'> & {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The server's message about this input (in English). */
  error?: string;
  hint?: string;
};

/** A labelled input; its error (from the server) is tied to it by aria-describedby + aria-invalid. */
export function TextField({ name, label, value, onChange, error, hint, ...rest }: Props) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field admin-field">
      <label htmlFor={id}>{label}</label>
      <input
        {...rest}
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="admin-field__error" lang="en">
          {error}
        </p>
      )}
    </div>
  );
}
