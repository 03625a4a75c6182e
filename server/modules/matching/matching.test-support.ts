/**
 * Test support for the matching engine: fast-check generators of small
 * cities and an independent oracle of the hard rules on the plain input.
 * Not imported by production code.
 */
import fc from 'fast-check';
import type { CandidateGraph } from './matching.model';
import { haversineKm } from './matching.spatial';
import { dayParts, type Assignment, type Gender, type MatchRequest, type MatchVolunteer, type Urgency } from './matching.types';

const CATEGORIES = ['company', 'shopping', 'transport'] as const;

/**
 * A volunteer for hand-made cases: on the 4.48° E meridian in Rotterdam (0.009° of latitude is
 * about 1 km), category `company`, Monday morning, Dutch, a valid VOG, 1 session a month, one
 * resident; `over` changes any field.
 */
export function volunteerAt(id: string, lat: number, over: Partial<MatchVolunteer> = {}): MatchVolunteer {
  return {
    id,
    lat,
    lon: 4.48,
    municipalityId: 'GM0599',
    regionalPool: false,
    maxKm: 5,
    categoryIds: ['company'],
    dayParts: dayParts([0, 0]),
    languages: ['nl'],
    gender: 'female',
    vogValid: true,
    sessionsPerMonth: 1,
    maxResidents: 1,
    ...over,
  };
}

/** The pair index of (request index r, volunteer index v) in a candidate graph, for hand-made cases. */
export function pairOf(g: CandidateGraph, pairReq: Int32Array): (r: number, v: number) => number {
  return (r, v) => {
    for (let e = 0; e < g.nPairs; e++) if (pairReq[e] === r && g.volunteer[e] === v) return e;
    throw new Error(`no candidate pair for request ${r} and volunteer ${v}`);
  };
}

/** A request for hand-made cases, beside {@link volunteerAt}'s volunteers: `company`, Monday morning, 1 session a month. */
export function requestAt(id: string, lat: number, over: Partial<MatchRequest> = {}): MatchRequest {
  return {
    id,
    lat,
    lon: 4.48,
    municipalityId: 'GM0599',
    regionalPool: false,
    categoryId: 'company',
    dayParts: dayParts([0, 0]),
    sessionsPerMonth: 1,
    vogRequired: false,
    urgency: 'normal',
    waitingDays: 0,
    ...over,
  };
}

export interface CityShape {
  maxRequests: number;
  maxVolunteers: number;
  /** Largest demand / capacity in tenths of a session. */
  maxUnits: number;
  /** Spread of locations in degrees around Rotterdam. */
  spread: number;
  maxResidents: number;
}

const coord = (spread: number) =>
  fc.record({
    lat: fc.double({ min: 51.92 - spread, max: 51.92 + spread, noNaN: true }),
    lon: fc.double({ min: 4.48 - spread * 1.6, max: 4.48 + spread * 1.6, noNaN: true }),
  });

const tenths = (max: number) => fc.integer({ min: 1, max }).map((u) => u / 10);

export function requestArb(shape: CityShape, volunteerIds: string[]) {
  return fc.record({
    loc: coord(shape.spread),
    municipalityId: fc.constantFrom('GM0599', 'GM0597'),
    regionalPool: fc.boolean(),
    categoryId: fc.constantFrom(...CATEGORIES),
    wishedSkills: fc.subarray(['driving', 'dementia']),
    dayParts: fc.integer({ min: 1, max: 7 }),
    sessionsPerMonth: tenths(shape.maxUnits),
    languages: fc.constantFrom([] as string[], ['tr']),
    sameGender: fc.boolean(),
    gender: fc.constantFrom<Gender>('female', 'male', 'unknown'),
    vogRequired: fc.boolean(),
    urgency: fc.constantFrom<Urgency>('low', 'normal', 'high'),
    waitingDays: fc.integer({ min: 0, max: 200 }),
    knownVolunteerIds: fc.subarray(volunteerIds, { maxLength: Math.min(2, volunteerIds.length) }),
    excludedVolunteerIds: fc.subarray(volunteerIds, { maxLength: Math.min(2, volunteerIds.length) }),
  });
}

export function volunteerArb(shape: CityShape) {
  return fc
    .record({
      loc: coord(shape.spread),
      municipalityId: fc.constantFrom('GM0599', 'GM0597'),
      regionalPool: fc.boolean(),
      maxKm: fc.constantFrom(1, 2, 3, 5),
      categoryIds: fc.subarray([...CATEGORIES], { minLength: 1 }),
      skills: fc.subarray(['driving', 'dementia']),
      dayParts: fc.integer({ min: 1, max: 7 }),
      languages: fc.constantFrom(['nl'], ['nl', 'tr']),
      gender: fc.constantFrom<Gender>('female', 'male'),
      vogValid: fc.boolean(),
      capacityUnits: fc.integer({ min: 1, max: shape.maxUnits }),
      existingUnits: fc.integer({ min: 0, max: 2 }),
      maxResidents: fc.integer({ min: 1, max: shape.maxResidents }),
      existingResidents: fc.integer({ min: 0, max: 1 }),
    })
    .map(
      (v): Omit<MatchVolunteer, 'id'> => ({
        lat: v.loc.lat,
        lon: v.loc.lon,
        municipalityId: v.municipalityId,
        regionalPool: v.regionalPool,
        maxKm: v.maxKm,
        categoryIds: v.categoryIds,
        skills: v.skills,
        dayParts: v.dayParts,
        languages: v.languages,
        gender: v.gender,
        vogValid: v.vogValid,
        sessionsPerMonth: (v.capacityUnits + v.existingUnits) / 10,
        existingSessionsPerMonth: v.existingUnits / 10,
        maxResidents: v.maxResidents + v.existingResidents,
        existingResidents: v.existingResidents,
      }),
    );
}

/** A random city: volunteers first (so requests can name known volunteers). */
export function cityArb(shape: CityShape) {
  return fc.array(volunteerArb(shape), { minLength: 1, maxLength: shape.maxVolunteers }).chain((vs) => {
    const volunteers: MatchVolunteer[] = vs.map((v, i) => ({ ...v, id: `v${i}` }));
    return fc.array(requestArb(shape, volunteers.map((v) => v.id)), { minLength: 1, maxLength: shape.maxRequests }).map((rs) => {
      const requests: MatchRequest[] = rs.map((r, i) => {
        const { loc, ...rest } = r;
        return { ...rest, id: `r${i}`, lat: loc.lat, lon: loc.lon };
      });
      return { requests, volunteers };
    });
  });
}

/** Reasons an assignment breaks a hard rule, judged from the plain input alone. */
export function pairViolations(request: MatchRequest, volunteer: MatchVolunteer): string[] {
  const out: string[] = [];
  const km = haversineKm(request.lat, request.lon, volunteer.lat, volunteer.lon);
  // The engine measures on a flat projection: allow 0.5 % for the difference.
  if (km > volunteer.maxKm * 1.005 + 1e-9) out.push(`distance ${km.toFixed(3)} > ${volunteer.maxKm}`);
  if (!volunteer.categoryIds.includes(request.categoryId)) out.push('category');
  if ((request.dayParts & volunteer.dayParts) === 0) out.push('day parts');
  if (request.vogRequired && !volunteer.vogValid) out.push('VOG');
  if ((request.languages ?? []).length > 0 && !request.languages!.some((l) => volunteer.languages.includes(l))) out.push('language');
  if (request.sameGender && (request.gender === undefined || request.gender === 'unknown' || request.gender !== volunteer.gender)) out.push('gender');
  if (request.municipalityId !== volunteer.municipalityId && !(request.regionalPool && volunteer.regionalPool)) out.push('municipality');
  if ((request.excludedVolunteerIds ?? []).includes(volunteer.id)) out.push('excluded');
  return out;
}

/** Every violation of the hard rules, capacity, residents and demand in a set of assignments. */
export function solutionViolations(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  assignments: ReadonlyArray<Pick<Assignment, 'requestId' | 'volunteerId' | 'sessionsPerMonth'>>,
): string[] {
  const out: string[] = [];
  const rById = new Map(requests.map((r) => [r.id, r]));
  const vById = new Map(volunteers.map((v) => [v.id, v]));
  const load = new Map<string, number>();
  const residents = new Map<string, Set<string>>();
  const served = new Map<string, number>();
  for (const a of assignments) {
    const r = rById.get(a.requestId);
    const v = vById.get(a.volunteerId);
    if (!r || !v) {
      out.push(`unknown ids ${a.requestId}/${a.volunteerId}`);
      continue;
    }
    const units = a.sessionsPerMonth * 10;
    if (!(units > 0) || Math.abs(units - Math.round(units)) > 1e-9) out.push(`${a.requestId}-${a.volunteerId}: sessions ${a.sessionsPerMonth} not a positive multiple of 0.1`);
    for (const why of pairViolations(r, v)) out.push(`${a.requestId}-${a.volunteerId}: ${why}`);
    load.set(v.id, (load.get(v.id) ?? 0) + Math.round(units));
    served.set(r.id, (served.get(r.id) ?? 0) + Math.round(units));
    if (!residents.has(v.id)) residents.set(v.id, new Set());
    residents.get(v.id)!.add(r.id);
  }
  for (const [id, units] of load) {
    const v = vById.get(id)!;
    const room = Math.round(v.sessionsPerMonth * 10) - Math.round((v.existingSessionsPerMonth ?? 0) * 10);
    if (units > room) out.push(`${id}: load ${units} > room ${room}`);
  }
  for (const [id, set] of residents) {
    const v = vById.get(id)!;
    if (set.size > v.maxResidents - (v.existingResidents ?? 0)) out.push(`${id}: ${set.size} residents > ${v.maxResidents - (v.existingResidents ?? 0)}`);
  }
  for (const [id, units] of served) {
    const r = rById.get(id)!;
    if (units > Math.round(r.sessionsPerMonth * 10)) out.push(`${id}: served ${units} > demand`);
  }
  return out;
}
