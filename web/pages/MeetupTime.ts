/**
 * Meet-up times. A meet-up happens at a place in the Netherlands, so its
 * date and times are that place's wall-clock time (Europe/Amsterdam), on
 * every device: the organiser types Dutch time, everyone reads Dutch time.
 * Plain functions, tested in MeetupTime.test.ts.
 */
export const MEETUP_TIME_ZONE = 'Europe/Amsterdam';

/** Offset of Dutch time from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function dutchOffsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: MEETUP_TIME_ZONE, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name ?? '');
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** `2026-11-26` and `14:00` in Dutch time, as an ISO 8601 instant for the API. */
export function dutchTimeToIso(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  // Two passes: the offset at the guessed instant, then at the corrected one (right around a clock change).
  const first = new Date(guess.getTime() - dutchOffsetMinutes(guess) * 60_000);
  return new Date(guess.getTime() - dutchOffsetMinutes(first) * 60_000).toISOString();
}

/** An ISO instant as the Dutch date (YYYY-MM-DD) and time (HH:MM), for the form. */
export function isoToDutchTime(iso: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: MEETUP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Today in the Netherlands, YYYY-MM-DD. */
export const dutchToday = (now: Date = new Date()) => isoToDutchTime(now.toISOString()).date;

