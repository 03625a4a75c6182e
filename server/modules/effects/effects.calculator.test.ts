import { describe, expect, it } from 'vitest';
import { calculateEffects } from './effects.calculator';
import { EffectInputError } from './effects.validation';
import { handCase } from './effects.test-support';
import type { EffectInput } from './effects.types';

/**
 * A synthetic case computed by hand (price year 2024; amounts in cents).
 *
 * The input is `handCase` in effects.test-support.ts.
 *
 * Mevrouw A. (82) lives alone; neighbour help for one year. The municipality
 * has its own tariff for household help: €36,90 from 2023-01-01, €38,40 from
 * 2024-01-01 and €40,00 from 2025-01-01. The tariff date defaults to
 * 2024-12-31, so €38,40 applies.
 *
 * Prices used (Kostenhandleiding 2024 column):
 *   homecare_guidance_hour 68.67, dayactivities_halfday 89.37,
 *   nursingcare_day 311.17, gp_consult_avg 33.12, timecost_informal_hour 20.17
 *
 * Cost of the support (quantity × duration × price):
 *   c1 coordination   1,5 h/month × 12 months × 6850 = 18 × 6850        = 123300
 *   c2 volunteers     2 persons/year × 1 year × 15000 (stated)          =  30000
 *   c3 meet-ups       10 times/year × 1 year × 1235 (stated)            =  12350
 *   cost = 123300 + 30000 + 12350                                        = 165650
 *
 * Reference scenario (probability × quantity × duration × price, each rounded half up):
 *   r1 household help  0,3 × 2 h × 52 w = 31,2   × 3840  = 119808        = 119808
 *   r2 guidance        0,25 × 1,5 h × 26 w = 9,75 × 6867 = 66953,25      →  66953
 *   r3 day care        0,2 × 2 × 52 = 20,8       × 8937  = 185889,6      → 185890
 *   r4 nursing days    0,05 × 90 = 4,5           × 31117 = 140026,5      → 140027 (half up)
 *   r5 GP              0,8 × 1 × 12 = 9,6        × 3312  = 31795,2       →  31795
 *   r6 carer's time    0,4 × 3 h × 52 w = 62,4   × 2017  = 125860,8      → 125861
 *   avoided = 119808 + 66953 + 185890 + 140027 + 31795 + 125861          = 670334
 *
 *   net   = 670334 − 165650                                              = 504684
 *   ratio = 670334 ÷ 165650                                              = 4,0467…
 *
 * Per payer:
 *   Wmo: cost 123300 + 30000 = 153300; avoided r1 + r2 + r3 = 372651; net 219351
 *   Wlz: avoided r4 = 140027 · Zvw: avoided r5 = 31795 · resident: avoided r6 = 125861
 *   other (provincial grant): cost 12350, net −12350
 *
 * Sensitivity (defaults: probability × 0,5 / × 1,5 capped at 1; reference prices × 0,8 / × 1,2; cost × 1):
 *   low  r1 0,15×104 = 15,6 × 3072 = 47923,2 → 47923
 *        r2 0,125×39 = 4,875 × 5493,6 = 26781,3 → 26781
 *        r3 0,1×104 = 10,4 × 7149,6 = 74355,84 → 74356
 *        r4 0,025×90 = 2,25 × 24893,6 = 56010,6 → 56011
 *        r5 0,4×12 = 4,8 × 2649,6 = 12718,08 → 12718
 *        r6 0,2×156 = 31,2 × 1613,6 = 50344,32 → 50344
 *        avoided 268133, net 268133 − 165650 = 102483
 *   high r1 0,45×104 = 46,8 × 4608 = 215654,4 → 215654
 *        r2 0,375×39 = 14,625 × 8240,4 = 120515,85 → 120516
 *        r3 0,3×104 = 31,2 × 10724,4 = 334601,28 → 334601
 *        r4 0,075×90 = 6,75 × 37340,4 = 252047,7 → 252048
 *        r5 min(1; 1,2)×12 = 12 × 3974,4 = 47692,8 → 47693   (probability capped)
 *        r6 0,6×156 = 93,6 × 2420,4 = 226549,44 → 226549
 *        avoided 1197061, net 1197061 − 165650 = 1031411
 */
describe('calculateEffects on the hand-computed case', () => {
  const result = calculateEffects(handCase);

  it('prices every cost line as computed by hand, with its source', () => {
    expect(result.costs.map((c) => c.cents)).toEqual([123300, 30000, 12350]);
    expect(result.costs[0]!.unitPrice).toMatchObject({ cents: 6850, kind: 'municipal_tariff', source: 'tarief gemeente', priceYear: 2024, validFrom: '2024-01-01' });
    expect(result.costs[1]!.unitPrice).toMatchObject({ cents: 15000, kind: 'stated', source: 'begroting welzijnsorganisatie', priceYear: 2024 });
  });

  it('computes each reference line as persons × probability × quantity × duration × price, rounded half up', () => {
    expect(result.reference.map((r) => r.cents)).toEqual([119808, 66953, 185890, 140027, 31795, 125861]);
  });

  it('takes the municipal tariff version in force on the tariff date, and Kostenhandleiding prices otherwise', () => {
    expect(result.tariffDate).toBe('2024-12-31');
    expect(result.reference[0]!.unitPrice).toMatchObject({ cents: 3840, source: 'tarief gemeente', validFrom: '2024-01-01' });
    expect(result.reference[1]!.unitPrice).toMatchObject({ cents: 6867, source: 'Kostenhandleiding Zorginstituut', priceYear: 2024, shortVar: 'homecare_guidance_hour' });
    const earlier = calculateEffects({ ...handCase, tariffDate: '2023-06-30', costs: handCase.costs.slice(1) }); // coordinator_hour starts in 2024
    expect(earlier.reference[0]!.unitPrice.cents).toBe(3690);
    const later = calculateEffects({ ...handCase, tariffDate: '2025-01-01' });
    expect(later.reference[0]!.unitPrice.cents).toBe(4000);
    const before = calculateEffects({ ...handCase, tariffDate: '2022-12-31', costs: handCase.costs.slice(1) });
    expect(before.reference[0]!.unitPrice).toMatchObject({ cents: 3515, source: 'Kostenhandleiding Zorginstituut' });
  });

  it('gives the totals, net effect and ratio computed by hand', () => {
    expect(result.totals).toEqual({ costCents: 165650, avoidedCents: 670334, netCents: 504684, ratio: 670334 / 165650 });
    expect(result.totals.ratio).toBeCloseTo(4.0467, 4);
  });

  it('splits costs and gains per payer as computed by hand', () => {
    expect(result.byPayer).toEqual([
      { payer: 'municipality_wmo', costCents: 153300, avoidedCents: 372651, netCents: 219351 },
      { payer: 'health_insurer', costCents: 0, avoidedCents: 31795, netCents: 31795 },
      { payer: 'long_term_care', costCents: 0, avoidedCents: 140027, netCents: 140027 },
      { payer: 'resident', costCents: 0, avoidedCents: 125861, netCents: 125861 },
      { payer: 'other', costCents: 12350, avoidedCents: 0, netCents: -12350 },
    ]);
  });

  it('gives the low and high scenarios computed by hand, capping a probability at 1', () => {
    expect(result.sensitivity.low).toMatchObject({ costCents: 165650, avoidedCents: 268133, netCents: 102483 });
    expect(result.sensitivity.high).toMatchObject({ costCents: 165650, avoidedCents: 1197061, netCents: 1031411 });
    expect(result.sensitivity.base).toEqual(result.totals);
  });

  it('makes the support dearer in the low scenario when a cost factor is given', () => {
    const r = calculateEffects({ ...handCase, sensitivity: { probability: { low: 1, high: 1 }, price: { low: 1, high: 1 }, cost: { low: 0.9, high: 1.1 } } });
    // 1,1 × each cost line: 135630 + 33000 + 13585 = 182215; 0,9 ×: 110970 + 27000 + 11115 = 149085
    expect(r.sensitivity.low).toMatchObject({ costCents: 182215, avoidedCents: 670334, netCents: 670334 - 182215 });
    expect(r.sensitivity.high).toMatchObject({ costCents: 149085, avoidedCents: 670334 });
  });

  it('lists each source and price year used once', () => {
    expect(result.sources).toEqual(
      expect.arrayContaining([
        { source: 'tarief gemeente', priceYear: 2024 },
        { source: 'begroting welzijnsorganisatie', priceYear: 2024 },
        { source: 'Kostenhandleiding Zorginstituut', priceYear: 2024 },
      ]),
    );
    expect(result.sources).toHaveLength(3);
  });

  it('scales a programme line by the number of residents', () => {
    const programme = calculateEffects({ ...handCase, scope: 'programme', reference: [{ ...handCase.reference[1]!, persons: 40 }] });
    // 40 × 0,25 × 1,5 × 26 × 6867 = 390 × 6867 = 2678130 (exact; rounding happens once, after multiplying by 40)
    expect(programme.totals.avoidedCents).toBe(2678130);
  });

  it('has no ratio when the support costs nothing', () => {
    const r = calculateEffects({ ...handCase, costs: [] });
    expect(r.totals).toMatchObject({ costCents: 0, avoidedCents: 670334, netCents: 670334, ratio: null });
  });
});

describe('bad input', () => {
  const fields = (input: EffectInput) => {
    try {
      calculateEffects(input);
    } catch (e) {
      expect(e).toBeInstanceOf(EffectInputError);
      return (e as EffectInputError).params;
    }
    throw new Error('expected an EffectInputError');
  };

  it('lists every field at fault at once: negative quantity, probability above 1, unknown short_var', () => {
    const params = fields({
      ...handCase,
      costs: [{ ...handCase.costs[0]!, quantity: -2 }],
      reference: [
        { ...handCase.reference[0]!, probability: 1.2 },
        { ...handCase.reference[1]!, price: { shortVar: 'no_such_price' } },
        { ...handCase.reference[2]!, probability: -0.1, duration: -1 },
      ],
    });
    expect(params.map((p) => [p.name, p.code])).toEqual([
      ['costs.0.quantity', 'invalid_value'],
      ['reference.0.probability', 'invalid_value'],
      ['reference.1.price.shortVar', 'invalid_value'],
      ['reference.2.probability', 'invalid_value'],
      ['reference.2.duration', 'invalid_value'],
    ]);
  });

  it('is an AppError with code validation_failed, ready for problem+json, and never quotes the value', () => {
    try {
      calculateEffects({ ...handCase, reference: [{ ...handCase.reference[0]!, price: { shortVar: 'secret_name' } }] });
      throw new Error('expected an error');
    } catch (e) {
      const err = e as EffectInputError;
      expect(err.code).toBe('validation_failed');
      expect(err.status).toBe(400);
      expect(JSON.stringify(err.invalidParams)).not.toContain('secret_name');
    }
  });

  it('refuses more decimals than it can compute exactly, instead of rounding them away', () => {
    const params = fields({ ...handCase, reference: [{ ...handCase.reference[0]!, probability: 0.12345 }], tariffs: [{ shortVar: 'homecare_household', price: 38.405, validFrom: '2024-01-01' }] });
    expect(params.map((p) => [p.name, p.code])).toEqual([['tariffs.0.price', 'invalid_format'], ['reference.0.probability', 'invalid_format']]);
  });

  it('refuses a price year the Kostenhandleiding does not have, a bad date and duplicate ids', () => {
    const params = fields({ ...handCase, priceYear: 2019, tariffDate: '2024-02-30', costs: [handCase.costs[0]!, handCase.costs[0]!] });
    expect(params.map((p) => p.name)).toEqual(['priceYear', 'tariffDate', 'costs.1.id']);
  });

  it('refuses a stated price on a reference line: the avoided care must come from a price list', () => {
    const params = fields({ ...handCase, reference: [{ ...handCase.reference[0]!, price: { amount: 50, source: 'eigen schatting', priceYear: 2024 } as never }] });
    expect(params.map((p) => p.name)).toEqual(['reference.0.price.shortVar']);
  });

  it('refuses a short_var whose only tariff starts after the tariff date', () => {
    const params = fields({ ...handCase, tariffs: [{ shortVar: 'eviction', price: 7500, validFrom: '2025-01-01', unit: 'Huisuitzetting' }], costs: [], reference: [{ ...handCase.reference[0]!, price: { shortVar: 'eviction' } }] });
    expect(params).toEqual([{ name: 'reference.0.price.shortVar', code: 'invalid_value', reason: expect.stringContaining('no municipal tariff in force') }]);
  });

  it('needs a unit description for a tariff the Kostenhandleiding does not know, and sensitivity factors around 1', () => {
    const params = fields({
      ...handCase,
      tariffs: [{ shortVar: 'eviction', price: 7500, validFrom: '2024-01-01' }],
      sensitivity: { probability: { low: 1.2, high: 0.8 }, price: { low: 0.8, high: 1.2 } },
    });
    expect(params.map((p) => p.name)).toEqual(['tariffs.0.unit', 'sensitivity.probability.low', 'sensitivity.probability.high']);
  });
});
