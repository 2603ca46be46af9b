import { useId, type InputHTMLAttributes } from 'react';
import { describedBy, FieldError } from './field-error';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'onChange' | 'value'> & {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The server's message about this input (in English). */
  error?: string;
  hint?: string;
};

/** A labelled input; its hint and its error (from the server) are tied to it by aria-describedby + aria-invalid. */
export function TextField({ name, label, value, onChange, error, hint, ...rest }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input {...rest} id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} {...describedBy(id, { hint, error })} />
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
