/**
 * Plain input and output types of the matching engine (koppelmotor).
 *
 * Everything the caller passes is plain data: ids are strings, locations are
 * WGS84 lat/lon, day parts are a bitmask, demand and capacity are sessions per
 * month. The engine never reads a clock or a database: the caller decides
 * "today" (for example whether a VOG is still valid) and passes the outcome.
 */

/** Day parts as a bitmask: bit `day * 3 + part`, Monday = day 0, part 0 morning, 1 afternoon, 2 evening. */
export type DayPartMask = number;

/** Builds a {@link DayPartMask} from `[day, part]` pairs (day 0 = Monday, part 0 = morning). */
export function dayParts(...slots: ReadonlyArray<readonly [day: number, part: number]>): DayPartMask {
  let mask = 0;
  for (const [day, part] of slots) {
    if (day < 0 || day > 6 || part < 0 || part > 2) throw new RangeError(`day part out of range: ${day},${part}`);
    mask |= 1 << (day * 3 + part);
  }
  return mask;
}

/** Every day part of the week. */
export const ALL_DAY_PARTS: DayPartMask = (1 << 21) - 1;

/** Typical demands in sessions per month. */
export const SESSIONS_PER_MONTH = { weekly: 4.3, fortnightly: 2.2, monthly: 1, once: 1 } as const;

export type Urgency = 'low' | 'normal' | 'high';
export type Gender = 'female' | 'male' | 'other' | 'unknown';

/** A help request (hulpvraag) with open demand. */
export interface MatchRequest {
  id: string;
  /** The resident's approximate location (for example the centroid of the PC4 area). */
  lat: number;
  lon: number;
  /** The municipality (tenant) the request belongs to, e.g. `GM0599`. */
  municipalityId: string;
  /** The resident accepts a volunteer from another municipality of the region (only if the volunteer opted in too). */
  regionalPool: boolean;
  categoryId: string;
  /** Skills the resident would like (soft: each one missing counts as 1 km extra per session). */
  wishedSkills?: readonly string[];
  /** When the help can take place; a pair needs at least one day part in common. */
  dayParts: DayPartMask;
  /** Open demand in sessions per month (weekly 4.3, fortnightly 2.2, monthly 1, once 1); resolution 0.1. */
  sessionsPerMonth: number;
  /** Languages the resident can be helped in; empty or absent = any. A volunteer must speak one of them. */
  languages?: readonly string[];
  /** The resident wishes a volunteer of the same gender (requires `gender`). */
  sameGender?: boolean;
  gender?: Gender;
  /** Only volunteers with a valid VOG (certificate of conduct) may help. */
  vogRequired: boolean;
  urgency: Urgency;
  /** Days since the request was posted; longer waiting raises the priority (capped at 180 days). */
  waitingDays: number;
  /** Volunteers who already help (or helped) this resident: preferred for continuity. */
  knownVolunteerIds?: readonly string[];
  /**
   * Volunteers never to propose for this request, whatever else fits: a block
   * between the two, someone already asked who said no, the resident themself.
   */
  excludedVolunteerIds?: readonly string[];
}

/** A volunteer's offer (hulpaanbod) with remaining room. */
export interface MatchVolunteer {
  id: string;
  lat: number;
  lon: number;
  municipalityId: string;
  /** The volunteer is willing to help residents of other municipalities in the region. */
  regionalPool: boolean;
  /** Maximum travel distance from home, in km (straight line). */
  maxKm: number;
  categoryIds: readonly string[];
  skills?: readonly string[];
  dayParts: DayPartMask;
  /** Languages the volunteer speaks. */
  languages: readonly string[];
  gender: Gender;
  /** A VOG valid on the date the caller matches for (the caller computes it). */
  vogValid: boolean;
  /** Total capacity in sessions per month (resolution 0.1). */
  sessionsPerMonth: number;
  /** Maximum number of residents the volunteer wants to help at the same time. */
  maxResidents: number;
  /** Sessions per month already committed elsewhere (default 0). */
  existingSessionsPerMonth?: number;
  /** Residents already helped (default 0). Each new request counts as one more resident. */
  existingResidents?: number;
}

/** Tuning of the engine; the defaults are what the benchmark measures. */
export interface MatchOptions {
  /** Feasible volunteers kept per request, nearest first (default 32). */
  candidatesPerRequest?: number;
  /** Feasible requests kept per volunteer, nearest first, added to the graph (default 8). */
  candidatesPerVolunteer?: number;
  /** Connected parts of the candidate graph with at most this many pairs are solved by exact enumeration (default 12). */
  exactComponentPairs?: number;
  /** Rounds of team improvement, fill and travel polish after the flow (default 2). */
  improvementRounds?: number;
  /** Candidate graphs up to this many pairs get the exact level-1 search where resident limits bind (default 2,000; 0 switches it off). */
  exactServeMaxPairs?: number;
  /** Flows the exact level-1 search may solve before it stops with the best found (default 250). */
  exactServeNodes?: number;
  /** Candidate graphs up to this many pairs get the level-2 (team cost) neighbourhood search (default 10,000; 0 switches it off). */
  teamSearchMaxPairs?: number;
  /** Requests freed together in one level-2 neighbourhood (default 8). */
  teamSearchRequests?: number;
  /** Flows one level-2 neighbourhood search may solve before it stops with the best found (default 200). */
  teamSearchNodes?: number;
  /**
   * Candidate graphs above this many pairs re-solve only what the resident
   * limits disturbed in the repair passes after the first (default 50,000;
   * 0: always local; Infinity: always the whole graph).
   */
  localRepairAbovePairs?: number;
  /** Candidate graphs up to this many pairs (and within `teamSearchMaxPairs`) get the level-2 kicks, step F2 (default 2,000; 0 switches them off). */
  teamKickMaxPairs?: number;
  /**
   * Requests freed together in one displacement-chain neighbourhood, step F3
   * (on the graphs of step F; default 10; 0 switches it off).
   */
  teamChainRequests?: number;
  /**
   * Step F4 (carrier moves, for travel at equal team cost): moves tried per
   * pass, best estimates first (on the graphs of step F2; default 40; 0
   * switches it off).
   */
  carrierMoves?: number;
}

export interface MatchInstance {
  requests: readonly MatchRequest[];
  volunteers: readonly MatchVolunteer[];
  options?: MatchOptions;
}

/** An objective term that decided (part of) a proposal, most important first. */
export type DecidingTerm =
  /** The request's weight (urgency, waiting time) won scarce capacity. */
  | 'priority'
  /** The volunteer already helps this resident. */
  | 'continuity'
  /** Chosen to keep the team small: a nearer volunteer could have covered less. */
  | 'team-size'
  /** The nearest feasible volunteer (or request). */
  | 'travel'
  /** A nearer volunteer had room but was already busy; spreading the load decided. */
  | 'balance'
  /** Nearer volunteers were fully booked by other requests. */
  | 'capacity-elsewhere'
  /** The only feasible candidate. */
  | 'only-candidate';

/** Why a pair was proposed: the facts and the terms that decided it. */
export interface Explanation {
  km: number;
  /** 1 = nearest among the feasible candidates of the request. */
  kmRank: number;
  /** Number of feasible candidates the engine considered for the request. */
  candidates: number;
  categoryId: string;
  skillsMatched: number;
  skillsWished: number;
  /** Day parts both sides have in common. */
  dayPartOverlap: DayPartMask;
  dayPartOverlapCount: number;
  continuity: boolean;
  /** The request's priority weight (urgency and waiting time). */
  priorityWeight: number;
  /** Distinct volunteers on the request after matching. */
  teamSize: number;
  /** The volunteer's load (existing + new) as a share of capacity after matching. */
  volunteerLoadShare: number;
  decidedBy: DecidingTerm[];
}

export interface Assignment {
  requestId: string;
  volunteerId: string;
  requestIndex: number;
  volunteerIndex: number;
  sessionsPerMonth: number;
  km: number;
  explanation: Explanation;
}

/**
 * The four objective levels as exact integers (see the design note in
 * matching.engine.ts): maximise `weightedServedUnits`, then minimise
 * `teamCost`, then minimise `travelCost`.
 */
export interface ObjectiveLevels {
  /** Σ weight × served units (a unit is 0.1 session per month). */
  weightedServedUnits: number;
  /** Σ per pair used: 2 for a new volunteer, 1 for a known one. */
  teamCost: number;
  /** Σ units × (metres/10 per session + wished-skill penalty) + load-balance penalty. */
  travelCost: number;
}

export interface MatchTotals {
  requestedSessions: number;
  servedSessions: number;
  /** Σ weight × served sessions. */
  weightedServed: number;
  /** Σ sessions × km: one-way kilometres travelled per month. */
  totalKm: number;
  servedRequests: number;
  fullyServedRequests: number;
  /** Mean distinct volunteers over requests that got any help. */
  meanVolunteersPerRequest: number;
  objective: ObjectiveLevels;
}

export interface MatchResult {
  assignments: Assignment[];
  totals: MatchTotals;
  /** Requests with demand left, and how much (sessions per month). */
  unserved: Array<{ requestId: string; sessionsPerMonth: number }>;
}
