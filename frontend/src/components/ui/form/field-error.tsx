/** The server's message (in English) about one input, tied to it by `aria-describedby`. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field__error" lang="en">
      {message}
    </p>
  );
}

/** The `aria-*` attributes that tie an input to its hint and its error (both optional). */
export function describedBy(id: string, { hint, error }: { hint?: string; error?: string }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined } as const;
}
