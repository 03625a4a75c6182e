import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateEffects } from './effects.calculator';
import { referencePrices } from './effects.reference-prices';
import { PAYERS, type CostLine, type EffectInput, type ReferenceLine } from './effects.types';

const list = referencePrices();
const shortVars = list.all().map((p) => p.shortVar);

/** A decimal with at most `places` decimals in [0, max]. */
const dec = (max: number, places: number) => fc.integer({ min: 0, max: max * 10 ** places }).map((n) => n / 10 ** places);

const costArb = (i: number): fc.Arbitrary<CostLine> =>
  fc.record({
    id: fc.constant(`c${i}`),
    kind: fc.constantFrom('coordination', 'professional', 'volunteer_expenses', 'meetup', 'other' as const),
    label: fc.constant(`kosten ${i}`),
    payer: fc.constantFrom(...PAYERS),
    quantity: dec(200, 2),
    quantityUnit: fc.constant('hour' as const),
    period: fc.constantFrom('week', 'month', 'year' as const),
    duration: dec(52, 1),
    price: fc.oneof(
      fc.constantFrom(...shortVars).map((shortVar) => ({ shortVar })),
      dec(500, 2).map((amount) => ({ amount, source: 'begroting', priceYear: 2024 })),
    ),
  });

const referenceArb = (i: number): fc.Arbitrary<ReferenceLine> =>
  fc.record({
    id: fc.constant(`r${i}`),
    label: fc.constant(`zorg ${i}`),
    payer: fc.constantFrom(...PAYERS),
    persons: fc.integer({ min: 0, max: 50 }),
    probability: dec(1, 4),
    quantity: dec(40, 2),
    quantityUnit: fc.constant('hour' as const),
    period: fc.constantFrom('week', 'month', 'year' as const),
    duration: dec(52, 1),
    price: fc.constantFrom(...shortVars).map((shortVar) => ({ shortVar })),
  });

const inputArb: fc.Arbitrary<EffectInput> = fc
  .record({
    nCosts: fc.integer({ min: 0, max: 5 }),
    nRef: fc.integer({ min: 0, max: 6 }),
    priceYear: fc.constantFrom(...list.years),
    pLow: dec(1, 2),
    pHigh: fc.integer({ min: 100, max: 300 }).map((n) => n / 100),
    prLow: dec(1, 2),
    prHigh: fc.integer({ min: 100, max: 300 }).map((n) => n / 100),
    cLow: dec(1, 2),
    cHigh: fc.integer({ min: 100, max: 300 }).map((n) => n / 100),
  })
  .chain((s) =>
    fc.record({
      costs: fc.tuple(...Array.from({ length: s.nCosts }, (_, i) => costArb(i))),
      reference: fc.tuple(...Array.from({ length: s.nRef }, (_, i) => referenceArb(i))),
    }).map(({ costs, reference }) => ({
      scope: 'programme' as const,
      title: 'eigenschappen',
      priceYear: s.priceYear,
      costs,
      reference,
      sensitivity: { probability: { low: s.pLow, high: s.pHigh }, price: { low: s.prLow, high: s.prHigh }, cost: { low: s.cLow, high: s.cHigh } },
    })),
  );

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('effect calculator properties', () => {
  it('net effect is avoided minus cost, and totals are the sums of the lines', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = calculateEffects(input);
        expect(r.totals.costCents).toBe(sum(r.costs.map((c) => c.cents)));
        expect(r.totals.avoidedCents).toBe(sum(r.reference.map((l) => l.cents)));
        expect(r.totals.netCents).toBe(r.totals.avoidedCents - r.totals.costCents);
        expect(r.totals.ratio).toBe(r.totals.costCents === 0 ? null : r.totals.avoidedCents / r.totals.costCents);
      }),
    );
  });

  it('each line is within half a cent of the real product (independent floating-point oracle)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = calculateEffects(input);
        for (const { line, unitPrice, cents } of r.reference) {
          const exact = line.persons * line.probability * line.quantity * line.duration * unitPrice.cents;
          expect(Math.abs(cents - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.max(1, exact));
        }
        for (const { line, unitPrice, cents } of r.costs) {
          const exact = line.quantity * line.duration * unitPrice.cents;
          expect(Math.abs(cents - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.max(1, exact));
        }
      }),
    );
  });

  it('payer rows add up to the totals', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = calculateEffects(input);
        expect(sum(r.byPayer.map((p) => p.costCents))).toBe(r.totals.costCents);
        expect(sum(r.byPayer.map((p) => p.avoidedCents))).toBe(r.totals.avoidedCents);
        expect(sum(r.byPayer.map((p) => p.netCents))).toBe(r.totals.netCents);
        for (const p of r.byPayer) {
          expect(p.costCents).toBe(sum(r.costs.filter((c) => c.line.payer === p.payer).map((c) => c.cents)));
          expect(p.avoidedCents).toBe(sum(r.reference.filter((l) => l.line.payer === p.payer).map((l) => l.cents)));
        }
      }),
    );
  });

  it('a higher probability never lowers the avoided cost, the net effect or the ratio', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), dec(1, 4), (input, pick, extra) => {
        fc.pre(input.reference.length > 0);
        const i = pick % input.reference.length;
        const line = input.reference[i]!;
        const raised = Math.min(1, Math.round((line.probability + extra) * 10_000) / 10_000);
        const reference = input.reference.map((l, j) => (j === i ? { ...l, probability: raised } : l));
        const before = calculateEffects(input);
        const after = calculateEffects({ ...input, reference });
        expect(after.reference[i]!.cents).toBeGreaterThanOrEqual(before.reference[i]!.cents);
        expect(after.totals.netCents).toBeGreaterThanOrEqual(before.totals.netCents);
        if (before.totals.ratio !== null) expect(after.totals.ratio!).toBeGreaterThanOrEqual(before.totals.ratio);
      }),
    );
  });

  it('low ≤ base ≤ high for the net effect and the ratio', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { low, base, high } = calculateEffects(input).sensitivity;
        expect(low.netCents).toBeLessThanOrEqual(base.netCents);
        expect(base.netCents).toBeLessThanOrEqual(high.netCents);
        if (low.ratio !== null && base.ratio !== null && high.ratio !== null) {
          expect(low.ratio).toBeLessThanOrEqual(base.ratio);
          expect(base.ratio).toBeLessThanOrEqual(high.ratio);
        }
      }),
    );
  });

  it('overriding a price changes only the lines that use it, and those to the new price', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), dec(500, 2), (input, pick, price) => {
        // Override a short_var the input uses (when it uses any), so the property bites.
        const used = [...input.reference.map((l) => l.price.shortVar), ...input.costs.flatMap((c) => ('shortVar' in c.price ? [c.price.shortVar] : []))];
        const shortVar = used.length > 0 ? used[pick % used.length]! : shortVars[pick % shortVars.length]!;
        const before = calculateEffects(input);
        const after = calculateEffects({ ...input, tariffs: [{ shortVar, price, validFrom: `${input.priceYear}-01-01` }] });
        const newCents = Math.round(price * 100);
        after.reference.forEach((r, i) => {
          const b = before.reference[i]!;
          if (r.line.price.shortVar !== shortVar) expect(r).toEqual(b);
          else {
            expect(r.unitPrice).toMatchObject({ cents: newCents, source: 'tarief gemeente', kind: 'municipal_tariff' });
            const exact = r.line.persons * r.line.probability * r.line.quantity * r.line.duration * newCents;
            expect(Math.abs(r.cents - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.max(1, exact));
          }
        });
        after.costs.forEach((c, i) => {
          const usesIt = 'shortVar' in c.line.price && c.line.price.shortVar === shortVar;
          if (!usesIt) expect(c).toEqual(before.costs[i]);
          else expect(c.unitPrice.cents).toBe(newCents);
        });
      }),
    );
  });

  it('gives the same cents for the same input, whatever the order of the lines', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const a = calculateEffects(input);
        const b = calculateEffects({ ...input, costs: [...input.costs].reverse(), reference: [...input.reference].reverse() });
        expect(b.totals).toEqual(a.totals);
        expect(b.sensitivity.low).toEqual(a.sensitivity.low);
        expect(b.sensitivity.high).toEqual(a.sensitivity.high);
      }),
    );
  });
});
