/**
 * The baseline that neighbour-help platforms use: first come, first served,
 * nearest helper first. Requests in posting order (longest waiting first);
 * each takes the nearest feasible volunteers that still have room and a free
 * resident slot until its demand is met. Same candidate graph and the same
 * hard rules as the engine, so the difference is the optimisation alone.
 */
import { type CandidateGraph, type CompiledModel } from '../server/modules/matching/matching.model';

export function solveGreedy(model: CompiledModel, graph: CandidateGraph): Int32Array {
  const R = model.requests;
  const V = model.volunteers;
  const x = new Int32Array(graph.nPairs);
  const room = V.capacity.slice();
  const slots = V.slots.slice();
  const order = Array.from({ length: R.n }, (_, i) => i).sort(
    (a, b) => R.source[b]!.waitingDays - R.source[a]!.waitingDays || a - b,
  );
  for (const r of order) {
    let left = R.demand[r]!;
    for (let e = graph.start[r]!; e < graph.start[r + 1]! && left > 0; e++) {
      const v = graph.volunteer[e]!;
      if (room[v]! <= 0 || slots[v]! <= 0) continue;
      const take = Math.min(left, room[v]!);
      x[e] = take;
      room[v] = room[v]! - take;
      slots[v] = slots[v]! - 1;
      left -= take;
    }
  }
  return x;
}
