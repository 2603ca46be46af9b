import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { VERDICT_ADMITTED_MS, VERDICT_REFUSED_MS } from '@/config/settings';
import type { Attraction, Verdict } from '@/lib/api/types';
import { intlLocale, useFormat } from '@/lib/i18n';
import type { ShownVerdict } from '../hooks/use-door-scanner';
import { calendarDay, compareDay } from '../offline/calendar-day';
import { PersonsStepper } from './persons-stepper';

export type VerdictTone = 'ok' | 'warn' | 'stop' | 'full';

/**
 * Green for in, orange for a ticket that is real but not for now or here, red for one that never will be,
 * violet for a good ticket at a door that is full (each with its own symbol and words, never colour alone).
 */
export function verdictTone(verdict: Verdict): VerdictTone {
  if (verdict === 'ADMITTED') return 'ok';
  if (verdict === 'CANCELLED' || verdict === 'INVALID') return 'stop';
  if (verdict === 'DOOR_FULL') return 'full';
  return 'warn';
}

const ICONS: Record<VerdictTone, string> = { ok: '✓', warn: '!', stop: '✕', full: '⊘' };

type Props = {
  shown: ShownVerdict;
  /** The doors of this account, to name the one a ticket is for. */
  attractions: readonly Attraction[];
  today: string;
  /** The zone of the door's day (the edition's). */
  timeZone: string;
  deviceId: string;
  busy: boolean;
  onDismiss: () => void;
  onAdmitMore: (count: number) => void;
};

/** The verdict, full screen at once; goes away by itself after a moment, or at a tap. */
export function VerdictScreen({ shown, attractions, today, timeZone, deviceId, busy, onDismiss, onAdmitMore }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { result } = shown;
  const tone = verdictTone(result.verdict);
  const ref = useRef<HTMLDivElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  /** Staff touching the "admit more" stepper: the screen waits for them. */
  const [holding, setHolding] = useState(false);
  const remaining = result.personsRemaining ?? 0;
  const [more, setMore] = useState(remaining);
  const alternatives = result.verdict === 'DOOR_FULL' ? (result.alternatives ?? []) : [];
  /** A full door with a few places still left, fewer than the party: part of it may come in now. */
  const doorPlacesLeft = result.verdict === 'DOOR_FULL' ? (result.doorPlacesLeft ?? 0) : 0;
  const showPartial = doorPlacesLeft > 0 && doorPlacesLeft < remaining;
  const [partial, setPartial] = useState(Math.min(doorPlacesLeft, remaining));
  const partialCount = Math.max(1, Math.min(partial, doorPlacesLeft));
  /** A full door with places elsewhere, or room for part of the party: the staff tell the party, so the screen waits for them. */
  const waits = holding || alternatives.length > 0 || showPartial;

  useEffect(() => {
    nextRef.current?.focus({ preventScroll: true });
  }, [shown.scanId]);

  useEffect(() => {
    if (waits) return;
    const timer = window.setTimeout(onDismiss, tone === 'ok' ? VERDICT_ADMITTED_MS : VERDICT_REFUSED_MS);
    return () => window.clearTimeout(timer);
  }, [shown.scanId, waits, tone, onDismiss]);

  // QR-to-verdict measure: from the camera's look (ready, or resumed) to this screen painted.
  useEffect(() => {
    const timing = shown.timing;
    if (!timing) return;
    const frame = requestAnimationFrame(() => {
      const painted = performance.now();
      const element = ref.current;
      if (!element) return;
      element.dataset.decodeMs = String(Math.round(timing.decodedAt - timing.lookStartedAt));
      if (timing.judgedAt) element.dataset.judgedMs = String(Math.round(timing.judgedAt - timing.lookStartedAt));
      element.dataset.verdictMs = String(Math.round(painted - timing.lookStartedAt));
      try {
        performance.measure('gj:qr-to-verdict', { start: timing.lookStartedAt, end: painted });
      } catch {
        // no User Timing level 3: the data attributes still tell
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [shown]);

  const time = (instant: string) => {
    const date = new Date(instant);
    const sameDay = calendarDay(date, timeZone) === today;
    return new Intl.DateTimeFormat(intlLocale(i18n.resolvedLanguage), {
      ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }).format(date);
  };

  const party = result.partySize ?? 0;
  const lines: string[] = [];
  switch (result.verdict) {
    case 'ADMITTED':
      if (result.personsAdmittedBefore > 0) lines.push(t('scanner.alreadyIn', { count: result.personsAdmittedBefore }));
      if (remaining > 0) lines.push(t('scanner.toCome', { count: remaining }));
      break;
    case 'ALREADY_USED':
      if (remaining > 0) {
        lines.push(t('scanner.reason.alreadyOnly', { count: remaining, party }));
      } else {
        lines.push(t('scanner.reason.alreadyWhole', { count: party }));
        if (result.firstAdmittedAt) {
          lines.push(
            result.firstAdmittedBy === deviceId
              ? t('scanner.reason.firstAdmittedHere', { time: time(result.firstAdmittedAt) })
              : t('scanner.reason.firstAdmitted', {
                  time: time(result.firstAdmittedAt),
                  device: result.firstAdmittedBy ?? '?',
                }),
          );
        } else if (shown.offline) {
          lines.push(t('scanner.reason.firstAdmittedUnknown'));
        }
      }
      break;
    case 'WRONG_ATTRACTION': {
      const other = attractions.find((a) => a.id === result.attractionId);
      lines.push(
        other
          ? t('scanner.reason.wrongAttraction', { name: format.localized(other.name) })
          : t('scanner.reason.wrongAttractionOther'),
      );
      break;
    }
    case 'WRONG_DAY':
      if (result.day) {
        const day = format.day(result.day, { weekday: 'long', day: 'numeric', month: 'long' });
        const when = compareDay(result.day, calendarDay(new Date(shown.scannedAt), timeZone));
        lines.push(t(when === 'early' ? 'scanner.reason.tooEarly' : 'scanner.reason.tooLate', { day }));
      }
      break;
    case 'CANCELLED':
      lines.push(t('scanner.reason.cancelled'));
      break;
    case 'TOO_MANY_PERSONS':
      lines.push(t('scanner.reason.tooMany', { count: remaining, party }));
      break;
    case 'BAD_SCAN_TIME':
      lines.push(t('scanner.reason.badScanTime'));
      break;
    case 'DOOR_FULL':
      lines.push(t(showPartial ? 'scanner.reason.doorAlmostFull' : 'scanner.reason.doorFull'));
      if (alternatives.length === 0) lines.push(t('scanner.doorFull.none'));
      break;
    case 'INVALID':
      lines.push(
        result.offlineReason ? t(`scanner.reason.offline.${result.offlineReason}`) : t('scanner.reason.invalid'),
      );
      break;
  }

  const showMore =
    remaining > 0 &&
    (result.verdict === 'ADMITTED' || result.verdict === 'ALREADY_USED' || result.verdict === 'TOO_MANY_PERSONS');
  const stop = (event: MouseEvent) => event.stopPropagation();

  return (
    <div
      ref={ref}
      className={`verdict verdict--${tone}`}
      data-testid="verdict"
      data-verdict={result.verdict}
      data-offline={shown.offline}
      onClick={onDismiss}
    >
      <div className="verdict__body">
        <p className="verdict__icon" aria-hidden="true">
          {ICONS[tone]}
        </p>
        <h2 className="verdict__title" role="alert">
          {t(`scanner.verdict.${result.verdict}`)}
        </h2>
        {result.verdict === 'ADMITTED' && (
          <p className="verdict__persons" data-testid="verdict-persons">
            {t('scanner.partyAdmitted', { admitted: result.personsAdmittedNow, count: party })}
          </p>
        )}
        {result.holderFirstName && <p className="verdict__name">{result.holderFirstName}</p>}
        {lines.map((line) => (
          <p key={line} className="verdict__reason">
            {line}
          </p>
        ))}
        {showPartial && (
          <section
            className="verdict__more verdict__partial"
            aria-labelledby={`${shown.scanId}-partial`}
            data-testid="door-full-partial"
            onClick={stop}
          >
            <h3 id={`${shown.scanId}-partial`}>
              {t('scanner.doorFull.partial.title', { count: doorPlacesLeft, party: remaining })}
            </h3>
            <PersonsStepper
              label={t('scanner.doorFull.partial.label')}
              value={partialCount}
              max={doorPlacesLeft}
              onChange={setPartial}
            />
            <button type="button" className="button" disabled={busy} onClick={() => onAdmitMore(partialCount)}>
              {t('scanner.doorFull.partial.submit', { count: partialCount, party: remaining })}
            </button>
            <p className="verdict__hint">{t('scanner.doorFull.partial.rest')}</p>
          </section>
        )}
        {alternatives.length > 0 && (
          <section className="verdict__alternatives" aria-labelledby={`${shown.scanId}-alternatives`}>
            <h3 id={`${shown.scanId}-alternatives`}>{t('scanner.doorFull.alternatives')}</h3>
            <ul data-testid="door-full-alternatives">
              {alternatives.map((a) => (
                <li key={a.offerId}>
                  <strong>{format.localized(a.attractionName)}</strong>
                  {' · '}
                  <time dateTime={a.day}>
                    {a.day === today
                      ? t('scanner.doorFull.today')
                      : format.day(a.day, { weekday: 'long', day: 'numeric', month: 'long' })}
                  </time>
                  {' · '}
                  {t('scanner.doorFull.placesLeft', { count: a.placesLeft })}
                </li>
              ))}
            </ul>
          </section>
        )}
        {shown.offline && (
          <p className="verdict__offline">
            <strong>{t('scanner.checkedOffline')}</strong>
            {shown.queued && <> · {t('scanner.queued')}</>}
          </p>
        )}
        {showMore && (
          <div className="verdict__more" onClick={stop} onPointerDown={() => setHolding(true)} onFocus={() => setHolding(true)}>
            <PersonsStepper
              label={t('scanner.more.label')}
              value={Math.min(more, remaining)}
              max={remaining}
              onChange={setMore}
            />
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => onAdmitMore(Math.min(more, remaining))}
            >
              {t('scanner.more.submit', { count: Math.min(more, remaining) })}
            </button>
          </div>
        )}
        <button ref={nextRef} type="button" className="button button--secondary verdict__next" onClick={onDismiss}>
          {t('scanner.next')}
        </button>
      </div>
      {!waits && (
        <div
          className="verdict__timer"
          aria-hidden="true"
          style={{ animationDuration: `${tone === 'ok' ? VERDICT_ADMITTED_MS : VERDICT_REFUSED_MS}ms` }}
        />
      )}
    </div>
  );
}
