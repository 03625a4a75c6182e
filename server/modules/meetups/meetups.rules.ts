/**
 * The rules of a meet-up (ontmoeting) as plain functions over plain data:
 * its status, seats left, and when signing up, changing it or keeping
 * attendance is refused, with the field at fault. The service applies them
 * inside its transaction; meetups.rules.test.ts pins them down.
 */
import type { InvalidParam } from '../../../shared/errors';

export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 500;
/** A meet-up lasts at most a day. */
export const MAX_DURATION_MS = 24 * 3600_000;
/** Planned at most a year ahead. */
export const MAX_AHEAD_MS = 366 * 86_400_000;

export const MEETUP_STATUSES = ['open', 'full', 'ongoing', 'past', 'cancelled'] as const;
export type MeetupStatus = (typeof MEETUP_STATUSES)[number];

export interface MeetupFacts {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  cancelledAt: Date | null;
  /** Active sign-ups (not cancelled). */
  signedUp: number;
}

export const seatsLeft = (m: Pick<MeetupFacts, 'capacity' | 'signedUp'>): number => Math.max(0, m.capacity - m.signedUp);

/** Cancelled wins; then past (ended), ongoing (started), full, open. */
export function meetupStatus(m: MeetupFacts, now: Date): MeetupStatus {
  if (m.cancelledAt) return 'cancelled';
  if (m.endsAt.getTime() <= now.getTime()) return 'past';
  if (m.startsAt.getTime() <= now.getTime()) return 'ongoing';
  return seatsLeft(m) === 0 ? 'full' : 'open';
}

const conflictParam = (name: string, reason: string): InvalidParam => ({ name, code: 'invalid_value', reason });

/** Why nobody can sign up (any more): cancelled, already started, or full. Null when one can. */
export function signUpRefusal(m: MeetupFacts, now: Date): InvalidParam | null {
  if (m.cancelledAt) return conflictParam('cancelledAt', 'The meet-up is cancelled.');
  if (m.startsAt.getTime() <= now.getTime()) return conflictParam('startsAt', 'The meet-up has already started or is over.');
  if (seatsLeft(m) === 0) return conflictParam('seatsLeft', 'The meet-up is full.');
  return null;
}

/** A sign-up can be withdrawn until the meet-up starts (also when it is cancelled). */
export function withdrawRefusal(m: MeetupFacts, now: Date): InvalidParam | null {
  if (!m.cancelledAt && m.startsAt.getTime() <= now.getTime()) {
    return conflictParam('startsAt', 'The meet-up has already started or is over.');
  }
  return null;
}

/** The organiser can change or cancel a meet-up until it ends, and not once it is cancelled. */
export function changeRefusal(m: MeetupFacts, now: Date): InvalidParam | null {
  if (m.cancelledAt) return conflictParam('cancelledAt', 'The meet-up is cancelled.');
  if (m.endsAt.getTime() <= now.getTime()) return conflictParam('endsAt', 'The meet-up is over.');
  return null;
}

/** Attendance is kept from the start on (at the door, or afterwards), never for a cancelled meet-up. */
export function attendanceRefusal(m: MeetupFacts, now: Date): InvalidParam | null {
  if (m.cancelledAt) return conflictParam('cancelledAt', 'The meet-up is cancelled.');
  if (m.startsAt.getTime() > now.getTime()) return conflictParam('startsAt', 'The meet-up has not started yet.');
  return null;
}

/**
 * Problems with a start and end: ends after it starts, lasts at most a day,
 * starts in the future and at most a year ahead. Validation (400), not state.
 */
export function scheduleProblems(s: { startsAt: Date; endsAt: Date }, now: Date): InvalidParam[] {
  const problems: InvalidParam[] = [];
  const start = s.startsAt.getTime();
  const end = s.endsAt.getTime();
  if (start <= now.getTime()) problems.push({ name: 'startsAt', code: 'invalid_value', reason: 'The meet-up starts in the past.' });
  else if (start > now.getTime() + MAX_AHEAD_MS) problems.push({ name: 'startsAt', code: 'invalid_value', reason: 'At most a year ahead.' });
  if (end <= start) problems.push({ name: 'endsAt', code: 'invalid_value', reason: 'The meet-up ends before it starts.' });
  else if (end - start > MAX_DURATION_MS) problems.push({ name: 'endsAt', code: 'invalid_value', reason: 'A meet-up lasts at most a day.' });
  return problems;
}

/** The capacity may not drop under the people already signed up (a state conflict). */
export function capacityRefusal(capacity: number, signedUp: number): InvalidParam | null {
  return capacity < signedUp
    ? { name: 'capacity', code: 'invalid_value', reason: `${signedUp} people have already signed up.` }
    : null;
}
