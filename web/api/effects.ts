/**
 * The effect calculator in the API (issue 6): reference prices, municipal
 * tariffs, preview, saved calculations and the CSV export. Types mirror
 * server/modules/effects/effects.types.ts and effects.routes.ts.
 */
import { request } from './client';

export const PAYERS = ['municipality_wmo', 'municipality_youth', 'municipality_participation', 'health_insurer', 'long_term_care', 'resident', 'housing_corporation', 'other'] as const;
export type Payer = (typeof PAYERS)[number];
export const PERIODS = ['once', 'day', 'week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];
export const QUANTITY_UNITS = ['hour', 'day', 'half_day', 'night', 'contact', 'visit', 'admission', 'event', 'person', 'item'] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];
export const COST_KINDS = ['coordination', 'professional', 'volunteer_expenses', 'meetup', 'other'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export type PriceRef = { shortVar: string } | { amount: number; source: string; priceYear: number };

export interface CostLine {
  id: string;
  kind: CostKind;
  label: string;
  payer: Payer;
  quantity: number;
  quantityUnit: QuantityUnit;
  period: Period;
  duration: number;
  price: PriceRef;
}

export interface ReferenceLine {
  id: string;
  label: string;
  payer: Payer;
  persons: number;
  probability: number;
  quantity: number;
  quantityUnit: QuantityUnit;
  period: Period;
  duration: number;
  price: { shortVar: string };
}

export interface EffectInput {
  scope: 'case' | 'programme';
  title: string;
  priceYear: number;
  tariffDate?: string;
  costs: CostLine[];
  reference: ReferenceLine[];
}

export interface ResolvedPrice {
  cents: number;
  kind: 'kostenhandleiding' | 'municipal_tariff' | 'stated';
  source: string;
  priceYear: number;
  shortVar?: string;
  validFrom?: string;
  unit?: string;
}

export interface Totals {
  costCents: number;
  avoidedCents: number;
  netCents: number;
  ratio: number | null;
}

export interface EffectResult {
  tariffDate: string;
  costs: Array<{ line: CostLine; unitPrice: ResolvedPrice; cents: number }>;
  reference: Array<{ line: ReferenceLine; unitPrice: ResolvedPrice; cents: number }>;
  totals: Totals;
  byPayer: Array<{ payer: Payer; costCents: number; avoidedCents: number; netCents: number }>;
  sensitivity: { low: Totals; base: Totals; high: Totals };
  sources: Array<{ source: string; priceYear: number }>;
}

export interface Computed {
  result: EffectResult;
  explanations: Array<{ figure: string; text: string }>;
  sourceLine: string;
}

export interface Calculation extends Computed {
  id: string;
  scope: 'case' | 'programme';
  title: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdByName: string;
  input: EffectInput;
  versions: Array<{ version: number; reason: string; createdAt: string; authorName: string }>;
}

export interface CalculationSummary {
  id: string;
  scope: 'case' | 'programme';
  title: string;
  version: number;
  updatedAt: string;
  createdByName: string;
  totals: Totals;
}

export interface Tariff {
  id: string;
  shortVar: string;
  unit: string | null;
  priceCents: number;
  validFrom: string;
  source: string;
  createdAt: string;
  createdByName: string;
}

export interface ReferencePrices {
  source: string;
  sourceLine: string;
  years: number[];
  units: Array<{ shortVar: string; unit: string; domain: string; category: string; prices: Array<{ year: number; cents: number }> }>;
}

const base = (code: string) => `/api/municipalities/${encodeURIComponent(code)}`;
const calc = (code: string, id: string) => `${base(code)}/effect-calculations/${encodeURIComponent(id)}`;

export const getReferencePrices = (code: string) => request<ReferencePrices>('GET', `${base(code)}/effect-prices`);
export const listTariffs = (code: string) => request<Tariff[]>('GET', `${base(code)}/effect-tariffs`);
export const addTariff = (code: string, body: { shortVar: string; unit?: string; price: number; validFrom: string; source: string }) =>
  request<Tariff[]>('POST', `${base(code)}/effect-tariffs`, { body });
export const previewCalculation = (code: string, input: EffectInput) => request<Computed>('POST', `${base(code)}/effect-calculations/preview`, { body: input });
export const listCalculations = (code: string) => request<CalculationSummary[]>('GET', `${base(code)}/effect-calculations`);
export const getCalculation = (code: string, id: string) => request<Calculation>('GET', calc(code, id));
export const createCalculation = (code: string, input: EffectInput, reason?: string) =>
  request<Calculation>('POST', `${base(code)}/effect-calculations`, { body: reason ? { input, reason } : { input } });
export const updateCalculation = (code: string, id: string, body: { basedOnVersion: number; reason: string; input: EffectInput }) =>
  request<Calculation>('PUT', calc(code, id), { body });
/** A plain link: the browser downloads the attachment with the session cookie. */
export const exportCsvUrl = (code: string, id: string) => `${calc(code, id)}/export.csv`;
export const exportPdfUrl = (code: string, id: string) => `${calc(code, id)}/export.pdf`;
