import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bsnProblem, isValidBsn } from './household.bsn';

/** A valid synthetic BSN from its first eight digits (the check digit that satisfies the 11-proof), or null when none does. */
function complete(first8: number[]): string | null {
  const partial = first8.reduce((s, d, i) => s + d * (9 - i), 0);
  for (let last = 0; last <= 9; last++) if ((partial - last) % 11 === 0) return [...first8, last].join('');
  return null;
}

describe('BSN 11-proof', () => {
  it('accepts numbers that pass the proof', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
  });

  it('refuses numbers that fail it, the wrong length, non-digits and all zeros', () => {
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('111222334')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('1234567890')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
    expect(isValidBsn(' 11122233')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
  });

  it('tells a wrong shape from a failed proof', () => {
    expect(bsnProblem('12-34')).toBe('invalid_format');
    expect(bsnProblem('123456789')).toBe('invalid');
    expect(bsnProblem('123456782')).toBeNull();
  });

  it('catches every single-digit error in a valid number', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (first8, position, shift) => {
          const bsn = complete(first8);
          fc.pre(bsn !== null && bsn !== '000000000');
          expect(isValidBsn(bsn!)).toBe(true);
          const digits = bsn!.split('').map(Number);
          digits[position] = (digits[position]! + shift) % 10;
          expect(isValidBsn(digits.join(''))).toBe(false);
        },
      ),
    );
  });
});
