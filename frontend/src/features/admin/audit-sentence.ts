import type { TFunction } from 'i18next';
import type { AuditEntry } from '@/lib/api/types';

/** The actions the backend records (`audit.record(...)` calls), each with its sentence in the UI language. */
export const AUDIT_ACTIONS = [
  'attraction.create',
  'attraction.update',
  'edition.create',
  'edition.update',
  'offer.create',
  'offer.capacity',
  'staff.create',
  'staff.assign',
  'territory.create',
  'territory.update',
  'ballot.draw',
  'ballot.disqualify',
  'postcode-change.approve',
  'postcode-change.reject',
] as const;
type AuditAction = (typeof AUDIT_ACTIONS)[number];

const isKnown = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);

function parseDetails(details: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(details) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const text = (value: unknown) => (value === undefined || value === null ? '?' : String(value));

/**
 * One audit entry as a sentence ("Changed the capacity of offer no. 12 from 40 to 60 entries."), from
 * its action and its details (JSON as recorded); undefined for an action or details it does not know,
 * which are then shown as recorded. `day` formats a calendar day in the UI language.
 */
export function auditSentence(entry: AuditEntry, t: TFunction, day: (day: string) => string): string | undefined {
  const details = parseDetails(entry.details);
  if (!isKnown(entry.action) || !details) return undefined;
  const id = entry.entityId;
  const key = entry.action.replace(/[.-]/g, '_') as
    | 'attraction_create' | 'attraction_update' | 'edition_create' | 'edition_update' | 'offer_create' | 'offer_capacity'
    | 'staff_create' | 'staff_assign' | 'territory_create' | 'territory_update' | 'ballot_draw' | 'ballot_disqualify'
    | 'postcode_change_approve' | 'postcode_change_reject';
  const attractionIds = Array.isArray(details.attractionIds) ? details.attractionIds.map(text) : [];
  const values = {
    id,
    slug: text(details.slug),
    state: t(details.active === false ? 'admin.audit.hidden' : 'admin.audit.shown'),
    attraction: text(details.attraction),
    day: typeof details.day === 'string' ? day(details.day) : '?',
    capacity: text(details.capacity),
    from: text(details.from),
    to: text(details.to),
    email: text(details.email),
    count: attractionIds.length,
    ids: attractionIds.join(', '),
    postcodePattern: text(details.postcodePattern),
    winners: text(details.winners),
    resultHash: text(details.resultHash).slice(0, 12),
    username: text(details.username),
    drawId: text(details.drawId),
    reason: text(details.reason),
    requested: text(details.requested),
  };
  return t(`admin.audit.sentence.${key}`, values);
}
