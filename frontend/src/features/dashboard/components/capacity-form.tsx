import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { ApiError, NetworkError, problemSlug } from '@/lib/api/errors';
import { useChangeOfferCapacity } from '../api/change-offer-capacity';
import { useFigureFormat } from '../utils/format';

/** The API's bounds of a capacity (CapacityChange). */
export const MAX_CAPACITY = 100_000;

type Props = {
  editionId: number;
  offerId: number;
  /** The capacity the server has now. */
  capacity: number;
  /** "Louvre-Lens, Saturday 27 March": names the field and its button. */
  label: string;
};

type Message = { text: string; detail?: string };

/**
 * An offer's capacity, edited in place: number input + Save. A refusal (409 capacity-below-booked,
 * 400 validation-failed) shows in an alert next to the field, with the server's detail, and the typed
 * value stays so it can be corrected; a success shows the new capacity.
 */
export function CapacityForm({ editionId, offerId, capacity, label }: Props) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // What the user typed; null while untouched, so the field follows the live figures.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const [saved, setSaved] = useState(false);
  const change = useChangeOfferCapacity();
  const shown = draft ?? String(capacity);

  const fail = (message: Message) => {
    setError(message);
    input.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    setSaved(false);
    const value = Number(shown);
    if (shown.trim() === '' || !Number.isInteger(value) || value < 0 || value > MAX_CAPACITY) {
      fail({ text: t('dashboard.capacity.invalid', { max: format.count(MAX_CAPACITY) }) });
      return;
    }
    setError(null);
    change.mutate(
      { editionId, offerId, capacity: value },
      {
        onSuccess: (offer) => {
          setDraft(null);
          setSaved(offer.capacity === value);
        },
        onError: (failure) => {
          const slug = problemSlug(failure);
          if (slug === 'capacity-below-booked') {
            fail({ text: t('dashboard.capacity.belowBooked'), detail: (failure as ApiError).problem.detail });
          } else if (slug === 'validation-failed') {
            const field = (failure as ApiError).problem.errors?.find((e) => e.field.endsWith('capacity'));
            fail({
              text: t('dashboard.capacity.invalid', { max: format.count(MAX_CAPACITY) }),
              detail: field?.message ?? (failure as ApiError).problem.detail,
            });
          } else if (failure instanceof NetworkError) {
            fail({ text: t('dashboard.capacity.network') });
          } else {
            fail({
              text: t('dashboard.capacity.failed'),
              detail: failure instanceof ApiError ? failure.problem.detail : undefined,
            });
          }
        },
      },
    );
  };

  return (
    <form className="capacity-form" onSubmit={onSubmit} noValidate data-offer={offerId}>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('dashboard.capacity.label', { name: label })}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        className="capacity-form__input"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_CAPACITY}
        step={1}
        value={shown}
        onChange={(e) => {
          setDraft(e.target.value);
          setSaved(false);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        readOnly={change.isPending}
      />
      {/* Not disabled while saving: a disabled button would drop the focus (a second press does nothing). */}
      <button type="submit" className="button button--small button--secondary" aria-disabled={change.isPending || undefined}>
        {change.isPending ? t('dashboard.capacity.saving') : t('dashboard.capacity.save')}{' '}
        <span className="visually-hidden">{t('dashboard.capacity.saveFor', { name: label })}</span>
      </button>
      <span className="capacity-form__status" role="status">
        {saved && t('dashboard.capacity.saved')}
      </span>
      {error && (
        <div id={`${id}-error`} className="capacity-form__error" role="alert">
          <p>{error.text}</p>
          {/* The API writes its details in English. */}
          {error.detail && <p lang="en">{error.detail}</p>}
        </div>
      )}
    </form>
  );
}
