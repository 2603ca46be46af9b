import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import type { TFunction } from 'i18next';
import { ProblemAlert, type ProblemText } from '@/components/ui/problem-alert';
import { TextField } from '@/components/ui/form/text-field';
import { ApiError, NetworkError, problemSlug } from '@/lib/api/errors';
import { intlLocale } from '@/lib/i18n';
import type { WalkUpResult } from '@/lib/api/types';
import { useAdmitWalkUp, useWalkUpWindow } from '../api/walk-up';
import { deviceId } from '../utils/device-id';
import { PersonsStepper } from './persons-stepper';

type Props = {
  attractionId: number;
  online: boolean;
};

/** Problems whose server detail says more than our message (which territories, how many places left, when). */
const DETAIL_ADDS = new Set(['not-eligible', 'sold-out', 'walk-ups-closed', 'validation-failed']);

function describe(error: unknown, t: TFunction): ProblemText {
  if (error instanceof NetworkError) return { message: t('scanner.walkUp.problem.network') };
  if (!(error instanceof ApiError)) return { message: t('error.unexpected') };
  const slug = problemSlug(error);
  const detail = error.problem.detail.trim() || undefined;
  const known: Record<string, string> = {
    'not-eligible': t('scanner.walkUp.problem.notEligible'),
    'sold-out': t('scanner.walkUp.problem.soldOut'),
    'walk-ups-closed': t('scanner.walkUp.problem.closed'),
    'validation-failed': t('scanner.walkUp.problem.invalid'),
    'not-assigned': t('scanner.walkUp.problem.notAssigned'),
  };
  const message = slug ? known[slug] : undefined;
  if (!message) return { message: t('error.http', { status: error.status }), detail };
  return { message, detail: slug && DETAIL_ADDS.has(slug) ? detail : undefined, slug };
}

/**
 * Walk-ups: near closing time, the door gives the places still free today to residents without a
 * ticket (their postcode is checked by the server). Online only: the places are counted by the server.
 * A walk-up keeps its id until it is answered, so pressing again after a lost answer admits no one twice.
 */
export function WalkUpPanel({ attractionId, online }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const windowQuery = useWalkUpWindow(attractionId);
  const admit = useAdmitWalkUp(attractionId);
  const [persons, setPersons] = useState(1);
  const [postcode, setPostcode] = useState('');
  const [admitted, setAdmitted] = useState<WalkUpResult | null>(null);
  const pendingId = useRef<string | null>(null);

  const window = windowQuery.data;
  if (!window) return null; // no walk-ups at this door today (or not known yet)
  const time = (instant: string) => new Intl.DateTimeFormat(intlLocale(i18n.language), { timeStyle: 'short' }).format(new Date(instant));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (admit.isPending) return;
    pendingId.current ??= crypto.randomUUID();
    setAdmitted(null);
    admit.mutate(
      { walkUpId: pendingId.current, attractionId, deviceId: deviceId(), persons, postcode: postcode.trim() },
      {
        onSuccess: (result) => {
          pendingId.current = null;
          setAdmitted(result);
          setPostcode('');
          setPersons(1);
        },
        onError: (error) => {
          // answered: the next try is a new walk-up; not answered (network): the same one again
          if (!(error instanceof NetworkError)) pendingId.current = null;
        },
      },
    );
  };

  return (
    <section className="walk-up" aria-labelledby={`${id}-title`} data-testid="walk-up-panel">
      <h2 id={`${id}-title`}>{t('scanner.walkUp.title')}</h2>
      {!window.open ? (
        <p>{t('scanner.walkUp.later', { from: time(window.opensAt), until: time(window.closesAt), count: window.placesLeft })}</p>
      ) : (
        <>
          <p role="status">{t('scanner.walkUp.open', { until: time(window.closesAt), count: window.placesLeft })}</p>
          <form onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
            <PersonsStepper label={t('scanner.walkUp.persons')} value={persons} max={Math.max(1, Math.min(window.maxPartySize, window.placesLeft))} onChange={setPersons} />
            <TextField
              name="postcode"
              label={t('scanner.walkUp.postcode')}
              hint={t('scanner.walkUp.postcodeHint')}
              value={postcode}
              onChange={setPostcode}
              autoComplete="off"
              spellCheck={false}
              required
            />
            <button type="submit" className="button" disabled={!online || admit.isPending || postcode.trim() === '' || window.placesLeft < 1}>
              {t('scanner.walkUp.admit', { count: persons })}
            </button>
            {!online && <p className="field__hint">{t('scanner.walkUp.offline')}</p>}
          </form>
        </>
      )}
      {admitted && (
        <p className="walk-up__admitted" role="status" data-testid="walk-up-admitted">
          {t('scanner.walkUp.admitted', { count: admitted.persons, territory: admitted.territory, left: admitted.placesLeft })}
        </p>
      )}
      {admit.isError && <ProblemAlert problem={describe(admit.error, t)} />}
    </section>
  );
}
