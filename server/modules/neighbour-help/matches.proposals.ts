/**
 * The bridge between neighbour help and the one matching engine
 * (server/modules/matching): turns the municipality's offers and requests
 * into the engine's plain input, and its proposals back into candidates.
 *
 * Only PC4 centroids reach the engine, never an address. The engine applies
 * the hard rules (category, travel distance, VOG, day parts, language,
 * gender, capacity and resident limits); this file adds what only the
 * database knows: who blocked whom, who was already asked, and volunteers
 * with repeated no-shows.
 */
import type { Queryable } from '../../db/client';
import { findPc4 } from '../geo/pc4';
import {
  createMatchingState,
  proposeForRequest,
  proposeForVolunteer,
  proposeRota,
  refillRota,
  type RotaProposal,
} from '../matching/matching.propose';
import type { Explanation, Gender, MatchRequest, MatchVolunteer, Urgency } from '../matching/matching.types';
import { isVogValid, SESSIONS_TENTHS, type Schedule } from './neighbour-help.rules';
import * as repo from './matches.repository';
import * as poolRepo from './regional-pool.repository';
import { listCategories, readSettings } from './neighbour-help.repository';

/** A volunteer with this many no-shows in six months is no longer proposed by the platform (the coach may still invite). */
export const NO_SHOW_LIMIT = 3;
const SIX_MONTHS_MS = 182 * 86_400_000;

export interface CityInput {
  tenantId: string;
  now: Date;
  vogValidMonths: number;
  /**
   * The municipality's volunteers, read once per operation and filled on
   * first use, so that a queue of requests does not read them per request.
   * A CityInput lives for one transaction.
   */
  volunteers?: Promise<VolunteerRow[]>;
}

/** A volunteer of a partner municipality in the regional pool (ADR 0007). */
export interface PoolHome {
  tenantId: string;
  personId: string;
  municipality: string;
  givenName: string;
  /** Their person record here, once they were first proposed here. */
  hosted: boolean;
}

export type VolunteerRow = repo.VolunteerForMatching & { home?: PoolHome };

/** The engine's view of one municipality for one operation (one transaction). */
export async function openCity(q: Queryable, tenantId: string, now: Date): Promise<CityInput> {
  const settings = await readSettings(q, tenantId);
  return { tenantId, now, vogValidMonths: settings.vogValidMonths };
}

type Load = { loadTenths: number; residents: number; recentNoShows: number };

/** A volunteer's load here plus what they carry in partner municipalities. */
const plusElsewhere = <T extends Load>(v: T, e: Load | undefined): T =>
  e ? { ...v, loadTenths: v.loadTenths + e.loadTenths, residents: v.residents + e.residents, recentNoShows: v.recentNoShows + e.recentNoShows } : v;

/** The municipality's volunteers plus the pool's, each with their load over every municipality they help in. */
async function readVolunteers(q: Queryable, c: CityInput, since: Date): Promise<VolunteerRow[]> {
  const own = await repo.volunteersForMatching(q, c.tenantId, since);
  const elsewhere = await poolRepo.hostedLoads(q, since);
  const rows: VolunteerRow[] = own.map((v) => plusElsewhere(v, elsewhere.get(v.personId)));
  const pool = await poolRepo.poolVolunteers(q, since);
  if (pool.length === 0) return rows;
  const byCode = new Map((await listCategories(q, c.tenantId)).map((cat) => [cat.code, cat.id]));
  for (const p of pool) {
    rows.push({
      personId: p.hostedPersonId ?? p.homePersonId,
      pc4: p.pc4,
      dayParts: p.dayParts,
      sessionsPerMonthTenths: p.sessionsPerMonthTenths,
      maxResidents: p.maxResidents,
      maxKm: p.maxKm,
      skills: p.skills,
      languages: p.languages,
      gender: p.gender,
      regionalPool: true,
      categoryIds: p.categoryCodes.flatMap((code) => byCode.get(code) ?? []),
      latestVog: p.latestVog,
      loadTenths: p.loadTenths,
      residents: p.residents,
      recentNoShows: p.recentNoShows,
      home: { tenantId: p.homeTenantId, personId: p.homePersonId, municipality: p.homeMunicipality, givenName: p.givenName, hosted: p.hostedPersonId !== null },
    });
  }
  return rows;
}

/** The volunteers who can be proposed at all (one person's row when `onlyPersonId` is given). */
export async function volunteerRows(q: Queryable, c: CityInput, onlyPersonId?: string): Promise<VolunteerRow[]> {
  const since = new Date(c.now.getTime() - SIX_MONTHS_MS);
  if (onlyPersonId && !c.volunteers) {
    const [own] = await repo.volunteersForMatching(q, c.tenantId, since, onlyPersonId);
    if (own) return [plusElsewhere(own, (await poolRepo.hostedLoads(q, since)).get(own.personId))];
  }
  c.volunteers ??= readVolunteers(q, c, since);
  const rows = await c.volunteers;
  // A volunteer of the pool may be named by their home id (a list read before they became known here).
  return onlyPersonId ? rows.filter((v) => v.personId === onlyPersonId || v.home?.personId === onlyPersonId) : rows;
}

/** First names of volunteers by id, here or (not yet hosted) in the pool. */
export async function volunteerNames(q: Queryable, c: CityInput, ids: string[]): Promise<Map<string, string>> {
  const names = await repo.givenNames(q, c.tenantId, ids);
  const missing = ids.filter((id) => !names.has(id));
  if (missing.length > 0) {
    for (const v of await volunteerRows(q, c)) if (v.home && missing.includes(v.personId)) names.set(v.personId, v.home.givenName);
  }
  return names;
}

export function toVolunteer(v: VolunteerRow, c: CityInput, extraKm = 0): MatchVolunteer | null {
  const area = findPc4(v.pc4);
  if (!area) return null;
  return {
    id: v.personId,
    lat: area.lat,
    lon: area.lon,
    municipalityId: v.home?.tenantId ?? c.tenantId,
    regionalPool: v.regionalPool,
    maxKm: v.maxKm + extraKm,
    categoryIds: v.categoryIds,
    skills: v.skills,
    dayParts: v.dayParts,
    languages: v.languages,
    gender: v.gender as Gender,
    vogValid: isVogValid(v.latestVog, c.vogValidMonths, c.now),
    sessionsPerMonth: v.sessionsPerMonthTenths / 10,
    maxResidents: v.maxResidents,
    existingSessionsPerMonth: v.loadTenths / 10,
    existingResidents: v.residents,
  };
}

export function toRequest(r: repo.RequestForMatching, c: CityInput, known: readonly string[] = [], excluded: readonly string[] = []): MatchRequest | null {
  const area = findPc4(r.pc4);
  const open = SESSIONS_TENTHS[r.schedule as Schedule] - r.coveredTenths;
  if (!area || open <= 0) return null;
  return {
    id: r.id,
    lat: area.lat,
    lon: area.lon,
    municipalityId: c.tenantId,
    regionalPool: r.regionalPool,
    categoryId: r.categoryId,
    dayParts: r.dayParts,
    sessionsPerMonth: open / 10,
    languages: r.languages,
    sameGender: r.sameGender,
    gender: r.residentGender as Gender,
    vogRequired: r.vogRequired,
    urgency: r.urgency as Urgency,
    waitingDays: Math.max(0, Math.floor((c.now.getTime() - r.createdAt.getTime()) / 86_400_000)),
    knownVolunteerIds: known,
    excludedVolunteerIds: excluded,
  };
}

export interface Candidate {
  volunteerPersonId: string;
  sessionsPerMonth: number;
  km: number;
  coversWholeRequest: boolean;
  /** Only for the coach's widened search: further than the volunteer's own limit. */
  beyondOwnDistance: boolean;
  /** The volunteer's own municipality when they come from the regional pool. */
  homeMunicipality: string | null;
  explanation: Explanation;
}

/**
 * The best volunteers for one request, with reasons. `widen` (the coach)
 * adds the request's extra kilometres to every volunteer's own limit and
 * marks who would travel further than they said.
 */
export async function candidatesForRequest(
  q: Queryable,
  c: CityInput,
  request: repo.RequestForMatching,
  k: number,
  opts: { widen?: boolean; onlyVolunteer?: string; ignoreNoShows?: boolean; includeTried?: boolean } = {},
): Promise<Candidate[]> {
  const known = await repo.knownVolunteers(q, c.tenantId, request.residentPersonId);
  const r = toRequest(request, c, known);
  if (!r) return [];
  const extra = opts.widen ? request.extraKm : 0;
  const rows = await volunteerRows(q, c, opts.onlyVolunteer);
  const ownKm = new Map(rows.map((v) => [v.personId, v.maxKm]));
  const homes = new Map(rows.flatMap((v) => (v.home ? [[v.personId, v.home.municipality] as const] : [])));
  const volunteers = rows.filter((v) => opts.ignoreNoShows || v.recentNoShows < NO_SHOW_LIMIT).flatMap((v) => toVolunteer(v, c, extra) ?? []);
  const tried = opts.includeTried ? [] : await repo.volunteersTriedOn(q, c.tenantId, request.id);
  const excluded = new Set([...(await repo.blockedAround(q, c.tenantId, request.residentPersonId)), ...tried, request.residentPersonId]);
  const state = createMatchingState({ requests: [], volunteers });
  return proposeForRequest(state, r, k + excluded.size)
    .filter((p) => !excluded.has(p.volunteerId))
    .slice(0, k)
    .map((p) => ({
      volunteerPersonId: p.volunteerId,
      sessionsPerMonth: p.sessionsPerMonth,
      km: p.km,
      coversWholeRequest: p.coversWholeRequest,
      beyondOwnDistance: p.km > (ownKm.get(p.volunteerId) ?? 0),
      homeMunicipality: homes.get(p.volunteerId) ?? null,
      explanation: p.explanation,
    }));
}

export interface RequestCandidate {
  requestId: string;
  sessionsPerMonth: number;
  km: number;
  coversWholeRequest: boolean;
  explanation: Explanation;
}

/** The best open requests for one volunteer, with reasons. */
export async function candidatesForVolunteer(q: Queryable, c: CityInput, volunteerPersonId: string, k: number): Promise<RequestCandidate[]> {
  const [row] = await volunteerRows(q, c, volunteerPersonId);
  if (!row) return [];
  const v = toVolunteer(row, c);
  if (!v) return [];
  const blocked = await repo.blockedAround(q, c.tenantId, volunteerPersonId);
  const tried = await repo.requestsTriedBy(q, c.tenantId, volunteerPersonId);
  const all = await repo.requestsForMatching(q, c.tenantId);
  const open = all.filter((r) => r.residentPersonId !== volunteerPersonId && !blocked.has(r.residentPersonId) && !tried.has(r.id));
  const requests = open.flatMap((r) => toRequest(r, c) ?? []);
  const state = createMatchingState({ requests, volunteers: [v] });
  return proposeForVolunteer(state, v, k).map((p) => ({
    requestId: p.requestId,
    sessionsPerMonth: p.sessionsPerMonth,
    km: p.km,
    coversWholeRequest: p.coversWholeRequest,
    explanation: p.explanation,
  }));
}

/** A rota for a heavy recurring request: the smallest team whose own limits cover it. */
export async function rotaForRequest(
  q: Queryable,
  c: CityInput,
  request: repo.RequestForMatching,
  keep: ReadonlyArray<{ volunteerId: string; sessionsPerMonth: number }> = [],
  dropped?: string,
): Promise<RotaProposal> {
  const known = await repo.knownVolunteers(q, c.tenantId, request.residentPersonId);
  // The whole demand: members kept stay in the rota and count against it.
  const r = toRequest({ ...request, coveredTenths: 0 }, c, known);
  if (!r) return { members: [], demandSessions: 0, coveredSessions: 0, complete: false };
  const volunteers = (await volunteerRows(q, c)).filter((v) => v.recentNoShows < NO_SHOW_LIMIT).flatMap((v) => toVolunteer(v, c) ?? []);
  const keptIds = new Set(keep.map((k) => k.volunteerId));
  const tried = [...(await repo.volunteersTriedOn(q, c.tenantId, request.id))].filter((id) => !keptIds.has(id));
  const excluded = [...(await repo.blockedAround(q, c.tenantId, request.residentPersonId)), ...tried, request.residentPersonId];
  const state = createMatchingState({ requests: [], volunteers });
  return dropped ? refillRota(state, r, keep, dropped, { exclude: excluded }) : proposeRota(state, r, { keep, exclude: excluded });
}
