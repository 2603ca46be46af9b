import { useState, type Ref } from 'react';
import { useTranslation } from '@/lib/i18n/react';

type Props = {
  inputRef: Ref<HTMLInputElement>;
  busy: boolean;
  onSubmit: (code: string) => void;
};

/** A code typed or pasted (or typed by a keyboard-wedge scanner, which ends with Enter). */
export function CodeEntryForm({ inputRef, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  return (
    <form
      className="code-entry"
      onSubmit={(event) => {
        event.preventDefault();
        if (!code.trim() || busy) return;
        onSubmit(code);
        setCode('');
      }}
    >
      <label htmlFor="scanner-code">{t('scanner.code.label')}</label>
      <div className="code-entry__row">
        <input
          ref={inputRef}
          id="scanner-code"
          name="code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          aria-describedby="scanner-code-hint"
        />
        <button type="submit" className="button" disabled={busy}>
          {t('scanner.code.submit')}
        </button>
      </div>
      <p id="scanner-code-hint" className="field__hint">
        {t('scanner.code.hint')}
      </p>
    </form>
  );
}
