// Named aliases of the generated contract types. Nothing here is written by hand:
// every type comes from schema.d.ts (npm run gen:api).
import type { components, operations } from './schema';

type Schemas = components['schemas'];

export type Problem = Schemas['Problem'];
export type Localized = Schemas['Localized'];
export type Territory = Schemas['TerritoryView'];
export type Edition = Schemas['EditionView'];
export type Offer = Schemas['OfferView'];
export type Attraction = Schemas['AttractionView'];
export type Category = Attraction['category'];
export type Me = Schemas['MeView'];

export type OffersQuery = NonNullable<operations['listOffers']['parameters']['query']>;
export type MeQuery = NonNullable<operations['getMe']['parameters']['query']>;
export type Ticket = Schemas['TicketView'];
export type TicketStatus = Schemas['TicketStatus'];
export type ClaimRequest = Schemas['ClaimRequest'];
