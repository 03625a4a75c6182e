import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_CAPACITY,
  attendanceRefusal,
  capacityRefusal,
  changeRefusal,
  meetupStatus,
  scheduleProblems,
  seatsLeft,
  signUpRefusal,
  withdrawRefusal,
  type MeetupFacts,
} from './meetups.rules';

const now = new Date('2026-11-03T09:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3600_000);
const meetup = (over: Partial<MeetupFacts> = {}): MeetupFacts => ({
  startsAt: hours(48),
  endsAt: hours(50),
  capacity: 10,
  cancelledAt: null,
  signedUp: 3,
  ...over,
});

describe('meet-up status and seats', () => {
  it('counts the seats left and never below zero', () => {
    expect(seatsLeft({ capacity: 10, signedUp: 3 })).toBe(7);
    expect(seatsLeft({ capacity: 2, signedUp: 5 })).toBe(0);
  });

  it('is open, full, ongoing, past or cancelled, with cancelled first', () => {
    expect(meetupStatus(meetup(), now)).toBe('open');
    expect(meetupStatus(meetup({ signedUp: 10 }), now)).toBe('full');
    expect(meetupStatus(meetup({ startsAt: hours(-1), endsAt: hours(1) }), now)).toBe('ongoing');
    expect(meetupStatus(meetup({ startsAt: hours(-3), endsAt: hours(-1) }), now)).toBe('past');
    expect(meetupStatus(meetup({ startsAt: hours(-3), endsAt: hours(-1), cancelledAt: hours(-50) }), now)).toBe('cancelled');
  });
});

describe('signing up', () => {
  it('is possible for an open meet-up in the future', () => {
    expect(signUpRefusal(meetup(), now)).toBeNull();
  });

  it('is refused when full, cancelled or started, naming why', () => {
    expect(signUpRefusal(meetup({ signedUp: 10 }), now)?.name).toBe('seatsLeft');
    expect(signUpRefusal(meetup({ cancelledAt: hours(-1) }), now)?.name).toBe('cancelledAt');
    expect(signUpRefusal(meetup({ startsAt: hours(-1), endsAt: hours(1) }), now)?.name).toBe('startsAt');
  });

  it('never lets more people sign up than there are seats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_CAPACITY }), fc.integer({ min: 0, max: 2 * MAX_CAPACITY }), (capacity, signedUp) => {
        const allowed = signUpRefusal(meetup({ capacity, signedUp }), now) === null;
        expect(allowed).toBe(signedUp < capacity);
      }),
    );
  });

  it('can be withdrawn until the start, and from a cancelled meet-up', () => {
    expect(withdrawRefusal(meetup(), now)).toBeNull();
    expect(withdrawRefusal(meetup({ cancelledAt: hours(-1) }), now)).toBeNull();
    expect(withdrawRefusal(meetup({ startsAt: hours(-1), endsAt: hours(1) }), now)?.name).toBe('startsAt');
  });
});

describe('organising', () => {
  it('allows changes until the end, not after cancelling', () => {
    expect(changeRefusal(meetup({ startsAt: hours(-1), endsAt: hours(1) }), now)).toBeNull();
    expect(changeRefusal(meetup({ startsAt: hours(-3), endsAt: hours(-1) }), now)?.name).toBe('endsAt');
    expect(changeRefusal(meetup({ cancelledAt: hours(-1) }), now)?.name).toBe('cancelledAt');
  });

  it('keeps attendance from the start on, never for a cancelled meet-up', () => {
    expect(attendanceRefusal(meetup(), now)?.name).toBe('startsAt');
    expect(attendanceRefusal(meetup({ startsAt: hours(-1), endsAt: hours(1) }), now)).toBeNull();
    expect(attendanceRefusal(meetup({ startsAt: hours(-30), endsAt: hours(-28) }), now)).toBeNull();
    expect(attendanceRefusal(meetup({ startsAt: hours(-30), endsAt: hours(-28), cancelledAt: hours(-40) }), now)?.name).toBe('cancelledAt');
  });

  it('wants a start in the future, an end after it, at most a day long and a year ahead', () => {
    expect(scheduleProblems({ startsAt: hours(2), endsAt: hours(4) }, now)).toEqual([]);
    expect(scheduleProblems({ startsAt: hours(-2), endsAt: hours(4) }, now).map((p) => p.name)).toEqual(['startsAt']);
    expect(scheduleProblems({ startsAt: hours(4), endsAt: hours(4) }, now).map((p) => p.name)).toEqual(['endsAt']);
    expect(scheduleProblems({ startsAt: hours(4), endsAt: hours(29) }, now).map((p) => p.name)).toEqual(['endsAt']);
    expect(scheduleProblems({ startsAt: hours(24 * 400), endsAt: hours(24 * 400 + 1) }, now).map((p) => p.name)).toEqual(['startsAt']);
  });

  it('does not let the capacity drop under the sign-ups', () => {
    expect(capacityRefusal(5, 5)).toBeNull();
    expect(capacityRefusal(4, 5)).toMatchObject({ name: 'capacity' });
  });
});
