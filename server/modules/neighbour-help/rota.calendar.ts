/**
 * The calendar of a rota (rooster): the dates of a recurring request and who
 * comes on each, in proportion to what each member offered. Pure, no I/O.
 *
 * Dates: the request's first day part in week order gives the weekday;
 * weekly every 7 days, fortnightly every 14, monthly the same weekday in the
 * same week of each month (the 1st Tuesday, the 2nd Tuesday, ...).
 * Who: each date goes to the member furthest behind their share (largest
 * share × (n + 1) − given so far); what nobody covers shows as an open date.
 */
import { DAY_PART_CODES, type DayPartCode, type Schedule } from './neighbour-help.rules';

export interface CalendarMember {
  id: string;
  /** Tenths of a session per month this member takes. */
  tenths: number;
}

export interface CalendarEntry {
  date: string;
  dayPart: DayPartCode;
  /** The member who comes, or null for a gap nobody covers. */
  memberId: string | null;
}

const ISO = (d: Date) => d.toISOString().slice(0, 10);

/** The first date on or after `from` (YYYY-MM-DD) that falls on `weekday` (0 = Monday). */
function onOrAfter(from: string, weekday: number): Date {
  const d = new Date(`${from}T00:00:00Z`);
  const current = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() + ((weekday - current + 7) % 7));
  return d;
}

/** The n-th (0-based, clamped to the last) `weekday` of a month. */
function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): Date {
  const first = onOrAfter(ISO(new Date(Date.UTC(year, month, 1))), weekday);
  const dates: Date[] = [];
  for (let d = first; d.getUTCMonth() === ((month % 12) + 12) % 12; d = new Date(d.getTime() + 7 * 86_400_000)) dates.push(d);
  return dates[Math.min(n, dates.length - 1)]!;
}

export function sessionDates(schedule: Schedule, dayPartsMask: number, startsOn: string, count: number): Array<{ date: string; dayPart: DayPartCode }> {
  const bit = DAY_PART_CODES.findIndex((_, i) => (dayPartsMask & (1 << i)) !== 0);
  if (bit < 0 || schedule === 'once' || count <= 0) return [];
  const weekday = Math.floor(bit / 3);
  const dayPart = DAY_PART_CODES[bit]!;
  const first = onOrAfter(startsOn, weekday);
  const out: Array<{ date: string; dayPart: DayPartCode }> = [];
  if (schedule === 'monthly') {
    const n = Math.floor((first.getUTCDate() - 1) / 7);
    for (let k = 0; out.length < count; k++) {
      const d = nthWeekdayOfMonth(first.getUTCFullYear(), first.getUTCMonth() + k, weekday, n);
      if (d.getTime() >= first.getTime()) out.push({ date: ISO(d), dayPart });
    }
    return out;
  }
  const step = schedule === 'weekly' ? 7 : 14;
  for (let k = 0; k < count; k++) out.push({ date: ISO(new Date(first.getTime() + k * step * 86_400_000)), dayPart });
  return out;
}

/**
 * Assigns dates to members in proportion to their share of the demand; the
 * uncovered part of the demand becomes open dates. Deterministic: ties go to
 * the member listed first.
 */
export function assignCalendar(
  dates: ReadonlyArray<{ date: string; dayPart: DayPartCode }>,
  members: readonly CalendarMember[],
  demandTenths: number,
): CalendarEntry[] {
  const covered = members.reduce((s, m) => s + m.tenths, 0);
  const slots = [...members.map((m) => ({ id: m.id as string | null, share: m.tenths })), { id: null, share: Math.max(0, demandTenths - covered) }];
  const total = Math.max(demandTenths, covered);
  const given = slots.map(() => 0);
  return dates.map((d, n) => {
    let best = -1;
    let bestLag = -Infinity;
    slots.forEach((s, i) => {
      if (s.share <= 0) return;
      const lag = (s.share / total) * (n + 1) - given[i]!;
      if (lag > bestLag + 1e-9) {
        bestLag = lag;
        best = i;
      }
    });
    if (best < 0) return { ...d, memberId: null };
    given[best]!++;
    return { ...d, memberId: slots[best]!.id };
  });
}
