import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_PART_CODES, dayPartCodes, dayPartMask, isVogValid, vogValidUntil, windowDayParts } from './neighbour-help.rules';

describe('day parts', () => {
  it('round-trips any set of day parts through the bitmask, in week order', () => {
    fc.assert(
      fc.property(fc.subarray([...DAY_PART_CODES]), (codes) => {
        expect(dayPartCodes(dayPartMask(codes))).toEqual(codes);
      }),
    );
  });

  it('puts Monday morning in bit 0 and Sunday evening in bit 20', () => {
    expect(dayPartMask(['mon:morning'])).toBe(1);
    expect(dayPartMask(['sun:evening'])).toBe(1 << 20);
  });
});

describe('VOG validity', () => {
  it('adds whole months to the date of issue', () => {
    expect(vogValidUntil('2025-03-01', 36)).toBe('2028-03-01');
  });

  it('clamps to the end of a shorter month instead of rolling over', () => {
    expect(vogValidUntil('2024-01-31', 1)).toBe('2024-02-29');
    expect(vogValidUntil('2023-01-31', 1)).toBe('2023-02-28');
  });

  it('is valid from the day of issue up to and including the last day, and not without a record', () => {
    expect(isVogValid('2025-03-01', 36, new Date('2028-03-01T22:00:00Z'))).toBe(true);
    expect(isVogValid('2025-03-01', 36, new Date('2028-03-02T00:00:00Z'))).toBe(false);
    expect(isVogValid('2026-12-01', 36, new Date('2026-11-30T12:00:00Z'))).toBe(false);
    expect(isVogValid(null, 36, new Date('2026-11-30T12:00:00Z'))).toBe(false);
  });
});

describe('day parts of a one-off window', () => {
  it('reads the window in Amsterdam time: Tuesday 13:00-17:00 in winter is Tuesday afternoon', () => {
    expect(dayPartCodes(windowDayParts(new Date('2026-11-24T12:00:00Z'), new Date('2026-11-24T16:00:00Z')))).toEqual(['tue:afternoon']);
  });

  it('covers every part the window touches, across midnight, and no night hours', () => {
    // Friday 20:00 to Saturday 10:00 Amsterdam time (summer, UTC+2).
    const codes = dayPartCodes(windowDayParts(new Date('2026-06-05T18:00:00Z'), new Date('2026-06-06T08:00:00Z')));
    expect(codes).toEqual(['fri:evening', 'sat:morning']);
  });

  it('gives nothing for a window only at night', () => {
    expect(windowDayParts(new Date('2026-11-24T23:30:00Z'), new Date('2026-11-25T03:00:00Z'))).toBe(0);
  });
});
