/**
 * Plain logic behind the match pages (koppelingen): how matches are grouped
 * for a volunteer and for a request, which reasons a person reads, and the
 * choices the forms offer. No React here, so it is tested on its own
 * (matches.test.ts).
 */
import type {
  DayPart,
  EndReason,
  HelpMatch,
  MatchReasons,
  MatchSide,
  MatchState,
  ResidentDeclineReason,
  VolunteerDeclineReason,
  WithdrawReason,
} from '../api/types';
import { DAY_PARTS } from './neighbour-help';

export const VOLUNTEER_DECLINE_REASONS: VolunteerDeclineReason[] = ['no_time', 'too_far', 'not_my_kind_of_help', 'personal', 'other'];
export const RESIDENT_DECLINE_REASONS: ResidentDeclineReason[] = ['prefer_someone_else', 'no_longer_needed', 'personal', 'other'];
/** `other_match_confirmed` is set by the platform itself, not chosen by a person. */
export const WITHDRAW_REASONS: WithdrawReason[] = ['volunteer_unavailable', 'request_cancelled', 'coach_decision'];
export const END_REASONS: EndReason[] = ['help_completed', 'volunteer_stopped', 'resident_stopped', 'referred_to_formal_care', 'safety_concern'];
/** Minutes offered when recording a session. */
export const SESSION_MINUTES = [15, 30, 45, 60, 90, 120, 180, 240] as const;

export const LIVE_STATES: readonly MatchState[] = ['proposed', 'volunteer_accepted', 'confirmed'];
export const isLive = (m: Pick<HelpMatch, 'state'>) => LIVE_STATES.includes(m.state);

/** Newest first, by when something last happened. */
const lastEvent = (m: HelpMatch) => m.closedAt ?? m.confirmedAt ?? m.volunteerAcceptedAt ?? m.createdAt;
const newestFirst = (a: HelpMatch, b: HelpMatch) => lastEvent(b).localeCompare(lastEvent(a));

/**
 * A volunteer's matches in the order they need attention: proposals waiting
 * for their answer, then the current ones (waiting for the resident, or
 * confirmed), then the past ones.
 */
export function groupVolunteerMatches(matches: readonly HelpMatch[]) {
  return {
    waiting: matches.filter((m) => m.state === 'proposed').sort(newestFirst),
    current: matches
      .filter((m) => m.state === 'volunteer_accepted' || m.state === 'confirmed')
      // Confirmed first: that is where the volunteer is actually helping.
      .sort((a, b) => Number(b.state === 'confirmed') - Number(a.state === 'confirmed') || newestFirst(a, b)),
    past: matches.filter((m) => !isLive(m)).sort(newestFirst),
  };
}

/**
 * Where a request stands, for the sentence above its matches: the live
 * matches by state (confirmed, said yes, asked) and the closed ones.
 */
export function summariseRequestMatches(matches: readonly HelpMatch[]) {
  const confirmed = matches.filter((m) => m.state === 'confirmed');
  const saidYes = matches.filter((m) => m.state === 'volunteer_accepted');
  const asked = matches.filter((m) => m.state === 'proposed');
  const past = matches.filter((m) => !isLive(m)).sort(newestFirst);
  return { confirmed, saidYes, asked, past };
}

/** What the next-step sentence is about: `waiting`, `saidYes`, `confirmed` or `none`. */
export function requestMatchStage(matches: readonly HelpMatch[]): 'confirmed' | 'saidYes' | 'asked' | 'none' {
  const s = summariseRequestMatches(matches);
  if (s.confirmed.length > 0) return 'confirmed';
  if (s.saidYes.length > 0) return 'saidYes';
  if (s.asked.length > 0) return 'asked';
  return 'none';
}

/** Who is reading the reasons: one side of a match, or a volunteer looking at a suggested request. */
export type ReasonReader = MatchSide | 'suggestion';

export type ReasonLine =
  | { key: 'km'; km: number }
  | { key: 'dayParts'; parts: DayPart[] }
  | { key: 'continuity' }
  | { key: 'skills'; matched: number; wished: number }
  | { key: 'rank'; rank: number; count: number }
  | { key: 'decided'; term: DecidingTerm };

export const DECIDING_TERMS = ['priority', 'team-size', 'travel', 'balance', 'capacity-elsewhere', 'only-candidate'] as const;
export type DecidingTerm = (typeof DECIDING_TERMS)[number];
const isDecidingTerm = (value: string): value is DecidingTerm => (DECIDING_TERMS as readonly string[]).includes(value);

/**
 * The reasons as lines a person can read, facts first (distance, time in
 * common, knowing each other, skills), then what decided. Continuity is a
 * fact already, so it is not repeated as a deciding term; terms the
 * interface does not know yet are left out rather than shown as codes.
 * Only coordinators see the distance rank among the other candidates.
 */
export function reasonLines(reasons: MatchReasons, reader: ReasonReader): ReasonLine[] {
  const lines: ReasonLine[] = [];
  if (reasons.km !== null) lines.push({ key: 'km', km: reasons.km });
  const parts = DAY_PARTS.filter((p) => reasons.dayPartsInCommon.includes(p));
  if (parts.length > 0) lines.push({ key: 'dayParts', parts });
  if (reasons.continuity) lines.push({ key: 'continuity' });
  if (reasons.skillsWished > 0) lines.push({ key: 'skills', matched: reasons.skillsMatched, wished: reasons.skillsWished });
  if (reader === 'coordinator' && reasons.kmRank !== null && reasons.candidates !== null && reasons.candidates > 1) {
    lines.push({ key: 'rank', rank: reasons.kmRank, count: reasons.candidates });
  }
  const seen = new Set<string>();
  for (const term of reasons.decidedBy) {
    if (!isDecidingTerm(term) || seen.has(term)) continue;
    seen.add(term);
    lines.push({ key: 'decided', term });
  }
  return lines;
}

/** Actions as the server allows them now; the interface offers nothing else. */
export const allows = (m: Pick<HelpMatch, 'allowedActions'>, action: string) => m.allowedActions.includes(action);

/** Minutes as hours with one decimal, e.g. 90 → 1.5. */
export const minutesToHours = (minutes: number) => Math.round(minutes / 6) / 10;
