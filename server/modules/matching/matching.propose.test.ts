import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './matching.engine';
import { createMatchingState, proposeForRequest, proposeForVolunteer, proposeRota, recordAssignment, refillRota } from './matching.propose';
import { cityArb, pairViolations, requestArb, requestAt, solutionViolations, volunteerArb, volunteerAt } from './matching.test-support';
import { SESSIONS_PER_MONTH, dayParts, type MatchRequest, type MatchVolunteer } from './matching.types';

const shape = { maxRequests: 20, maxVolunteers: 40, maxUnits: 45, spread: 0.03, maxResidents: 3 };

const monday = dayParts([0, 1]);
const companyVolunteer = (id: string, lat: number, sessions = 1): MatchVolunteer =>
  volunteerAt(id, lat, { dayParts: monday, sessionsPerMonth: sessions, maxResidents: 2 });
const weeklyCompany = (known: string[] = []): MatchRequest =>
  requestAt('mevrouw-de-vries', 51.92, {
    dayParts: monday,
    sessionsPerMonth: SESSIONS_PER_MONTH.weekly,
    waitingDays: 14,
    knownVolunteerIds: known,
  });

describe('proposeForRequest', () => {
  it('proposes only feasible volunteers with room and a free resident slot after the city is matched', () => {
    fc.assert(
      fc.property(
        cityArb(shape).chain((city) => fc.tuple(fc.constant(city), requestArb(shape, city.volunteers.map((v) => v.id)))),
        ([city, extra]) => {
          const result = solve(city);
          const state = createMatchingState(city, result);
          const { loc, ...rest } = extra;
          const request: MatchRequest = { ...rest, id: 'new', lat: loc.lat, lon: loc.lon };
          const proposals = proposeForRequest(state, request, 5);
          const all = [...result.assignments, ...proposals.map((p) => ({ requestId: 'new', volunteerId: p.volunteerId, sessionsPerMonth: p.sessionsPerMonth }))];
          for (const p of proposals) {
            // Each proposal on its own, on top of the city's assignments, keeps every rule.
            const one = [...result.assignments, { requestId: 'new', volunteerId: p.volunteerId, sessionsPerMonth: p.sessionsPerMonth }];
            expect(solutionViolations([...city.requests, request], city.volunteers, one)).toEqual([]);
          }
          expect(all.length).toBeGreaterThanOrEqual(result.assignments.length);
          expect(new Set(proposals.map((p) => p.volunteerId)).size).toBe(proposals.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('ranks a volunteer who covers everything above a nearer one who covers only part', () => {
    const state = createMatchingState({ requests: [], volunteers: [companyVolunteer('near', 51.921, 1), companyVolunteer('far', 51.93, 5)] });
    const top = proposeForRequest(state, weeklyCompany(), 2);
    expect(top.map((p) => p.volunteerId)).toEqual(['far', 'near']);
    expect(top[0]!.coversWholeRequest).toBe(true);
    expect(top[0]!.explanation.decidedBy).toContain('team-size');
  });

  it('sees capacity taken by a recorded assignment', () => {
    const state = createMatchingState({ requests: [], volunteers: [companyVolunteer('only', 51.921, 1)] });
    expect(proposeForRequest(state, weeklyCompany(), 3)).toHaveLength(1);
    recordAssignment(state, 'elsewhere', 'only', 1);
    expect(proposeForRequest(state, weeklyCompany(), 3)).toEqual([]);
  });

  it('gives the same proposals for the same state and request', () => {
    fc.assert(
      fc.property(cityArb(shape), (city) => {
        const a = createMatchingState(city, solve(city));
        const b = createMatchingState(city, solve(city));
        const r = city.requests[0]!;
        expect(proposeForRequest(b, r, 5)).toEqual(proposeForRequest(a, r, 5));
      }),
      { numRuns: 30 },
    );
  });
});

describe('proposeForVolunteer', () => {
  it('proposes only open requests the volunteer may help, most valuable first', () => {
    fc.assert(
      fc.property(cityArb(shape), volunteerArb(shape), (city, extra) => {
        const state = createMatchingState(city);
        const volunteer: MatchVolunteer = { ...extra, id: 'new-volunteer' };
        const proposals = proposeForVolunteer(state, volunteer, 5);
        for (const p of proposals) {
          const request = city.requests.find((r) => r.id === p.requestId)!;
          expect(pairViolations(request, volunteer)).toEqual([]);
          expect(p.sessionsPerMonth).toBeLessThanOrEqual(request.sessionsPerMonth + 1e-9);
        }
        const gains = proposals.map((p) => p.explanation.priorityWeight * p.sessionsPerMonth);
        expect(gains).toEqual([...gains].sort((x, y) => y - x));
      }),
      { numRuns: 100 },
    );
  });
});

describe('proposeRota', () => {
  it('forms a team of five for weekly company from volunteers who come once a month, known volunteer first', () => {
    const volunteers = Array.from({ length: 8 }, (_, i) => companyVolunteer(`v${i}`, 51.92 + (i + 1) * 0.002, 1));
    const state = createMatchingState({ requests: [], volunteers });
    const rota = proposeRota(state, weeklyCompany(['v7']));
    expect(rota.members).toHaveLength(5);
    expect(rota.complete).toBe(true);
    expect(rota.coveredSessions).toBeCloseTo(4.3, 9);
    expect(rota.members[0]!.volunteerId).toBe('v7');
    // The other four are the nearest ones.
    expect(rota.members.slice(1).map((m) => m.volunteerId)).toEqual(['v0', 'v1', 'v2', 'v3']);
  });

  it('uses fewer, bigger contributions when that makes the team smaller', () => {
    const volunteers = [companyVolunteer('a', 51.921, 1), companyVolunteer('b', 51.922, 1), companyVolunteer('big', 51.94, 3.3), companyVolunteer('c', 51.923, 1)];
    const state = createMatchingState({ requests: [], volunteers });
    const rota = proposeRota(state, weeklyCompany());
    expect(rota.members).toHaveLength(2);
    expect(rota.members.map((m) => m.volunteerId).sort()).toEqual(['a', 'big']);
  });

  it('refills the gap of a member who drops out and keeps the others', () => {
    const volunteers = Array.from({ length: 8 }, (_, i) => companyVolunteer(`v${i}`, 51.92 + (i + 1) * 0.002, 1));
    const state = createMatchingState({ requests: [], volunteers });
    const first = proposeRota(state, weeklyCompany());
    for (const m of first.members) recordAssignment(state, 'mevrouw-de-vries', m.volunteerId, m.sessionsPerMonth);
    const refilled = refillRota(state, weeklyCompany(), first.members, 'v1');
    const kept = refilled.members.filter((m) => m.kept).map((m) => m.volunteerId);
    expect(kept).toEqual(first.members.map((m) => m.volunteerId).filter((id) => id !== 'v1'));
    const added = refilled.members.filter((m) => !m.kept);
    expect(added.map((m) => m.volunteerId)).toEqual(['v5']);
    expect(refilled.complete).toBe(true);
  });

  it('reports an incomplete rota honestly when the neighbourhood cannot cover it', () => {
    const state = createMatchingState({ requests: [], volunteers: [companyVolunteer('a', 51.921, 1), companyVolunteer('b', 51.922, 1)] });
    const rota = proposeRota(state, weeklyCompany());
    expect(rota.complete).toBe(false);
    expect(rota.coveredSessions).toBe(2);
    expect(rota.members).toHaveLength(2);
  });
});
