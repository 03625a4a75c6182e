/**
 * Incremental matching: proposals for one new request or one new offer, and
 * rotas for one heavy recurring request, against the current residual
 * capacities of a city, without re-solving it.
 *
 * A {@link MatchingState} holds the compiled volunteers and requests, their
 * room left (after an optional `solve` result and recorded assignments) and
 * the spatial indexes. A proposal scans only the grid cells within reach, so
 * it costs microseconds to a few milliseconds at city scale. Ranking follows
 * the engine's objective order: priority (for offers), then team size and
 * continuity, then travel and load balance; ties by index (deterministic).
 *
 * Proposals are greedy for the one new item: they do not move existing
 * matches to make room (the nightly `solve` does that).
 *
 * @example
 * const state = createMatchingState({ requests, volunteers }, solve({ requests, volunteers }));
 * const top = proposeForRequest(state, newRequest, 5);
 * const rota = proposeRota(state, weeklyCompanyRequest);
 */
import {
  GRID_CELL_KM,
  UNITS_PER_SESSION,
  balanceCost,
  buildVolunteerIndex,
  compileModel,
  compileRequests,
  compileVolunteers,
  feasibleRules,
  isKnown,
  markLanguages,
  skillsMatched,
  travelCostPerUnit,
  TEAM_COST_KNOWN,
  TEAM_COST_NEW,
  type CompiledModel,
  type VolunteerIndex,
} from './matching.model';
import { GridIndex } from './matching.spatial';
import type { DecidingTerm, Explanation, MatchInstance, MatchRequest, MatchResult, MatchVolunteer } from './matching.types';

/** The city as the incremental calls see it. Mutated only by {@link recordAssignment}. */
export interface MatchingState {
  model: CompiledModel;
  /** Capacity left per volunteer (units). */
  room: Int32Array;
  /** Resident slots left per volunteer. */
  slotsLeft: Int32Array;
  /** Demand left per request (units). */
  demandLeft: Int32Array;
  volunteerIndex: VolunteerIndex;
  /** Requests per category, for proposals to a volunteer. */
  requestGrids: Array<GridIndex | null>;
  /** Scratch for language checks. */
  langMark: Int32Array;
  stamp: number;
}

/**
 * Builds the incremental state for a city, after the assignments of
 * `result` (if given) have taken their capacity, slots and demand.
 */
export function createMatchingState(instance: MatchInstance, result?: MatchResult): MatchingState {
  const model = compileModel(instance.requests, instance.volunteers);
  const room = model.volunteers.capacity.slice();
  const slotsLeft = model.volunteers.slots.slice();
  const demandLeft = model.requests.demand.slice();
  if (result) {
    const seen = new Set<string>();
    for (const a of result.assignments) {
      const units = Math.round(a.sessionsPerMonth * UNITS_PER_SESSION);
      room[a.volunteerIndex] = room[a.volunteerIndex]! - units;
      demandLeft[a.requestIndex] = demandLeft[a.requestIndex]! - units;
      const key = `${a.requestIndex}:${a.volunteerIndex}`;
      if (!seen.has(key)) {
        seen.add(key);
        slotsLeft[a.volunteerIndex]!--;
      }
    }
  }
  // Index every volunteer with any capacity at all: room can come back when matches end.
  const volunteerIndex = buildVolunteerIndex(model, (v) => model.volunteers.capacityTotal[v]! > 0);
  const R = model.requests;
  const nC = model.categories.names.length;
  const lists: number[][] = Array.from({ length: nC }, () => []);
  for (let r = 0; r < R.n; r++) lists[R.category[r]!]!.push(r);
  const requestGrids = lists.map((l) => (l.length === 0 ? null : new GridIndex(R.x, R.y, Int32Array.from(l), GRID_CELL_KM)));
  return {
    model,
    room,
    slotsLeft,
    demandLeft,
    volunteerIndex,
    requestGrids,
    langMark: new Int32Array(64).fill(-1),
    stamp: 0,
  };
}

/**
 * Records a match decided outside `solve` (a proposal accepted), so the next
 * proposals see the capacity it takes. Pass a negative amount to release it.
 */
export function recordAssignment(state: MatchingState, requestId: string, volunteerId: string, sessionsPerMonth: number, newPartner = true): void {
  const v = state.model.volunteers.byId.get(volunteerId);
  if (v === undefined) throw new RangeError(`unknown volunteer ${volunteerId}`);
  const units = Math.round(sessionsPerMonth * UNITS_PER_SESSION);
  state.room[v] = state.room[v]! - units;
  if (newPartner) state.slotsLeft[v] = state.slotsLeft[v]! - Math.sign(units);
  const r = state.model.requests.ids.indexOf(requestId);
  if (r >= 0) state.demandLeft[r] = Math.max(0, state.demandLeft[r]! - units);
}

/** One ranked candidate for a request. */
export interface VolunteerProposal {
  volunteerId: string;
  volunteerIndex: number;
  /** What this volunteer could take on: min(demand, room left). */
  sessionsPerMonth: number;
  km: number;
  /** The volunteer alone covers the whole demand. */
  coversWholeRequest: boolean;
  explanation: Explanation;
}

/** One ranked request for a volunteer. */
export interface RequestProposal {
  requestId: string;
  requestIndex: number;
  sessionsPerMonth: number;
  km: number;
  coversWholeRequest: boolean;
  explanation: Explanation;
}

/** A scratch model whose requests are the given ones and whose volunteers are the state's. */
function withRequests(state: MatchingState, requests: readonly MatchRequest[]): CompiledModel {
  const m = state.model;
  return { ...m, requests: compileRequests(requests, m.projection, m, m.volunteers.byId) };
}

function withVolunteers(state: MatchingState, volunteers: readonly MatchVolunteer[]): CompiledModel {
  const m = state.model;
  return { ...m, volunteers: compileVolunteers(volunteers, m.projection, m) };
}

function ensureLangMark(state: MatchingState, m: CompiledModel): void {
  if (state.langMark.length < m.languages.names.length) {
    const next = new Int32Array(m.languages.names.length * 2).fill(-1);
    state.langMark = next;
  }
}

interface Feasible {
  v: number;
  km: number;
}

/** Every volunteer within reach that passes the hard rules, with km; nearest first (ties by index). */
function feasibleVolunteers(state: MatchingState, m: CompiledModel, r: number): Feasible[] {
  const R = m.requests;
  const V = m.volunteers;
  const bands = state.volunteerIndex.bands[R.category[r]!];
  const out: Feasible[] = [];
  if (!bands || R.category[r]! >= state.volunteerIndex.bands.length) return out;
  ensureLangMark(state, m);
  const stamp = ++state.stamp;
  markLanguages(m, r, state.langMark, stamp);
  const x = R.x[r]!;
  const y = R.y[r]!;
  for (const { grid, reach } of bands) {
    const [c0, c1, r0, r1] = grid.range(x, y, reach);
    for (let row = r0; row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
        const cell = row * grid.cols + col;
        for (let k = grid.start[cell]!; k < grid.start[cell + 1]!; k++) {
          const v = grid.items[k]!;
          const dx = V.x[v]! - x;
          const dy = V.y[v]! - y;
          const d2 = dx * dx + dy * dy;
          if (d2 > V.maxKm[v]! * V.maxKm[v]!) continue;
          if (!feasibleRules(m, r, v, state.langMark, stamp)) continue;
          out.push({ v, km: Math.sqrt(d2) });
        }
      }
    }
  }
  out.sort((a, b) => a.km - b.km || a.v - b.v);
  return out;
}

function popcount(n: number): number {
  let c = 0;
  while (n) {
    n &= n - 1;
    c++;
  }
  return c;
}

function explain(
  m: CompiledModel,
  state: MatchingState,
  r: number,
  v: number,
  km: number,
  kmRank: number,
  candidates: number,
  units: number,
  teamSize: number,
  decidedBy: DecidingTerm[],
): Explanation {
  const R = m.requests;
  const V = m.volunteers;
  const overlap = R.dayParts[r]! & V.dayParts[v]!;
  const wished = R.skills.start[r + 1]! - R.skills.start[r]!;
  const used = V.capacityTotal[v]! - (state.room[v] ?? V.capacity[v]!) + units;
  return {
    km: Math.round(km * 100) / 100,
    kmRank,
    candidates,
    categoryId: m.categories.names[R.category[r]!]!,
    skillsMatched: wished > 0 ? skillsMatched(m, r, v) : 0,
    skillsWished: wished,
    dayPartOverlap: overlap,
    dayPartOverlapCount: popcount(overlap),
    continuity: isKnown(m, r, v),
    priorityWeight: R.weight[r]!,
    teamSize,
    volunteerLoadShare: V.capacityTotal[v]! > 0 ? Math.round((used / V.capacityTotal[v]!) * 100) / 100 : 1,
    decidedBy,
  };
}

/**
 * The top `k` volunteers for one new request, against the state's room left.
 * Ranked by: estimated team cost (a known volunteer who covers everything
 * first; someone who covers only part needs a second person), then travel and
 * load balance, then index.
 */
export function proposeForRequest(state: MatchingState, request: MatchRequest, k = 5): VolunteerProposal[] {
  const m = withRequests(state, [request]);
  const V = m.volunteers;
  const demand = m.requests.demand[0]!;
  if (demand <= 0) return [];
  const feasible = feasibleVolunteers(state, m, 0);
  const wished = m.requests.skills.start[1]! - m.requests.skills.start[0]!;
  type Scored = { v: number; km: number; rank: number; units: number; team: number; cost: number; full: boolean };
  const scored: Scored[] = [];
  let firstFullRank = 0;
  for (let i = 0; i < feasible.length; i++) {
    const { v, km } = feasible[i]!;
    const room = state.room[v]!;
    if (room <= 0 || state.slotsLeft[v]! <= 0) {
      if (firstFullRank === 0) firstFullRank = i + 1;
      continue;
    }
    const units = Math.min(demand, room);
    const known = isKnown(m, 0, v);
    const team = (known ? TEAM_COST_KNOWN : TEAM_COST_NEW) + (units < demand ? TEAM_COST_NEW : 0);
    const missing = wished > 0 ? wished - skillsMatched(m, 0, v) : 0;
    const cost = travelCostPerUnit(km, missing) * units + balanceCost(V.capacityTotal[v]! - room, units, V.capacityTotal[v]!);
    scored.push({ v, km, rank: i + 1, units, team, cost, full: units >= demand });
  }
  scored.sort((a, b) => a.team - b.team || a.cost - b.cost || a.v - b.v);
  const out: VolunteerProposal[] = [];
  for (const s of scored.slice(0, Math.max(0, k))) {
    const decided: DecidingTerm[] = [];
    if (feasible.length === 1) decided.push('only-candidate');
    if (isKnown(m, 0, s.v)) decided.push('continuity');
    const nearerWithRoom = scored.some((o) => o.rank < s.rank);
    const nearerSmaller = scored.some((o) => o.rank < s.rank && o.team > s.team);
    if (nearerSmaller) decided.push('team-size');
    if (firstFullRank > 0 && firstFullRank < s.rank) decided.push('capacity-elsewhere');
    if (!nearerWithRoom && !(firstFullRank > 0 && firstFullRank < s.rank)) decided.push('travel');
    else if (nearerWithRoom && !nearerSmaller && !isKnown(m, 0, s.v)) decided.push('balance');
    out.push({
      volunteerId: V.ids[s.v]!,
      volunteerIndex: s.v,
      sessionsPerMonth: s.units / UNITS_PER_SESSION,
      km: Math.round(s.km * 100) / 100,
      coversWholeRequest: s.full,
      explanation: explain(m, state, 0, s.v, s.km, s.rank, feasible.length, s.units, s.full ? 1 : 2, decided),
    });
  }
  return out;
}

/**
 * The top `k` open requests for one new volunteer. Ranked by the priority the
 * volunteer's help would serve (weight × sessions), then whether the
 * volunteer covers the request alone, continuity, then travel.
 */
export function proposeForVolunteer(state: MatchingState, volunteer: MatchVolunteer, k = 5): RequestProposal[] {
  const m = withVolunteers(state, [volunteer]);
  const R = m.requests;
  const V = m.volunteers;
  const room = V.capacity[0]!;
  if (room <= 0 || V.slots[0]! <= 0) return [];
  ensureLangMark(state, m);
  const x = V.x[0]!;
  const y = V.y[0]!;
  const reach = V.maxKm[0]!;
  type Scored = { r: number; km: number; units: number; gain: number; full: boolean; known: boolean; cost: number };
  const scored: Scored[] = [];
  for (let kc = V.categories.start[0]!; kc < V.categories.start[1]!; kc++) {
    const c = V.categories.items[kc]!;
    const grid = c < state.requestGrids.length ? state.requestGrids[c] : null;
    if (!grid) continue;
    const [c0, c1, r0, r1] = grid.range(x, y, reach);
    for (let row = r0; row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
        const cell = row * grid.cols + col;
        for (let i = grid.start[cell]!; i < grid.start[cell + 1]!; i++) {
          const r = grid.items[i]!;
          const left = state.demandLeft[r]!;
          if (left <= 0) continue;
          const dx = R.x[r]! - x;
          const dy = R.y[r]! - y;
          const d2 = dx * dx + dy * dy;
          if (d2 > reach * reach) continue;
          const stamp = ++state.stamp;
          markLanguages(m, r, state.langMark, stamp);
          if (!feasibleRules(m, r, 0, state.langMark, stamp)) continue;
          const km = Math.sqrt(d2);
          const units = Math.min(left, room);
          const known = (R.source[r]!.knownVolunteerIds ?? []).includes(volunteer.id);
          const wished = R.skills.start[r + 1]! - R.skills.start[r]!;
          const missing = wished > 0 ? wished - skillsMatched(m, r, 0) : 0;
          scored.push({ r, km, units, gain: R.weight[r]! * units, full: units >= left, known, cost: travelCostPerUnit(km, missing) * units });
        }
      }
    }
  }
  const byKm = scored.slice().sort((a, b) => a.km - b.km || a.r - b.r);
  const kmRank = new Map(byKm.map((s, i) => [s.r, i + 1]));
  scored.sort((a, b) => b.gain - a.gain || Number(b.full) - Number(a.full) || Number(b.known) - Number(a.known) || a.cost - b.cost || a.r - b.r);
  return scored.slice(0, Math.max(0, k)).map((s, i) => {
    const decided: DecidingTerm[] = [];
    if (scored.length === 1) decided.push('only-candidate');
    if (i === 0 && scored.length > 1 && scored[1]!.gain < s.gain) decided.push('priority');
    if (s.known) decided.push('continuity');
    if (s.full) decided.push('team-size');
    if (kmRank.get(s.r) === 1) decided.push('travel');
    const used = V.capacityTotal[0]! - room + s.units;
    const overlap = R.dayParts[s.r]! & V.dayParts[0]!;
    const wished = R.skills.start[s.r + 1]! - R.skills.start[s.r]!;
    return {
      requestId: R.ids[s.r]!,
      requestIndex: s.r,
      sessionsPerMonth: s.units / UNITS_PER_SESSION,
      km: Math.round(s.km * 100) / 100,
      coversWholeRequest: s.full,
      explanation: {
        km: Math.round(s.km * 100) / 100,
        kmRank: kmRank.get(s.r)!,
        candidates: scored.length,
        categoryId: m.categories.names[R.category[s.r]!]!,
        skillsMatched: wished > 0 ? skillsMatched(m, s.r, 0) : 0,
        skillsWished: wished,
        dayPartOverlap: overlap,
        dayPartOverlapCount: popcount(overlap),
        continuity: s.known,
        priorityWeight: R.weight[s.r]!,
        teamSize: s.full ? 1 : 2,
        volunteerLoadShare: V.capacityTotal[0]! > 0 ? Math.round((used / V.capacityTotal[0]!) * 100) / 100 : 1,
        decidedBy: decided,
      },
    };
  });
}

/** A member of a rota (rooster). */
export interface RotaMember {
  volunteerId: string;
  sessionsPerMonth: number;
  km: number;
  known: boolean;
  /** Already on the rota before this call (kept by {@link refillRota}). */
  kept: boolean;
}

export interface RotaProposal {
  members: RotaMember[];
  demandSessions: number;
  coveredSessions: number;
  complete: boolean;
}

export interface RotaOptions {
  /** Most sessions per month one member takes on this rota (default: the member's room left). */
  maxSessionsPerMember?: number;
  /** Members already on the rota, kept as they are. */
  keep?: ReadonlyArray<{ volunteerId: string; sessionsPerMonth: number }>;
  /** Volunteers not to propose (for example one who just dropped out). */
  exclude?: readonly string[];
}

/**
 * The smallest team whose own limits cover one recurring request, preferring
 * volunteers the resident knows and short travel. Team size is minimal (the
 * fewest members whose contributions reach the demand); among teams of that
 * size the choice is greedy in preference order with a look-ahead that keeps
 * the demand coverable. Example: weekly company (4.3 sessions/month) from
 * volunteers who each come at most once a month gives a team of 5.
 */
export function proposeRota(state: MatchingState, request: MatchRequest, options: RotaOptions = {}): RotaProposal {
  const m = withRequests(state, [request]);
  const V = m.volunteers;
  const demand = m.requests.demand[0]!;
  const keep = options.keep ?? [];
  const excluded = new Set([...(options.exclude ?? []), ...keep.map((k) => k.volunteerId)]);
  const perMember = options.maxSessionsPerMember === undefined ? Infinity : Math.round(options.maxSessionsPerMember * UNITS_PER_SESSION);
  const kept: RotaMember[] = keep.map((k) => {
    const v = V.byId.get(k.volunteerId);
    const km = v === undefined ? 0 : Math.hypot(V.x[v]! - m.requests.x[0]!, V.y[v]! - m.requests.y[0]!);
    return { volunteerId: k.volunteerId, sessionsPerMonth: k.sessionsPerMonth, km: Math.round(km * 100) / 100, known: v !== undefined && isKnown(m, 0, v), kept: true };
  });
  const need = demand - kept.reduce((s, k) => s + Math.round(k.sessionsPerMonth * UNITS_PER_SESSION), 0);
  const pool = feasibleVolunteers(state, m, 0)
    .filter((f) => state.room[f.v]! > 0 && state.slotsLeft[f.v]! > 0 && !excluded.has(V.ids[f.v]!))
    .map((f) => ({ ...f, give: Math.min(state.room[f.v]!, perMember), known: isKnown(m, 0, f.v) }));
  // Preference: known first, then nearer, then index.
  pool.sort((a, b) => Number(b.known) - Number(a.known) || a.km - b.km || a.v - b.v);
  const members: RotaMember[] = [...kept];
  if (need > 0 && pool.length > 0) {
    // Minimal team size from the largest contributions.
    const gives = pool.map((p) => p.give).sort((a, b) => b - a);
    let size = 0;
    let best = 0;
    for (; size < gives.length && best < need; size++) best += gives[size]!;
    // What a team of that size can cover at most (the whole demand when it can).
    let goal = Math.min(need, best);
    const chosen: number[] = [];
    for (let i = 0; i < pool.length && chosen.length < size && goal > 0; i++) {
      const slotsAfter = size - chosen.length - 1;
      const rest = pool
        .slice(i + 1)
        .map((p) => p.give)
        .sort((a, b) => b - a)
        .slice(0, slotsAfter)
        .reduce((s, g) => s + g, 0);
      const give = Math.min(pool[i]!.give, goal);
      // Take this volunteer if the others still to pick can close the rest of the gap.
      if (goal - give <= rest) {
        chosen.push(i);
        goal -= give;
        const p = pool[i]!;
        members.push({ volunteerId: V.ids[p.v]!, sessionsPerMonth: give / UNITS_PER_SESSION, km: Math.round(p.km * 100) / 100, known: p.known, kept: false });
      }
    }
  }
  const covered = members.reduce((s, mbr) => s + Math.round(mbr.sessionsPerMonth * UNITS_PER_SESSION), 0);
  return { members, demandSessions: demand / UNITS_PER_SESSION, coveredSessions: covered / UNITS_PER_SESSION, complete: covered >= demand };
}

/**
 * Fills the gap a member leaves: the others stay exactly as they are, the
 * smallest set of new volunteers covers what the dropped member did.
 */
export function refillRota(
  state: MatchingState,
  request: MatchRequest,
  rota: ReadonlyArray<{ volunteerId: string; sessionsPerMonth: number }>,
  droppedVolunteerId: string,
  options: Omit<RotaOptions, 'keep'> = {},
): RotaProposal {
  return proposeRota(state, request, {
    ...options,
    keep: rota.filter((mbr) => mbr.volunteerId !== droppedVolunteerId),
    exclude: [...(options.exclude ?? []), droppedVolunteerId],
  });
}
