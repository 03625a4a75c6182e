/**
 * The exact reference for the matching benchmark: the engine's MIP (see the
 * design note in server/modules/matching/matching.engine.ts), on the same
 * candidate graph, solved by HiGHS (WebAssembly) lexicographically in three
 * stages: (1) max Σ w·x; (2) with Σ w·x ≥ stage-1 value, min Σ f·y;
 * (3) with Σ f·y ≤ stage-2 value, min travel + load balance. Each stage is
 * warm-started with the previous solution and gets what is left of the time
 * budget. A stage that stops on the time limit reports its incumbent and its
 * proven bound, so a comparison can say how far from exact that is.
 */
import loadHighs from 'highs';
import { BALANCE_STEPS, balanceBreaks, pairRequests, type CandidateGraph, type CompiledModel } from '../server/modules/matching/matching.model';

export interface HighsStage {
  status: string;
  optimal: boolean;
  seconds: number;
  /** Objective value of the incumbent in the stage's own sense (weighted units, team cost, travel cost). */
  value: number;
  /** Proven bound on the stage objective (for stage 1 an upper bound, later stages a lower bound). */
  bound: number;
}

export interface HighsOutcome {
  x: Int32Array | null;
  stages: HighsStage[];
  finished: boolean;
  columns: number;
  rows: number;
}

/** Solves the MIP lexicographically within `timeLimitSeconds` in total. */
export async function solveWithHighs(model: CompiledModel, graph: CandidateGraph, timeLimitSeconds: number): Promise<HighsOutcome> {
  const highs = await loadHighs();
  const R = model.requests;
  const V = model.volunteers;
  const P = graph.nPairs;
  const pairReq = pairRequests(graph, R.n);
  // Volunteers that appear in the graph.
  const vRow = new Int32Array(V.n).fill(-1);
  let nVol = 0;
  for (let e = 0; e < P; e++) {
    const v = graph.volunteer[e]!;
    if (vRow[v] === -1) vRow[v] = nVol++;
  }
  const vOf = new Int32Array(nVol);
  for (let v = 0; v < V.n; v++) if (vRow[v]! >= 0) vOf[vRow[v]!] = v;
  // Balance segments per volunteer.
  const segVol: number[] = [];
  const segCap: number[] = [];
  const segCost: number[] = [];
  for (let j = 0; j < nVol; j++) {
    const v = vOf[j]!;
    const [b1, b2] = balanceBreaks(V.capacityTotal[v]!);
    const bounds = [b1, b2, V.capacityTotal[v]!];
    let from = V.existing[v]!;
    for (let k = 0; k < 3; k++) {
      if (bounds[k]! > from) {
        segVol.push(j);
        segCap.push(bounds[k]! - from);
        segCost.push(BALANCE_STEPS[k]![1]);
        from = bounds[k]!;
      }
    }
  }
  const Z = segVol.length;
  const numCols = 2 * P + Z;
  // Rows: demand [0, nR), capacity [nR, nR+nVol), slots [.., +nVol), link [.., +P).
  const rowCap0 = R.n;
  const rowSlot0 = R.n + nVol;
  const rowLink0 = R.n + 2 * nVol;
  const numRows = rowLink0 + P;
  const starts = new Int32Array(numCols + 1);
  const nnz = 3 * P + 2 * P + Z;
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  for (let e = 0; e < P; e++) {
    starts[e] = k;
    indices[k] = pairReq[e]!;
    values[k++] = 1;
    indices[k] = rowCap0 + vRow[graph.volunteer[e]!]!;
    values[k++] = 1;
    indices[k] = rowLink0 + e;
    values[k++] = 1;
  }
  for (let e = 0; e < P; e++) {
    starts[P + e] = k;
    indices[k] = rowSlot0 + vRow[graph.volunteer[e]!]!;
    values[k++] = 1;
    indices[k] = rowLink0 + e;
    values[k++] = -graph.cap[e]!;
  }
  for (let z = 0; z < Z; z++) {
    starts[2 * P + z] = k;
    indices[k] = rowCap0 + segVol[z]!;
    values[k++] = -1;
  }
  starts[numCols] = k;
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  const integrality = new Int32Array(numCols);
  for (let e = 0; e < P; e++) {
    colUpper[e] = graph.cap[e]!;
    colUpper[P + e] = 1;
    integrality[P + e] = 1;
  }
  for (let z = 0; z < Z; z++) colUpper[2 * P + z] = segCap[z]!;
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  for (let r = 0; r < R.n; r++) {
    rowLower[r] = -highs.infinity;
    rowUpper[r] = R.demand[r]!;
  }
  for (let j = 0; j < nVol; j++) {
    rowLower[rowCap0 + j] = 0;
    rowUpper[rowCap0 + j] = 0;
    rowLower[rowSlot0 + j] = -highs.infinity;
    rowUpper[rowSlot0 + j] = V.slots[vOf[j]!]!;
  }
  for (let e = 0; e < P; e++) {
    rowLower[rowLink0 + e] = -highs.infinity;
    rowUpper[rowLink0 + e] = 0;
  }
  const cost1 = new Float64Array(numCols);
  const cost2 = new Float64Array(numCols);
  const cost3 = new Float64Array(numCols);
  for (let e = 0; e < P; e++) {
    cost1[e] = -R.weight[pairReq[e]!]!;
    cost2[P + e] = graph.team[e]!;
    cost3[e] = graph.travel[e]!;
  }
  for (let z = 0; z < Z; z++) cost3[2 * P + z] = segCost[z]!;

  const model_ = highs.createModel({
    numCols,
    numRows,
    colCost: cost1,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows, numCols, starts, indices, values },
    integrality,
  });
  const deadline = Date.now() + timeLimitSeconds * 1000;
  const stages: HighsStage[] = [];
  let solution: Float64Array | null = null;
  const statusName = (code: number): string => Object.entries(highs.constants.modelStatus).find(([, v]) => v === code)?.[0] ?? String(code);
  try {
    model_.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5 });
    const costs = [cost1, cost2, cost3];
    for (let stage = 0; stage < 3; stage++) {
      const left = (deadline - Date.now()) / 1000;
      if (left <= 1) break;
      if (stage > 0) {
        model_.changeColsCost({ kind: 'range', from: 0, to: numCols - 1 }, costs[stage]!);
        if (solution) model_.setSolution({ colValue: solution });
      }
      model_.options.set({ time_limit: left });
      const t0 = Date.now();
      model_.run();
      const code = model_.getModelStatus();
      const hasSolution = model_.info.get('primal_solution_status') !== 0;
      const value = hasSolution ? model_.getObjectiveValue() : NaN;
      const bound = Number(model_.info.get('mip_dual_bound'));
      stages.push({
        status: statusName(code),
        optimal: code === highs.constants.modelStatus.optimal,
        seconds: (Date.now() - t0) / 1000,
        value: stage === 0 ? -value : value,
        bound: stage === 0 ? -bound : bound,
      });
      if (!hasSolution) break;
      solution = model_.getSolution().colValue;
      // Fix the level just optimised before the next one: Σ w·x ≥ value, then Σ f·y ≤ value.
      const entries = { indices: new Int32Array(0), values: new Float64Array(0) };
      const idx: number[] = [];
      const val: number[] = [];
      const c = costs[stage]!;
      for (let j = 0; j < numCols; j++) {
        if (c[j] !== 0) {
          idx.push(j);
          val.push(c[j]!);
        }
      }
      entries.indices = Int32Array.from(idx);
      entries.values = Float64Array.from(val);
      if (stage < 2) model_.addRow(-highs.infinity, Math.round(value) + 0.5, entries);
    }
  } finally {
    model_.dispose();
  }
  let x: Int32Array | null = null;
  if (solution) {
    x = new Int32Array(P);
    for (let e = 0; e < P; e++) x[e] = Math.round(solution[e]!);
  }
  return { x, stages, finished: stages.length === 3 && stages.every((s) => s.optimal), columns: numCols, rows: numRows };
}
