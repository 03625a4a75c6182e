import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayPartMask } from './neighbour-help.rules';
import { assignCalendar, sessionDates } from './rota.calendar';

const tuesdayAfternoon = dayPartMask(['tue:afternoon']);

describe('rota dates', () => {
  it('puts weekly sessions on the first day part of the request, every seven days', () => {
    // 2026-11-23 is a Monday.
    expect(sessionDates('weekly', tuesdayAfternoon | dayPartMask(['thu:morning']), '2026-11-23', 3)).toEqual([
      { date: '2026-11-24', dayPart: 'tue:afternoon' },
      { date: '2026-12-01', dayPart: 'tue:afternoon' },
      { date: '2026-12-08', dayPart: 'tue:afternoon' },
    ]);
  });

  it('keeps a monthly session in the same week of each month (the fourth Tuesday)', () => {
    expect(sessionDates('monthly', tuesdayAfternoon, '2026-11-23', 3).map((d) => d.date)).toEqual(['2026-11-24', '2026-12-22', '2027-01-26']);
    expect(sessionDates('monthly', tuesdayAfternoon, '2026-12-01', 2).map((d) => d.date)).toEqual(['2026-12-01', '2027-01-05']);
  });

  it('has no calendar for a one-off request', () => {
    expect(sessionDates('once', tuesdayAfternoon, '2026-11-23', 4)).toEqual([]);
  });
});

describe('who comes when', () => {
  it('spreads weekly company over five monthly volunteers, with the rest open', () => {
    const members = ['a', 'b', 'c', 'd'].map((id) => ({ id, tenths: 10 }));
    const dates = sessionDates('weekly', tuesdayAfternoon, '2026-11-23', 43);
    const calendar = assignCalendar(dates, members, 43);
    const counts = new Map<string | null, number>();
    for (const e of calendar) counts.set(e.memberId, (counts.get(e.memberId) ?? 0) + 1);
    for (const id of ['a', 'b', 'c', 'd']) expect(counts.get(id)).toBe(10);
    expect(counts.get(null)).toBe(3);
  });

  it('gives every member their share within one session, and never a member with no share', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 50 }), (shares, demand, count) => {
        const members = shares.map((tenths, i) => ({ id: `m${i}`, tenths }));
        const calendar = assignCalendar(sessionDates('weekly', tuesdayAfternoon, '2026-11-23', count), members, demand);
        const total = Math.max(demand, shares.reduce((s, x) => s + x, 0));
        members.forEach((m) => {
          const got = calendar.filter((e) => e.memberId === m.id).length;
          expect(Math.abs(got - (m.tenths / total) * count)).toBeLessThanOrEqual(1);
          if (m.tenths === 0) expect(got).toBe(0);
        });
      }),
    );
  });
});
