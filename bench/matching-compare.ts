/**
 * Where the engine and HiGHS differ, team by team, on one generated city:
 * the diagnosis behind steps F2-F3 (bench/MATCHING-RESULTS.md). Prints both
 * solutions' levels, then each request whose set of volunteers differs, with
 * its demand, weight and the units per volunteer, and the slots and room of
 * the volunteers involved. HiGHS is a development dependency of the benchmark.
 *
 * @example
 * npx tsx bench/matching-compare.ts --size tiny --seed 10 --highs-limit 400
 */
import { parseArgs } from 'node:util';
import { evaluateLevels, solveFlows } from '../server/modules/matching/matching.engine';
import { buildCandidates, compileModel, type CandidateGraph } from '../server/modules/matching/matching.model';
import { generateCity, type SizeName } from './matching-generate';
import { solveWithHighs } from './matching-highs';

const { values } = parseArgs({ options: { size: { type: 'string' }, seed: { type: 'string' }, 'highs-limit': { type: 'string' } } });
const city = generateCity((values.size ?? 'tiny') as SizeName, Number(values.seed ?? 1));
const model = compileModel(city.requests, city.volunteers);
const graph = buildCandidates(model);
const R = model.requests;
const V = model.volunteers;

const engine = solveFlows(model, graph);
console.log('engine', evaluateLevels(model, graph, engine));
const highs = await solveWithHighs(model, graph, Number(values['highs-limit'] ?? 600));
console.log('highs', highs.stages.map((s) => `${s.status} ${s.value} (bound ${s.bound}, ${s.seconds} s)`).join('; '));
if (!highs.x) process.exit(0);
console.log('highs', evaluateLevels(model, graph, highs.x));

const team = (g: CandidateGraph, x: Int32Array, r: number) => {
  const out: Array<{ v: number; units: number }> = [];
  for (let e = g.start[r]!; e < g.start[r + 1]!; e++) if (x[e]! > 0) out.push({ v: g.volunteer[e]!, units: x[e]! });
  return out;
};
const involved = new Set<number>();
for (let r = 0; r < R.n; r++) {
  const a = team(graph, engine, r);
  const b = team(graph, highs.x, r);
  const same = a.length === b.length && a.every((m) => b.some((n) => n.v === m.v));
  if (same) continue;
  for (const m of [...a, ...b]) involved.add(m.v);
  const show = (t: typeof a) => t.map((m) => `v${m.v}:${m.units}`).join(' ');
  console.log(`r${r} demand ${R.demand[r]} weight ${R.weight[r]}: engine [${show(a)}] | highs [${show(b)}]`);
}
for (const v of [...involved].sort((p, q) => p - q)) console.log(`v${v} slots ${V.slots[v]} room ${V.capacity[v]} of ${V.capacityTotal[v]}`);
