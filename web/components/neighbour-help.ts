/**
 * Plain logic behind the neighbour-help pages (buurthulp): the choices the
 * forms offer, day parts, the one-off time window, and how the server's
 * field names map to the fields on screen. No React here, so it is tested
 * on its own (neighbour-help.test.ts).
 */
import type { DayPart, HelpRequestStatus, HelpSchedule, VolunteerGender } from '../api/types';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const PARTS = ['morning', 'afternoon', 'evening'] as const;
export type Day = (typeof DAYS)[number];
export type Part = (typeof PARTS)[number];

/** Monday morning … Sunday evening, in the server's order. */
export const DAY_PARTS: DayPart[] = DAYS.flatMap((day) => PARTS.map((part) => `${day}:${part}` as DayPart));

export const SCHEDULES: HelpSchedule[] = ['once', 'weekly', 'fortnightly', 'monthly'];
export const STATUSES: HelpRequestStatus[] = ['open', 'matched', 'stalled', 'referred', 'closed', 'cancelled'];
/** A request in one of these states can no longer be withdrawn. */
export const FINAL_STATUSES: readonly string[] = ['closed', 'cancelled'];

/** 30 minutes, 1 hour, 1.5 hours, 2 hours, half a day. */
export const DURATIONS = [30, 60, 90, 120, 240] as const;

/**
 * Languages offered as check boxes: Dutch, English, and the languages most
 * spoken at home by newer Dutch residents. Codes are ISO 639, as the API
 * wants them; a code outside this list (set elsewhere) is kept and shown.
 */
export const LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'ti', 'so', 'fa', 'es', 'fr', 'de'] as const;
export const MAX_REQUEST_LANGUAGES = 5;

export const GENDERS: VolunteerGender[] = ['unknown', 'female', 'male', 'other'];

/**
 * How often a volunteer can help, at most, per month. Weekly is 4.3 and
 * fortnightly 2.2 sessions a month, as the server counts a weekly request,
 * so an offer of "every week" really covers a weekly request.
 */
export const SESSIONS_PER_MONTH = [1, 2.2, 4.3, 8.7, 13] as const;
export const MAX_RESIDENTS = [1, 2, 3, 4, 5, 10] as const;
export const MAX_KM = [1, 2, 3, 5, 10, 15, 25, 50] as const;

/** The value plus the saved one when that is not a standard choice, sorted. */
export function withCurrent(values: readonly number[], current: number | null): number[] {
  return current === null || values.includes(current) ? [...values] : [...values, current].sort((a, b) => a - b);
}

/** Keeps the server's order (Monday morning first) and drops duplicates. */
export function sortDayParts(parts: Iterable<DayPart>): DayPart[] {
  const chosen = new Set(parts);
  return DAY_PARTS.filter((p) => chosen.has(p));
}

/** Start times for a one-off request: every half hour from 07:00 to 22:00. */
export const TIMES: string[] = Array.from({ length: 31 }, (_, i) => {
  const minutes = 7 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${minutes % 60 === 0 ? '00' : '30'}`;
});

const PART_STARTS: Record<Part, number> = { morning: 0, afternoon: 12 * 60, evening: 18 * 60 };
const PART_ENDS: Record<Part, number> = { morning: 12 * 60, afternoon: 18 * 60, evening: 24 * 60 };

const toMinutes = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** `2026-11-30` → `mon`; null for something that is not a date. */
export function dayOfDate(date: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const parsed = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return null;
  // getUTCDay: Sunday is 0.
  return DAYS[(parsed.getUTCDay() + 6) % 7] ?? null;
}

/**
 * The day parts a one-off window touches, so that a resident who gave a
 * date and times does not have to tick day parts as well. Morning is until
 * 12:00, afternoon until 18:00, evening after that.
 */
export function dayPartsForWindow(date: string, from: string, to: string): DayPart[] {
  const day = dayOfDate(date);
  if (!day || !from || !to) return [];
  const start = toMinutes(from);
  const end = toMinutes(to);
  if (end <= start) return [];
  return PARTS.filter((part) => start < PART_ENDS[part] && end > PART_STARTS[part]).map((part) => `${day}:${part}` as DayPart);
}

/** A local date and time (the resident's own clock) as ISO 8601 for the API. */
export function localDateTimeToIso(date: string, time: string): string {
  return new Date(`${date}T${time}:00`).toISOString();
}

/** Today as YYYY-MM-DD on the resident's own clock. */
export function todayLocal(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A Dutch postcode such as 3311 AB (space optional); the letters SA, SD and SS are never issued. */
export function isPostcode(value: string): boolean {
  const letters = /^\s*[1-9][0-9]{3}\s?([A-Za-z]{2})\s*$/.exec(value)?.[1];
  return letters !== undefined && !['SA', 'SD', 'SS'].includes(letters.toUpperCase());
}

/** Four digits are enough for a volunteer; a full postcode is fine too. */
export function isPostcodeArea(value: string): boolean {
  return /^\s*[1-9][0-9]{3}\s*$/.test(value) || isPostcode(value);
}

/** Postcode as people write it: `3311ab` → `3311 AB`. */
export function formatPostcode(value: string): string {
  const m = /^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$/.exec(value);
  return m?.[1] && m[2] ? `${m[1]} ${m[2].toUpperCase()}` : value.trim();
}

/** The fields of the help-request form, in the order they appear on screen. */
export const REQUEST_FIELDS = [
  'residentPersonId',
  'category',
  'description',
  'schedule',
  'date',
  'startTime',
  'endTime',
  'dayParts',
  'duration',
  'postcode',
  'houseNumber',
  'houseNumberAddition',
  'languages',
  'residentGender',
] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];

/**
 * Which field on screen a server error belongs to (`invalidParams[].name`).
 * A one-off request has no day-part boxes on screen (they follow from the
 * times), so a day-part problem then belongs to the start time.
 */
export function requestFieldFor(name: string, schedule: HelpSchedule | ''): RequestField | null {
  const [head, sub] = name.split('.');
  switch (head) {
    case 'residentPersonId':
      return 'residentPersonId';
    case 'categoryId':
      return 'category';
    case 'description':
      return 'description';
    case 'schedule':
      return 'schedule';
    case 'window':
      return sub === 'end' ? 'endTime' : 'date';
    case 'dayParts':
      return schedule === 'once' ? 'startTime' : 'dayParts';
    case 'durationMinutes':
      return 'duration';
    case 'postcode':
      return 'postcode';
    case 'houseNumber':
      return 'houseNumber';
    case 'houseNumberAddition':
      return 'houseNumberAddition';
    case 'languages':
      return 'languages';
    case 'residentGender':
      return 'residentGender';
    default:
      return null;
  }
}

/** The fields of the volunteer's offer form, in screen order. */
export const OFFER_FIELDS = ['categories', 'dayParts', 'sessionsPerMonth', 'maxResidents', 'maxKm', 'languages', 'gender', 'area'] as const;
export type OfferField = (typeof OFFER_FIELDS)[number];

export function offerFieldFor(name: string): OfferField | null {
  const [head] = name.split('.');
  switch (head) {
    case 'categoryIds':
      return 'categories';
    case 'dayParts':
    case 'sessionsPerMonth':
    case 'maxResidents':
    case 'maxKm':
    case 'languages':
    case 'gender':
      return head;
    case 'postcode':
      return 'area';
    default:
      return null;
  }
}
