import { describe, expect, it } from 'vitest';
import {
  dayOfDate,
  dayPartsForWindow,
  formatPostcode,
  isPostcode,
  isPostcodeArea,
  offerFieldFor,
  requestFieldFor,
  sortDayParts,
  TIMES,
  withCurrent,
} from './neighbour-help';

describe('day parts of a one-off request', () => {
  it('knows the weekday of a date, whatever the time zone', () => {
    expect(dayOfDate('2026-11-30')).toBe('mon');
    expect(dayOfDate('2026-12-06')).toBe('sun');
    expect(dayOfDate('2026-02-30')).toBeNull();
    expect(dayOfDate('30-11-2026')).toBeNull();
  });

  it('takes every day part the window touches, and none when the window is empty', () => {
    expect(dayPartsForWindow('2026-11-30', '10:00', '12:00')).toEqual(['mon:morning']);
    expect(dayPartsForWindow('2026-11-30', '11:30', '12:30')).toEqual(['mon:morning', 'mon:afternoon']);
    expect(dayPartsForWindow('2026-12-01', '17:00', '19:00')).toEqual(['tue:afternoon', 'tue:evening']);
    expect(dayPartsForWindow('2026-11-30', '12:00', '12:00')).toEqual([]);
    expect(dayPartsForWindow('2026-11-30', '', '12:00')).toEqual([]);
  });

  it('offers start times every half hour from seven in the morning to ten at night', () => {
    expect(TIMES[0]).toBe('07:00');
    expect(TIMES[1]).toBe('07:30');
    expect(TIMES.at(-1)).toBe('22:00');
  });
});

describe('postcodes', () => {
  it('accepts a Dutch postcode with or without a space, in any case', () => {
    expect(isPostcode('3311 AB')).toBe(true);
    expect(isPostcode('3311ab')).toBe(true);
    expect(isPostcode('0311 AB')).toBe(false);
    expect(isPostcode('3311 SS')).toBe(false);
    expect(isPostcode('3311')).toBe(false);
    expect(formatPostcode('3311ab')).toBe('3311 AB');
  });

  it('lets a volunteer give four digits only', () => {
    expect(isPostcodeArea('3317')).toBe(true);
    expect(isPostcodeArea('3317 AB')).toBe(true);
    expect(isPostcodeArea('331')).toBe(false);
  });
});

describe('server field names to fields on screen', () => {
  it('puts window problems at the date and the end time', () => {
    expect(requestFieldFor('window', 'once')).toBe('date');
    expect(requestFieldFor('window.start', 'once')).toBe('date');
    expect(requestFieldFor('window.end', 'once')).toBe('endTime');
  });

  it('puts day-part problems at the grid, or at the start time when the times decide them', () => {
    expect(requestFieldFor('dayParts', 'weekly')).toBe('dayParts');
    expect(requestFieldFor('dayParts.3', 'weekly')).toBe('dayParts');
    expect(requestFieldFor('dayParts', 'once')).toBe('startTime');
  });

  it('maps the API names to the form names and ignores unknown ones', () => {
    expect(requestFieldFor('categoryId', 'weekly')).toBe('category');
    expect(requestFieldFor('durationMinutes', 'weekly')).toBe('duration');
    expect(requestFieldFor('postcode', '')).toBe('postcode');
    expect(requestFieldFor('languages.1', '')).toBe('languages');
    expect(requestFieldFor('urgency', '')).toBeNull();
    expect(offerFieldFor('categoryIds.0')).toBe('categories');
    expect(offerFieldFor('postcode')).toBe('area');
    expect(offerFieldFor('skills.0')).toBeNull();
  });
});

describe('choices', () => {
  it('keeps a saved value that is not a standard choice', () => {
    expect(withCurrent([1, 2.2, 4.3], 2)).toEqual([1, 2, 2.2, 4.3]);
    expect(withCurrent([1, 2.2, 4.3], 2.2)).toEqual([1, 2.2, 4.3]);
    expect(withCurrent([1, 2.2], null)).toEqual([1, 2.2]);
  });

  it('orders day parts as the week goes, without duplicates', () => {
    expect(sortDayParts(['wed:evening', 'mon:afternoon', 'mon:morning', 'wed:evening'])).toEqual([
      'mon:morning',
      'mon:afternoon',
      'wed:evening',
    ]);
  });
});
