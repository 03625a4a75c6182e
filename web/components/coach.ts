/**
 * Plain logic behind the coach's pages, the rota calendar and the figures:
 * which section of the coach's page a suggested step leads to, how a
 * calendar date reads ("di 1 december"), the default period of the figures
 * (this month) and how shares and hours read. No React here, so it is
 * tested on its own (coach.test.ts).
 */
import type { CoachStep } from '../api/coach';

/**
 * The sections of the coach's page for one request. Their ids are the
 * fragments the queue links to (`/coach/hulpvragen/:id#rooster`), so they
 * are Dutch like the paths, and hold no personal data.
 */
export const COACH_SECTIONS = ['rooster', 'vrijwilligers', 'netwerk', 'doorverwijzen', 'geschiedenis'] as const;
export type CoachSection = (typeof COACH_SECTIONS)[number];

/** Where on the coach's page each suggested next step is done. */
export function sectionForStep(step: CoachStep): CoachSection {
  switch (step) {
    case 'split_into_rota':
      return 'rooster';
    case 'ask_network':
      return 'netwerk';
    case 'invite_volunteers':
    case 'widen_distance':
      return 'vrijwilligers';
    case 'refer_formal':
      return 'doorverwijzen';
  }
}

/** `#netwerk` → `netwerk`; null for anything that is not one of the sections. */
export function sectionFromHash(hash: string): CoachSection | null {
  const name = hash.replace(/^#/, '');
  return (COACH_SECTIONS as readonly string[]).includes(name) ? (name as CoachSection) : null;
}

/** How many extra kilometres the coach can search beyond each volunteer's own distance (the API allows 0 to 25). */
export const WIDEN_KM_CHOICES = [3, 5, 10, 15, 25] as const;

/** A calendar day as YYYY-MM-DD, valid in the calendar (no 31 February). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const INTL: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * A rota date as people say it: "di 1 december" (nl), "Tue 1 December" (en).
 * The date has no time, so it is read in UTC and never shifts a day.
 */
export function calendarDay(locale: string, date: string): string {
  if (!isIsoDate(date)) return date;
  return new Intl.DateTimeFormat(INTL[locale] ?? locale, { weekday: 'short', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** A date in full: "1 december 2026", or with `weekday` "dinsdag 1 december 2026". Read in UTC, like calendarDay. */
export function longDate(locale: string, date: string, options: { weekday?: boolean } = {}): string {
  if (!isIsoDate(date)) return date;
  return new Intl.DateTimeFormat(INTL[locale] ?? locale, {
    ...(options.weekday ? { weekday: 'long' as const } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * Names that tell people apart: two volunteers both called Saar become
 * "Saar (1)" and "Saar (2)", in the order given; a unique name stays as it
 * is. Keyed by id, so a calendar can use the same labels as the table.
 */
export function distinctNames(people: ReadonlyArray<{ id: string; name: string }>): Map<string, string> {
  const unique = [...new Map(people.map((p) => [p.id, p])).values()];
  const total = new Map<string, number>();
  for (const p of unique) total.set(p.name, (total.get(p.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const p of unique) {
    if ((total.get(p.name) ?? 0) < 2) {
      labels.set(p.id, p.name);
      continue;
    }
    const n = (seen.get(p.name) ?? 0) + 1;
    seen.set(p.name, n);
    labels.set(p.id, `${p.name} (${n})`);
  }
  return labels;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of the month `now` is in, on the person's own clock: the figures' default period. */
export function thisMonth(now: Date = new Date()): { from: string; to: string } {
  const year = now.getFullYear();
  const month = now.getMonth();
  const last = new Date(year, month + 1, 0).getDate();
  return { from: `${year}-${pad(month + 1)}-01`, to: `${year}-${pad(month + 1)}-${pad(last)}` };
}

/** 0.125 → "12,5%" (nl) or "12.5%" (en); null stays null (nothing to divide). */
export function formatShare(locale: string, share: number | null): string | null {
  if (share === null) return null;
  return new Intl.NumberFormat(INTL[locale] ?? locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** 4.3 → "4,3" (nl); whole numbers without decimals. */
export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(INTL[locale] ?? locale, { maximumFractionDigits: 1 }).format(value);
}

/** Members' sessions a month, added up in tenths as the server does (no 4.299999). */
export function sumSessions(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + Math.round(v * 10), 0) / 10;
}
