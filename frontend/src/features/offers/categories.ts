import type { Category } from '@/lib/api/types';

// Display order of the categories. A Record keyed by the generated Category union:
// the compiler rejects it if the contract gains or loses a category.
const ORDER: Record<Category, number> = {
  MUSEUM: 0,
  HERITAGE: 1,
  NATURE: 2,
  SCIENCE: 3,
  ANIMALS: 4,
  LEISURE: 5,
  SPORT: 6,
};

export const CATEGORIES = (Object.keys(ORDER) as Category[]).sort((a, b) => ORDER[a] - ORDER[b]);

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && value in ORDER;
}
