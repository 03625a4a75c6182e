/**
 * The matching engine (koppelmotor): matches a whole municipality or region
 * at once and explains each proposal. Pure: no database, no clock, no I/O.
 *
 * ## Design note
 *
 * **Formulation** (the same MIP the benchmark gives to HiGHS). Units are
 * 0.1 session per month, so all data are integers. For every candidate pair
 * e = (r, v): flow x_e ≥ 0 (units) and y_e ∈ {0,1} (v is on r's team).
 *
 *     Σ_v x_rv ≤ d_r                (demand)
 *     Σ_r x_rv ≤ c_v                (capacity left)
 *     Σ_r y_rv ≤ m_v                (residents left: max residents − existing)
 *     x_e ≤ min(d_r, c_v) · y_e     (a pair carries flow only if it is on the team)
 *
 * Objective, lexicographic: (1) maximise Σ w_r x_rv (w_r: urgency and waiting,
 * an integer); (2) minimise the team cost Σ f_e y_e (f = 2 for a volunteer new
 * to the resident, 1 for a known one: small and stable teams); (3) minimise
 * travel and load: Σ t_e x_e (rounded km per session + wished skills missing)
 * plus a convex, piecewise-linear load-balance cost per volunteer (0 below 50 %
 * of capacity, 50 up to 80 %, 150 above, per unit).
 *
 * **Separation of levels.** Levels (1) and (3) are arc costs of one min-cost
 * flow: arc s→r costs −W·w_r per unit, the rest are level-(3) costs. Any two
 * integral flows differ by a sum of simple residual cycles; a cycle that
 * changes level (1) changes it by at least 1·W per unit and changes level (3)
 * by at most (its arc count ≤ 2·min(|R|,|V|)+4) × C_max. With
 * W = (2·min(|R|,|V|)+4)·C_max + 1 the flow optimum is the lexicographic
 * optimum of (1) then (3): provable, and all numbers stay below 2^53.
 *
 * **Team size and max residents** (the fixed charge y and Σy ≤ m) are not a
 * flow: the problem is a fixed-charge transportation problem, NP-hard in
 * general. The engine solves it in steps:
 *   A. relax and repair: SSP min-cost flow on the whole candidate graph
 *      without the resident limits, with the fixed charge spread over the
 *      pair's capacity (f_e·S / min(d_r, c_v) per unit, the LP relaxation of y,
 *      which favours volunteers who can carry the whole request); every
 *      volunteer over its limit keeps the partners that would lose most
 *      priority weight elsewhere (a shortest-path probe in the flow's residual
 *      graph, on graphs up to DETOUR_MAX_PAIRS), then its largest partners, and
 *      loses its other pairs; the flow is solved again on what is open
 *      (REPAIR_PASSES), the rest is cut. Above `localRepairAbovePairs` pairs
 *      a pass after the first re-solves only the disturbed requests (those
 *      that lost a pair with flow, and those sharing a volunteer with them);
 *      the others keep their flows. Flows without the slot rule ship the
 *      largest demands with the fewest candidates first (the same optimum,
 *      40 % fewer nodes settled at city size than heaviest first);
 *   S. swap: a request with demand left may take the slot of a partner of a
 *      full-slotted volunteer when that serves more weight than the displaced
 *      request finally loses (after moving to its other candidates);
 *   B. team improvement with exact lexicographic acceptance: move the flow of
 *      the smallest member to the others' spare room, or replace a team by one
 *      volunteer who can carry it all (both keep level (1), lower level (2));
 *   B3. consolidation with ejection: a team goes to one busy volunteer of
 *      lower team cost whose other partners are served again from what is
 *      left (graphs up to CONSOLIDATE_MAX_PAIRS);
 *   C. fill: SSP on what is left (demand, capacity, slots; new pairs take a
 *      slot under a greedy slot rule) raises level (1);
 *   D. polish: SSP on the chosen pairs only (the support) with the true costs
 *      gives the exact optimum of levels (1) and (3) for that team structure.
 * S-D repeat `improvementRounds` times; every step is lexicographically
 * monotone.
 *   E. exact level 1 (graphs up to `exactServeMaxPairs` pairs): branch and
 *      bound over the slot choices of the volunteers the relaxed flow puts
 *      over their limit, each node one flow; a strictly better service
 *      replaces the solution and gets its own rounds of B, C and D.
 *   F. level-2 neighbourhoods (graphs up to `teamSearchMaxPairs` pairs): for
 *      each request, up to `teamSearchRequests` requests around it (the
 *      partners of its team's volunteers, then of its other candidates) are
 *      freed, everything else fixed, and solved by branch and bound over the
 *      team variables with level 1 held; the bound is a min-cost flow in which
 *      each request's units pass through its cover hull (the convex envelope
 *      of the least team cost of pairs covering that many units). A better
 *      team structure replaces the old one; then one round of B, B3, C, D.
 *   F2. kicks (graphs up to `teamKickMaxPairs` pairs): each member of a team
 *      of two or more is forbidden in turn, its request's neighbourhood solved
 *      without it, then every changed request's neighbourhood again; kept
 *      when lexicographically better, also at equal team cost with less
 *      travel, so the search crosses plateaus of equal team cost; a second
 *      round breaks ties by travel inside the searches (for level 3).
 *   F3. displacement chains (same graphs as F, after G-G4): for each request
 *      with a team of two or more, a part of up to `teamChainRequests`
 *      requests grown along the *strongest alternative*: each request in the
 *      part adds the partners of its one candidate outside its team who could
 *      give it the most units (then the nearest), so the part follows the
 *      chain a smaller team starts (a volunteer takes a whole request; the
 *      requests it displaces move to theirs, and so on). Solved as in F; then
 *      B, B3, C, D and G-G4 again.
 *   F4. carrier moves (graphs of F2, after F3): volunteers who carry one
 *      request alone and in full are re-assigned to a changed set of carried
 *      requests (one or two out, as many team requests in) by a min-cost
 *      assignment on travel; the requests around the move are solved again
 *      by a branch and bound over whole teams ({@link searchSupports}), then
 *      D and G-G4; kept when lexicographically better.
 *   G. member swap (same graphs): a member's units go to another candidate
 *      of the request at no higher team cost when travel and balance fall;
 *      G2. member exchange: two requests trade a member each (no slot changes
 *      hands, so it works between volunteers whose slots are full);
 *      G3. ejection chains: a move into a full volunteer pushes one of its
 *      members on, up to EJECTION_DEPTH moves, possibly closing a cycle;
 *      G4. support chains: the same without carrying units; the flow of the
 *      requests in the chain is solved again on their new teams.
 * Parts of the candidate graph with at most `exactComponentPairs` pairs are
 * solved exactly by enumerating supports (each with a flow).
 *
 * **How exact.** Level (1) is exact whenever the max-residents limits do not
 * bind (the flow is then the LP optimum, which is integral); where they bind,
 * step E makes it exact when its search finishes within `exactServeNodes`
 * flows (at `tiny`, 418 pairs: 113 flows, the optimum HiGHS proves); above
 * `exactServeMaxPairs` the repair can lose a little (measured against HiGHS:
 * 0 at small size, within 0.21 % of HiGHS's bound at medium size). Level (3) is
 * exact for the chosen teams; level (2) is a local optimum over the
 * neighbourhoods of steps F, F2, F3 and F4 (exact when the whole instance fits in one
 * and the search ends within `teamSearchNodes` flows). The benchmark
 * measures the distance to HiGHS on the same MIP, level by level
 * (bench/MATCHING-RESULTS.md).
 *
 * **Determinism.** Every scan runs in index order, every heap breaks ties by
 * the smaller index, and costs are exact integers: the same input gives the
 * same output.
 *
 * **Candidates.** Feasible pairs (distance within the volunteer's reach,
 * category, day part, VOG, language, gender wish, municipality or regional
 * pool, room left) come from per-category grids; each request keeps its K
 * nearest and each volunteer adds its K' nearest requests.
 *
 * @example
 * const result = solve({ requests, volunteers });
 * for (const a of result.assignments) console.log(a.requestId, a.volunteerId, a.sessionsPerMonth, a.explanation.decidedBy);
 */
import { DetourProbe, FlowNetwork, shipSupplies, type SlotRule } from './matching.flow';
import {
  BALANCE_STEPS,
  UNITS_PER_SESSION,
  balanceBreaks,
  balanceCost,
  buildCandidates,
  compileModel,
  pairRequests,
  type CandidateGraph,
  type CompiledModel,
} from './matching.model';
import type { Assignment, DecidingTerm, MatchInstance, MatchOptions, MatchResult, ObjectiveLevels } from './matching.types';

/** Weight of the spread team charge in step A, per unit of team cost over the pair's capacity. */
export const TEAM_SURROGATE = 4000;

const DEFAULTS: Required<MatchOptions> = {
  candidatesPerRequest: 32,
  candidatesPerVolunteer: 8,
  exactComponentPairs: 12,
  improvementRounds: 2,
  exactServeMaxPairs: 2_000,
  exactServeNodes: 250,
  teamSearchMaxPairs: 10_000,
  teamSearchRequests: 8,
  teamSearchNodes: 200,
  localRepairAbovePairs: 50_000,
  teamKickMaxPairs: 2_000,
  teamChainRequests: 10,
  carrierMoves: 40,
};

/** Matches all requests to volunteers; see the module header for the formulation. */
export function solve(instance: MatchInstance): MatchResult {
  const options = { ...DEFAULTS, ...instance.options };
  const model = compileModel(instance.requests, instance.volunteers);
  const graph = buildCandidates(model, options);
  const flows = solveFlows(model, graph, options);
  return buildResult(model, graph, flows);
}

/** What a flow run needs: which pairs, what is left, how a unit costs, which pairs take a slot. */
interface FlowSpec {
  pairs: Int32Array;
  /** Demand left per request (units). */
  demandLeft: Int32Array;
  /** New load already placed per volunteer (units); room = capacity − load. */
  load: Int32Array;
  /** Level-(3) cost per unit of a pair (plus the spread team charge in step A). */
  pairCost: (e: number) => number;
  /** Per pair: 1 = a new partner for the volunteer (takes a slot). Null: no slot rule. */
  slotted: Uint8Array | null;
  /** Slots left per volunteer (mutated when slotted). */
  slotsLeft: Int32Array | null;
  /**
   * When set: for each pair with flow at a volunteer with more partners than
   * these slots, the reduced cost of the cheapest detour of one of its units
   * (see {@link DetourProbe}) is written to `detour` (aligned with `pairs`).
   */
  detourSlots?: Int32Array;
  detour?: Float64Array;
  /** False: no load-balance cost (one free arc v→t for the room left); default true. */
  balance?: boolean;
}

const BALANCE_MAX = BALANCE_STEPS[BALANCE_STEPS.length - 1]![1];

/** A dense map from global to local node indices, reused across flows (a stamp marks what is set). */
class LocalIds {
  private ids = new Int32Array(0);
  private marks = new Int32Array(0);
  private stamp = 0;
  reset(n: number): void {
    if (this.ids.length < n) {
      this.ids = new Int32Array(n);
      this.marks = new Int32Array(n);
      this.stamp = 0;
    }
    this.stamp++;
  }
  has(i: number): boolean {
    return this.marks[i] === this.stamp;
  }
  set(i: number, local: number): void {
    this.marks[i] = this.stamp;
    this.ids[i] = local;
  }
  get(i: number): number {
    return this.ids[i]!;
  }
}
const LOCAL_REQUESTS = new LocalIds();
const LOCAL_VOLUNTEERS = new LocalIds();

/**
 * One min-cost flow over a subset of pairs. Returns the flow per pair, aligned
 * with `spec.pairs`.
 */
function runFlow(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, spec: FlowSpec): Int32Array {
  const R = model.requests;
  const V = model.volunteers;
  const rLocal = LOCAL_REQUESTS;
  const vLocal = LOCAL_VOLUNTEERS;
  rLocal.reset(R.n);
  vLocal.reset(V.n);
  const rList: number[] = [];
  const vList: number[] = [];
  const use = new Uint8Array(spec.pairs.length);
  let cMax = 0;
  for (let i = 0; i < spec.pairs.length; i++) {
    const e = spec.pairs[i]!;
    const r = pairReq[e]!;
    const v = graph.volunteer[e]!;
    if (spec.demandLeft[r]! <= 0 || V.capacity[v]! - spec.load[v]! <= 0) continue;
    if (spec.slotted && spec.slotted[i] === 1 && spec.slotsLeft![v]! <= 0) continue;
    use[i] = 1;
    if (!rLocal.has(r)) {
      rLocal.set(r, rList.length);
      rList.push(r);
    }
    if (!vLocal.has(v)) {
      vLocal.set(v, vList.length);
      vList.push(v);
    }
    const c = spec.pairCost(e);
    if (c > cMax) cMax = c;
  }
  const out = new Int32Array(spec.pairs.length);
  if (rList.length === 0) return out;
  rList.sort((a, b) => a - b);
  vList.sort((a, b) => a - b);
  rList.forEach((r, i) => rLocal.set(r, i));
  vList.forEach((v, i) => vLocal.set(v, i));
  const nR = rList.length;
  const nV = vList.length;
  const t = nR + nV;
  cMax += BALANCE_MAX;
  const W = (2 * Math.min(nR, nV) + 4) * cMax + 1;
  // Nodes: requests [0, nR), volunteers [nR, nR+nV), sink t. Every unit of demand
  // reaches t: through a volunteer, or directly as "unserved" at W × weight.
  const net = new FlowNetwork(t + 1, nR + spec.pairs.length + 3 * nV);
  const supply = new Int32Array(t + 1);
  for (let i = 0; i < nR; i++) {
    const r = rList[i]!;
    supply[i] = spec.demandLeft[r]!;
    net.addArc(i, t, spec.demandLeft[r]!, W * R.weight[r]!);
  }
  const arcOf = new Int32Array(spec.pairs.length).fill(-1);
  const addPairs = (slottedPass: boolean): void => {
    for (let i = 0; i < spec.pairs.length; i++) {
      if (use[i] !== 1) continue;
      const isSlotted = spec.slotted !== null && spec.slotted[i] === 1;
      if (isSlotted !== slottedPass) continue;
      const e = spec.pairs[i]!;
      const r = pairReq[e]!;
      const v = graph.volunteer[e]!;
      const cap = Math.min(spec.demandLeft[r]!, V.capacity[v]! - spec.load[v]!);
      arcOf[i] = net.addArc(rLocal.get(r), nR + vLocal.get(v), cap, spec.pairCost(e));
    }
  };
  addPairs(false);
  const firstSlotted = net.m;
  addPairs(true);
  const endSlotted = net.m;
  for (let j = 0; j < nV; j++) {
    const v = vList[j]!;
    if (spec.balance === false) net.addArc(nR + j, t, V.capacity[v]! - spec.load[v]!, 0);
    else addBalanceArcs(net, nR + j, t, V.capacityTotal[v]!, V.existing[v]! + spec.load[v]!);
  }
  net.finalize();
  let rule: SlotRule | undefined;
  if (spec.slotted) {
    const slots = new Int32Array(t + 1);
    for (let j = 0; j < nV; j++) slots[nR + j] = spec.slotsLeft![vList[j]!]!;
    rule = { firstArc: firstSlotted, endArc: endSlotted, slots };
  }
  // With the slot rule the heaviest requests go first: they get first pick. Without it the
  // order does not change the optimum, only the work: the largest demands first, then the
  // requests with the fewest candidates, leaves less to re-route later (measured at city
  // size: 40 % fewer nodes settled than heaviest first).
  const arcsOf = (i: number): number => net.start[i + 1]! - net.start[i]!;
  const order = Int32Array.from({ length: nR }, (_, i) => i).sort(
    rule ? (a, b) => R.weight[rList[b]!]! - R.weight[rList[a]!]! || a - b : (a, b) => supply[b]! - supply[a]! || arcsOf(a) - arcsOf(b) || a - b,
  );
  const { pot } = shipSupplies(net, order, supply, t, rule);
  for (let i = 0; i < spec.pairs.length; i++) if (arcOf[i]! >= 0) out[i] = net.flow(arcOf[i]!);
  if (spec.detourSlots && spec.detour) {
    const partners = new Int32Array(nV);
    for (let i = 0; i < spec.pairs.length; i++) if (out[i]! > 0) partners[vLocal.get(graph.volunteer[spec.pairs[i]!]!)]!++;
    const probe = new DetourProbe(net, pot);
    for (let i = 0; i < spec.pairs.length; i++) {
      if (out[i]! <= 0) continue;
      const v = graph.volunteer[spec.pairs[i]!]!;
      if (partners[vLocal.get(v)]! <= spec.detourSlots[v]!) continue;
      // Whole multiples of W: the priority weight a unit of this pair would lose elsewhere.
      spec.detour[i] = Math.round(probe.distance(rLocal.get(pairReq[spec.pairs[i]!]!), t, net.slot[arcOf[i]!]!) / W);
    }
  }
  return out;
}

/** Arcs v→t for the convex balance steps, given the volunteer's total capacity and current load. */
function addBalanceArcs(net: FlowNetwork, vNode: number, t: number, capacityTotal: number, loadNow: number): void {
  const [b1, b2] = balanceBreaks(capacityTotal);
  const bounds = [b1, b2, capacityTotal];
  let from = loadNow;
  for (let k = 0; k < 3; k++) {
    const to = bounds[k]!;
    if (to > from) {
      net.addArc(vNode, t, to - from, BALANCE_STEPS[k]![1]);
      from = to;
    }
  }
}

/** Mutable solution state over pair flows. */
export interface Work {
  x: Int32Array;
  served: Int32Array;
  load: Int32Array;
  partners: Int32Array;
}

export function workFrom(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, x: Int32Array): Work {
  const w: Work = {
    x,
    served: new Int32Array(model.requests.n),
    load: new Int32Array(model.volunteers.n),
    partners: new Int32Array(model.volunteers.n),
  };
  for (let e = 0; e < graph.nPairs; e++) {
    const f = x[e]!;
    if (f <= 0) continue;
    w.served[pairReq[e]!]! += f;
    w.load[graph.volunteer[e]!]! += f;
    w.partners[graph.volunteer[e]!]!++;
  }
  return w;
}

/**
 * Solves the flows for a compiled model and candidate graph: steps A-D and
 * exact small components (see the module header). Returns units per pair.
 */
export function solveFlows(model: CompiledModel, graph: CandidateGraph, options: MatchOptions = {}): Int32Array {
  const opts = { ...DEFAULTS, ...options };
  const R = model.requests;
  const V = model.volunteers;
  const pairReq = pairRequests(graph, R.n);
  const all = new Int32Array(graph.nPairs);
  for (let e = 0; e < graph.nPairs; e++) all[e] = e;

  const teamCharge = (e: number): number => Math.round((TEAM_SURROGATE * graph.team[e]!) / Math.max(1, graph.cap[e]!));
  // A. Relax and repair: the flow without the resident limits (an upper bound on level 1,
  // and usually almost feasible); each volunteer over its limit keeps its largest partners
  // and loses its other pairs for good; the flow is solved again on what is open, a few
  // times; what is still over the limit is cut, and the fill step (with the slot rule)
  // re-serves what was dropped. On large graphs a pass after the first re-solves only the
  // disturbed requests (see `disturbedRequests`); the others keep their flows.
  const open = new Uint8Array(graph.nPairs).fill(1);
  let x = new Int32Array(graph.nPairs);
  const local = graph.nPairs > opts.localRepairAbovePairs;
  repairStats.localPasses = repairStats.freedRequests = 0;
  for (let pass = 0; pass < REPAIR_PASSES; pass++) {
    const list: number[] = [];
    const load = new Int32Array(V.n);
    const free = pass > 0 && local ? disturbedRequests(R.n, graph, pairReq, x, open) : null;
    if (free) {
      repairStats.localPasses++;
      let n = 0;
      for (let r = 0; r < R.n; r++) if (free[r] === 1) n++;
      repairStats.freedRequests = n;
    }
    if (free) {
      for (let e = 0; e < graph.nPairs; e++) {
        if (free[pairReq[e]!] === 1) {
          if (open[e] === 1) list.push(e);
        } else if (x[e]! > 0) load[graph.volunteer[e]!]! += x[e]!;
      }
    } else for (let e = 0; e < graph.nPairs; e++) if (open[e] === 1) list.push(e);
    const pairs = Int32Array.from(list);
    const detour = new Float64Array(pairs.length);
    const flows = runFlow(model, graph, pairReq, {
      pairs,
      demandLeft: R.demand,
      load,
      pairCost: (e) => graph.travel[e]! + teamCharge(e),
      slotted: null,
      slotsLeft: null,
      ...(graph.nPairs <= DETOUR_MAX_PAIRS ? { detourSlots: V.slots, detour } : {}),
    });
    if (free) {
      for (let e = 0; e < graph.nPairs; e++) if (free[pairReq[e]!] === 1) x[e] = 0;
    } else x = new Int32Array(graph.nPairs);
    const closeCost = new Float64Array(graph.nPairs);
    for (let i = 0; i < pairs.length; i++) {
      x[pairs[i]!] = flows[i]!;
      closeCost[pairs[i]!] = flows[i]! * detour[i]!;
    }
    if (closeOverLimit(model, graph, x, open, closeCost) === 0) break;
  }
  // What the last pass left over the limits is cut (the pairs its ranking closed).
  for (let e = 0; e < graph.nPairs; e++) if (open[e] === 0) x[e] = 0;
  let work = workFrom(model, graph, pairReq, x);
  fill(model, graph, pairReq, work);
  if (swapForPriority(model, graph, pairReq, work)) fill(model, graph, pairReq, work);

  for (let round = 0; round < opts.improvementRounds; round++) {
    improveTeams(model, graph, pairReq, work);
    if (graph.nPairs <= CONSOLIDATE_MAX_PAIRS) consolidate(model, graph, pairReq, work);
    fill(model, graph, pairReq, work);
    if (swapForPriority(model, graph, pairReq, work)) fill(model, graph, pairReq, work);
    work = polish(model, graph, pairReq, work);
  }
  // E. Exact level 1 on small graphs; a better service gets its own team round.
  if (graph.nPairs <= opts.exactServeMaxPairs) {
    const better = exactServe(model, graph, pairReq, work, opts.exactServeNodes);
    if (better) {
      work = workFrom(model, graph, pairReq, better);
      for (let round = 0; round < opts.improvementRounds; round++) {
        improveTeams(model, graph, pairReq, work);
        consolidate(model, graph, pairReq, work);
        fill(model, graph, pairReq, work);
        work = polish(model, graph, pairReq, work);
      }
    }
  }
  // F. Level-2 neighbourhoods solved exactly, then the travel polish for the new teams.
  if (graph.nPairs <= opts.teamSearchMaxPairs) {
    teamSearchStats.searches = teamSearchStats.nodes = teamSearchStats.cutOff = teamSearchStats.improved = teamSearchStats.kicksKept = 0;
    if (teamNeighbourhoods(model, graph, pairReq, work, opts.teamSearchRequests, opts.teamSearchNodes, TEAM_SEARCH_PASSES)) {
      improveTeams(model, graph, pairReq, work);
      consolidate(model, graph, pairReq, work);
      fill(model, graph, pairReq, work);
      work = polish(model, graph, pairReq, work);
    }
    if (graph.nPairs <= opts.teamKickMaxPairs && kickTeams(model, graph, pairReq, work, opts.teamSearchRequests, opts.teamSearchNodes)) {
      improveTeams(model, graph, pairReq, work);
      consolidate(model, graph, pairReq, work);
      fill(model, graph, pairReq, work);
      work = polish(model, graph, pairReq, work);
    }
    // The same kicks again with travel breaking ties in each neighbourhood (after the team cost
    // has settled: with travel ties from the start, seed 4 of `tiny` stays at 152 instead of 150).
    if (graph.nPairs <= opts.teamKickMaxPairs && kickTeams(model, graph, pairReq, work, opts.teamSearchRequests, opts.teamSearchNodes, true)) {
      improveTeams(model, graph, pairReq, work);
      consolidate(model, graph, pairReq, work);
      fill(model, graph, pairReq, work);
      work = polish(model, graph, pairReq, work);
    }
    // G-G4, then F3 (displacement chains: parts grown along each request's strongest
    // alternative) from the polished teams, and G-G4 again when F3 changed them.
    work = sweepMembers(model, graph, pairReq, work);
    if (opts.teamChainRequests > 0 && teamNeighbourhoods(model, graph, pairReq, work, opts.teamChainRequests, opts.teamSearchNodes, TEAM_SEARCH_PASSES, null, 'strongest')) {
      improveTeams(model, graph, pairReq, work);
      consolidate(model, graph, pairReq, work);
      fill(model, graph, pairReq, work);
      work = sweepMembers(model, graph, pairReq, polish(model, graph, pairReq, work));
    }
    // F4. Carrier moves: level 3 across plateaus that no member move can leave.
    carrierStats.tried = carrierStats.kept = 0;
    if (opts.carrierMoves > 0 && graph.nPairs <= opts.teamKickMaxPairs) {
      const moved = carrierMoves(model, graph, pairReq, work, opts.teamChainRequests, SUPPORT_NODES, opts.carrierMoves);
      if (moved) work = sweepMembers(model, graph, pairReq, moved);
    }
  }
  if (opts.exactComponentPairs > 0) solveSmallComponentsExactly(model, graph, pairReq, work.x, opts.exactComponentPairs);
  return work.x;
}

/** G to G4 in sweeps, each followed by the travel polish (D), while something moves. */
function sweepMembers(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, work: Work): Work {
  for (let sweep = 0; sweep < SWAP_SWEEPS; sweep++) {
    const moved = swapMembers(model, graph, pairReq, work);
    const traded = exchangeMembers(model, graph, pairReq, work);
    const chained =
      ejectionChains(model, graph, pairReq, work, EJECTION_DEPTH) ||
      supportChains(model, graph, pairReq, work, graph.nPairs <= SUPPORT_CHAIN_DEEP_PAIRS ? 3 : 2);
    if (!moved && !traded && !chained) break;
    work = polish(model, graph, pairReq, work);
  }
  return work;
}

/**
 * E. Exact level 1 where resident limits bind: branch and bound over the slot
 * choices of the volunteers the relaxed flow puts over their limit. A node is
 * a set of closed pairs and of pairs that keep a slot; its bound is the
 * weighted max flow on the open pairs without resident limits (the flow's
 * level 1). A node whose flow keeps every limit is a feasible solution. Else
 * the first volunteer (by index) with the most partners over its limit, with
 * free partners q1..qk in flow order (smallest flow first), branches into:
 * child i closes q_i and keeps q_1..q_{i-1} (they take slots); when the kept
 * pairs fill its slots, all its other pairs close. The children partition the
 * solutions (every feasible solution drops a first q_i), so the search is
 * exact when it finishes within `maxNodes` flows; nodes whose bound does not
 * beat the incumbent are cut. Depth first, children in order: the incumbent
 * (the solution so far) rises early. Returns a flow with strictly more
 * weighted service, or null (also when the solution so far is proven optimal).
 */
function exactServe(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, w: Work, maxNodes: number): Int32Array | null {
  const R = model.requests;
  const V = model.volunteers;
  const bv = graph.byVolunteer;
  let best = 0;
  for (let e = 0; e < graph.nPairs; e++) best += R.weight[pairReq[e]!]! * w.x[e]!;
  let bestX: Int32Array | null = null;
  const open = new Uint8Array(graph.nPairs).fill(1);
  const kept = new Uint8Array(graph.nPairs);
  const keptCount = new Int32Array(V.n);
  const zeroLoad = new Int32Array(V.n);
  const teamCharge = (e: number): number => graph.travel[e]! + Math.round((TEAM_SURROGATE * graph.team[e]!) / Math.max(1, graph.cap[e]!));
  let nodes = 0;
  const visit = (): void => {
    if (nodes >= maxNodes) return;
    nodes++;
    const list: number[] = [];
    for (let e = 0; e < graph.nPairs; e++) if (open[e] === 1) list.push(e);
    const pairs = Int32Array.from(list);
    const flows = runFlow(model, graph, pairReq, { pairs, demandLeft: R.demand, load: zeroLoad, pairCost: teamCharge, slotted: null, slotsLeft: null });
    let value = 0;
    for (let i = 0; i < pairs.length; i++) value += R.weight[pairReq[pairs[i]!]!]! * flows[i]!;
    if (value <= best) return;
    const x = new Int32Array(graph.nPairs);
    for (let i = 0; i < pairs.length; i++) x[pairs[i]!] = flows[i]!;
    let branchV = -1;
    let worst = 0;
    for (let v = 0; v < V.n; v++) {
      let partners = 0;
      for (let k = bv.start[v]!; k < bv.start[v + 1]!; k++) if (x[bv.items[k]!]! > 0 || kept[bv.items[k]!] === 1) partners++;
      if (partners - V.slots[v]! > worst) {
        worst = partners - V.slots[v]!;
        branchV = v;
      }
    }
    if (branchV < 0) {
      best = value;
      bestX = x;
      return;
    }
    const v = branchV;
    const free: number[] = [];
    for (let k = bv.start[v]!; k < bv.start[v + 1]!; k++) {
      const e = bv.items[k]!;
      if (x[e]! > 0 && kept[e] === 0) free.push(e);
    }
    free.sort((a, b) => x[a]! - x[b]! || a - b);
    const closedHere: number[] = [];
    for (let i = 0; i < free.length && nodes < maxNodes; i++) {
      const q = free[i]!;
      if (keptCount[v]! >= V.slots[v]!) {
        // The kept pairs fill the slots: every other pair of v closes.
        for (let k = bv.start[v]!; k < bv.start[v + 1]!; k++) {
          const e = bv.items[k]!;
          if (kept[e] === 0 && open[e] === 1) {
            open[e] = 0;
            closedHere.push(e);
          }
        }
        visit();
        break;
      }
      open[q] = 0;
      visit();
      open[q] = 1;
      kept[q] = 1;
      keptCount[v]!++;
      closedHere.push(-1 - q);
    }
    // Undo: reopen what the last child closed, release the kept pairs.
    for (const c of closedHere) {
      if (c >= 0) open[c] = 1;
      else {
        kept[-1 - c] = 0;
        keptCount[v]!--;
      }
    }
  };
  visit();
  exactServeStats.nodes = nodes;
  exactServeStats.found = bestX !== null;
  exactServeStats.complete = nodes < maxNodes;
  return bestX;
}

/** Scale of the team cost in step F's flows: one unit of team cost = TEAM_SCALE. */
const TEAM_SCALE = 10_000_000;

/** A level-2 subproblem: a set of free pairs; everything else is fixed. */
interface TeamProblem {
  /** The free pairs (global ids, ascending). */
  pairs: Int32Array;
  /** Demand per request (global index; read for the requests of `pairs`). */
  demand: Int32Array;
  /** Load fixed outside the subproblem per volunteer (global index). */
  load: Int32Array;
  /** Resident slots left per volunteer outside the subproblem (global index). */
  slots: Int32Array;
  /** The incumbent: flow per free pair (aligned with `pairs`). */
  x: Int32Array;
  /** Also break ties by travel (step F2's second round). */
  travelTies?: boolean;
}

/**
 * Lower convex envelope of g(s) = least team cost of a set of pairs whose
 * capacities add up to at least s, for s = 0..d (0/1 covering knapsack by
 * dynamic programming, then the lower hull). Returns the hull's breakpoints
 * as [s_0 = 0, g_0, s_1, g_1, ...]; when d cannot be covered, the hull
 * ends at the largest coverable s.
 */
function coverHull(caps: number[], costs: number[], d: number): number[] {
  const INF = 1e18;
  const g = new Float64Array(d + 1).fill(INF);
  g[0] = 0;
  for (let j = 0; j < caps.length; j++) {
    const u = caps[j]!;
    const f = costs[j]!;
    for (let s = d; s >= 1; s--) {
      const prev = g[Math.max(0, s - u)]!;
      if (prev + f < g[s]!) g[s] = prev + f;
    }
  }
  const hull: number[] = [0, 0];
  for (let s = 1; s <= d; s++) {
    if (g[s]! >= INF) break;
    // Pop points that lie on or above the segment from the one before them to (s, g[s]).
    while (hull.length >= 4) {
      const s1 = hull[hull.length - 4]!;
      const g1 = hull[hull.length - 3]!;
      const s2 = hull[hull.length - 2]!;
      const g2 = hull[hull.length - 1]!;
      if ((g2 - g1) * (s - s1) >= (g[s]! - g1) * (s2 - s1)) hull.length -= 2;
      else break;
    }
    hull.push(s, g[s]!);
  }
  return hull;
}

/**
 * Exact level 2 on a subproblem: branch and bound over the team variables y
 * of the free pairs, with level 1 held at the incumbent's service (`target`).
 * A node fixes some pairs closed (y = 0) and some kept (y = 1: a slot taken,
 * team cost paid). Its relaxation is one min-cost flow without resident
 * limits in which each request's served units pass through its *cover hull*:
 * the lower convex envelope of the least team cost of free pairs whose
 * capacities cover that many units beyond the kept pairs' capacity (a convex
 * cost, so a chain of arcs). It is at least the LP relaxation of x ≤ cap · y
 * and knows that a request of 43 units needs three volunteers of 20. Level 1
 * comes first (the unserved arc costs W per weighted unit, as everywhere);
 * a tiny per-unit charge on the pair arcs (f / cap, all of it below 1 % of a
 * team unit) steers ties towards whole pairs. When the flow serves exactly
 * `target`, every solution in the node that serves `target` is one of its
 * feasible flows, so kept cost + hull cost (less the ties' most) bounds its
 * team cost from below; a node serving less holds no solution of interest.
 * Branching: a volunteer over its resident limit branches as in step E (child
 * i closes its i-th free partner and keeps the ones before it); otherwise the
 * flow is a feasible solution (y = 1 where it flows) and, while the bound is
 * below the best team cost, the request whose team cost exceeds its hull cost
 * most branches on its smallest free pair (closed, then kept). The children
 * partition the solutions, so the search is exact when it ends within
 * `maxNodes` flows. A feasible flow that serves more raises `target`.
 * Returns flows (aligned with `p.pairs`) better on levels 1-2, or null.
 */
function searchTeams(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, p: TeamProblem, maxNodes: number): Int32Array | null {
  const R = model.requests;
  const V = model.volunteers;
  const n = p.pairs.length;
  let target = 0;
  let bestTeam = 0;
  for (let i = 0; i < n; i++) {
    if (p.x[i]! <= 0) continue;
    target += R.weight[pairReq[p.pairs[i]!]!]! * p.x[i]!;
    bestTeam += graph.team[p.pairs[i]!]!;
  }
  let bestX: Int32Array | null = null;
  // Local requests and volunteers, in index order; local pairs per request and per volunteer.
  const reqs: number[] = [];
  const vols: number[] = [];
  const rIdx = new Map<number, number>();
  const vIdx = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const e = p.pairs[i]!;
    if (!rIdx.has(pairReq[e]!)) {
      rIdx.set(pairReq[e]!, -1);
      reqs.push(pairReq[e]!);
    }
    if (!vIdx.has(graph.volunteer[e]!)) {
      vIdx.set(graph.volunteer[e]!, -1);
      vols.push(graph.volunteer[e]!);
    }
  }
  reqs.sort((a, b) => a - b);
  vols.sort((a, b) => a - b);
  reqs.forEach((r, j) => rIdx.set(r, j));
  vols.forEach((v, j) => vIdx.set(v, j));
  const nR = reqs.length;
  const nV = vols.length;
  const pr = new Int32Array(n);
  const pv = new Int32Array(n);
  const byR: number[][] = reqs.map(() => []);
  const byV: number[][] = vols.map(() => []);
  const capOf = new Int32Array(n);
  const tie = new Float64Array(n);
  let demandSum = 0;
  for (const r of reqs) demandSum += p.demand[r]!;
  const tieScale = Math.floor(TEAM_SCALE / (200 * Math.max(1, demandSum)));
  for (let i = 0; i < n; i++) {
    const e = p.pairs[i]!;
    pr[i] = rIdx.get(pairReq[e]!)!;
    pv[i] = vIdx.get(graph.volunteer[e]!)!;
    byR[pr[i]!]!.push(i);
    byV[pv[i]!]!.push(i);
    const v = graph.volunteer[e]!;
    capOf[i] = Math.max(0, Math.min(p.demand[pairReq[e]!]!, V.capacity[v]! - p.load[v]!));
    tie[i] = Math.floor((tieScale * graph.team[e]!) / Math.max(1, capOf[i]!));
  }
  if (p.travelTies) {
    // Travel breaks ties too: at most 1/8 of a team unit over the whole part, on top of the above.
    let travelMax = 1;
    for (let i = 0; i < n; i++) travelMax = Math.max(travelMax, graph.travel[p.pairs[i]!]!);
    const ts = TEAM_SCALE / (8 * Math.max(1, demandSum) * travelMax);
    for (let i = 0; i < n; i++) tie[i]! += Math.floor(graph.travel[p.pairs[i]!]! * ts);
  }
  let tieMax = 0;
  for (let j = 0; j < nR; j++) {
    let m = 0;
    for (const i of byR[j]!) m = Math.max(m, tie[i]!);
    tieMax += m * p.demand[reqs[j]!]!;
  }
  const open = new Uint8Array(n).fill(1);
  const kept = new Uint8Array(n);
  const keptCount = new Int32Array(nV);
  let nodes = 0;
  /** Keeps local pair i (y = 1); when its volunteer's slots are full, closes the other free pairs. Returns what it closed. */
  const keep = (i: number): number[] => {
    const j = pv[i]!;
    kept[i] = 1;
    touch(i);
    keptCount[j]!++;
    const closed: number[] = [];
    if (keptCount[j]! >= p.slots[vols[j]!]!) {
      for (const q of byV[j]!) {
        if (kept[q] === 0 && open[q] === 1) {
          open[q] = 0;
          touch(q);
          closed.push(q);
        }
      }
    }
    return closed;
  };
  const unkeep = (i: number, closed: number[]): void => {
    for (const q of closed) {
      open[q] = 1;
      touch(q);
    }
    kept[i] = 0;
    touch(i);
    keptCount[pv[i]!]!--;
  };
  const hullCost = new Float64Array(nR);
  // Each request's hull depends only on its own pairs' state: recomputed when a stamp changes.
  const hullCache: number[][] = reqs.map(() => []);
  const hullStamp = new Int32Array(nR).fill(-1);
  const hullMax = new Float64Array(nR);
  const stamp = new Int32Array(nR);
  let clock = 0;
  const touch = (i: number): void => {
    stamp[pr[i]!] = ++clock;
  };
  const served = new Int32Array(nR);
  /** One relaxation: the flow on the open pairs, its service, the bound on the team cost. */
  const relax = (keptTeam: number): { x: Int32Array; value: number; bound: number } => {
    nodes++;
    // Nodes: request sources [0, nR), request hull nodes [nR, 2nR), volunteers [2nR, 2nR+nV), sink.
    const t = 2 * nR + nV;
    const hulls = hullCache;
    let cMax = 1;
    for (let j = 0; j < nR; j++) {
      if (hullStamp[j] === stamp[j]) {
        cMax = Math.max(cMax, hullMax[j]!);
        continue;
      }
      const caps: number[] = [];
      const costs: number[] = [];
      let keptCap = 0;
      for (const i of byR[j]!) {
        if (open[i] === 0) continue;
        if (kept[i] === 1) keptCap += capOf[i]!;
        else {
          caps.push(capOf[i]!);
          costs.push(graph.team[p.pairs[i]!]!);
        }
      }
      const d = p.demand[reqs[j]!]!;
      const over = Math.max(0, d - keptCap);
      const h = coverHull(caps, costs, over);
      // Shift by the kept capacity: the first keptCap units are free.
      const pts: number[] = keptCap > 0 ? [0, 0] : [];
      for (let k = 0; k < h.length; k += 2) pts.push(Math.min(d, h[k]! + keptCap), h[k + 1]!);
      hulls[j] = pts;
      hullStamp[j] = stamp[j]!;
      let m = 1;
      for (let k = 2; k < pts.length; k += 2) {
        const slope = (pts[k + 1]! - pts[k - 1]!) / Math.max(1, pts[k]! - pts[k - 2]!);
        m = Math.max(m, Math.ceil(TEAM_SCALE * slope));
      }
      hullMax[j] = m;
      cMax = Math.max(cMax, m);
    }
    let arcs = 0;
    for (const h of hulls) arcs += h.length / 2;
    const net = new FlowNetwork(t + 1, nR + arcs + n + nV);
    const supply = new Int32Array(t + 1);
    const W = (2 * (t + 1) + 4) * (cMax + tieScale * 2 + 1) + 1;
    const segArcs: Array<[number, number]> = []; // arc id, cost per unit
    for (let j = 0; j < nR; j++) {
      const r = reqs[j]!;
      supply[j] = p.demand[r]!;
      net.addArc(j, t, p.demand[r]!, W * R.weight[r]!);
      const pts = hulls[j]!;
      for (let k = 2; k < pts.length; k += 2) {
        const width = pts[k]! - pts[k - 2]!;
        if (width <= 0) continue;
        // floor keeps the bound valid: the arc never charges more than the hull.
        const c = Math.floor((TEAM_SCALE * (pts[k + 1]! - pts[k - 1]!)) / width);
        segArcs.push([net.addArc(j, nR + j, width, c), c]);
      }
    }
    const arcOf = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      if (open[i] === 0 || capOf[i]! <= 0) continue;
      arcOf[i] = net.addArc(nR + pr[i]!, 2 * nR + pv[i]!, capOf[i]!, kept[i] === 1 ? 0 : tie[i]!);
    }
    for (let j = 0; j < nV; j++) {
      const v = vols[j]!;
      net.addArc(2 * nR + j, t, Math.max(0, V.capacity[v]! - p.load[v]!), 0);
    }
    net.finalize();
    const order = Int32Array.from({ length: nR }, (_, j) => j).sort((a, b) => R.weight[reqs[b]!]! - R.weight[reqs[a]!]! || a - b);
    shipSupplies(net, order, supply, t);
    let hullSum = 0;
    for (const [a, c] of segArcs) hullSum += net.flow(a) * c;
    const x = new Int32Array(n);
    let value = 0;
    served.fill(0);
    for (let i = 0; i < n; i++) {
      if (arcOf[i]! < 0) continue;
      const f = net.flow(arcOf[i]!);
      x[i] = f;
      value += R.weight[reqs[pr[i]!]!]! * f;
      served[pr[i]!]! += f;
    }
    // Hull cost per request (for the branching choice).
    for (let j = 0; j < nR; j++) {
      const pts = hulls[j]!;
      let c = 0;
      for (let k = 2; k < pts.length; k += 2) {
        const lo = pts[k - 2]!;
        const hi = pts[k]!;
        if (served[j]! <= lo) break;
        c += ((Math.min(served[j]!, hi) - lo) * (pts[k + 1]! - pts[k - 1]!)) / Math.max(1, hi - lo);
      }
      hullCost[j] = c;
    }
    return { x, value, bound: keptTeam + Math.ceil((hullSum - tieMax) / TEAM_SCALE - 1e-9) };
  };
  const visit = (keptTeam: number): void => {
    if (nodes >= maxNodes) return;
    const { x, value, bound } = relax(keptTeam);
    if (value < target) return;
    if (value === target && bound >= bestTeam) return;
    let branchV = -1;
    let worst = 0;
    for (let j = 0; j < nV; j++) {
      let partners = 0;
      for (const i of byV[j]!) if (x[i]! > 0 || kept[i] === 1) partners++;
      if (partners - p.slots[vols[j]!]! > worst) {
        worst = partners - p.slots[vols[j]!]!;
        branchV = j;
      }
    }
    if (branchV < 0) {
      // A feasible solution: y = 1 where the flow runs.
      let team = 0;
      for (let i = 0; i < n; i++) if (x[i]! > 0) team += graph.team[p.pairs[i]!]!;
      if (value > target || team < bestTeam) {
        target = value;
        bestTeam = team;
        bestX = x;
      }
      if (bound >= bestTeam) return;
      // Branch at the request whose team cost exceeds its hull cost most, on its smallest free pair.
      let pickR = -1;
      let gap = 1e-9;
      for (let j = 0; j < nR; j++) {
        let teamJ = 0;
        let free = 0;
        for (const i of byR[j]!) {
          if (x[i]! > 0) teamJ += graph.team[p.pairs[i]!]!;
          if (x[i]! > 0 && kept[i] === 0) free++;
        }
        let keptJ = 0;
        for (const i of byR[j]!) if (kept[i] === 1) keptJ += graph.team[p.pairs[i]!]!;
        const g = teamJ - keptJ - hullCost[j]!;
        if (free > 0 && g > gap) {
          gap = g;
          pickR = j;
        }
      }
      if (pickR < 0) return;
      let pick = -1;
      for (const i of byR[pickR]!) if (x[i]! > 0 && kept[i] === 0 && (pick < 0 || x[i]! < x[pick]!)) pick = i;
      open[pick] = 0;
      touch(pick);
      visit(keptTeam);
      open[pick] = 1;
      touch(pick);
      const closed = keep(pick);
      visit(keptTeam + graph.team[p.pairs[pick]!]!);
      unkeep(pick, closed);
      return;
    }
    const j = branchV;
    const free = byV[j]!.filter((i) => x[i]! > 0 && kept[i] === 0);
    free.sort((a, b) => x[a]! - x[b]! || a - b);
    const undo: Array<[number, number[]]> = [];
    let team = keptTeam;
    for (let k = 0; k < free.length && nodes < maxNodes; k++) {
      const q = free[k]!;
      open[q] = 0;
      touch(q);
      visit(team);
      open[q] = 1;
      touch(q);
      const fills = keptCount[j]! + 1 >= p.slots[vols[j]!]!;
      undo.push([q, keep(q)]);
      team += graph.team[p.pairs[q]!]!;
      if (fills) {
        // Keeping q fills the slots: the last child keeps q_1..q and closes the rest of v.
        visit(team);
        break;
      }
    }
    for (let k = undo.length - 1; k >= 0; k--) unkeep(undo[k]![0], undo[k]![1]);
  };
  visit(0);
  teamSearchStats.searches++;
  teamSearchStats.nodes += nodes;
  if (nodes >= maxNodes) teamSearchStats.cutOff++;
  if (bestX) teamSearchStats.improved++;
  return bestX;
}

/**
 * G. Member swap for level 3: a team member's units go to another candidate of
 * the same request at no higher team cost, with room and a free slot, when
 * that lowers travel plus the load-balance cost of both volunteers. The
 * service and the team cost stay or fall; every swap is checked exactly.
 * Returns whether anything changed.
 */
function swapMembers(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, w: Work): boolean {
  const R = model.requests;
  const V = model.volunteers;
  const bal = (v: number, load: number): number => balanceCost(V.existing[v]!, load, V.capacityTotal[v]!);
  let changed = false;
  for (let r = 0; r < R.n; r++) {
    for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) {
      const f = w.x[e]!;
      if (f <= 0) continue;
      const v = graph.volunteer[e]!;
      let best = -1;
      let bestDelta = 0;
      for (let q = graph.start[r]!; q < graph.start[r + 1]!; q++) {
        if (q === e || w.x[q]! > 0 || graph.team[q]! > graph.team[e]! || graph.cap[q]! < f) continue;
        const u = graph.volunteer[q]!;
        if (V.capacity[u]! - w.load[u]! < f || w.partners[u]! >= V.slots[u]!) continue;
        const delta =
          (graph.team[q]! - graph.team[e]!) * 1e12 +
          (graph.travel[q]! - graph.travel[e]!) * f +
          bal(u, w.load[u]! + f) - bal(u, w.load[u]!) +
          bal(v, w.load[v]! - f) - bal(v, w.load[v]!);
        if (delta < bestDelta) {
          bestDelta = delta;
          best = q;
        }
      }
      if (best < 0) continue;
      const u = graph.volunteer[best]!;
      w.x[e] = 0;
      w.load[v]! -= f;
      w.partners[v]!--;
      w.x[best] = f;
      w.load[u]! += f;
      w.partners[u]!++;
      changed = true;
    }
  }
  return changed;
}

/**
 * G2. Member exchange for level 3: two requests trade a member each (r1 with
 * v and r2 with u become r1 with u and r2 with v, the same units each), where
 * both new pairs are candidates without flow, at no higher team cost, with
 * room for the changed loads; no slot changes hands, so it also works between
 * volunteers whose resident slots are full (where step G cannot move). Made
 * when travel plus both volunteers' load-balance cost falls. Returns whether
 * anything changed.
 */
export function exchangeMembers(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, w: Work): boolean {
  const R = model.requests;
  const V = model.volunteers;
  const bv = graph.byVolunteer;
  const bal = (v: number, load: number): number => balanceCost(V.existing[v]!, load, V.capacityTotal[v]!);
  /** The pair (r, v), or -1. */
  const pairOf = (r: number, v: number): number => {
    for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) if (graph.volunteer[e] === v) return e;
    return -1;
  };
  let changed = false;
  for (let r1 = 0; r1 < R.n; r1++) {
    for (let e1 = graph.start[r1]!; e1 < graph.start[r1 + 1]!; e1++) {
      const f1 = w.x[e1]!;
      if (f1 <= 0) continue;
      const v = graph.volunteer[e1]!;
      let bestDelta = 0;
      let best: [number, number, number] | null = null; // q1 = (r1, u), e2 = (r2, u), q2 = (r2, v)
      for (let q1 = graph.start[r1]!; q1 < graph.start[r1 + 1]!; q1++) {
        if (q1 === e1 || w.x[q1]! > 0 || graph.cap[q1]! < f1) continue;
        const u = graph.volunteer[q1]!;
        for (let k = bv.start[u]!; k < bv.start[u + 1]!; k++) {
          const e2 = bv.items[k]!;
          const f2 = w.x[e2]!;
          const r2 = pairReq[e2]!;
          if (f2 <= 0 || r2 === r1) continue;
          const q2 = pairOf(r2, v);
          if (q2 < 0 || w.x[q2]! > 0 || graph.cap[q2]! < f2) continue;
          const team = graph.team[q1]! + graph.team[q2]! - graph.team[e1]! - graph.team[e2]!;
          if (team > 0) continue;
          const loadU = w.load[u]! + f1 - f2;
          const loadV = w.load[v]! + f2 - f1;
          if (loadU > V.capacity[u]! || loadV > V.capacity[v]!) continue;
          const delta =
            team * 1e12 +
            graph.travel[q1]! * f1 + graph.travel[q2]! * f2 - graph.travel[e1]! * f1 - graph.travel[e2]! * f2 +
            bal(u, loadU) - bal(u, w.load[u]!) +
            bal(v, loadV) - bal(v, w.load[v]!);
          if (delta < bestDelta) {
            bestDelta = delta;
            best = [q1, e2, q2];
          }
        }
      }
      if (!best) continue;
      const [q1, e2, q2] = best;
      const u = graph.volunteer[q1]!;
      const f2 = w.x[e2]!;
      w.x[e1] = 0;
      w.x[e2] = 0;
      w.x[q1] = f1;
      w.x[q2] = f2;
      w.load[u]! += f1 - f2;
      w.load[v]! += f2 - f1;
      changed = true;
    }
  }
  return changed;
}

/**
 * G3. Ejection chains for level 3: a member's units go to another candidate
 * of the same request at no higher team cost; when that volunteer has no room
 * or no free slot, one of its members is pushed on the same way, up to
 * `depth` moves, and the chain may close at a volunteer that an earlier move
 * freed (a cyclic exchange). Every move keeps its units; after the first,
 * the travel gained so far must stay positive (the Lin-Kernighan gain
 * criterion). A chain is made when all its volunteers keep room and slots and
 * travel plus load-balance cost falls. Returns whether anything changed.
 */
export function ejectionChains(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, w: Work, depth: number): boolean {
  const V = model.volunteers;
  const bv = graph.byVolunteer;
  const bal = (v: number, load: number): number => balanceCost(V.existing[v]!, load, V.capacityTotal[v]!);
  const loadDelta = new Map<number, number>();
  const slotDelta = new Map<number, number>();
  const inChain = new Set<number>();
  const chain: number[] = []; // e0, q0, e1, q1, ...
  const shift = (m: Map<number, number>, v: number, d: number): void => {
    m.set(v, (m.get(v) ?? 0) + d);
  };
  const feasible = (): boolean => {
    for (const [v, d] of loadDelta) if (w.load[v]! + d > V.capacity[v]!) return false;
    for (const [v, d] of slotDelta) if (w.partners[v]! + d > V.slots[v]!) return false;
    return true;
  };
  const gainOf = (travel: number): number => {
    let d = travel;
    for (const [v, dl] of loadDelta) if (dl !== 0) d += bal(v, w.load[v]! + dl) - bal(v, w.load[v]!);
    return d;
  };
  /** Moves member e's units to another candidate of its request; recurses through ejections. */
  const extend = (e: number, level: number, travel: number): boolean => {
    const r = pairReq[e]!;
    const f = w.x[e]!;
    const v = graph.volunteer[e]!;
    for (let q = graph.start[r]!; q < graph.start[r + 1]!; q++) {
      if (q === e || w.x[q]! > 0 || inChain.has(q) || graph.team[q]! > graph.team[e]! || graph.cap[q]! < f) continue;
      const u = graph.volunteer[q]!;
      const t = travel + (graph.travel[q]! - graph.travel[e]!) * f;
      if (level > 0 && t >= 0) continue;
      chain.push(e, q);
      inChain.add(e).add(q);
      shift(loadDelta, v, -f);
      shift(loadDelta, u, f);
      shift(slotDelta, v, -1);
      shift(slotDelta, u, 1);
      if (feasible() && gainOf(t) < 0) return true;
      if (level + 1 < depth) {
        for (let k = bv.start[u]!; k < bv.start[u + 1]!; k++) {
          const b = bv.items[k]!;
          if (w.x[b]! <= 0 || inChain.has(b) || pairReq[b] === r) continue;
          if (extend(b, level + 1, t)) return true;
        }
      }
      shift(loadDelta, v, f);
      shift(loadDelta, u, -f);
      shift(slotDelta, v, 1);
      shift(slotDelta, u, -1);
      inChain.delete(e);
      inChain.delete(q);
      chain.length -= 2;
    }
    return false;
  };
  let changed = false;
  for (let e0 = 0; e0 < graph.nPairs; e0++) {
    if (w.x[e0]! <= 0) continue;
    loadDelta.clear();
    slotDelta.clear();
    inChain.clear();
    chain.length = 0;
    if (!extend(e0, 0, 0)) continue;
    // Apply in order: each move's units are read before its pair is emptied.
    for (let i = 0; i < chain.length; i += 2) {
      const e = chain[i]!;
      const q = chain[i + 1]!;
      w.x[q] = w.x[e]!;
      w.x[e] = 0;
    }
    for (const [v, d] of loadDelta) w.load[v]! += d;
    for (const [v, d] of slotDelta) w.partners[v]! += d;
    changed = true;
  }
  return changed;
}

/**
 * G4. Support chains for level 3: like step G3, a member is replaced by
 * another candidate of its request at no higher team cost, and a volunteer
 * without a free slot pushes one of its members on (up to `depth` moves;
 * the first must lower that pair's travel); but the moves do not carry their
 * units. Once every volunteer's slots fit, the flow of the requests in the
 * chain is solved again on their new teams (the other requests' flows
 * fixed), so the units can split differently (a nearer member who has room
 * for 4 units where the old one carried 8, the rest on a teammate). Made
 * when every request keeps its units and the team cost falls, or stays with
 * less travel plus load-balance cost. Returns whether anything changed.
 */
export function supportChains(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, w: Work, depth: number): boolean {
  const R = model.requests;
  const V = model.volunteers;
  const bv = graph.byVolunteer;
  const bal = (v: number, load: number): number => balanceCost(V.existing[v]!, load, V.capacityTotal[v]!);
  const slotDelta = new Map<number, number>();
  const inChain = new Set<number>();
  const chain: number[] = [];
  const shift = (v: number, d: number): void => {
    slotDelta.set(v, (slotDelta.get(v) ?? 0) + d);
  };
  const slotsOk = (): boolean => {
    for (const [v, d] of slotDelta) if (w.partners[v]! + d > V.slots[v]!) return false;
    return true;
  };
  const tryChain = (): boolean => {
    const reqs = new Set<number>();
    const removed = new Set<number>();
    const added = new Set<number>();
    for (let i = 0; i < chain.length; i += 2) {
      reqs.add(pairReq[chain[i]!]!);
      removed.add(chain[i]!);
      added.add(chain[i + 1]!);
    }
    const pairs: number[] = [];
    const load = w.load.slice();
    const demand = new Int32Array(R.n);
    const touchedV = new Set<number>();
    let oldTeam = 0;
    let oldCost = 0;
    for (const r of reqs) {
      demand[r] = w.served[r]!;
      for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) {
        const f = w.x[e]!;
        const v = graph.volunteer[e]!;
        if (f > 0) {
          load[v]! -= f;
          oldTeam += graph.team[e]!;
          oldCost += graph.travel[e]! * f;
          touchedV.add(v);
        }
        if ((f > 0 && !removed.has(e)) || added.has(e)) {
          pairs.push(e);
          touchedV.add(v);
        }
      }
    }
    for (const v of touchedV) oldCost += bal(v, w.load[v]!);
    pairs.sort((a, b) => a - b);
    const flows = runFlow(model, graph, pairReq, { pairs: Int32Array.from(pairs), demandLeft: demand, load, pairCost: (e) => graph.travel[e]!, slotted: null, slotsLeft: null });
    let newTeam = 0;
    let newCost = 0;
    const servedNew = new Map<number, number>();
    const newLoad = new Map<number, number>();
    for (let i = 0; i < pairs.length; i++) {
      const f = flows[i]!;
      if (f <= 0) continue;
      const e = pairs[i]!;
      newTeam += graph.team[e]!;
      newCost += graph.travel[e]! * f;
      servedNew.set(pairReq[e]!, (servedNew.get(pairReq[e]!) ?? 0) + f);
      newLoad.set(graph.volunteer[e]!, (newLoad.get(graph.volunteer[e]!) ?? 0) + f);
    }
    for (const r of reqs) if ((servedNew.get(r) ?? 0) !== demand[r]) return false;
    for (const v of touchedV) newCost += bal(v, load[v]! + (newLoad.get(v) ?? 0));
    if (newTeam > oldTeam || (newTeam === oldTeam && newCost >= oldCost)) return false;
    for (const r of reqs) {
      for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) {
        if (w.x[e]! > 0) {
          w.partners[graph.volunteer[e]!]!--;
          w.load[graph.volunteer[e]!]! -= w.x[e]!;
          w.x[e] = 0;
        }
      }
    }
    for (let i = 0; i < pairs.length; i++) {
      const f = flows[i]!;
      if (f <= 0) continue;
      const e = pairs[i]!;
      w.x[e] = f;
      w.partners[graph.volunteer[e]!]!++;
      w.load[graph.volunteer[e]!]! += f;
    }
    return true;
  };
  const extend = (e: number, level: number): boolean => {
    const r = pairReq[e]!;
    const v = graph.volunteer[e]!;
    for (let q = graph.start[r]!; q < graph.start[r + 1]!; q++) {
      if (q === e || w.x[q]! > 0 || inChain.has(q) || graph.team[q]! > graph.team[e]!) continue;
      if (level === 0 && graph.travel[q]! >= graph.travel[e]!) continue;
      const u = graph.volunteer[q]!;
      chain.push(e, q);
      inChain.add(e).add(q);
      shift(v, -1);
      shift(u, 1);
      if (slotsOk() && tryChain()) return true;
      if (level + 1 < depth) {
        for (let k = bv.start[u]!; k < bv.start[u + 1]!; k++) {
          const b = bv.items[k]!;
          if (w.x[b]! <= 0 || inChain.has(b) || pairReq[b] === r) continue;
          if (extend(b, level + 1)) return true;
        }
      }
      shift(v, 1);
      shift(u, -1);
      inChain.delete(e);
      inChain.delete(q);
      chain.length -= 2;
    }
    return false;
  };
  let changed = false;
  for (let e0 = 0; e0 < graph.nPairs; e0++) {
    if (w.x[e0]! <= 0) continue;
    slotDelta.clear();
    inChain.clear();
    chain.length = 0;
    if (extend(e0, 0)) changed = true;
  }
  return changed;
}

/**
 * Step G4 chains up to 3 moves on graphs up to this many pairs, 2 above (at `small`, 5,231 pairs,
 * depth 3 made 800,000 flow evaluations, 59 s; depth 2 about 60,000, under 1 s).
 */
const SUPPORT_CHAIN_DEEP_PAIRS = 2_000;

/** Moves in one ejection chain of step G3 (4: small gains over 3 at `tiny` seed 1, no measurable cost). */
const EJECTION_DEPTH = 4;

/** Sweeps of step G (each followed by the travel polish), while a sweep changes something. */
const SWAP_SWEEPS = 5;

/** Nodes of one {@link searchSupports} in step F4 (a node is one team choice; only leaves solve a flow). */
const SUPPORT_NODES = 2_000;

/** Passes of step F over all requests (it stops earlier when a pass changes nothing). */
const TEAM_SEARCH_PASSES = 3;

/** What the level-2 searches of the last solve did (for the benchmark and the tests). */
export const teamSearchStats = { searches: 0, nodes: 0, cutOff: 0, improved: 0, kicksKept: 0 };

/**
 * F. Level-2 large neighbourhood search: for each request in turn, a
 * neighbourhood of up to `maxRequests` requests (the request, then the
 * partners of its candidates' volunteers, breadth first) is freed and solved
 * exactly by {@link searchTeams} with everything else fixed (each volunteer's
 * room and slots less what the rest uses). A better team structure (same or
 * more service, lower team cost) replaces it. Repeats while something
 * improves, at most `passes` times. Returns whether anything changed.
 */
function teamNeighbourhoods(
  model: CompiledModel,
  graph: CandidateGraph,
  pairReq: Int32Array,
  w: Work,
  maxRequests: number,
  maxNodes: number,
  passes: number,
  focus: { starts: Uint8Array; forbidden: number; touched: Uint8Array; travelTies: boolean } | null = null,
  growth: 'around' | 'strongest' = 'around',
): boolean {
  const R = model.requests;
  const bv = graph.byVolunteer;
  const inQ = new Uint8Array(R.n);
  let changed = false;
  for (let pass = 0; pass < passes; pass++) {
    let improved = false;
    for (let r0 = 0; r0 < R.n; r0++) {
      if (graph.start[r0 + 1]! === graph.start[r0]!) continue;
      if (focus && focus.starts[r0] !== 1) continue;
      // Chains start where a team could shrink (unless the whole instance is one part).
      if (growth === 'strongest' && R.n > maxRequests && teamSize(graph, w.x, r0) < 2) continue;
      const Q = [r0];
      inQ[r0] = 1;
      if (R.n <= maxRequests) {
        // The whole instance fits: one neighbourhood, searched exactly.
        for (let r = r0 + 1; r < R.n; r++) {
          Q.push(r);
          inQ[r] = 1;
        }
        r0 = R.n;
      }
      for (let h = 0; h < Q.length && Q.length < maxRequests; h++) {
        const r = Q[h]!;
        const cand: number[] = [];
        if (growth === 'strongest') {
          // Only the candidate outside r's team who could give r the most (then the nearest):
          // the one a smaller team would lean on; its partners are the requests it displaces.
          let best = -1;
          for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) {
            if (w.x[e]! > 0) continue;
            if (best < 0 || graph.cap[e]! > graph.cap[best]! || (graph.cap[e]! === graph.cap[best]! && graph.travel[e]! < graph.travel[best]!)) best = e;
          }
          if (best >= 0) cand.push(best);
        } else {
          // The volunteers of r's team first (what a smaller team frees), then the others nearest first.
          for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) if (w.x[e]! > 0) cand.push(e);
          for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) if (w.x[e]! <= 0) cand.push(e);
        }
        for (const e of cand) {
          if (Q.length >= maxRequests) break;
          const v = graph.volunteer[e]!;
          for (let k = bv.start[v]!; k < bv.start[v + 1]! && Q.length < maxRequests; k++) {
            const q = bv.items[k]!;
            const r2 = pairReq[q]!;
            if (w.x[q]! > 0 && inQ[r2] === 0) {
              inQ[r2] = 1;
              Q.push(r2);
            }
          }
        }
      }
      for (const r of Q) inQ[r] = 0;
      if (!searchPart(model, graph, pairReq, w, Q, maxNodes, focus ? focus.forbidden : -1, focus !== null && focus.travelTies, focus ? focus.touched : null)) continue;
      improved = changed = true;
    }
    if (!improved) break;
  }
  return changed;
}

/** Number of volunteers with flow to request r. */
function teamSize(graph: CandidateGraph, x: Int32Array, r: number): number {
  let m = 0;
  for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) if (x[e]! > 0) m++;
  return m;
}

/**
 * Frees the requests `Q` (every pair of theirs but `forbidden`), fixes
 * everything else (each volunteer's room and slots less what the rest uses)
 * and solves the part by {@link searchTeams}. A better solution on levels 1-2
 * (or, with `travelTies`, a tie on them with less travel) is written into `w`;
 * the requests it changed are marked in `touched`. Returns whether it changed.
 */
export function searchPart(
  model: CompiledModel,
  graph: CandidateGraph,
  pairReq: Int32Array,
  w: Work,
  Q: readonly number[],
  maxNodes: number,
  forbidden = -1,
  travelTies = false,
  touched: Uint8Array | null = null,
): boolean {
  const R = model.requests;
  const list: number[] = [];
  for (const r of Q) for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) if (e !== forbidden) list.push(e);
  list.sort((a, b) => a - b);
  const pairs = Int32Array.from(list);
  const x = new Int32Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) x[i] = w.x[pairs[i]!]!;
  const { load, slots } = partRoom(model, graph, w, pairs);
  const better = searchTeams(model, graph, pairReq, { pairs, demand: R.demand, load, slots, x, travelTies }, maxNodes);
  if (!better) return false;
  for (let i = 0; i < pairs.length; i++) {
    const e = pairs[i]!;
    if (w.x[e]! === better[i]!) continue;
    setFlow(graph, pairReq, w, e, better[i]!);
    if (touched) touched[pairReq[e]!] = 1;
  }
  return true;
}

/**
 * What the rest leaves each volunteer of a part: its load and free resident
 * slots with the flows on `pairs` taken out (reused arrays; only the part's
 * volunteers are set).
 */
function partRoom(model: CompiledModel, graph: CandidateGraph, w: Work, pairs: ArrayLike<number>): { load: Int32Array; slots: Int32Array } {
  const V = model.volunteers;
  const load = PART_LOAD.get(V.n);
  const slots = PART_SLOTS.get(V.n);
  for (let i = 0; i < pairs.length; i++) {
    const v = graph.volunteer[pairs[i]!]!;
    load[v] = w.load[v]!;
    slots[v] = V.slots[v]! - w.partners[v]!;
  }
  for (let i = 0; i < pairs.length; i++) {
    const e = pairs[i]!;
    if (w.x[e]! <= 0) continue;
    load[graph.volunteer[e]!]! -= w.x[e]!;
    slots[graph.volunteer[e]!]!++;
  }
  return { load, slots };
}

/** Sets pair e's flow to f in `w`, keeping served, load and partners in step. */
function setFlow(graph: CandidateGraph, pairReq: Int32Array, w: Work, e: number, f: number): void {
  const old = w.x[e]!;
  if (old === f) return;
  const v = graph.volunteer[e]!;
  if (old === 0) w.partners[v]!++;
  if (f === 0) w.partners[v]!--;
  w.load[v]! += f - old;
  w.served[pairReq[e]!]! += f - old;
  w.x[e] = f;
}

/** Largest team {@link searchSupports} enumerates per request. */
const SUPPORT_TEAM_MAX = 4;
/** Teams per request {@link searchSupports} keeps (cheapest first); a request with more is not searched. */
const SUPPORT_TEAMS_MAX = 3_000;

/**
 * Level 3 (with level 2) on a part: branch and bound over whole *teams*.
 * Each request of `Q` keeps the units it is served now (level 1 held); its
 * candidate teams are the minimal sets of up to SUPPORT_TEAM_MAX of its
 * candidates whose room covers them (at team costs the incumbent allows),
 * each with its least travel alone. The search picks one team per request,
 * requests with the fewest teams first, within every volunteer's slots; its
 * bound is the chosen teams' cost plus each open request's least team cost
 * (integral per request, so a request of 43 units and volunteers of 20 costs
 * 3, where the cover hull of step F gives 2.15), and at that cost, their
 * travel plus each open request's least travel. A leaf is solved by one flow
 * (D, on the chosen support; it fails when shared room does not suffice).
 * Exact for level 3 over minimal teams when it ends within `maxNodes` nodes.
 * A better solution is written into `w`; returns whether it changed.
 */
export function searchSupports(
  model: CompiledModel,
  graph: CandidateGraph,
  pairReq: Int32Array,
  w: Work,
  Q: readonly number[],
  maxNodes: number,
  target: { need: Int32Array; maxTeam: number } | null = null,
): boolean {
  const R = model.requests;
  const V = model.volunteers;
  const partPairs: number[] = [];
  for (const r of Q) for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) partPairs.push(e);
  const { load, slots } = partRoom(model, graph, w, partPairs);
  let incTeam = 0;
  for (const e of partPairs) if (w.x[e]! > 0) incTeam += graph.team[e]!;
  const partVolunteers = [...new Set(partPairs.map((e) => graph.volunteer[e]!))];
  /** Travel and load balance of the part's flows (the rest fixed). */
  const localCost = (pairs: ArrayLike<number>, flows: ArrayLike<number>): number => {
    let c = 0;
    const add = new Map<number, number>();
    for (let i = 0; i < pairs.length; i++) {
      const f = flows[i]!;
      if (f <= 0) continue;
      c += graph.travel[pairs[i]!]! * f;
      const v = graph.volunteer[pairs[i]!]!;
      add.set(v, (add.get(v) ?? 0) + f);
    }
    for (const v of partVolunteers) c += balanceCost(V.existing[v]! + load[v]!, add.get(v) ?? 0, V.capacityTotal[v]!);
    return c;
  };
  const incFlows = partPairs.map((e) => w.x[e]!);
  const need = target ? target.need : w.served;
  // Without a target the incumbent is the part as it is; with one, the first solution within maxTeam.
  let bestTeam = target ? target.maxTeam : incTeam;
  let bestCost = target ? Infinity : localCost(partPairs, incFlows);
  // Candidate teams per request.
  interface Team {
    members: number[];
    give: number[];
    cost: number;
    travel: number;
  }
  const teams: Team[][] = [];
  let minSum = 0;
  for (const r of Q) {
    const units = need[r]!;
    const list: Team[] = [];
    if (units === 0) list.push({ members: [], give: [], cost: 0, travel: 0 });
    else {
      const cands: number[] = [];
      for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) {
        const v = graph.volunteer[e]!;
        if (slots[v]! > 0 && Math.min(graph.cap[e]!, V.capacity[v]! - load[v]!) > 0) cands.push(e);
      }
      const room = (e: number): number => Math.min(graph.cap[e]!, V.capacity[v0(e)]! - load[v0(e)]!);
      const members: number[] = [];
      const grow = (from: number, covered: number): void => {
        if (list.length > SUPPORT_TEAMS_MAX) return;
        if (covered >= units) {
          // Minimal: no member could be left out.
          for (const e of members) if (covered - room(e) >= units) return;
          const byTravel = members.slice().sort((a, b) => graph.travel[a]! - graph.travel[b]! || a - b);
          let left = units;
          let travel = 0;
          let cost = 0;
          for (const e of byTravel) {
            const u = Math.min(left, room(e));
            travel += u * graph.travel[e]!;
            left -= u;
            cost += graph.team[e]!;
          }
          // What each member must give at least (the others' room falls short by that much).
          const give = members.map((e) => Math.max(0, units - (covered - room(e))));
          list.push({ members: members.slice(), give, cost, travel });
          return;
        }
        if (members.length >= SUPPORT_TEAM_MAX) return;
        for (let k = from; k < cands.length; k++) {
          members.push(cands[k]!);
          grow(k + 1, covered + room(cands[k]!));
          members.pop();
        }
      };
      grow(0, 0);
    }
    if (list.length === 0 || list.length > SUPPORT_TEAMS_MAX) return false;
    list.sort((a, b) => a.cost - b.cost || a.travel - b.travel);
    teams.push(list);
    minSum += list[0]!.cost;
  }
  function v0(e: number): number {
    return graph.volunteer[e]!;
  }
  if (minSum > bestTeam) return false;
  // Requests with the fewest teams within the slack first.
  const slack = bestTeam - minSum;
  const order = Q.map((_, j) => j);
  const within = teams.map((list) => list.filter((t) => t.cost <= list[0]!.cost + slack).length);
  order.sort((a, b) => within[a]! - within[b]! || a - b);
  const nQ = Q.length;
  const restCost = new Float64Array(nQ + 1);
  const restTravel = new Float64Array(nQ + 1);
  for (let k = nQ - 1; k >= 0; k--) {
    const list = teams[order[k]!]!;
    restCost[k] = restCost[k + 1]! + list[0]!.cost;
    // The least travel among the request's cheapest teams (the list is sorted by cost, then travel).
    restTravel[k] = restTravel[k + 1]! + list[0]!.travel;
  }
  const used = new Int32Array(V.n);
  const chosen: Team[] = new Array(nQ);
  const demandLeft = new Int32Array(R.n);
  let needSum = 0;
  for (const r of Q) {
    demandLeft[r] = need[r]!;
    needSum += need[r]!;
  }
  let nodes = 0;
  let best: { pairs: Int32Array; flows: Int32Array } | null = null;
  const leaf = (team: number): void => {
    const list: number[] = [];
    for (const t of chosen) list.push(...t.members);
    const pairs = Int32Array.from(list);
    const flows = runFlow(model, graph, pairReq, { pairs, demandLeft, load, pairCost: (e) => graph.travel[e]!, slotted: null, slotsLeft: null });
    let served = 0;
    for (let i = 0; i < flows.length; i++) served += flows[i]!;
    if (served < needSum) return;
    const cost = localCost(pairs, flows);
    if (team < bestTeam || (team === bestTeam && cost < bestCost)) {
      bestTeam = team;
      bestCost = cost;
      best = { pairs, flows };
    }
  };
  const given = new Int32Array(V.n);
  /** Whether team t still fits: a slot left at each member, and room for what each must give. */
  const fits = (t: Team): boolean => {
    for (let i = 0; i < t.members.length; i++) {
      const v = graph.volunteer[t.members[i]!]!;
      if (used[v]! >= slots[v]! || given[v]! + t.give[i]! > V.capacity[v]! - load[v]!) return false;
    }
    return true;
  };
  const take = (t: Team, sign: number): void => {
    for (let i = 0; i < t.members.length; i++) {
      const v = graph.volunteer[t.members[i]!]!;
      used[v]! += sign;
      given[v]! += sign * t.give[i]!;
    }
  };
  const visit = (k: number, team: number, travel: number): void => {
    if (nodes++ >= maxNodes) return;
    if (k === nQ) {
      leaf(team);
      return;
    }
    // The bound with the slots taken so far: each open request's cheapest team that still fits.
    let restC = 0;
    let restT = 0;
    for (let k2 = k + 1; k2 < nQ; k2++) {
      const t = teams[order[k2]!]!.find(fits);
      if (!t) return;
      restC += t.cost;
      restT += t.travel;
    }
    for (const t of teams[order[k]!]!) {
      const lb = team + t.cost + restC;
      if (lb > bestTeam) break;
      if (lb === bestTeam && travel + t.travel + restT >= bestCost) continue;
      if (!fits(t)) continue;
      take(t, 1);
      chosen[k] = t;
      visit(k + 1, team + t.cost, travel + t.travel);
      take(t, -1);
      if (nodes >= maxNodes) return;
    }
  };
  visit(0, 0, 0);
  supportSearchStats.searches++;
  supportSearchStats.nodes += Math.min(nodes, maxNodes);
  if (nodes >= maxNodes) supportSearchStats.cutOff++;
  if (!best) return false;
  const { pairs, flows } = best as { pairs: Int32Array; flows: Int32Array };
  const next = new Map<number, number>();
  for (let i = 0; i < pairs.length; i++) if (flows[i]! > 0) next.set(pairs[i]!, flows[i]!);
  for (const e of partPairs) setFlow(graph, pairReq, w, e, next.get(e) ?? 0);
  supportSearchStats.improved++;
  return true;
}

/** What {@link searchSupports} did in the last solve (for the benchmark and the tests). */
export const supportSearchStats = { searches: 0, nodes: 0, cutOff: 0, improved: 0 };

/** Reused per-volunteer scratch arrays of {@link searchPart} (only the part's volunteers are read). */
class Scratch {
  private buf = new Int32Array(0);
  get(n: number): Int32Array {
    if (this.buf.length < n) this.buf = new Int32Array(n);
    return this.buf;
  }
}
const PART_LOAD = new Scratch();
const PART_SLOTS = new Scratch();

/**
 * F2. Kicks: for each member of a team of two or more, in turn, that pair is
 * forbidden and the member's units taken back; step F solves the request's
 * neighbourhood without it (level 1 held where it can be), then, with the
 * pair allowed again, re-searches the neighbourhoods of every request that
 * changed (2 passes). The result is kept when it is lexicographically better:
 * more service, or the same service at lower team cost, or the same team cost
 * with lower travel plus load-balance cost (so that the search can cross
 * plateaus of equal team cost, which is where step F alone stops); otherwise
 * everything is put back. With `travelTies`, the forbidden neighbourhood's
 * search breaks ties between equal team costs by travel (a second round, for
 * level 3). On graphs up to `teamKickMaxPairs` pairs.
 */
function kickTeams(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, w: Work, maxRequests: number, maxNodes: number, travelTies = false): boolean {
  const R = model.requests;
  let base = evaluateLevels(model, graph, w.x);
  let changed = false;
  const starts = new Uint8Array(R.n);
  const touched = new Uint8Array(R.n);
  for (let r0 = 0; r0 < R.n; r0++) {
    for (let e = graph.start[r0]!; e < graph.start[r0 + 1]!; e++) {
      if (w.x[e]! <= 0) continue;
      let members = 0;
      for (let q = graph.start[r0]!; q < graph.start[r0 + 1]!; q++) if (w.x[q]! > 0) members++;
      if (members < 2) continue;
      const saved = { x: w.x.slice(), served: w.served.slice(), load: w.load.slice(), partners: w.partners.slice() };
      const v = graph.volunteer[e]!;
      const f = w.x[e]!;
      w.x[e] = 0;
      w.load[v]! -= f;
      w.served[r0]! -= f;
      w.partners[v]!--;
      starts.fill(0);
      touched.fill(0);
      starts[r0] = 1;
      teamNeighbourhoods(model, graph, pairReq, w, maxRequests, maxNodes, 1, { starts, forbidden: e, touched, travelTies });
      touched[r0] = 1;
      starts.set(touched);
      touched.fill(0);
      teamNeighbourhoods(model, graph, pairReq, w, maxRequests, maxNodes, 2, { starts, forbidden: -1, touched, travelTies: false });
      const now = evaluateLevels(model, graph, w.x);
      if (compareLevels(now, base) < 0) {
        base = now;
        changed = true;
        teamSearchStats.kicksKept++;
      } else {
        w.x = saved.x;
        w.served = saved.served;
        w.load = saved.load;
        w.partners = saved.partners;
      }
    }
  }
  return changed;
}

/**
 * F4. Carrier moves, for level 3 across plateaus of equal team cost. A
 * *carrier* is a volunteer with one partner that it serves alone and in full.
 * Carriers decide much of the team structure: which requests get one
 * volunteer and which need a team. Their moves are coupled (every slot is
 * full), so no member move of G-G4 and no part of F reaches them: at `tiny`
 * seed 10 no mix of the two solutions request by request is feasible short
 * of nine of the ten requests that differ. A move takes `k` (1 or 2)
 * carried requests *out* and `k` requests with a team *in* that a carrier
 * could carry whole; every carrier is assigned to the new carried set by a
 * min-cost assignment on travel (one flow); the requests taken in lose their
 * teams, and the requests taken out, with the requests around them (step F's
 * growth, the moved carriers fixed), are solved again by {@link searchSupports}
 * at no more team cost than before, each serving what it served; then D. Kept when lexicographically better, else put back.
 * Moves are tried in order of an estimate of their travel gain (the
 * assignment's change, the cheapest fractional cover of each request taken
 * out, less the travel of the teams taken in), only where it promises a gain,
 * at most `maxMoves` per pass.
 */
function carrierMoves(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, work: Work, maxRequests: number, maxNodes: number, maxMoves: number): Work | null {
  const R = model.requests;
  const bv = graph.byVolunteer;
  let w = work;
  let changed = false;
  let base = evaluateLevels(model, graph, w.x);
  const inQ = new Uint8Array(R.n);
  for (let pass = 0; pass < TEAM_SEARCH_PASSES; pass++) {
    // Carriers and what they carry; the requests with a team that some carrier could carry whole.
    const carriedBy = new Int32Array(R.n).fill(-1);
    const isCarrier = new Uint8Array(model.volunteers.n);
    const carried: number[] = [];
    const teams: number[] = [];
    for (let r = 0; r < R.n; r++) {
      let members = 0;
      let last = -1;
      for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) {
        if (w.x[e]! <= 0) continue;
        members++;
        last = e;
      }
      if (members === 1 && w.x[last]! === R.demand[r]! && w.partners[graph.volunteer[last]!] === 1) {
        carriedBy[r] = last;
        isCarrier[graph.volunteer[last]!] = 1;
        carried.push(r);
      } else if (members >= 2) teams.push(r);
    }
    const carriable = teams.filter((r) => {
      for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) if (isCarrier[graph.volunteer[e]!] === 1 && graph.cap[e]! >= R.demand[r]!) return true;
      return false;
    });
    if (carried.length === 0 || carriable.length === 0) break;
    const carriers = carried.map((r) => graph.volunteer[carriedBy[r]!]!);
    const teamTravel = (r: number): number => {
      let s = 0;
      for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) s += graph.travel[e]! * w.x[e]!;
      return s;
    };
    // The cheapest fractional cover of r's demand by volunteers who are not carriers (a travel estimate).
    const cover = (r: number): number => {
      const es: number[] = [];
      for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) if (isCarrier[graph.volunteer[e]!] === 0) es.push(e);
      es.sort((a, b) => graph.travel[a]! - graph.travel[b]! || a - b);
      let left = R.demand[r]!;
      let s = 0;
      for (const e of es) {
        const u = Math.min(left, graph.cap[e]!);
        s += u * graph.travel[e]!;
        left -= u;
        if (left === 0) break;
      }
      return left > 0 ? Infinity : s;
    };
    const nowAssign = carried.reduce((s, r) => s + graph.travel[carriedBy[r]!]! * R.demand[r]!, 0);
    const moves: Array<{ gain: number; set: number[]; pairs: number[]; out: number[] }> = [];
    const tryMove = (out: number[], into: number[]): void => {
      const set = carried.filter((r) => !out.includes(r)).concat(into);
      const a = assignCarriers(graph, pairReq, R.demand, carriers, set);
      if (!a) return;
      let gain = a.cost - nowAssign;
      for (const r of out) gain += cover(r);
      for (const r of into) gain -= teamTravel(r);
      if (gain < 0) moves.push({ gain, set, pairs: a.pairs, out });
    };
    for (let i = 0; i < carried.length; i++) {
      for (let p = 0; p < carriable.length; p++) {
        tryMove([carried[i]!], [carriable[p]!]);
        for (let j = i + 1; j < carried.length; j++) for (let q = p + 1; q < carriable.length; q++) tryMove([carried[i]!, carried[j]!], [carriable[p]!, carriable[q]!]);
      }
    }
    moves.sort((a, b) => a.gain - b.gain);
    let improved = false;
    for (const move of moves.slice(0, maxMoves)) {
      const saved = { x: w.x.slice(), served: w.served.slice(), load: w.load.slice(), partners: w.partners.slice() };
      // Fixed: the requests a carrier moves to; the others may be solved again around the move.
      const fixed = new Uint8Array(R.n);
      for (const e of move.pairs) if (saved.x[e]! === 0) fixed[pairReq[e]!] = 1;
      const clear = (r: number): void => {
        for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) setFlow(graph, pairReq, w, e, 0);
      };
      for (const r of carried) clear(r);
      for (const r of move.set) clear(r);
      for (const e of move.pairs) setFlow(graph, pairReq, w, e, R.demand[pairReq[e]!]!);
      // The requests taken out, then those around them (step F's growth), the moved carriers fixed.
      const Q = move.out.slice();
      inQ.fill(0);
      for (const r of Q) inQ[r] = 1;
      for (let h = 0; h < Q.length && Q.length < maxRequests; h++) {
        const r = Q[h]!;
        for (let e = graph.start[r]!; e < graph.start[r + 1]! && Q.length < maxRequests; e++) {
          const v = graph.volunteer[e]!;
          for (let k = bv.start[v]!; k < bv.start[v + 1]! && Q.length < maxRequests; k++) {
            const q = bv.items[k]!;
            const r2 = pairReq[q]!;
            if (saved.x[q]! > 0 && inQ[r2] === 0 && fixed[r2] === 0) {
              inQ[r2] = 1;
              Q.push(r2);
            }
          }
        }
      }
      // The part may cost what the rest leaves of the team cost so far, and must serve what it served.
      let outside = 0;
      for (let e = 0; e < graph.nPairs; e++) if (w.x[e]! > 0 && inQ[pairReq[e]!] === 0) outside += graph.team[e]!;
      const found = searchSupports(model, graph, pairReq, w, Q, maxNodes, { need: saved.served, maxTeam: base.teamCost - outside });
      const next = found ? polish(model, graph, pairReq, w) : w;
      const now = found ? evaluateLevels(model, graph, next.x) : base;
      if (found && compareLevels(now, base) < 0) {
        base = now;
        w = next;
        changed = improved = true;
        carrierStats.kept++;
        break;
      }
      w.x = saved.x;
      w.served = saved.served;
      w.load = saved.load;
      w.partners = saved.partners;
    }
    carrierStats.tried += Math.min(moves.length, maxMoves);
    if (!improved) break;
  }
  return changed ? w : null;
}

/** What step F4 did in the last solve (for the benchmark and the tests). */
export const carrierStats = { tried: 0, kept: 0 };

/**
 * Min-cost assignment of `carriers` to the requests `set` (one each, same
 * number), each carrying the whole demand, on travel; one flow. Returns the
 * chosen pairs and their travel, or null when some carrier cannot be placed.
 */
function assignCarriers(graph: CandidateGraph, pairReq: Int32Array, demand: Int32Array, carriers: readonly number[], set: readonly number[]): { cost: number; pairs: number[] } | null {
  const c = carriers.length;
  const t = c + set.length;
  const bv = graph.byVolunteer;
  const col = new Map<number, number>();
  set.forEach((r, j) => col.set(r, c + j));
  let maxArcs = set.length + c;
  for (const v of carriers) maxArcs += bv.start[v + 1]! - bv.start[v]!;
  const net = new FlowNetwork(t + 1, maxArcs);
  const arcs: Array<[number, number]> = [];
  for (let i = 0; i < c; i++) {
    const v = carriers[i]!;
    for (let k = bv.start[v]!; k < bv.start[v + 1]!; k++) {
      const e = bv.items[k]!;
      const r = pairReq[e]!;
      const node = col.get(r);
      if (node === undefined || graph.cap[e]! < demand[r]!) continue;
      arcs.push([net.addArc(i, node, 1, graph.travel[e]! * demand[r]!), e]);
    }
    net.addArc(i, t, 1, UNPLACED);
  }
  for (let j = 0; j < set.length; j++) net.addArc(c + j, t, 1, 0);
  net.finalize();
  const sources = new Int32Array(c);
  for (let i = 0; i < c; i++) sources[i] = i;
  const stats = shipSupplies(net, sources, new Int32Array(c).fill(1), t);
  if (stats.cost >= UNPLACED) return null;
  const pairs: number[] = [];
  for (const [a, e] of arcs) if (net.flow(a) > 0) pairs.push(e);
  return { cost: stats.cost, pairs };
}

/** Cost of a carrier left without a request in {@link assignCarriers} (above any travel). */
const UNPLACED = 1e12;

/** What the last level-1 search did (for the benchmark and the tests). */
export const exactServeStats = { nodes: 0, complete: false, found: false };

/** What the repair passes of the last solve did (for the benchmark and the tests). */
export const repairStats = { localPasses: 0, freedRequests: 0 };

/**
 * The requests a repair pass re-solves on a large graph: those that lost a
 * pair with flow to a volunteer over its limit, and every request that shares
 * a volunteer (with flow) with one of them, so that the volunteers they lean
 * on can be re-shared. The others keep their flows and the volunteers' room
 * they use. Measured at city size (5,000 × 25,000): the same team cost within
 * ±0.3 %, weighted service within 0.01 %, in about half the time of re-solving
 * every request (bench/MATCHING-RESULTS.md, fifth session).
 */
function disturbedRequests(nR: number, graph: CandidateGraph, pairReq: Int32Array, x: Int32Array, open: Uint8Array): Uint8Array {
  const lost = new Uint8Array(nR);
  for (let e = 0; e < graph.nPairs; e++) if (open[e] === 0 && x[e]! > 0) lost[pairReq[e]!] = 1;
  const free = lost.slice();
  const bv = graph.byVolunteer;
  for (let e = 0; e < graph.nPairs; e++) {
    if (lost[pairReq[e]!] !== 1 || x[e]! <= 0) continue;
    const v = graph.volunteer[e]!;
    for (let k = bv.start[v]!; k < bv.start[v + 1]!; k++) if (x[bv.items[k]!]! > 0) free[pairReq[bv.items[k]!]!] = 1;
  }
  return free;
}

/** Full flows solved in step A before the last cut (each closes the pairs of the volunteers over their limit). */
const REPAIR_PASSES = 2;

/**
 * Up to this many candidate pairs, step A ranks the partners of a volunteer
 * over its limit by what they would lose elsewhere (one shortest-path probe
 * per such pair, see {@link DetourProbe}); above it by flow alone. Measured at
 * city size (165k pairs): 5,100 probes, 0.1-0.2 s, for a team cost 0.05 %
 * lower and the same service: not worth it there. At `tiny` the ranking
 * serves 2.6 more weighted sessions (a request whose only candidate was taken).
 */
const DETOUR_MAX_PAIRS = 50_000;

/**
 * For every volunteer with more partners than slots: keeps open the partners
 * that would lose most priority weight elsewhere (`closeCost`: units × weight
 * lost per unit; zero when not probed), then the largest flows, and closes all
 * its other pairs. Returns the number of such volunteers.
 */
function closeOverLimit(model: CompiledModel, graph: CandidateGraph, x: Int32Array, open: Uint8Array, closeCost: Float64Array): number {
  const V = model.volunteers;
  const bv = graph.byVolunteer;
  const list: number[] = [];
  let over = 0;
  for (let v = 0; v < V.n; v++) {
    list.length = 0;
    for (let k = bv.start[v]!; k < bv.start[v + 1]!; k++) if (x[bv.items[k]!]! > 0) list.push(bv.items[k]!);
    if (list.length <= V.slots[v]!) continue;
    over++;
    list.sort((a, b) => closeCost[b]! - closeCost[a]! || x[b]! - x[a]! || graph.team[a]! - graph.team[b]! || graph.travel[a]! - graph.travel[b]! || a - b);
    const keep = new Set(list.slice(0, V.slots[v]!));
    for (let k = bv.start[v]!; k < bv.start[v + 1]!; k++) if (!keep.has(bv.items[k]!)) open[bv.items[k]!] = 0;
  }
  return over;
}

/**
 * Level-1 repair where resident limits bind: a request with demand left may
 * take the place of one partner of a volunteer who has room but no free slot.
 * The displaced request moves what it can to its other candidates with room
 * (members of its team, or volunteers with a free slot), nearest first; the
 * swap is made only when it serves more weight than the displaced request
 * finally loses, so level 1 strictly rises. Returns whether anything changed.
 */
function swapForPriority(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, w: Work): boolean {
  const R = model.requests;
  const V = model.volunteers;
  const bv = graph.byVolunteer;
  const order = Array.from({ length: R.n }, (_, i) => i).sort((a, b) => R.weight[b]! - R.weight[a]! || a - b);
  const room = (u: number): number => V.capacity[u]! - w.load[u]!;
  /** Units request r2 could move to candidates other than `except` (direct moves only). */
  const absorbable = (r2: number, except: number, limit: number): number => {
    let total = 0;
    for (let q = graph.start[r2]!; q < graph.start[r2 + 1]! && total < limit; q++) {
      const u = graph.volunteer[q]!;
      if (u === except || room(u) <= 0) continue;
      if (w.x[q]! === 0 && w.partners[u]! >= V.slots[u]!) continue;
      total += Math.min(room(u), graph.cap[q]! - w.x[q]!);
    }
    return Math.min(limit, total);
  };
  let changed = false;
  for (const r of order) {
    const need = R.demand[r]! - w.served[r]!;
    if (need <= 0) continue;
    let bestGain = 0;
    let bestE = -1;
    let bestP = -1;
    let bestGive = 0;
    for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) {
      if (w.x[e]! > 0) continue;
      const v = graph.volunteer[e]!;
      if (w.partners[v]! < V.slots[v]!) continue;
      for (let k = bv.start[v]!; k < bv.start[v + 1]!; k++) {
        const p = bv.items[k]!;
        const freed = w.x[p]!;
        if (freed <= 0) continue;
        const give = Math.min(need, room(v) + freed, graph.cap[e]!);
        const r2 = pairReq[p]!;
        const lost = freed - absorbable(r2, v, freed);
        const gain = R.weight[r]! * give - R.weight[r2]! * lost;
        if (gain > bestGain) {
          bestGain = gain;
          bestE = e;
          bestP = p;
          bestGive = give;
        }
      }
    }
    if (bestE < 0) continue;
    const v = graph.volunteer[bestE]!;
    const r2 = pairReq[bestP]!;
    let moving = w.x[bestP]!;
    w.served[r2]! -= moving;
    w.load[v] = w.load[v]! - moving + bestGive;
    w.x[bestP] = 0;
    w.x[bestE] = bestGive;
    w.served[r]! += bestGive;
    // The displaced request moves what it can, nearest candidates first (pairs are in km order).
    for (let q = graph.start[r2]!; q < graph.start[r2 + 1]! && moving > 0; q++) {
      const u = graph.volunteer[q]!;
      if (u === v || room(u) <= 0) continue;
      const isNew = w.x[q]! === 0;
      if (isNew && w.partners[u]! >= V.slots[u]!) continue;
      const take = Math.min(moving, room(u), graph.cap[q]! - w.x[q]!);
      if (take <= 0) continue;
      if (isNew) w.partners[u]!++;
      w.x[q] = w.x[q]! + take;
      w.load[u] = w.load[u]! + take;
      w.served[r2]! += take;
      moving -= take;
    }
    changed = true;
  }
  return changed;
}

/** B. Team improvement: shrink teams while keeping every request's served units. */
function improveTeams(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, w: Work): void {
  const R = model.requests;
  const V = model.volunteers;
  const x = w.x;
  const room = (v: number): number => V.capacity[v]! - w.load[v]!;
  const members: number[] = [];
  for (let r = 0; r < R.n; r++) {
    const s = graph.start[r]!;
    const e0 = graph.start[r + 1]!;
    // B1: move the smallest member's units to the other members' room.
    for (;;) {
      members.length = 0;
      for (let e = s; e < e0; e++) if (x[e]! > 0) members.push(e);
      if (members.length < 2) break;
      members.sort((a, b) => x[a]! - x[b]! || graph.travel[b]! - graph.travel[a]! || a - b);
      let moved = false;
      for (const a of members) {
        let spare = 0;
        for (const b of members) if (b !== a) spare += room(graph.volunteer[b]!);
        if (spare < x[a]!) continue;
        // Cheapest travel first among the others (members are in km order by index).
        let left = x[a]!;
        const others = members.filter((b) => b !== a).sort((p, q) => graph.travel[p]! - graph.travel[q]! || p - q);
        for (const b of others) {
          if (left === 0) break;
          const vb = graph.volunteer[b]!;
          const take = Math.min(left, room(vb));
          if (take <= 0) continue;
          x[b] = x[b]! + take;
          w.load[vb] = w.load[vb]! + take;
          left -= take;
        }
        const va = graph.volunteer[a]!;
        w.load[va] = w.load[va]! - x[a]!;
        w.partners[va]!--;
        x[a] = 0;
        moved = true;
        break;
      }
      if (!moved) break;
    }
    // B2: replace the team by one volunteer who can carry all of it.
    members.length = 0;
    let teamCost = 0;
    for (let e = s; e < e0; e++) {
      if (x[e]! > 0) {
        members.push(e);
        teamCost += graph.team[e]!;
      }
    }
    if (members.length < 2) continue;
    const total = w.served[r]!;
    let best = -1;
    let bestKey = Infinity;
    for (let e = s; e < e0; e++) {
      const v = graph.volunteer[e]!;
      const isMember = x[e]! > 0;
      if (!isMember && w.partners[v]! >= V.slots[v]!) continue;
      if (room(v) + x[e]! < total) continue;
      if (graph.team[e]! >= teamCost) continue;
      const key = graph.team[e]! * 1e12 + graph.travel[e]! * total + balanceCost(V.existing[v]! + w.load[v]! - x[e]!, total, V.capacityTotal[v]!);
      if (key < bestKey) {
        bestKey = key;
        best = e;
      }
    }
    if (best < 0) continue;
    for (const e of members) {
      const v = graph.volunteer[e]!;
      w.load[v] = w.load[v]! - x[e]!;
      w.partners[v]!--;
      x[e] = 0;
    }
    const vb = graph.volunteer[best]!;
    x[best] = total;
    w.load[vb] = w.load[vb]! + total;
    w.partners[vb]!++;
  }
}

/**
 * B3. Consolidate with ejection: a team of two or more is handed to one
 * volunteer of lower team cost who has the capacity, even when that volunteer
 * is busy; the volunteer's other partners (smallest first) leave until the
 * team fits, and the requests they leave are served again from what is left
 * (a fill restricted to them, new pairs under the slot rule). The move is kept
 * only when it is lexicographically better (the same or more weight served,
 * then a smaller team cost, then less travel), judged on the pairs it touched.
 * Graphs up to CONSOLIDATE_MAX_PAIRS pairs.
 */
function consolidate(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, w: Work): boolean {
  const R = model.requests;
  const V = model.volunteers;
  const bv = graph.byVolunteer;
  const x = w.x;
  const log: number[] = []; // pairs: e, old x
  const set = (e: number, f: number): void => {
    const old = x[e]!;
    if (old === f) return;
    log.push(e, old);
    const v = graph.volunteer[e]!;
    const r = pairReq[e]!;
    if (old === 0) w.partners[v]!++;
    if (f === 0) w.partners[v]!--;
    w.load[v]! += f - old;
    w.served[r]! += f - old;
    x[e] = f;
  };
  const undo = (): void => {
    const entries = log.slice();
    for (let i = entries.length - 2; i >= 0; i -= 2) set(entries[i]!, entries[i + 1]!);
    log.length = 0;
  };
  const demandLeft = new Int32Array(R.n);
  let changed = false;
  const members: number[] = [];
  const evicted: number[] = [];
  for (let r = 0; r < R.n; r++) {
    members.length = 0;
    let teamCost = 0;
    for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) {
      if (x[e]! > 0) {
        members.push(e);
        teamCost += graph.team[e]!;
      }
    }
    if (members.length < 2) continue;
    const total = w.served[r]!;
    for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) {
      const u = graph.volunteer[e]!;
      if (graph.team[e]! >= teamCost || graph.cap[e]! < total || V.capacity[u]! < total) continue;
      log.length = 0;
      // The team leaves r, except u.
      for (const m of members) if (m !== e) set(m, 0);
      // u's other partners leave, smallest first, until r fits (room and a slot).
      evicted.length = 0;
      for (let k = bv.start[u]!; k < bv.start[u + 1]!; k++) {
        const p = bv.items[k]!;
        if (p !== e && x[p]! > 0) evicted.push(p);
      }
      evicted.sort((a, b) => x[a]! - x[b]! || a - b);
      const fits = (): boolean => V.capacity[u]! - w.load[u]! + x[e]! >= total && (x[e]! > 0 || w.partners[u]! < V.slots[u]!);
      const displaced: number[] = [];
      for (const p of evicted) {
        if (fits()) break;
        displaced.push(pairReq[p]!);
        set(p, 0);
      }
      if (!fits()) {
        undo();
        continue;
      }
      set(e, total);
      // Serve the displaced requests again from what is left.
      if (displaced.length > 0) {
        const list: number[] = [];
        for (const d of displaced) {
          demandLeft[d] = R.demand[d]! - w.served[d]!;
          for (let q = graph.start[d]!; q < graph.start[d + 1]!; q++) list.push(q);
        }
        const pairs = Int32Array.from(list);
        const slotted = new Uint8Array(pairs.length);
        for (let i = 0; i < pairs.length; i++) slotted[i] = x[pairs[i]!]! > 0 ? 0 : 1;
        const slotsLeft = new Int32Array(V.n);
        for (const q of list) {
          const v = graph.volunteer[q]!;
          slotsLeft[v] = V.slots[v]! - w.partners[v]!;
        }
        const add = runFlow(model, graph, pairReq, {
          pairs,
          demandLeft,
          load: w.load,
          pairCost: (q) => graph.travel[q]! + (x[q]! > 0 ? 0 : Math.round((TEAM_SURROGATE * graph.team[q]!) / Math.max(1, graph.cap[q]!))),
          slotted,
          slotsLeft,
        });
        for (const d of displaced) demandLeft[d] = 0;
        for (let i = 0; i < pairs.length; i++) if (add[i]! > 0) set(pairs[i]!, x[pairs[i]!]! + add[i]!);
      }
      if (compareLevels(touchedLevels(model, graph, pairReq, w, log, false), touchedLevels(model, graph, pairReq, w, log, true)) < 0) {
        changed = true;
        break;
      }
      undo();
    }
  }
  return changed;
}

/** Pairs up to which step B3 runs (above it the city path stays as it was). */
const CONSOLIDATE_MAX_PAIRS = 50_000;

/**
 * The objective levels restricted to the pairs in a change log (e, old x) and
 * the volunteers they touch: now, or before the changes (`before`).
 */
function touchedLevels(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, w: Work, log: number[], before: boolean): ObjectiveLevels {
  const V = model.volunteers;
  const lv: ObjectiveLevels = { weightedServedUnits: 0, teamCost: 0, travelCost: 0 };
  const old = new Map<number, number>();
  for (let i = 0; i < log.length; i += 2) if (!old.has(log[i]!)) old.set(log[i]!, log[i + 1]!);
  const loadShift = new Map<number, number>();
  for (const [e, o] of old) {
    const f = before ? o : w.x[e]!;
    const v = graph.volunteer[e]!;
    if (!loadShift.has(v)) loadShift.set(v, 0);
    if (before) loadShift.set(v, loadShift.get(v)! + o - w.x[e]!);
    if (f <= 0) continue;
    lv.weightedServedUnits += model.requests.weight[pairReq[e]!]! * f;
    lv.teamCost += graph.team[e]!;
    lv.travelCost += graph.travel[e]! * f;
  }
  for (const [v, shift] of loadShift) lv.travelCost += balanceCost(V.existing[v]!, w.load[v]! + shift, V.capacityTotal[v]!);
  return lv;
}

/** C. Fill: serve what is left with the room that is left (new pairs take slots). */
function fill(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, w: Work): void {
  const R = model.requests;
  const V = model.volunteers;
  const demandLeft = new Int32Array(R.n);
  let any = false;
  for (let r = 0; r < R.n; r++) {
    demandLeft[r] = R.demand[r]! - w.served[r]!;
    if (demandLeft[r]! > 0) any = true;
  }
  if (!any) return;
  const list: number[] = [];
  for (let r = 0; r < R.n; r++) {
    if (demandLeft[r]! <= 0) continue;
    for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) list.push(e);
  }
  const pairs = Int32Array.from(list);
  const slotted = new Uint8Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) slotted[i] = w.x[pairs[i]!]! > 0 ? 0 : 1;
  const slotsLeft = new Int32Array(V.n);
  for (let v = 0; v < V.n; v++) slotsLeft[v] = V.slots[v]! - w.partners[v]!;
  const add = runFlow(model, graph, pairReq, {
    pairs,
    demandLeft,
    load: w.load,
    pairCost: (e) =>
      graph.travel[e]! + (w.x[e]! > 0 ? 0 : Math.round((TEAM_SURROGATE * graph.team[e]!) / Math.max(1, graph.cap[e]!))),
    slotted,
    slotsLeft,
  });
  for (let i = 0; i < pairs.length; i++) {
    const f = add[i]!;
    if (f <= 0) continue;
    const e = pairs[i]!;
    const v = graph.volunteer[e]!;
    if (w.x[e] === 0) w.partners[v]!++;
    w.x[e] = w.x[e]! + f;
    w.served[pairReq[e]!]! += f;
    w.load[v]! += f;
  }
}

/** D. Polish: the exact optimum of levels (1) and (3) on the pairs in use. */
function polish(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, w: Work): Work {
  const R = model.requests;
  const V = model.volunteers;
  const list: number[] = [];
  for (let e = 0; e < graph.nPairs; e++) if (w.x[e]! > 0) list.push(e);
  const pairs = Int32Array.from(list);
  const flows = runFlow(model, graph, pairReq, {
    pairs,
    demandLeft: R.demand,
    load: new Int32Array(V.n),
    pairCost: (e) => graph.travel[e]!,
    slotted: null,
    slotsLeft: null,
  });
  const x = new Int32Array(graph.nPairs);
  for (let i = 0; i < pairs.length; i++) x[pairs[i]!] = flows[i]!;
  const next = workFrom(model, graph, pairReq, x);
  // Never step back: polish is optimal for levels (1) and (3) on the support, and cannot add pairs.
  return compareLevels(evaluateLevels(model, graph, x), evaluateLevels(model, graph, w.x)) <= 0 ? next : w;
}

/**
 * Exact solution of small connected parts of the candidate graph: every
 * support within the slot limits, each with its optimal flow; the
 * lexicographically best wins. Replaces the flows of those parts in `x`.
 */
function solveSmallComponentsExactly(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, x: Int32Array, maxPairs: number): void {
  const R = model.requests;
  const V = model.volunteers;
  // Union-find over request nodes [0, nR) and volunteer nodes [nR, nR+nV).
  const parent = new Int32Array(R.n + V.n);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let e = 0; e < graph.nPairs; e++) {
    const a = find(pairReq[e]!);
    const b = find(R.n + graph.volunteer[e]!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const count = new Int32Array(parent.length);
  for (let e = 0; e < graph.nPairs; e++) count[find(pairReq[e]!)]!++;
  const groups = new Map<number, number[]>();
  for (let e = 0; e < graph.nPairs; e++) {
    const root = find(pairReq[e]!);
    if (count[root]! > maxPairs) continue;
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(e);
  }
  const zeroLoad = new Int32Array(V.n);
  for (const pairsOfPart of [...groups.keys()].sort((a, b) => a - b).map((k) => groups.get(k)!)) {
    const P = pairsOfPart.length;
    let bestFlows: Int32Array | null = null;
    let bestLevels: ObjectiveLevels | null = null;
    const used = new Int32Array(V.n);
    for (let mask = 1; mask < 1 << P; mask++) {
      const subset: number[] = [];
      let ok = true;
      for (let i = 0; i < P; i++) {
        if ((mask >> i) & 1) {
          const e = pairsOfPart[i]!;
          const v = graph.volunteer[e]!;
          if (++used[v]! > V.slots[v]!) ok = false;
          subset.push(e);
        }
      }
      for (const e of subset) used[graph.volunteer[e]!] = 0;
      if (!ok) continue;
      const pairs = Int32Array.from(subset);
      const flows = runFlow(model, graph, pairReq, {
        pairs,
        demandLeft: R.demand,
        load: zeroLoad,
        pairCost: (e) => graph.travel[e]!,
        slotted: null,
        slotsLeft: null,
      });
      const levels = levelsOf(model, graph, pairReq, pairs, flows);
      if (bestLevels === null || compareLevels(levels, bestLevels) < 0) {
        bestLevels = levels;
        bestFlows = new Int32Array(P);
        for (let i = 0; i < P; i++) {
          const k = subset.indexOf(pairsOfPart[i]!);
          bestFlows[i] = k >= 0 ? flows[k]! : 0;
        }
      }
    }
    if (bestFlows) for (let i = 0; i < P; i++) x[pairsOfPart[i]!] = bestFlows[i]!;
  }
}

/** Objective levels of flows on a list of pairs (the rest zero). */
function levelsOf(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, pairs: Int32Array, flows: Int32Array): ObjectiveLevels {
  const V = model.volunteers;
  const levels: ObjectiveLevels = { weightedServedUnits: 0, teamCost: 0, travelCost: 0 };
  const load = new Map<number, number>();
  for (let i = 0; i < pairs.length; i++) {
    const f = flows[i]!;
    if (f <= 0) continue;
    const e = pairs[i]!;
    levels.weightedServedUnits += model.requests.weight[pairReq[e]!]! * f;
    levels.teamCost += graph.team[e]!;
    levels.travelCost += graph.travel[e]! * f;
    const v = graph.volunteer[e]!;
    load.set(v, (load.get(v) ?? 0) + f);
  }
  for (const [v, l] of load) levels.travelCost += balanceCost(V.existing[v]!, l, V.capacityTotal[v]!);
  return levels;
}

/** Lexicographic comparison: negative when `a` is better. */
export function compareLevels(a: ObjectiveLevels, b: ObjectiveLevels): number {
  if (a.weightedServedUnits !== b.weightedServedUnits) return b.weightedServedUnits - a.weightedServedUnits;
  if (a.teamCost !== b.teamCost) return a.teamCost - b.teamCost;
  return a.travelCost - b.travelCost;
}

/** The objective levels of a full flow vector. */
export function evaluateLevels(model: CompiledModel, graph: CandidateGraph, x: Int32Array): ObjectiveLevels {
  const all = new Int32Array(graph.nPairs);
  for (let e = 0; e < graph.nPairs; e++) all[e] = e;
  return levelsOf(model, graph, pairRequests(graph, model.requests.n), all, x);
}

/** Turns pair flows into assignments with explanations and totals. */
export function buildResult(model: CompiledModel, graph: CandidateGraph, x: Int32Array): MatchResult {
  const R = model.requests;
  const V = model.volunteers;
  const pairReq = pairRequests(graph, R.n);
  const w = workFrom(model, graph, pairReq, x);
  const teamSize = new Int32Array(R.n);
  for (let e = 0; e < graph.nPairs; e++) if (x[e]! > 0) teamSize[pairReq[e]!]!++;
  const assignments: Assignment[] = [];
  let totalKm = 0;
  let served = 0;
  let weighted = 0;
  let requested = 0;
  let servedRequests = 0;
  let fully = 0;
  let teamSum = 0;
  const unserved: MatchResult['unserved'] = [];
  for (let r = 0; r < R.n; r++) {
    requested += R.demand[r]!;
    served += w.served[r]!;
    weighted += R.weight[r]! * w.served[r]!;
    if (w.served[r]! > 0) {
      servedRequests++;
      teamSum += teamSize[r]!;
    }
    if (w.served[r]! >= R.demand[r]!) fully++;
    else unserved.push({ requestId: R.ids[r]!, sessionsPerMonth: (R.demand[r]! - w.served[r]!) / UNITS_PER_SESSION });
    for (let e = graph.start[r]!; e < graph.start[r + 1]!; e++) {
      const f = x[e]!;
      if (f <= 0) continue;
      const v = graph.volunteer[e]!;
      const km = graph.km[e]!;
      totalKm += (f / UNITS_PER_SESSION) * km;
      const overlap = R.dayParts[r]! & V.dayParts[v]!;
      const decidedBy = decidingTerms(model, graph, pairReq, w, r, e);
      assignments.push({
        requestId: R.ids[r]!,
        volunteerId: V.ids[v]!,
        requestIndex: r,
        volunteerIndex: v,
        sessionsPerMonth: f / UNITS_PER_SESSION,
        km: Math.round(km * 100) / 100,
        explanation: {
          km: Math.round(km * 100) / 100,
          kmRank: e - graph.start[r]! + 1,
          candidates: Math.max(graph.feasibleCount[r]!, graph.start[r + 1]! - graph.start[r]!),
          categoryId: model.categories.names[R.category[r]!]!,
          skillsMatched: graph.skillsMatched[e]!,
          skillsWished: R.skills.start[r + 1]! - R.skills.start[r]!,
          dayPartOverlap: overlap,
          dayPartOverlapCount: popcount(overlap),
          continuity: graph.team[e] === 1,
          priorityWeight: R.weight[r]!,
          teamSize: teamSize[r]!,
          volunteerLoadShare: V.capacityTotal[v]! > 0 ? Math.round(((V.existing[v]! + w.load[v]!) / V.capacityTotal[v]!) * 100) / 100 : 1,
          decidedBy,
        },
      });
    }
  }
  return {
    assignments,
    unserved,
    totals: {
      requestedSessions: requested / UNITS_PER_SESSION,
      servedSessions: served / UNITS_PER_SESSION,
      weightedServed: weighted / UNITS_PER_SESSION,
      totalKm: Math.round(totalKm * 100) / 100,
      servedRequests,
      fullyServedRequests: fully,
      meanVolunteersPerRequest: servedRequests > 0 ? teamSum / servedRequests : 0,
      objective: evaluateLevels(model, graph, x),
    },
  };
}

function popcount(n: number): number {
  let c = 0;
  while (n) {
    n &= n - 1;
    c++;
  }
  return c;
}

/**
 * Which terms decided pair e of request r, from the final state: the nearer
 * candidates that were passed over and why, continuity, and priority over
 * less urgent requests that competed for the same volunteer.
 */
function decidingTerms(model: CompiledModel, graph: CandidateGraph, pairReq: Int32Array, w: Work, r: number, e: number): DecidingTerm[] {
  const R = model.requests;
  const V = model.volunteers;
  const out: DecidingTerm[] = [];
  const only = graph.start[r + 1]! - graph.start[r]! === 1 && graph.feasibleCount[r]! <= 1;
  if (only) out.push('only-candidate');
  const v = graph.volunteer[e]!;
  const bv = graph.byVolunteer;
  for (let k = bv.start[v]!; k < bv.start[v + 1]!; k++) {
    const other = bv.items[k]!;
    const r2 = pairReq[other]!;
    if (r2 !== r && w.served[r2]! < R.demand[r2]! && R.weight[r2]! < R.weight[r]!) {
      out.push('priority');
      break;
    }
  }
  if (graph.team[e] === 1) out.push('continuity');
  if (only) return out;
  let full = false;
  let smaller = false;
  let roomy = false;
  for (let p = graph.start[r]!; p < e; p++) {
    if (w.x[p]! > 0) continue;
    const u = graph.volunteer[p]!;
    const room = V.capacity[u]! - w.load[u]!;
    if (room <= 0 || w.partners[u]! >= V.slots[u]!) full = true;
    else if (room < w.x[e]!) smaller = true;
    else roomy = true;
  }
  if (smaller) out.push('team-size');
  if (!full && !smaller && !roomy) out.push('travel');
  if (full) out.push('capacity-elsewhere');
  if (roomy) out.push('balance');
  return out;
}
