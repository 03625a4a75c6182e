/**
 * Plain input and output types of the effect calculator (effectencalculator).
 *
 * An effect calculation sets what the support given costs against what the
 * formal care it makes unnecessary would have cost (the reference scenario).
 * Every input is visible and changeable: each reference line carries its own
 * probability and duration, and each price names its source and price year.
 *
 * Numbers in the input are decimals with limited precision (see
 * {@link DECIMALS}); money in the output is integer euro cents.
 */

/** Who pays a cost, or gains an avoided cost. */
export const PAYERS = [
  'municipality_wmo',
  'municipality_youth',
  'municipality_participation',
  'health_insurer',
  'long_term_care',
  'resident',
  'housing_corporation',
  'other',
] as const;
export type Payer = (typeof PAYERS)[number];

/** The period a quantity is counted per; `duration` counts these periods. */
export const PERIODS = ['once', 'day', 'week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** What a quantity counts (for the explanation only; the price says what one unit costs). */
export const QUANTITY_UNITS = ['hour', 'day', 'half_day', 'night', 'contact', 'visit', 'admission', 'event', 'person', 'item'] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

/** Decimal places accepted per kind of input number. More are refused (not silently rounded). */
export const DECIMALS = {
  /** probability 0..1, e.g. 0.3 or 0.125 */
  probability: 4,
  /** quantity per period, e.g. 2.5 hours a week */
  quantity: 4,
  /** number of periods, e.g. 6 months or 0.5 year */
  duration: 4,
  /** sensitivity factors, e.g. 0.8 and 1.2 */
  factor: 4,
  /** prices in euro: whole cents */
  price: 2,
} as const;

/** A price from the price book: a Kostenhandleiding short_var or a municipal tariff of the same or a new short_var. */
export interface ShortVarPrice {
  shortVar: string;
}

/** A cost stated directly, with where it comes from (e.g. the organisation's budget). Only for cost lines. */
export interface StatedPrice {
  /** euro, at most 2 decimals */
  amount: number;
  /** e.g. "begroting ONS Welzijn 2024" */
  source: string;
  priceYear: number;
}

export type PriceRef = ShortVarPrice | StatedPrice;

/** A municipality's own tariff. Several versions of one short_var may be given; the one in force on the tariff date wins. */
export interface MunicipalTariff {
  shortVar: string;
  /** euro per unit, at most 2 decimals */
  price: number;
  /** ISO date `YYYY-MM-DD` from which this price applies */
  validFrom: string;
  /** what one unit is, e.g. "Wmo begeleiding individueel, per uur" (needed for a short_var the Kostenhandleiding does not have) */
  unit?: string;
}

export const COST_KINDS = ['coordination', 'professional', 'volunteer_expenses', 'meetup', 'other'] as const;
export type CostKind = (typeof COST_KINDS)[number];

/** A cost of the support given: quantity × duration × unit price. */
export interface CostLine {
  id: string;
  kind: CostKind;
  /** short Dutch name shown to people, e.g. "Coördinatie door sociaal werker" */
  label: string;
  payer: Payer;
  /** per period, e.g. 4 (hours a month) */
  quantity: number;
  quantityUnit: QuantityUnit;
  period: Period;
  /** number of periods; 1 for `once` */
  duration: number;
  price: PriceRef;
}

/**
 * Formal care that would be needed without the support: persons × probability
 * × quantity × duration × unit price is the expected avoided cost.
 */
export interface ReferenceLine {
  id: string;
  /** short Dutch name, e.g. "Huishoudelijke hulp" */
  label: string;
  payer: Payer;
  /** residents this line applies to (1 for a single case) */
  persons: number;
  /** chance, 0..1, that this care would be needed without the support */
  probability: number;
  quantity: number;
  quantityUnit: QuantityUnit;
  period: Period;
  duration: number;
  price: ShortVarPrice;
}

export interface SensitivityFactors {
  /** multiplies every probability (capped at 1); low ≤ 1 ≤ high */
  probability: { low: number; high: number };
  /** multiplies every unit price of the reference scenario; low ≤ 1 ≤ high */
  price: { low: number; high: number };
  /** multiplies every cost of the support; the low scenario takes `high` (pessimistic); default 1 and 1 */
  cost?: { low: number; high: number };
}

export interface EffectInput {
  scope: 'case' | 'programme';
  /** e.g. "Buurthulp Dordrecht 2024" */
  title: string;
  /** year of the Kostenhandleiding prices (a column of the price list) */
  priceYear: number;
  /** ISO date on which municipal tariffs are taken; default 31 December of `priceYear` */
  tariffDate?: string;
  tariffs?: readonly MunicipalTariff[];
  costs: readonly CostLine[];
  reference: readonly ReferenceLine[];
  sensitivity?: SensitivityFactors;
}

export type PriceSourceKind = 'kostenhandleiding' | 'municipal_tariff' | 'stated';

/** Where a unit price came from, shown next to every figure. */
export interface ResolvedPrice {
  cents: number;
  kind: PriceSourceKind;
  /** "Kostenhandleiding Zorginstituut", "tarief gemeente" or the stated source */
  source: string;
  priceYear: number;
  shortVar?: string;
  /** for a municipal tariff */
  validFrom?: string;
  /** the price list's own description of one unit, when known */
  unit?: string;
}

export interface CostLineResult {
  line: CostLine;
  unitPrice: ResolvedPrice;
  cents: number;
}

export interface ReferenceLineResult {
  line: ReferenceLine;
  unitPrice: ResolvedPrice;
  /** expected avoided cost */
  cents: number;
}

export interface Totals {
  costCents: number;
  avoidedCents: number;
  /** avoided − cost */
  netCents: number;
  /** avoided ÷ cost; null when nothing was spent */
  ratio: number | null;
}

export interface PayerResult {
  payer: Payer;
  /** what this payer spends on the support */
  costCents: number;
  /** what this payer would have spent without the support */
  avoidedCents: number;
  netCents: number;
}

export interface Sensitivity {
  factors: Required<SensitivityFactors>;
  low: Totals;
  base: Totals;
  high: Totals;
}

export interface EffectResult {
  input: EffectInput;
  tariffDate: string;
  costs: CostLineResult[];
  reference: ReferenceLineResult[];
  totals: Totals;
  /** one row per payer that appears in the input, in {@link PAYERS} order */
  byPayer: PayerResult[];
  sensitivity: Sensitivity;
  /** every distinct source and price year used */
  sources: Array<{ source: string; priceYear: number }>;
}
