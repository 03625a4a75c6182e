import { describe, expect, it } from 'vitest';
import type { HelpMatch, MatchReasons, MatchState } from '../api/types';
import { groupVolunteerMatches, reasonLines, requestMatchStage, summariseRequestMatches } from './matches';

const reasons = (over: Partial<MatchReasons> = {}): MatchReasons => ({
  km: 3.2,
  kmRank: 2,
  candidates: 5,
  dayPartsInCommon: [],
  skillsMatched: 0,
  skillsWished: 0,
  continuity: false,
  decidedBy: [],
  ...over,
});

let n = 0;
function match(state: MatchState, at = '2026-11-20T10:00:00.000Z', over: Partial<HelpMatch> = {}): HelpMatch {
  n += 1;
  return {
    id: `m${n}`,
    requestId: 'r1',
    state,
    origin: 'engine',
    viewerSide: 'volunteer',
    sessionsPerMonth: 1,
    km: 3.2,
    reasons: reasons(),
    reason: null,
    declinedBy: null,
    noShows: 0,
    rotaId: null,
    volunteerGivenName: null,
    volunteerHomeMunicipality: null,
    residentGivenName: null,
    volunteerPersonId: null,
    request: {
      category: { id: 'c', code: 'groceries', name: 'Boodschappen' },
      description: 'x',
      schedule: 'monthly',
      requestSessionsPerMonth: 1,
      window: null,
      dayParts: [],
      durationMinutes: 60,
      languages: [],
      pc4: '3318',
      place: 'Dordrecht',
      urgency: 'normal',
      requestStatus: 'open',
    },
    contact: null,
    hoursGiven: 0,
    sessions: [],
    allowedActions: [],
    createdAt: at,
    volunteerAcceptedAt: null,
    confirmedAt: null,
    closedAt: null,
    ...over,
  };
}

describe('a volunteer’s matches', () => {
  it('puts proposals that wait for an answer first, then current (confirmed first), then past', () => {
    const proposed = match('proposed');
    const accepted = match('volunteer_accepted', '2026-11-22T10:00:00.000Z');
    const confirmed = match('confirmed', '2026-11-01T10:00:00.000Z');
    const ended = match('ended');
    const declined = match('declined');
    const groups = groupVolunteerMatches([ended, accepted, declined, confirmed, proposed]);
    expect(groups.waiting).toEqual([proposed]);
    expect(groups.current).toEqual([confirmed, accepted]);
    expect(groups.past.map((m) => m.state).sort()).toEqual(['declined', 'ended']);
  });

  it('lists the newest event first within a group', () => {
    const old = match('ended', '2026-10-01T10:00:00.000Z', { closedAt: '2026-10-02T10:00:00.000Z' });
    const recent = match('withdrawn', '2026-09-01T10:00:00.000Z', { closedAt: '2026-11-02T10:00:00.000Z' });
    expect(groupVolunteerMatches([old, recent]).past).toEqual([recent, old]);
  });
});

describe('where a request stands', () => {
  it('is confirmed as soon as one match is, whatever else is open', () => {
    expect(requestMatchStage([match('proposed'), match('confirmed')])).toBe('confirmed');
    expect(requestMatchStage([match('proposed'), match('volunteer_accepted')])).toBe('saidYes');
    expect(requestMatchStage([match('proposed'), match('declined')])).toBe('asked');
    expect(requestMatchStage([match('declined'), match('withdrawn')])).toBe('none');
    expect(requestMatchStage([])).toBe('none');
  });

  it('counts the asked, the yes-sayers and the past ones apart', () => {
    const s = summariseRequestMatches([match('proposed'), match('proposed'), match('volunteer_accepted'), match('declined')]);
    expect([s.asked.length, s.saidYes.length, s.confirmed.length, s.past.length]).toEqual([2, 1, 0, 1]);
  });
});

describe('reasons in plain words', () => {
  it('gives facts first, in day order, then the deciding terms without repeats or unknown codes', () => {
    const lines = reasonLines(
      reasons({
        dayPartsInCommon: ['sat:morning', 'tue:afternoon'],
        continuity: true,
        decidedBy: ['continuity', 'travel', 'travel', 'something-new'],
      }),
      'volunteer',
    );
    expect(lines).toEqual([
      { key: 'km', km: 3.2 },
      { key: 'dayParts', parts: ['tue:afternoon', 'sat:morning'] },
      { key: 'continuity' },
      { key: 'decided', term: 'travel' },
    ]);
  });

  it('shows the distance rank only to coordinators, and only when there was a choice', () => {
    expect(reasonLines(reasons(), 'coordinator')).toContainEqual({ key: 'rank', rank: 2, count: 5 });
    expect(reasonLines(reasons(), 'resident').some((l) => l.key === 'rank')).toBe(false);
    expect(reasonLines(reasons({ candidates: 1, kmRank: 1 }), 'coordinator').some((l) => l.key === 'rank')).toBe(false);
  });

  it('mentions skills only when the request asked for some, and no distance when unknown', () => {
    expect(reasonLines(reasons({ km: null, skillsWished: 2, skillsMatched: 1 }), 'resident')).toEqual([
      { key: 'skills', matched: 1, wished: 2 },
    ]);
  });
});
