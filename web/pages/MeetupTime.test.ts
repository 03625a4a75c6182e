import { describe, expect, it } from 'vitest';
import { dutchTimeToIso, dutchToday, isoToDutchTime } from './MeetupTime';

describe('meet-up times in Dutch time', () => {
  it('turns a Dutch date and time into an instant, in winter and in summer', () => {
    expect(dutchTimeToIso('2026-11-26', '14:00')).toBe('2026-11-26T13:00:00.000Z');
    expect(dutchTimeToIso('2026-06-26', '14:00')).toBe('2026-06-26T12:00:00.000Z');
  });

  it('gets it right on the days the clocks change', () => {
    // 29 March 2026: 02:00 becomes 03:00; 25 October 2026: 03:00 becomes 02:00.
    expect(dutchTimeToIso('2026-03-29', '10:00')).toBe('2026-03-29T08:00:00.000Z');
    expect(dutchTimeToIso('2026-10-25', '10:00')).toBe('2026-10-25T09:00:00.000Z');
  });

  it('reads an instant back as the Dutch date and time', () => {
    expect(isoToDutchTime('2026-11-26T13:00:00.000Z')).toEqual({ date: '2026-11-26', time: '14:00' });
    expect(isoToDutchTime('2026-11-26T23:30:00.000Z')).toEqual({ date: '2026-11-27', time: '00:30' });
    expect(isoToDutchTime(dutchTimeToIso('2026-07-01', '09:30'))).toEqual({ date: '2026-07-01', time: '09:30' });
  });

  it('knows the Dutch date of today', () => {
    expect(dutchToday(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
  });
});
