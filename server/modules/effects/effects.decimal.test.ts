import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRound, formatEuro, formatNumber, formatPercent, formatRatio, scaledToText, toScaled } from './effects.decimal';

describe('toScaled', () => {
  it('reads the decimal a person typed, exactly', () => {
    expect(toScaled(0.3, 4)).toBe(3000n);
    expect(toScaled(57.67, 2)).toBe(5767n);
    expect(toScaled(12, 4)).toBe(120000n);
    expect(toScaled(-1.5, 1)).toBe(-15n);
  });

  it('refuses numbers with more places, non-finite numbers and exponent forms', () => {
    expect(toScaled(0.12345, 4)).toBeNull();
    expect(toScaled(0.1 + 0.2, 4)).toBeNull();
    expect(toScaled(Number.NaN, 4)).toBeNull();
    expect(toScaled(1e-7, 4)).toBeNull();
    expect(toScaled(1e21, 4)).toBeNull();
  });

  it('round-trips through scaledToText for any decimal of up to 4 places', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const value = n / 10_000;
        expect(toScaled(value, 4)).toBe(BigInt(n));
        expect(Number(scaledToText(BigInt(n), 4))).toBe(value);
      }),
    );
  });
});

describe('divRound', () => {
  it('rounds halves away from zero and everything else to the nearest', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(14n, 10n)).toBe(1n);
    expect(divRound(15n, 10n)).toBe(2n);
    expect(divRound(1400265n, 10n)).toBe(140027n);
  });

  it('is within half of the true quotient', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (num, den) => {
        const q = divRound(num, den);
        const diff = q * den - num; // (q − num/den) · den
        expect(2n * (diff < 0n ? -diff : diff) <= den).toBe(true);
      }),
    );
  });
});

describe('formatting for people', () => {
  it('writes euros the Dutch and the English way', () => {
    expect(formatEuro(415224, 'nl')).toBe('€\u00a04.152,24');
    expect(formatEuro(-1250, 'nl')).toBe('€\u00a0-12,50');
    expect(formatEuro(415224, 'en')).toBe('€4,152.24');
    expect(formatEuro(-1250, 'en')).toBe('-€12.50');
    expect(formatEuro(5, 'nl')).toBe('€\u00a00,05');
  });

  it('agrees with Intl nl-NL and en-GB currency formatting for any amount', () => {
    const nl = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
    const en = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        expect(formatEuro(cents, 'nl')).toBe(nl.format(cents / 100));
        expect(formatEuro(cents, 'en')).toBe(en.format(cents / 100));
      }),
    );
  });

  it('writes numbers, percentages and ratios', () => {
    expect(formatNumber(2.5, 'nl')).toBe('2,5');
    expect(formatNumber(1200, 'nl')).toBe('1.200');
    expect(formatNumber(1200.75, 'en')).toBe('1,200.75');
    expect(formatPercent(0.3, 'nl')).toBe('30%');
    expect(formatPercent(0.125, 'nl')).toBe('12,5%');
    expect(formatPercent(0.0001, 'en')).toBe('0.01%');
    expect(formatRatio(670334 / 165650, 'nl')).toBe('4,05');
    expect(formatRatio(null, 'nl')).toBe('–');
  });
});
