/**
 * The effect calculator: what the support given costs against what the formal
 * care it avoids would have cost. Pure: no clock, no database; prices come in
 * as a {@link ReferencePriceList} (the shipped Kostenhandleiding by default).
 *
 *   cost line          = quantity × duration × unit price
 *   reference line     = persons × probability × quantity × duration × unit price
 *   avoided            = Σ reference lines      cost = Σ cost lines
 *   net effect         = avoided − cost         ratio = avoided ÷ cost
 *
 * Each line is one exact integer product, divided once and rounded once to
 * whole cents, halves up (see effects.decimal.ts). Totals, payer rows and
 * sensitivity scenarios are sums of rounded lines, so they add up exactly.
 */
import { divRound, pow10, toScaled } from './effects.decimal';
import { createPriceBook, defaultTariffDate, type PriceBook } from './effects.price-book';
import { referencePrices, type ReferencePriceList } from './effects.reference-prices';
import {
  DECIMALS,
  PAYERS,
  type CostLine,
  type CostLineResult,
  type EffectInput,
  type EffectResult,
  type PayerResult,
  type ReferenceLine,
  type ReferenceLineResult,
  type ResolvedPrice,
  type SensitivityFactors,
  type Totals,
} from './effects.types';
import { EffectInputError, validateEffectInput } from './effects.validation';

/** Used when the input names no sensitivity factors: probabilities halved and 1.5×, reference prices ±20 %, costs as given. */
export const DEFAULT_SENSITIVITY: Required<SensitivityFactors> = {
  probability: { low: 0.5, high: 1.5 },
  price: { low: 0.8, high: 1.2 },
  cost: { low: 1, high: 1 },
};

/** Scale of every decimal input (probability, quantity, duration, factor): 4 places. */
const S = DECIMALS.quantity;
const ONE = pow10(S);

/** A validated decimal input at scale S. */
function scaled(value: number): bigint {
  const n = toScaled(value, S);
  if (n === null) throw new RangeError('unvalidated decimal reached the calculator');
  return n;
}

/** Factors of one scenario, each at scale S (ONE = ×1). */
interface Scenario {
  probability: bigint;
  price: bigint;
  cost: bigint;
}

const BASE: Scenario = { probability: ONE, price: ONE, cost: ONE };

/** Cents of a cost line: quantity × duration × price × cost factor. */
function costCents(line: CostLine, unitCents: number, scenario: Scenario): bigint {
  return divRound(scaled(line.quantity) * scaled(line.duration) * BigInt(unitCents) * scenario.cost, ONE * ONE * ONE);
}

/** Cents of a reference line: persons × min(1, probability × factor) × quantity × duration × price × price factor. */
function referenceCents(line: ReferenceLine, unitCents: number, scenario: Scenario): bigint {
  let p = scaled(line.probability) * scenario.probability; // scale 2S
  if (p > ONE * ONE) p = ONE * ONE;
  const numerator = BigInt(line.persons) * p * scaled(line.quantity) * scaled(line.duration) * BigInt(unitCents) * scenario.price;
  return divRound(numerator, ONE * ONE * ONE * ONE * ONE);
}

/** Cents as a JS number; the limits in validation keep them far below 2^53, this guards the rest. */
function toCents(n: bigint, field: string): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new EffectInputError([{ name: field, code: 'invalid_value', reason: 'gives an amount too large to compute exactly' }]);
  return Number(n);
}

function totalsOf(costCents: number, avoidedCents: number): Totals {
  return { costCents, avoidedCents, netCents: avoidedCents - costCents, ratio: costCents === 0 ? null : avoidedCents / costCents };
}

function resolveCost(line: CostLine, book: PriceBook): ResolvedPrice {
  const ref = line.price;
  if ('shortVar' in ref) return book.resolve(ref.shortVar)!;
  return { cents: Number(toScaled(ref.amount, DECIMALS.price)), kind: 'stated', source: ref.source, priceYear: ref.priceYear };
}

export interface CalculateOptions {
  /** the price list; default the shipped Kostenhandleiding */
  prices?: ReferencePriceList;
}

/**
 * Validates the input and computes the effect calculation.
 * @throws {EffectInputError} listing every field at fault.
 * @example
 * const result = calculateEffects({ scope: 'case', title: 'Mevrouw A.', priceYear: 2024, costs, reference });
 * result.totals.netCents; // avoided − cost, in cents
 */
export function calculateEffects(input: EffectInput, options: CalculateOptions = {}): EffectResult {
  const list = options.prices ?? referencePrices();
  const tariffDate = input.tariffDate ?? defaultTariffDate(input.priceYear);
  const shapeFaults = validateEffectInput(input, list, null);
  // Short_vars can only be resolved once the tariffs themselves are sound.
  const tariffsSound = !shapeFaults.some((f) => f.name === 'priceYear' || f.name === 'tariffDate' || f.name.startsWith('tariffs'));
  const book = tariffsSound ? createPriceBook(list, input.priceYear, tariffDate, input.tariffs ?? []) : null;
  const faults = book ? validateEffectInput(input, list, book) : shapeFaults;
  if (faults.length > 0 || !book) throw new EffectInputError(faults);

  const factors: Required<SensitivityFactors> = {
    probability: input.sensitivity?.probability ?? DEFAULT_SENSITIVITY.probability,
    price: input.sensitivity?.price ?? DEFAULT_SENSITIVITY.price,
    cost: input.sensitivity?.cost ?? DEFAULT_SENSITIVITY.cost,
  };
  // Pessimistic: fewer avoided costs and dearer support; optimistic the other way round.
  const low: Scenario = { probability: scaled(factors.probability.low), price: scaled(factors.price.low), cost: scaled(factors.cost.high) };
  const high: Scenario = { probability: scaled(factors.probability.high), price: scaled(factors.price.high), cost: scaled(factors.cost.low) };

  const costs: CostLineResult[] = [];
  const reference: ReferenceLineResult[] = [];
  const sums = { base: { cost: 0, avoided: 0 }, low: { cost: 0, avoided: 0 }, high: { cost: 0, avoided: 0 } };
  const payer = new Map<string, PayerResult>();
  const payerRow = (p: PayerResult['payer']) => {
    let row = payer.get(p);
    if (!row) payer.set(p, (row = { payer: p, costCents: 0, avoidedCents: 0, netCents: 0 }));
    return row;
  };

  input.costs.forEach((line, i) => {
    const unitPrice = resolveCost(line, book);
    const cents = toCents(costCents(line, unitPrice.cents, BASE), `costs.${i}`);
    costs.push({ line, unitPrice, cents });
    sums.base.cost += cents;
    sums.low.cost += toCents(costCents(line, unitPrice.cents, low), `costs.${i}`);
    sums.high.cost += toCents(costCents(line, unitPrice.cents, high), `costs.${i}`);
    payerRow(line.payer).costCents += cents;
  });
  input.reference.forEach((line, i) => {
    const unitPrice = book.resolve(line.price.shortVar)!;
    const cents = toCents(referenceCents(line, unitPrice.cents, BASE), `reference.${i}`);
    reference.push({ line, unitPrice, cents });
    sums.base.avoided += cents;
    sums.low.avoided += toCents(referenceCents(line, unitPrice.cents, low), `reference.${i}`);
    sums.high.avoided += toCents(referenceCents(line, unitPrice.cents, high), `reference.${i}`);
    payerRow(line.payer).avoidedCents += cents;
  });

  const byPayer = PAYERS.flatMap((p) => {
    const row = payer.get(p);
    return row ? [{ ...row, netCents: row.avoidedCents - row.costCents }] : [];
  });
  const seen = new Map<string, { source: string; priceYear: number }>();
  for (const { unitPrice } of [...costs, ...reference]) seen.set(`${unitPrice.source}\u0000${unitPrice.priceYear}`, { source: unitPrice.source, priceYear: unitPrice.priceYear });

  const base = totalsOf(sums.base.cost, sums.base.avoided);
  return {
    input,
    tariffDate,
    costs,
    reference,
    totals: base,
    byPayer,
    sensitivity: {
      factors,
      low: totalsOf(sums.low.cost, sums.low.avoided),
      base,
      high: totalsOf(sums.high.cost, sums.high.avoided),
    },
    sources: [...seen.values()],
  };
}
