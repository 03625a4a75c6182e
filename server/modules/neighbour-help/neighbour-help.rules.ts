/**
 * Pure rules of neighbour help: day parts, how heavy a schedule is, and
 * whether a certificate of conduct (VOG) still counts. No I/O.
 */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const PARTS = ['morning', 'afternoon', 'evening'] as const;

/** `mon:morning` … `sun:evening`: the 21 day parts of a week. */
export const DAY_PART_CODES = DAYS.flatMap((d) => PARTS.map((p) => `${d}:${p}` as const));
export type DayPartCode = (typeof DAY_PART_CODES)[number];

/** Day parts to the engine's bitmask: bit day*3+part (Monday morning = bit 0). */
export function dayPartMask(codes: readonly DayPartCode[]): number {
  let mask = 0;
  for (const code of codes) mask |= 1 << DAY_PART_CODES.indexOf(code);
  return mask;
}

export function dayPartCodes(mask: number): DayPartCode[] {
  return DAY_PART_CODES.filter((_, i) => (mask & (1 << i)) !== 0);
}

export const SCHEDULES = ['once', 'weekly', 'fortnightly', 'monthly'] as const;
export type Schedule = (typeof SCHEDULES)[number];

/** Sessions per month a schedule asks for, in tenths (weekly is 52/12 ≈ 4.3). */
export const SESSIONS_TENTHS: Record<Schedule, number> = { once: 10, weekly: 43, fortnightly: 22, monthly: 10 };

export const URGENCIES = ['low', 'normal', 'high'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

/** The last day on which a VOG issued on `issuedOn` (YYYY-MM-DD) is accepted. */
export function vogValidUntil(issuedOn: string, validMonths: number): string {
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  const until = new Date(Date.UTC(y, m - 1 + validMonths, d));
  // 31 January + 1 month must not roll into March: clamp to the month's last day.
  if (until.getUTCDate() !== d) until.setUTCDate(0);
  return until.toISOString().slice(0, 10);
}

export function isVogValid(issuedOn: string | null, validMonths: number, today: Date): boolean {
  if (!issuedOn) return false;
  const day = today.toISOString().slice(0, 10);
  return issuedOn <= day && day <= vogValidUntil(issuedOn, validMonths);
}

/**
 * The day parts (Amsterdam time) a one-off window touches: morning 06-12,
 * afternoon 12-18, evening 18-23. At most 31 days, so at most 744 steps.
 */
export function windowDayParts(start: Date, end: Date): number {
  const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  let mask = 0;
  for (let t = start.getTime(); t < end.getTime(); t += 3600_000) {
    const parts = fmt.formatToParts(new Date(t));
    const day = days.indexOf(parts.find((p) => p.type === 'weekday')?.value ?? '');
    const hour = Number(parts.find((p) => p.type === 'hour')?.value);
    const part = hour >= 6 && hour < 12 ? 0 : hour >= 12 && hour < 18 ? 1 : hour >= 18 && hour < 23 ? 2 : -1;
    if (day >= 0 && part >= 0) mask |= 1 << (day * 3 + part);
  }
  return mask;
}
