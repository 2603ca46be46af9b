// Named aliases of the generated contract types of the ballot (nothing written by hand).
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];

export type Application = Schemas['ApplicationView'];
export type ApplicationRequest = Schemas['ApplicationRequest'];
export type DrawReport = Schemas['DrawReport'];
export type DrawFigures = Schemas['DrawFigures'];
export type BallotOverview = Schemas['BallotOverview'];
export type Applicant = Schemas['Applicant'];
export type DuplicateGroup = Schemas['DuplicateGroup'];
export type OfferDemand = Schemas['OfferDemand'];
