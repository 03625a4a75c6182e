/**
 * The life of a match (koppeling) between a help request and a volunteer,
 * as a pure state machine:
 *
 *   proposed ──volunteer accepts──▶ volunteer_accepted ──resident accepts──▶ confirmed ──end──▶ ended
 *      │                               │                                       │
 *      └─volunteer declines─▶ declined ◀─resident declines┘                   └─no-show (stays confirmed, counted)
 *   proposed / volunteer_accepted ──withdraw──▶ withdrawn
 *
 * Contact details (names, phone, e-mail, and the address for the volunteer)
 * are revealed only while a match is confirmed: both sides said yes.
 * Declines and withdrawals carry a reason, so the coach can learn from them.
 */
export const MATCH_STATES = ['proposed', 'volunteer_accepted', 'confirmed', 'declined', 'withdrawn', 'ended'] as const;
export type MatchState = (typeof MATCH_STATES)[number];

export const VOLUNTEER_DECLINE_REASONS = ['no_time', 'too_far', 'not_my_kind_of_help', 'personal', 'other'] as const;
export const RESIDENT_DECLINE_REASONS = ['prefer_someone_else', 'no_longer_needed', 'personal', 'other'] as const;
export const WITHDRAW_REASONS = ['request_cancelled', 'other_match_confirmed', 'volunteer_unavailable', 'coach_decision', 'blocked'] as const;
export const END_REASONS = ['help_completed', 'volunteer_stopped', 'resident_stopped', 'referred_to_formal_care', 'safety_concern'] as const;

export type MatchEvent =
  | { type: 'volunteer_accept' }
  | { type: 'volunteer_decline'; reason: (typeof VOLUNTEER_DECLINE_REASONS)[number] }
  | { type: 'resident_accept' }
  | { type: 'resident_decline'; reason: (typeof RESIDENT_DECLINE_REASONS)[number] }
  | { type: 'withdraw'; reason: (typeof WITHDRAW_REASONS)[number] }
  | { type: 'end'; reason: (typeof END_REASONS)[number] }
  | { type: 'report_no_show' };

export interface MatchSnapshot {
  state: MatchState;
  noShows: number;
  /** Why it was declined, withdrawn or ended; null otherwise. */
  reason: string | null;
  /** Who declined, when declined. */
  declinedBy: 'volunteer' | 'resident' | null;
}

export const TERMINAL_STATES: readonly MatchState[] = ['declined', 'withdrawn', 'ended'];

export type TransitionResult = { ok: true; next: MatchSnapshot } | { ok: false; error: 'not_allowed_in_state' };

/** Applies one event; an event that does not fit the state is refused, never ignored. */
export function transition(m: MatchSnapshot, e: MatchEvent): TransitionResult {
  const to = (next: Partial<MatchSnapshot>): TransitionResult => ({ ok: true, next: { ...m, ...next } });
  switch (e.type) {
    case 'volunteer_accept':
      return m.state === 'proposed' ? to({ state: 'volunteer_accepted' }) : refused();
    case 'volunteer_decline':
      return m.state === 'proposed' ? to({ state: 'declined', reason: e.reason, declinedBy: 'volunteer' }) : refused();
    case 'resident_accept':
      return m.state === 'volunteer_accepted' ? to({ state: 'confirmed' }) : refused();
    case 'resident_decline':
      return m.state === 'volunteer_accepted' ? to({ state: 'declined', reason: e.reason, declinedBy: 'resident' }) : refused();
    case 'withdraw':
      return m.state === 'proposed' || m.state === 'volunteer_accepted' ? to({ state: 'withdrawn', reason: e.reason }) : refused();
    case 'end':
      return m.state === 'confirmed' ? to({ state: 'ended', reason: e.reason }) : refused();
    case 'report_no_show':
      return m.state === 'confirmed' ? to({ noShows: m.noShows + 1 }) : refused();
  }
}

const refused = (): TransitionResult => ({ ok: false, error: 'not_allowed_in_state' });

/** Both sides see each other's contact details only while the match is confirmed. */
export const contactRevealed = (state: MatchState): boolean => state === 'confirmed';

/** The two sides may exchange in-app messages while the match is alive. */
export const mayMessage = (state: MatchState): boolean =>
  state === 'proposed' || state === 'volunteer_accepted' || state === 'confirmed';

/** A match that still holds part of the volunteer's capacity. */
export const holdsCapacity = (state: MatchState): boolean => state === 'volunteer_accepted' || state === 'confirmed';

export const initialMatch = (): MatchSnapshot => ({ state: 'proposed', noShows: 0, reason: null, declinedBy: null });
