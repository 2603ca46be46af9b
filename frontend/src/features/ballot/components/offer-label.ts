import type { Offer } from '@/lib/api/types';
import type { useFormat } from '@/lib/i18n';

/** "Louvre-Lens, Saturday 28 March": how a choice is named. */
export function offerLabel(offer: Offer, format: ReturnType<typeof useFormat>): string {
  return `${format.localized(offer.attraction.name)}, ${format.day(offer.day, { weekday: 'long', day: 'numeric', month: 'long' })}`;
}

/** The label of an offer id, from the edition's offers (the id itself when it is not among them). */
export function offerLabelById(id: number, offers: readonly Offer[] | undefined, format: ReturnType<typeof useFormat>, fallback: string): string {
  const offer = offers?.find((o) => o.id === id);
  return offer ? offerLabel(offer, format) : fallback;
}
