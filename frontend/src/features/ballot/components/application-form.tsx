import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import '../ballot.css';
import { useTranslation } from '@/lib/i18n/react';
import { ApiError } from '@/lib/api/errors';
import { newIdempotencyKey } from '@/lib/api/idempotency';
import type { Edition, Offer } from '@/lib/api/types';
import { useAuth } from '@/lib/auth';
import { useFormat } from '@/lib/i18n';
import { useSaveApplication } from '../api/save-application';
import type { Application } from '../api/types';
import { BallotProblem } from './ballot-problem';
import { offerLabel } from './offer-label';

type Props = {
  edition: Edition;
  /** The edition's offers, to choose from. */
  offers: readonly Offer[];
  /** The application being changed (none: a new one). */
  application?: Application | null;
  onSaved: (application: Application) => void;
  onCancel?: () => void;
};

type Direction = -1 | 1;

/**
 * Party size, then up to maxChoices offers, best first, reordered with "Move up"/"Move down" buttons
 * (the focus follows the moved choice, and a status line says where it went), plus "any other offer
 * of the same day". One Idempotency-Key per attempt, kept until the server gives a definite answer.
 */
export function ApplicationForm({ edition, offers, application, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { username } = useAuth();
  const id = useId();
  const save = useSaveApplication(username);
  const [partySize, setPartySize] = useState(application?.partySize ?? 1);
  const [choices, setChoices] = useState<number[]>(() => application?.choices.filter((c) => offers.some((o) => o.id === c)) ?? []);
  const [anyOther, setAnyOther] = useState(application?.anyOtherSameDay ?? false);
  const [pick, setPick] = useState('');
  const [announce, setAnnounce] = useState('');
  const [missing, setMissing] = useState(false);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const partyRef = useRef<HTMLSelectElement>(null);
  const addRef = useRef<HTMLSelectElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => partyRef.current?.focus(), []);
  useEffect(() => {
    if (save.error) alertRef.current?.focus();
  }, [save.error]);
  useEffect(() => {
    if (pendingFocus.current) {
      buttons.current.get(pendingFocus.current)?.focus();
      pendingFocus.current = null;
    }
  });

  const byId = new Map(offers.map((o) => [o.id, o]));
  const label = (offerId: number) => {
    const offer = byId.get(offerId);
    return offer ? offerLabel(offer, format) : t('ballot.apply.unknownOffer', { id: offerId });
  };
  const full = choices.length >= edition.maxChoices;
  const available = format.sortByName(
    offers.filter((o) => !choices.includes(o.id)),
    (o) => offerLabel(o, format),
  ).sort((a, b) => a.day.localeCompare(b.day));

  const add = () => {
    const offerId = Number(pick);
    if (!pick || full || choices.includes(offerId)) return;
    setChoices([...choices, offerId]);
    setPick('');
    setMissing(false);
    setAnnounce(t('ballot.apply.added', { name: label(offerId), position: choices.length + 1, total: choices.length + 1 }));
    addRef.current?.focus();
  };

  const move = (index: number, direction: Direction) => {
    const target = index + direction;
    if (target < 0 || target >= choices.length) return;
    const next = [...choices];
    [next[index], next[target]] = [next[target]!, next[index]!];
    setChoices(next);
    const offerId = next[target]!;
    // Stay on the same button of the moved choice; at an end, on the other one.
    const atEnd = (direction === -1 && target === 0) || (direction === 1 && target === next.length - 1);
    pendingFocus.current = `${offerId}:${atEnd ? (direction === -1 ? 'down' : 'up') : direction === -1 ? 'up' : 'down'}`;
    setAnnounce(t('ballot.apply.moved', { name: label(offerId), position: target + 1, total: next.length }));
  };

  const remove = (index: number) => {
    const offerId = choices[index]!;
    const next = choices.filter((_, i) => i !== index);
    setChoices(next);
    setAnnounce(t('ballot.apply.removed', { name: label(offerId) }));
    const neighbour = next[index] ?? next[index - 1];
    if (neighbour !== undefined) pendingFocus.current = `${neighbour}:remove`;
    else addRef.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    if (choices.length === 0) {
      setMissing(true);
      addRef.current?.focus();
      return;
    }
    const request = { partySize, choices, anyOtherSameDay: anyOther };
    const body = JSON.stringify(request);
    if (!attempt.current || attempt.current.body !== body) attempt.current = { key: newIdempotencyKey(), body };
    save.mutate(
      { editionId: edition.id, idempotencyKey: attempt.current.key, ...request },
      {
        onSuccess: (saved) => {
          attempt.current = null;
          onSaved(saved);
        },
        onError: (error) => {
          // A refusal is final; without an answer the application may have been saved: same key again.
          if (error instanceof ApiError && error.status < 500) attempt.current = null;
        },
      },
    );
  };

  const ref = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <form className="ballot-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{application ? t('ballot.apply.editTitle') : t('ballot.apply.title')}</h3>
      <div className="field">
        <label htmlFor={`${id}-party`}>{t('ballot.apply.partySize')}</label>
        <select
          ref={partyRef}
          id={`${id}-party`}
          value={partySize}
          onChange={(e) => setPartySize(Number(e.target.value))}
          disabled={save.isPending}
        >
          {Array.from({ length: edition.maxPartySize }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {t('ballot.people', { count: n })}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="ballot-form__choices">
        <legend>{t('ballot.apply.choices', { count: edition.maxChoices })}</legend>
        <p className="field__hint" id={`${id}-choices-hint`}>
          {t('ballot.apply.choicesHint')}
        </p>
        {choices.length > 0 ? (
          <ol className="ballot-choices" aria-label={t('ballot.apply.ranking')}>
            {choices.map((offerId, index) => {
              const name = label(offerId);
              return (
                <li key={offerId} className="ballot-choices__item">
                  <span className="ballot-choices__name">{name}</span>{' '}
                  <span className="ballot-choices__actions">
                    <button
                      ref={ref(`${offerId}:up`)}
                      type="button"
                      className="button button--secondary"
                      disabled={index === 0 || save.isPending}
                      onClick={() => move(index, -1)}
                    >
                      {t('ballot.apply.moveUp')} <span className="visually-hidden">{name}</span>
                    </button>
                    <button
                      ref={ref(`${offerId}:down`)}
                      type="button"
                      className="button button--secondary"
                      disabled={index === choices.length - 1 || save.isPending}
                      onClick={() => move(index, 1)}
                    >
                      {t('ballot.apply.moveDown')} <span className="visually-hidden">{name}</span>
                    </button>
                    <button
                      ref={ref(`${offerId}:remove`)}
                      type="button"
                      className="button button--secondary"
                      disabled={save.isPending}
                      onClick={() => remove(index)}
                    >
                      {t('ballot.apply.remove')} <span className="visually-hidden">{name}</span>
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="empty-state">{t('ballot.apply.noChoice')}</p>
        )}
        {full ? (
          <p className="field__hint">{t('ballot.apply.full', { count: edition.maxChoices })}</p>
        ) : (
          <div className="field ballot-form__add">
            <label htmlFor={`${id}-add`}>{t('ballot.apply.addLabel')}</label>
            <select
              ref={addRef}
              id={`${id}-add`}
              value={pick}
              onChange={(e) => setPick(e.target.value)}
              disabled={save.isPending}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${id}-missing` : undefined}
            >
              <option value="">{t('ballot.apply.pick')}</option>
              {available.map((o) => (
                <option key={o.id} value={o.id}>
                  {offerLabel(o, format)}
                </option>
              ))}
            </select>
            <button type="button" className="button button--secondary" onClick={add} disabled={!pick || save.isPending}>
              {t('ballot.apply.add')}
            </button>
            {missing && (
              <p id={`${id}-missing`} className="field__error">
                {t('ballot.apply.missing')}
              </p>
            )}
          </div>
        )}
      </fieldset>

      <div className="field field--checkbox">
        <input
          id={`${id}-any`}
          type="checkbox"
          checked={anyOther}
          onChange={(e) => setAnyOther(e.target.checked)}
          disabled={save.isPending}
        />
        <label htmlFor={`${id}-any`}>{t('ballot.apply.anyOther')}</label>
      </div>

      {save.isError && <BallotProblem ref={alertRef} error={save.error} />}

      <div className="form-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('ballot.apply.sending') : application ? t('ballot.apply.update') : t('ballot.apply.submit')}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={save.isPending}>
            {t('ballot.apply.cancel')}
          </button>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {save.isPending ? t('ballot.apply.sending') : announce}
      </p>
    </form>
  );
}
