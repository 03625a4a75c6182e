/**
 * The compiled matching model: the plain input turned into typed arrays,
 * the hard feasibility rules, the integer cost terms, and the candidate
 * graph (feasible request-volunteer pairs found through a spatial index).
 *
 * Units: demand and capacity are integer *units* of 0.1 session per month,
 * so flows stay integral. Costs are integers (see matching.engine.ts for the
 * objective and why its levels separate).
 */
import { GridIndex, NearestK, NearestKMany, makeProjection, projectX, projectY, type Projection } from './matching.spatial';
import type { Gender, MatchOptions, MatchRequest, MatchVolunteer, Urgency } from './matching.types';

/** Units per session: demand and capacity are integer tenths of a session per month. */
export const UNITS_PER_SESSION = 10;
/** Team cost of a pair with a volunteer new to the resident. */
export const TEAM_COST_NEW = 2;
/** Team cost of a pair with a volunteer the resident already knows. */
export const TEAM_COST_KNOWN = 1;
/** Travel cost per unit for 1 km (1 km per session = 100 per tenth of a session: metres / 10). */
export const TRAVEL_COST_PER_KM = 100;
/** A wished skill the volunteer lacks costs as much as 1 km extra travel per session. */
export const MISSING_SKILL_COST = 100;
/**
 * Load balance: the marginal cost of a unit at load share s of a volunteer's
 * capacity (existing load included): 0 up to 50 %, 50 (0.5 km/session) up to
 * 80 %, 150 (1.5 km/session) above. Convex, so a flow can carry it exactly.
 */
export const BALANCE_STEPS: ReadonlyArray<readonly [share: number, cost: number]> = [
  [0.5, 0],
  [0.8, 50],
  [1, 150],
];

const URGENCY_BASE: Record<Urgency, number> = { low: 4, normal: 8, high: 16 };

/**
 * Priority weight of a request: urgency base (low 4, normal 8, high 16) plus
 * one per full 30 days of waiting, at most 6. An integer, so the first
 * objective level is an exact integer.
 */
export function priorityWeight(urgency: Urgency, waitingDays: number): number {
  const months = Math.floor(Math.min(180, Math.max(0, waitingDays)) / 30);
  return URGENCY_BASE[urgency] + months;
}

export function toUnits(sessions: number): number {
  return Math.max(0, Math.round(sessions * UNITS_PER_SESSION));
}

/** Travel cost of one unit on a pair: rounded distance plus wished skills that are missing. */
export function travelCostPerUnit(km: number, missingSkills: number): number {
  return Math.round(km * TRAVEL_COST_PER_KM) + MISSING_SKILL_COST * missingSkills;
}

/** Breakpoints (in units of total load) of the balance steps for a volunteer with `capacityUnits` in total. */
export function balanceBreaks(capacityUnits: number): [number, number] {
  return [Math.floor(BALANCE_STEPS[0]![0] * capacityUnits), Math.floor(BALANCE_STEPS[1]![0] * capacityUnits)];
}

/** The load-balance cost of adding `newUnits` to a volunteer who already carries `existingUnits` of `capacityUnits`. */
export function balanceCost(existingUnits: number, newUnits: number, capacityUnits: number): number {
  const [b1, b2] = balanceBreaks(capacityUnits);
  let cost = 0;
  const from = existingUnits;
  const to = existingUnits + newUnits;
  cost += Math.max(0, Math.min(to, b2) - Math.max(from, b1)) * BALANCE_STEPS[1]![1];
  cost += Math.max(0, to - Math.max(from, b2)) * BALANCE_STEPS[2]![1];
  return cost;
}

const GENDER_CODE: Record<Gender, number> = { unknown: 0, female: 1, male: 2, other: 3 };

/** String ids interned to dense integers, in order of first appearance. */
export class Interner {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  get(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
  find(name: string): number {
    return this.ids.get(name) ?? -1;
  }
}

/** Compressed lists: the items of row i are `items[start[i] .. start[i+1])`. */
export interface Csr {
  start: Int32Array;
  items: Int32Array;
}

function buildCsr<T>(rows: readonly T[], pick: (row: T) => Iterable<number>): Csr {
  const start = new Int32Array(rows.length + 1);
  const tmp: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    for (const v of pick(rows[i]!)) tmp.push(v);
    start[i + 1] = tmp.length;
  }
  return { start, items: Int32Array.from(tmp) };
}

/** Per-side typed arrays shared by requests and volunteers. */
export interface Side {
  n: number;
  ids: string[];
  x: Float64Array;
  y: Float64Array;
  dayParts: Int32Array;
  municipality: Int32Array;
  regionalPool: Uint8Array;
  gender: Int8Array;
  languages: Csr;
  skills: Csr;
}

export interface CompiledModel {
  projection: Projection;
  categories: Interner;
  languages: Interner;
  skills: Interner;
  municipalities: Interner;
  requests: Side & {
    source: readonly MatchRequest[];
    category: Int32Array;
    demand: Int32Array;
    weight: Int32Array;
    vogRequired: Uint8Array;
    sameGender: Uint8Array;
    /** Known volunteers as volunteer indices (unknown ids dropped). */
    known: Csr;
    /** Excluded volunteers as volunteer indices, ascending (unknown ids dropped). */
    excluded: Csr;
  };
  volunteers: Side & {
    source: readonly MatchVolunteer[];
    categories: Csr;
    maxKm: Float64Array;
    vogValid: Uint8Array;
    /** Total capacity in units (existing load included). */
    capacityTotal: Int32Array;
    /** Units already committed elsewhere. */
    existing: Int32Array;
    /** Remaining capacity in units. */
    capacity: Int32Array;
    /** Remaining distinct residents. */
    slots: Int32Array;
    byId: Map<string, number>;
  };
}

function compileSide<T extends MatchRequest | MatchVolunteer>(
  rows: readonly T[],
  projection: Projection,
  languages: Interner,
  skills: Interner,
  municipalities: Interner,
  skillsOf: (row: T) => readonly string[] | undefined,
): Side {
  const n = rows.length;
  const side: Side = {
    n,
    ids: rows.map((r) => r.id),
    x: new Float64Array(n),
    y: new Float64Array(n),
    dayParts: new Int32Array(n),
    municipality: new Int32Array(n),
    regionalPool: new Uint8Array(n),
    gender: new Int8Array(n),
    languages: buildCsr(rows, (r) => (r.languages ?? []).map((l) => languages.get(l))),
    skills: buildCsr(rows, (r) => (skillsOf(r) ?? []).map((s) => skills.get(s))),
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    side.x[i] = projectX(projection, r.lon);
    side.y[i] = projectY(projection, r.lat);
    side.dayParts[i] = r.dayParts | 0;
    side.municipality[i] = municipalities.get(r.municipalityId);
    side.regionalPool[i] = r.regionalPool ? 1 : 0;
    side.gender[i] = GENDER_CODE[r.gender ?? 'unknown'];
  }
  return side;
}

/** The string dictionaries of a model; incremental calls extend them (new ids never match old ones). */
export interface Dictionaries {
  categories: Interner;
  languages: Interner;
  skills: Interner;
  municipalities: Interner;
}

export function compileVolunteers(volunteers: readonly MatchVolunteer[], projection: Projection, d: Dictionaries): CompiledModel['volunteers'] {
  const vSide = compileSide(volunteers, projection, d.languages, d.skills, d.municipalities, (v) => (v as MatchVolunteer).skills);
  const byId = new Map<string, number>();
  volunteers.forEach((v, i) => {
    if (byId.has(v.id)) throw new RangeError(`duplicate volunteer id ${v.id}`);
    byId.set(v.id, i);
  });
  const nV = volunteers.length;
  const vol = {
    ...vSide,
    source: volunteers,
    categories: buildCsr(volunteers, (v) => [...new Set(v.categoryIds)].map((c) => d.categories.get(c)).sort((a, b) => a - b)),
    maxKm: new Float64Array(nV),
    vogValid: new Uint8Array(nV),
    capacityTotal: new Int32Array(nV),
    existing: new Int32Array(nV),
    capacity: new Int32Array(nV),
    slots: new Int32Array(nV),
    byId,
  };
  for (let i = 0; i < nV; i++) {
    const v = volunteers[i]!;
    vol.maxKm[i] = Math.max(0, v.maxKm);
    vol.vogValid[i] = v.vogValid ? 1 : 0;
    const total = toUnits(v.sessionsPerMonth);
    const existing = Math.min(total, toUnits(v.existingSessionsPerMonth ?? 0));
    vol.capacityTotal[i] = total;
    vol.existing[i] = existing;
    vol.capacity[i] = total - existing;
    vol.slots[i] = Math.max(0, Math.floor(v.maxResidents) - Math.max(0, Math.floor(v.existingResidents ?? 0)));
  }
  return vol;
}

/** Distinct volunteer indices of `ids`, ascending; ids of volunteers not in the instance are dropped. */
function volunteerIndices(ids: readonly string[] | undefined, volunteerById: ReadonlyMap<string, number>): number[] {
  return [...new Set((ids ?? []).map((id) => volunteerById.get(id) ?? -1).filter((v) => v >= 0))].sort((a, b) => a - b);
}

/** Whether volunteer v is excluded for request r (a short sorted list per request). */
export function isExcluded(m: CompiledModel, r: number, v: number): boolean {
  const X = m.requests.excluded;
  for (let k = X.start[r]!; k < X.start[r + 1]!; k++) if (X.items[k] === v) return true;
  return false;
}

/** Compiles requests; known and excluded volunteer ids are looked up in `volunteerById`. */
export function compileRequests(
  requests: readonly MatchRequest[],
  projection: Projection,
  d: Dictionaries,
  volunteerById: ReadonlyMap<string, number>,
): CompiledModel['requests'] {
  const rSide = compileSide(requests, projection, d.languages, d.skills, d.municipalities, (r) => (r as MatchRequest).wishedSkills);
  const nR = requests.length;
  const req = {
    ...rSide,
    source: requests,
    category: new Int32Array(nR),
    demand: new Int32Array(nR),
    weight: new Int32Array(nR),
    vogRequired: new Uint8Array(nR),
    sameGender: new Uint8Array(nR),
    known: buildCsr(requests, (r) => volunteerIndices(r.knownVolunteerIds, volunteerById)),
    excluded: buildCsr(requests, (r) => volunteerIndices(r.excludedVolunteerIds, volunteerById)),
  };
  const seen = new Set<string>();
  for (let i = 0; i < nR; i++) {
    const r = requests[i]!;
    if (seen.has(r.id)) throw new RangeError(`duplicate request id ${r.id}`);
    seen.add(r.id);
    req.category[i] = d.categories.get(r.categoryId);
    req.demand[i] = toUnits(r.sessionsPerMonth);
    req.weight[i] = priorityWeight(r.urgency, r.waitingDays);
    req.vogRequired[i] = r.vogRequired ? 1 : 0;
    req.sameGender[i] = r.sameGender ? 1 : 0;
  }
  return req;
}

/**
 * Compiles the plain instance to typed arrays. The projection is centred on
 * the mean location unless one is given (incremental state keeps its own).
 */
export function compileModel(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  projection?: Projection,
): CompiledModel {
  if (!projection) {
    let lat = 0;
    let lon = 0;
    for (const p of [...requests, ...volunteers]) {
      lat += p.lat;
      lon += p.lon;
    }
    const n = requests.length + volunteers.length;
    projection = n === 0 ? makeProjection(52, 5) : makeProjection(lat / n, lon / n);
  }
  const d: Dictionaries = { categories: new Interner(), languages: new Interner(), skills: new Interner(), municipalities: new Interner() };
  const vol = compileVolunteers(volunteers, projection, d);
  const req = compileRequests(requests, projection, d, vol.byId);
  return { projection, ...d, requests: req, volunteers: vol };
}

/**
 * The hard rules other than distance and category (which the index checks):
 * a common day part, VOG, municipality or both in the regional pool, same
 * gender when wished, a common language when the resident named any, and
 * not one of the request's excluded volunteers.
 * `langMark` must hold `stamp` at the request's language ids.
 */
export function feasibleRules(m: CompiledModel, r: number, v: number, langMark: Int32Array, stamp: number): boolean {
  const R = m.requests;
  const V = m.volunteers;
  if ((R.dayParts[r]! & V.dayParts[v]!) === 0) return false;
  if (R.vogRequired[r] === 1 && V.vogValid[v] !== 1) return false;
  if (R.municipality[r] !== V.municipality[v] && !(R.regionalPool[r] === 1 && V.regionalPool[v] === 1)) return false;
  if (R.sameGender[r] === 1 && (R.gender[r] === 0 || R.gender[r] !== V.gender[v])) return false;
  if (isExcluded(m, r, v)) return false;
  const ls = R.languages.start;
  if (ls[r + 1]! > ls[r]!) {
    const vs = V.languages.start;
    let ok = false;
    for (let k = vs[v]!; k < vs[v + 1]!; k++) {
      if (langMark[V.languages.items[k]!] === stamp) {
        ok = true;
        break;
      }
    }
    if (!ok) return false;
  }
  return true;
}

/** Marks the language ids of request r with `stamp` in `langMark`. */
export function markLanguages(m: CompiledModel, r: number, langMark: Int32Array, stamp: number): void {
  const L = m.requests.languages;
  for (let k = L.start[r]!; k < L.start[r + 1]!; k++) langMark[L.items[k]!] = stamp;
}

/** Number of the request's wished skills that the volunteer has. */
export function skillsMatched(m: CompiledModel, r: number, v: number): number {
  const RS = m.requests.skills;
  const VS = m.volunteers.skills;
  let n = 0;
  for (let a = RS.start[r]!; a < RS.start[r + 1]!; a++) {
    const s = RS.items[a]!;
    for (let b = VS.start[v]!; b < VS.start[v + 1]!; b++) {
      if (VS.items[b] === s) {
        n++;
        break;
      }
    }
  }
  return n;
}

export function isKnown(m: CompiledModel, r: number, v: number): boolean {
  const K = m.requests.known;
  for (let k = K.start[r]!; k < K.start[r + 1]!; k++) if (K.items[k] === v) return true;
  return false;
}

/**
 * Grids over the volunteers that still have room, per category and per reach
 * band (≤1, ≤2, ≤3, ≤5, ≤10 km, more): a request scans each band only as far
 * as the band reaches, so a few 10-km volunteers do not widen every query.
 */
export interface VolunteerIndex {
  /** bands[category] = the non-empty bands of that category. */
  bands: Array<Array<{ grid: GridIndex; reach: number }>>;
}

/** Cell edge of the grids in km. */
export const GRID_CELL_KM = 1;
const REACH_BANDS = [1, 2, 3, 5, 10, Infinity];

function bandOf(km: number): number {
  let b = 0;
  while (km > REACH_BANDS[b]!) b++;
  return b;
}

export function buildVolunteerIndex(m: CompiledModel, hasRoom: (v: number) => boolean): VolunteerIndex {
  const V = m.volunteers;
  const nC = m.categories.names.length;
  const nB = REACH_BANDS.length;
  const counts = new Int32Array(nC * nB);
  for (let v = 0; v < V.n; v++) {
    if (!hasRoom(v)) continue;
    const b = bandOf(V.maxKm[v]!);
    for (let k = V.categories.start[v]!; k < V.categories.start[v + 1]!; k++) counts[V.categories.items[k]! * nB + b]!++;
  }
  const members = Array.from({ length: nC * nB }, (_, i) => new Int32Array(counts[i]!));
  const fill = new Int32Array(nC * nB);
  const reach = new Float64Array(nC * nB);
  for (let v = 0; v < V.n; v++) {
    if (!hasRoom(v)) continue;
    const b = bandOf(V.maxKm[v]!);
    for (let k = V.categories.start[v]!; k < V.categories.start[v + 1]!; k++) {
      const i = V.categories.items[k]! * nB + b;
      members[i]![fill[i]!++] = v;
      if (V.maxKm[v]! > reach[i]!) reach[i] = V.maxKm[v]!;
    }
  }
  const bands: VolunteerIndex['bands'] = [];
  for (let c = 0; c < nC; c++) {
    const list: Array<{ grid: GridIndex; reach: number }> = [];
    for (let b = 0; b < nB; b++) {
      const i = c * nB + b;
      if (members[i]!.length > 0) list.push({ grid: new GridIndex(V.x, V.y, members[i]!, GRID_CELL_KM), reach: reach[i]! });
    }
    bands.push(list);
  }
  return { bands };
}

/**
 * The candidate graph. Pairs are grouped by request (`start`), and within a
 * request sorted by (km, volunteer index). `byVolunteer` lists pair indices
 * per volunteer, ascending.
 */
export interface CandidateGraph {
  nPairs: number;
  start: Int32Array;
  volunteer: Int32Array;
  km: Float64Array;
  /** Pair capacity in units: min(demand, volunteer capacity). */
  cap: Int32Array;
  /** Team cost (TEAM_COST_NEW or TEAM_COST_KNOWN). */
  team: Uint8Array;
  /** Travel cost per unit. */
  travel: Int32Array;
  skillsMatched: Uint8Array;
  /** Feasible volunteers within reach per request, before the nearest-K cut. */
  feasibleCount: Int32Array;
  byVolunteer: Csr;
}

/** Grows an Int32Array / Float64Array pair list without per-pair objects. */
class PairBuffer {
  n = 0;
  r = new Int32Array(1024);
  v = new Int32Array(1024);
  km = new Float64Array(1024);
  push(r: number, v: number, km: number): void {
    if (this.n === this.r.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.r = grow(this.r);
      this.v = grow(this.v);
      this.km = grow(this.km);
    }
    this.r[this.n] = r;
    this.v[this.n] = v;
    this.km[this.n] = km;
    this.n++;
  }
}

/**
 * Finds the feasible pairs: for every request the `candidatesPerRequest`
 * nearest feasible volunteers, plus for every volunteer its
 * `candidatesPerVolunteer` nearest feasible requests (so no volunteer that
 * could help is left out of the graph). Deterministic: ties by index.
 */
export function buildCandidates(m: CompiledModel, options: MatchOptions = {}): CandidateGraph {
  const R = m.requests;
  const V = m.volunteers;
  const K = Math.max(1, options.candidatesPerRequest ?? 32);
  const KV = Math.max(0, options.candidatesPerVolunteer ?? 8);
  const index = buildVolunteerIndex(m, (v) => V.capacity[v]! > 0 && V.slots[v]! > 0);
  const langMark = new Int32Array(Math.max(1, m.languages.names.length)).fill(-1);
  const nearest = new NearestK(K);
  // Both sides in one walk over the pairs: the feasible pairs are the same seen from
  // either side, so each volunteer's nearest requests are collected on the way.
  const nearestR = new NearestKMany(V.n, KV);
  const feasibleCount = new Int32Array(R.n);
  const own = new PairBuffer();
  const ownStart = new Int32Array(R.n + 1);
  const tmpIds = new Int32Array(Math.max(K, KV));
  const tmpKm = new Float64Array(Math.max(K, KV));
  const { x: vx, y: vy, maxKm, dayParts: vDay, vogValid, municipality: vMun, regionalPool: vPool, gender: vGender } = V;
  const vLangStart = V.languages.start;
  const vLangItems = V.languages.items;

  for (let r = 0; r < R.n; r++) {
    ownStart[r] = own.n;
    if (R.demand[r]! <= 0) continue;
    const bands = index.bands[R.category[r]!];
    if (!bands || bands.length === 0) continue;
    // The rules of feasibleRules, with the request's side read once (the inner loop is hot).
    if (R.sameGender[r] === 1 && R.gender[r] === 0) continue;
    markLanguages(m, r, langMark, r);
    const x = R.x[r]!;
    const y = R.y[r]!;
    const day = R.dayParts[r]!;
    const vog = R.vogRequired[r] === 1;
    const mun = R.municipality[r]!;
    const pool = R.regionalPool[r] === 1;
    const gender = R.sameGender[r] === 1 ? R.gender[r]! : -1;
    const langs = R.languages.start[r + 1]! > R.languages.start[r]!;
    const excludes = R.excluded.start[r + 1]! > R.excluded.start[r]!;
    let count = 0;
    for (const { grid, reach } of bands) {
      const [c0, c1, r0, r1] = grid.range(x, y, reach);
      const gStart = grid.start;
      const gItems = grid.items;
      for (let row = r0; row <= r1; row++) {
        const rowBase = row * grid.cols;
        for (let k = gStart[rowBase + c0]!, kEnd = gStart[rowBase + c1 + 1]!; k < kEnd; k++) {
          const v = gItems[k]!;
          const dx = vx[v]! - x;
          const dy = vy[v]! - y;
          const d2 = dx * dx + dy * dy;
          const mk = maxKm[v]!;
          if (d2 > mk * mk) continue;
          if ((day & vDay[v]!) === 0) continue;
          if (vog && vogValid[v] !== 1) continue;
          if (mun !== vMun[v] && !(pool && vPool[v] === 1)) continue;
          if (gender >= 0 && gender !== vGender[v]) continue;
          if (langs) {
            let ok = false;
            for (let j = vLangStart[v]!; j < vLangStart[v + 1]!; j++) {
              if (langMark[vLangItems[j]!] === r) {
                ok = true;
                break;
              }
            }
            if (!ok) continue;
          }
          if (excludes && isExcluded(m, r, v)) continue;
          count++;
          const km = Math.sqrt(d2);
          nearest.offer(km, v);
          nearestR.offer(v, km, r);
        }
      }
    }
    feasibleCount[r] = count;
    const n = nearest.drainSorted(tmpIds, tmpKm);
    for (let i = 0; i < n; i++) own.push(r, tmpIds[i]!, tmpKm[i]!);
  }
  ownStart[R.n] = own.n;

  // Volunteer side: each volunteer's nearest feasible requests, to add pairs the request side cut.
  const extra = new PairBuffer();
  for (let v = 0; v < V.n && KV > 0; v++) {
    const n = nearestR.drainSorted(v, tmpIds, tmpKm);
    for (let i = 0; i < n; i++) {
      const r = tmpIds[i]!;
      // Already among the request's own nearest K?
      const km = tmpKm[i]!;
      const s = ownStart[r]!;
      const e = ownStart[r + 1]!;
      const last = e - 1;
      if (e - s < K || km < own.km[last]! || (km === own.km[last]! && v <= own.v[last]!)) continue;
      extra.push(r, v, km);
    }
  }

  // Merge: own pairs (sorted) then the extras of each request sorted by (km, v).
  const extraStart = new Int32Array(R.n + 1);
  for (let i = 0; i < extra.n; i++) extraStart[extra.r[i]! + 1]!++;
  for (let r = 0; r < R.n; r++) extraStart[r + 1]! += extraStart[r]!;
  const extraOrder = new Int32Array(extra.n);
  {
    const fill = extraStart.slice(0, R.n);
    for (let i = 0; i < extra.n; i++) extraOrder[fill[extra.r[i]!]!++] = i;
  }
  const nPairs = own.n + extra.n;
  const g: CandidateGraph = {
    nPairs,
    start: new Int32Array(R.n + 1),
    volunteer: new Int32Array(nPairs),
    km: new Float64Array(nPairs),
    cap: new Int32Array(nPairs),
    team: new Uint8Array(nPairs),
    travel: new Int32Array(nPairs),
    skillsMatched: new Uint8Array(nPairs),
    feasibleCount,
    byVolunteer: { start: new Int32Array(V.n + 1), items: new Int32Array(nPairs) },
  };
  let p = 0;
  for (let r = 0; r < R.n; r++) {
    g.start[r] = p;
    for (let i = ownStart[r]!; i < ownStart[r + 1]!; i++) {
      g.volunteer[p] = own.v[i]!;
      g.km[p] = own.km[i]!;
      p++;
    }
    const es = extraStart[r]!;
    const ee = extraStart[r + 1]!;
    // Insertion sort of the (few) extras by (km, v).
    for (let i = es; i < ee; i++) {
      const idx = extraOrder[i]!;
      let j = i - 1;
      while (j >= es) {
        const o = extraOrder[j]!;
        if (extra.km[o]! < extra.km[idx]! || (extra.km[o] === extra.km[idx] && extra.v[o]! < extra.v[idx]!)) break;
        extraOrder[j + 1] = o;
        j--;
      }
      extraOrder[j + 1] = idx;
    }
    for (let i = es; i < ee; i++) {
      const o = extraOrder[i]!;
      g.volunteer[p] = extra.v[o]!;
      g.km[p] = extra.km[o]!;
      p++;
    }
  }
  g.start[R.n] = p;
  for (let r = 0; r < R.n; r++) {
    const wished = R.skills.start[r + 1]! - R.skills.start[r]!;
    for (let e = g.start[r]!; e < g.start[r + 1]!; e++) {
      const v = g.volunteer[e]!;
      g.cap[e] = Math.min(R.demand[r]!, V.capacity[v]!);
      g.team[e] = isKnown(m, r, v) ? TEAM_COST_KNOWN : TEAM_COST_NEW;
      const sm = wished > 0 ? skillsMatched(m, r, v) : 0;
      g.skillsMatched[e] = sm;
      g.travel[e] = travelCostPerUnit(g.km[e]!, wished - sm);
    }
  }
  const bv = g.byVolunteer;
  for (let e = 0; e < nPairs; e++) bv.start[g.volunteer[e]! + 1]!++;
  for (let v = 0; v < V.n; v++) bv.start[v + 1]! += bv.start[v]!;
  const fillV = bv.start.slice(0, V.n);
  for (let e = 0; e < nPairs; e++) bv.items[fillV[g.volunteer[e]!]!++] = e;
  return g;
}

/** Request index of every pair (the inverse of `start`). */
export function pairRequests(g: CandidateGraph, nR: number): Int32Array {
  const out = new Int32Array(g.nPairs);
  for (let r = 0; r < nR; r++) for (let e = g.start[r]!; e < g.start[r + 1]!; e++) out[e] = r;
  return out;
}
