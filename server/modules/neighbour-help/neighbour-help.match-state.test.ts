import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  END_REASONS,
  RESIDENT_DECLINE_REASONS,
  TERMINAL_STATES,
  VOLUNTEER_DECLINE_REASONS,
  WITHDRAW_REASONS,
  contactRevealed,
  initialMatch,
  transition,
  type MatchEvent,
  type MatchSnapshot,
} from './neighbour-help.match-state';

const event: fc.Arbitrary<MatchEvent> = fc.oneof(
  fc.constant({ type: 'volunteer_accept' } as const),
  fc.constantFrom(...VOLUNTEER_DECLINE_REASONS).map((reason) => ({ type: 'volunteer_decline', reason }) as const),
  fc.constant({ type: 'resident_accept' } as const),
  fc.constantFrom(...RESIDENT_DECLINE_REASONS).map((reason) => ({ type: 'resident_decline', reason }) as const),
  fc.constantFrom(...WITHDRAW_REASONS).map((reason) => ({ type: 'withdraw', reason }) as const),
  fc.constantFrom(...END_REASONS).map((reason) => ({ type: 'end', reason }) as const),
  fc.constant({ type: 'report_no_show' } as const),
);

/** Replays events, skipping refused ones, and records every state passed through. */
function replay(events: MatchEvent[]): { final: MatchSnapshot; path: MatchSnapshot[]; applied: MatchEvent[] } {
  let m = initialMatch();
  const path = [m];
  const applied: MatchEvent[] = [];
  for (const e of events) {
    const r = transition(m, e);
    if (r.ok) {
      m = r.next;
      path.push(m);
      applied.push(e);
    }
  }
  return { final: m, path, applied };
}

describe('match state machine', () => {
  it('reveals contact details only after the volunteer and then the resident said yes', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), (events) => {
        const { path, applied } = replay(events);
        path.forEach((m, i) => {
          if (!contactRevealed(m.state)) return;
          const before = applied.slice(0, i).map((e) => e.type);
          const v = before.indexOf('volunteer_accept');
          const r = before.indexOf('resident_accept');
          expect(v).toBeGreaterThanOrEqual(0);
          expect(r).toBeGreaterThan(v);
        });
      }),
    );
  });

  it('never leaves a terminal state', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), fc.array(event, { maxLength: 6 }), (a, b) => {
        const { final } = replay(a);
        if (!TERMINAL_STATES.includes(final.state)) return;
        for (const e of b) expect(transition(final, e).ok).toBe(false);
      }),
    );
  });

  it('keeps the reason and the side of every decline', () => {
    const accepted = transition(initialMatch(), { type: 'volunteer_accept' });
    if (!accepted.ok) throw new Error('volunteer could not accept');
    const declined = transition(accepted.next, { type: 'resident_decline', reason: 'prefer_someone_else' });
    expect(declined).toEqual({ ok: true, next: { state: 'declined', noShows: 0, reason: 'prefer_someone_else', declinedBy: 'resident' } });
  });

  it('refuses the resident accepting before the volunteer did', () => {
    expect(transition(initialMatch(), { type: 'resident_accept' })).toEqual({ ok: false, error: 'not_allowed_in_state' });
  });

  it('counts no-shows only on a confirmed match', () => {
    let m = initialMatch();
    for (const e of [{ type: 'volunteer_accept' }, { type: 'resident_accept' }, { type: 'report_no_show' }, { type: 'report_no_show' }] as MatchEvent[]) {
      const r = transition(m, e);
      if (!r.ok) throw new Error(`refused ${e.type}`);
      m = r.next;
    }
    expect(m).toMatchObject({ state: 'confirmed', noShows: 2 });
    expect(transition(initialMatch(), { type: 'report_no_show' }).ok).toBe(false);
  });
});
