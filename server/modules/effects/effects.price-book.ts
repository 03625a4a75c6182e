/**
 * The price book of one calculation: the Kostenhandleiding prices of one price
 * year, with the municipality's own tariffs on top. A municipal tariff wins
 * over the Kostenhandleiding for its short_var from its `validFrom` date on;
 * of several versions the latest one in force on the tariff date applies, so
 * older calculations can be redone with the prices they used.
 */
import { toScaled } from './effects.decimal';
import type { ReferencePriceList } from './effects.reference-prices';
import type { MunicipalTariff, ResolvedPrice } from './effects.types';

/** The source label of every municipal tariff. */
export const MUNICIPAL_TARIFF_SOURCE = 'tarief gemeente';

export interface PriceBook {
  priceYear: number;
  tariffDate: string;
  /** The price of one unit of a short_var, with its source; null when neither list knows it (on this date). */
  resolve(shortVar: string): ResolvedPrice | null;
}

/** The default tariff date: the last day of the price year. */
export function defaultTariffDate(priceYear: number): string {
  return `${priceYear}-12-31`;
}

/**
 * Builds the price book. Expects tariffs that passed validation (prices with at
 * most 2 decimals, ISO dates); a tariff that does not is ignored.
 */
export function createPriceBook(list: ReferencePriceList, priceYear: number, tariffDate: string, tariffs: readonly MunicipalTariff[] = []): PriceBook {
  const inForce = new Map<string, MunicipalTariff>();
  for (const t of tariffs) {
    if (t.validFrom > tariffDate) continue;
    const current = inForce.get(t.shortVar);
    if (!current || t.validFrom > current.validFrom) inForce.set(t.shortVar, t);
  }
  return {
    priceYear,
    tariffDate,
    resolve(shortVar) {
      const tariff = inForce.get(shortVar);
      const reference = list.get(shortVar);
      if (tariff) {
        const cents = toScaled(tariff.price, 2);
        if (cents !== null) {
          return {
            cents: Number(cents),
            kind: 'municipal_tariff',
            source: MUNICIPAL_TARIFF_SOURCE,
            priceYear: Number(tariff.validFrom.slice(0, 4)),
            shortVar,
            validFrom: tariff.validFrom,
            ...(tariff.unit ? { unit: tariff.unit } : reference ? { unit: reference.unit } : {}),
          };
        }
      }
      const cents = reference?.cents.get(priceYear);
      if (!reference || cents === undefined) return null;
      return { cents, kind: 'kostenhandleiding', source: list.source, priceYear, shortVar, unit: reference.unit };
    },
  };
}
