import { describe, expect, it } from 'vitest';
import { parseDecimal, percentToProbability, probabilityToPercent } from './effects-format';

describe('effect calculator input', () => {
  it('reads a decimal comma and a decimal point, and refuses other text', () => {
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal(' 12 ')).toBe(12);
    expect(parseDecimal('1.5')).toBe(1.5);
    expect(parseDecimal('1,5 uur')).toBeNaN();
    expect(parseDecimal('')).toBeNaN();
  });

  it('turns a percentage into a probability without floating-point tails, and back', () => {
    expect(percentToProbability('30')).toBe(0.3);
    expect(percentToProbability('33,33')).toBe(0.3333);
    expect(percentToProbability('12,5')).toBe(0.125);
    expect(probabilityToPercent(0.3333, 'nl')).toBe('33,33');
    expect(probabilityToPercent(0.07, 'en')).toBe('7');
  });
});
