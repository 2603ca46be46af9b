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

// Organiser dashboard
export type EditionStats = Schemas['EditionStats'];
export type Figures = Schemas['Figures'];
export type AttractionFigures = Schemas['AttractionFigures'];
export type Arrivals = Schemas['Arrivals'];
export type CrossBorder = Schemas['CrossBorder'];
export type VerdictCount = Schemas['VerdictCount'];
export type WaitlistFigures = Schemas['WaitlistFigures'];
export type StatsQuery = NonNullable<operations['getEditionStats']['parameters']['query']>;
export type CapacityChange = Schemas['CapacityChange'];

export type OffersQuery = NonNullable<operations['listOffers']['parameters']['query']>;
export type MeQuery = NonNullable<operations['getMe']['parameters']['query']>;
export type Ticket = Schemas['TicketView'];
export type TicketStatus = Schemas['TicketStatus'];
export type TicketLink = Schemas['TicketLinkView'];
export type ClaimRequest = Schemas['ClaimRequest'];
export type Verdict = Schemas['Verdict'];
export type ScanRequest = Schemas['ScanRequest'];
export type ScanResult = Schemas['ScanResult'];
export type DoorList = Schemas['DoorList'];
export type DoorTicket = Schemas['DoorTicket'];
export type TicketKey = Schemas['TicketKeyView'];
export type WalkUpRequest = Schemas['WalkUpRequest'];
export type WalkUpResult = Schemas['WalkUpResult'];
export type WalkUpWindow = Schemas['WalkUpWindow'];

// Administration (organisers)
export type TerritoryInput = Schemas['TerritoryInput'];
export type PostcodeMatch = Schemas['PostcodeMatch'];
export type StaffMember = Schemas['StaffView'];
export type StaffAccountInput = Schemas['StaffAccountInput'];
export type Assignments = Schemas['Assignments'];
export type AttractionInput = Schemas['AttractionInput'];
export type AuditEntry = Schemas['AuditEntry'];
export type PostcodeChange = Schemas['PostcodeChangeView'];
export type FieldError = NonNullable<Problem['errors']>[number];
export type EditionInput = Schemas['EditionInput'];
export type OfferInput = Schemas['OfferInput'];
