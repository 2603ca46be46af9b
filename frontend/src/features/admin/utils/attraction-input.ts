import type { Attraction, AttractionInput, Category } from '@/lib/api/types';

// Keyed by the generated Category union: the compiler rejects it if the contract gains or loses one.
const CATEGORY_SET: Record<Category, true> = {
  MUSEUM: true,
  HERITAGE: true,
  NATURE: true,
  SCIENCE: true,
  ANIMALS: true,
  LEISURE: true,
  SPORT: true,
};
export const ATTRACTION_CATEGORIES = Object.keys(CATEGORY_SET) as Category[];

export const EMPTY_ATTRACTION: AttractionInput = {
  slug: '',
  territory: '',
  category: 'MUSEUM',
  nameFr: '',
  nameEn: '',
  descriptionFr: '',
  descriptionEn: '',
  address: '',
  town: '',
  postcode: '',
  accessibilityFr: '',
  accessibilityEn: '',
  active: true,
};

/** The input that saves an attraction as it is (to edit it, or flip its `active` flag). */
export function toAttractionInput(attraction: Attraction): AttractionInput {
  return {
    slug: attraction.slug,
    territory: attraction.territory.code,
    category: attraction.category,
    nameFr: attraction.name.fr,
    nameEn: attraction.name.en,
    descriptionFr: attraction.description.fr,
    descriptionEn: attraction.description.en,
    address: attraction.address,
    town: attraction.town,
    postcode: attraction.postcode,
    accessibilityFr: attraction.accessibility.fr,
    accessibilityEn: attraction.accessibility.en,
    active: attraction.active,
  };
}
