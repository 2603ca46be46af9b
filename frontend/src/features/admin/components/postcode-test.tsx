import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ApiError } from '@/lib/api/errors';
import { pickLocalized } from '@/lib/i18n/format';
import { usePostcodeMatch } from '../api/match-postcode';

/** "Test a postcode": which territory (if any) the API puts a postcode in. */
export function PostcodeTest() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const match = usePostcodeMatch(asked);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const postcode = typed.trim();
    if (postcode) setAsked(postcode);
  };

  let result: string | null = null;
  if (asked !== null) {
    if (match.isPending) result = t('status.loading');
    else if (match.isError)
      result =
        match.error instanceof ApiError && match.error.problem.detail
          ? `${t('admin.postcode.failed')} ${match.error.problem.detail}`
          : t('admin.postcode.failed');
    else
      result = t('admin.postcode.result', {
        postcode: match.data.postcode,
        territory: match.data.territory ? pickLocalized(match.data.territory.name, i18n.language) : t('admin.postcode.none'),
      });
  }

  return (
    <section className="admin-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('admin.postcode.title')}</h3>
      <form onSubmit={onSubmit} className="admin-inline-form">
        <label htmlFor={`${id}-input`}>{t('admin.postcode.label')}</label>
        <input id={`${id}-input`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        <button type="submit" className="button button--secondary">
          {t('admin.postcode.test')}
        </button>
      </form>
      <p role="status" data-testid="postcode-result">
        {result}
      </p>
    </section>
  );
}
