/**
 * Validation of an effect calculation's input. Every fault is collected (not
 * only the first) as an {@link InvalidParam} with a dotted path such as
 * `reference.2.probability`, so the API layer can send them as problem+json
 * `invalidParams` unchanged. Reasons never repeat the submitted value.
 */
import { AppError } from '../../core/errors';
import type { InvalidParam } from '../../../shared/errors';
import { toScaled } from './effects.decimal';
import type { PriceBook } from './effects.price-book';
import type { ReferencePriceList } from './effects.reference-prices';
import { COST_KINDS, DECIMALS, PAYERS, PERIODS, QUANTITY_UNITS, type EffectInput, type PriceRef } from './effects.types';

/** The input of an effect calculation has faults; `invalidParams` lists each field at fault. */
export class EffectInputError extends AppError {
  constructor(invalidParams: InvalidParam[]) {
    super('validation_failed', `effect calculation input is invalid: ${invalidParams.map((p) => p.name).join(', ')}`, { invalidParams });
    this.name = 'EffectInputError';
  }
  get params(): InvalidParam[] {
    return this.invalidParams ?? [];
  }
}

/** Upper bounds that keep every product far inside exact integer range and catch typing mistakes. */
export const LIMITS = {
  lines: 500,
  tariffs: 1000,
  persons: 1_000_000,
  quantity: 100_000,
  duration: 1_000,
  priceEuro: 10_000_000,
  factor: 10,
  textLength: 200,
} as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHORT_VAR = /^[a-z][a-z0-9_]*$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Checks the input against the price list; `book` resolves short_vars (built
 * from the same input). Returns every fault; an empty list means valid.
 */
export function validateEffectInput(input: EffectInput, list: ReferencePriceList, book: PriceBook | null): InvalidParam[] {
  const out: InvalidParam[] = [];
  const fault = (name: string, code: InvalidParam['code'], reason: string) => out.push({ name, code, reason });

  const text = (name: string, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') fault(name, 'required', 'must be a non-empty text');
    else if (value.length > LIMITS.textLength) fault(name, 'too_long', `must be at most ${LIMITS.textLength} characters`);
  };
  const oneOf = (name: string, value: unknown, allowed: readonly string[]) => {
    if (typeof value !== 'string' || !allowed.includes(value)) fault(name, 'invalid_value', `must be one of: ${allowed.join(', ')}`);
  };
  /** a decimal number in [min, max] with at most `decimals` places */
  const decimal = (name: string, value: unknown, decimals: number, min: number, max: number, what = 'a number') => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fault(name, 'invalid_type', `must be ${what}`);
    if (value < min || value > max) return fault(name, 'invalid_value', `must be ${what} from ${min} to ${max}`);
    if (toScaled(value, decimals) === null) fault(name, 'invalid_format', `must have at most ${decimals} decimals`);
  };
  const uniqueIds = (listName: string, lines: readonly { id: unknown }[]) => {
    const seen = new Set<unknown>();
    lines.forEach((line, i) => {
      text(`${listName}.${i}.id`, line.id);
      if (seen.has(line.id)) fault(`${listName}.${i}.id`, 'invalid_value', 'must be unique within the list');
      seen.add(line.id);
    });
  };
  const shortVarPrice = (name: string, shortVar: unknown) => {
    if (typeof shortVar !== 'string' || !SHORT_VAR.test(shortVar)) return fault(`${name}.shortVar`, 'invalid_format', 'must be a short_var of lower-case letters, digits and underscores');
    if (book && !book.resolve(shortVar)) fault(`${name}.shortVar`, 'invalid_value', 'is not in the Kostenhandleiding and has no municipal tariff in force on the tariff date');
  };
  const price = (name: string, ref: PriceRef | undefined, allowStated: boolean) => {
    if (!ref || typeof ref !== 'object') return fault(name, 'required', 'must name a short_var or a stated amount');
    if ('shortVar' in ref) return shortVarPrice(name, ref.shortVar);
    if (!allowStated) return fault(`${name}.shortVar`, 'required', 'must be a short_var from the price list or a municipal tariff');
    decimal(`${name}.amount`, ref.amount, DECIMALS.price, 0, LIMITS.priceEuro, 'an amount in euro');
    text(`${name}.source`, ref.source);
    if (typeof ref.priceYear !== 'number' || !Number.isInteger(ref.priceYear) || ref.priceYear < 2000 || ref.priceYear > 2100) {
      fault(`${name}.priceYear`, 'invalid_value', 'must be a year from 2000 to 2100');
    }
  };
  const periodAndDuration = (name: string, period: unknown, duration: unknown) => {
    oneOf(`${name}.period`, period, PERIODS);
    decimal(`${name}.duration`, duration, DECIMALS.duration, 0, LIMITS.duration);
    if (period === 'once' && typeof duration === 'number' && duration !== 1) fault(`${name}.duration`, 'invalid_value', 'must be 1 for a one-off quantity');
  };

  oneOf('scope', input.scope, ['case', 'programme']);
  text('title', input.title);
  if (!list.years.includes(input.priceYear)) fault('priceYear', 'invalid_value', `must be a price year of the Kostenhandleiding: ${list.years.join(', ')}`);
  if (input.tariffDate !== undefined && !isIsoDate(input.tariffDate)) fault('tariffDate', 'invalid_format', 'must be a date YYYY-MM-DD');

  const tariffs = input.tariffs ?? [];
  if (!Array.isArray(tariffs)) fault('tariffs', 'invalid_type', 'must be a list');
  else {
    if (tariffs.length > LIMITS.tariffs) fault('tariffs', 'too_long', `must have at most ${LIMITS.tariffs} entries`);
    const versions = new Set<string>();
    tariffs.forEach((t, i) => {
      const name = `tariffs.${i}`;
      if (typeof t.shortVar !== 'string' || !SHORT_VAR.test(t.shortVar)) fault(`${name}.shortVar`, 'invalid_format', 'must be a short_var of lower-case letters, digits and underscores');
      decimal(`${name}.price`, t.price, DECIMALS.price, 0, LIMITS.priceEuro, 'an amount in euro');
      if (!isIsoDate(t.validFrom)) fault(`${name}.validFrom`, 'invalid_format', 'must be a date YYYY-MM-DD');
      if (t.unit !== undefined) text(`${name}.unit`, t.unit);
      else if (typeof t.shortVar === 'string' && !list.get(t.shortVar)) fault(`${name}.unit`, 'required', 'must describe one unit when the short_var is not in the Kostenhandleiding');
      const key = `${t.shortVar}@${t.validFrom}`;
      if (versions.has(key)) fault(`${name}.validFrom`, 'invalid_value', 'a tariff for this short_var already starts on this date');
      versions.add(key);
    });
  }

  const costs = input.costs;
  if (!Array.isArray(costs)) fault('costs', 'invalid_type', 'must be a list');
  else {
    if (costs.length > LIMITS.lines) fault('costs', 'too_long', `must have at most ${LIMITS.lines} lines`);
    uniqueIds('costs', costs);
    costs.forEach((c, i) => {
      const name = `costs.${i}`;
      oneOf(`${name}.kind`, c.kind, COST_KINDS);
      text(`${name}.label`, c.label);
      oneOf(`${name}.payer`, c.payer, PAYERS);
      decimal(`${name}.quantity`, c.quantity, DECIMALS.quantity, 0, LIMITS.quantity, 'a quantity');
      oneOf(`${name}.quantityUnit`, c.quantityUnit, QUANTITY_UNITS);
      periodAndDuration(name, c.period, c.duration);
      price(`${name}.price`, c.price, true);
    });
  }

  const reference = input.reference;
  if (!Array.isArray(reference)) fault('reference', 'invalid_type', 'must be a list');
  else {
    if (reference.length > LIMITS.lines) fault('reference', 'too_long', `must have at most ${LIMITS.lines} lines`);
    uniqueIds('reference', reference);
    reference.forEach((r, i) => {
      const name = `reference.${i}`;
      text(`${name}.label`, r.label);
      oneOf(`${name}.payer`, r.payer, PAYERS);
      if (typeof r.persons !== 'number' || !Number.isInteger(r.persons) || r.persons < 0 || r.persons > LIMITS.persons) {
        fault(`${name}.persons`, 'invalid_value', `must be a whole number from 0 to ${LIMITS.persons}`);
      }
      decimal(`${name}.probability`, r.probability, DECIMALS.probability, 0, 1, 'a probability');
      decimal(`${name}.quantity`, r.quantity, DECIMALS.quantity, 0, LIMITS.quantity, 'a quantity');
      oneOf(`${name}.quantityUnit`, r.quantityUnit, QUANTITY_UNITS);
      periodAndDuration(name, r.period, r.duration);
      price(`${name}.price`, r.price, false);
    });
  }

  const s = input.sensitivity;
  if (s !== undefined) {
    const pair = (name: string, p: { low: number; high: number } | undefined) => {
      if (!p || typeof p !== 'object') return fault(name, 'required', 'must give low and high factors');
      decimal(`${name}.low`, p.low, DECIMALS.factor, 0, 1, 'a factor');
      decimal(`${name}.high`, p.high, DECIMALS.factor, 1, LIMITS.factor, 'a factor');
    };
    pair('sensitivity.probability', s.probability);
    pair('sensitivity.price', s.price);
    if (s.cost !== undefined) pair('sensitivity.cost', s.cost);
  }
  return out;
}
