/**
 * `npm run bench:matching`: the matching engine against the nearest-first
 * greedy baseline and against the exact optimum from HiGHS, on synthetic
 * cities over real PC4 areas (bench/matching-generate.ts; Bron: CBS; © CBS,
 * © ESRI Nederland). See bench/MATCHING-RESULTS.md for the figures.
 *
 * Every (size, solver) runs in its own child process, so `peakMiB` (maxRSS of
 * that process: Node itself, the generated city, the solver) belongs to one
 * solver. `ms` is the solver's wall time from the plain input to the result,
 * candidate search included; generating the city is not timed. Before each
 * child the script waits while another benchmark (autocannon, bench:api) runs
 * on this machine, so neither disturbs the other.
 *
 * Output: one JSON object per line per instance and solver, then one
 * `compare` line per size (engine against HiGHS and greedy).
 *
 * @example
 * npm run bench:matching                          # small, medium, city
 * npm run bench:matching -- --size small          # one size
 * npm run bench:matching -- --size region --highs-limit 600
 * npm run bench:matching -- --size city --solvers engine,greedy
 */
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildResult, solve } from '../server/modules/matching/matching.engine';
import { buildCandidates, compileModel } from '../server/modules/matching/matching.model';
import { createMatchingState, proposeForRequest, proposeForVolunteer } from '../server/modules/matching/matching.propose';
import { solutionViolations } from '../server/modules/matching/matching.test-support';
import type { MatchResult } from '../server/modules/matching/matching.types';
import { SIZES, generateCity, type SizeName } from './matching-generate';
import { solveGreedy } from './matching-greedy';
import { solveWithHighs } from './matching-highs';

const SOLVERS = ['engine', 'greedy', 'highs'] as const;
type Solver = (typeof SOLVERS)[number];

const HELP = `Usage: npm run bench:matching -- [options]

  --size LIST         comma-separated sizes: tiny, small, medium, city, region (default small,medium,city)
  --solvers LIST      comma-separated: engine, greedy, highs (default all)
  --highs-limit S     HiGHS time limit per instance in seconds, all three stages together (default 600)
  --seed N            city seed (default 1)
  --queries N         incremental proposals timed per instance (default 1000)
  --help              this text`;

function peakMiB(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

function metrics(result: MatchResult) {
  const t = result.totals;
  return {
    servedDemand: t.servedSessions,
    requestedDemand: t.requestedSessions,
    servedShare: Math.round((t.servedSessions / Math.max(1e-9, t.requestedSessions)) * 10000) / 10000,
    weightedServed: t.weightedServed,
    fullyServedRequests: t.fullyServedRequests,
    totalKm: t.totalKm,
    meanVolunteersPerRequest: Math.round(t.meanVolunteersPerRequest * 10000) / 10000,
    teamCost: t.objective.teamCost,
    travelCost: t.objective.travelCost,
    assignments: result.assignments.length,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function child(size: SizeName, solver: Solver, seed: number, highsLimit: number, queries: number): Promise<void> {
  const city = generateCity(size, seed);
  const baseMiB = peakMiB();
  const line: Record<string, unknown> = { size, solver, requests: city.requests.length, volunteers: city.volunteers.length, seed };
  const t0 = performance.now();
  let result: MatchResult;
  if (solver === 'engine') {
    result = solve({ requests: city.requests, volunteers: city.volunteers });
    line.ms = Math.round(performance.now() - t0);
  } else {
    const model = compileModel(city.requests, city.volunteers);
    const graph = buildCandidates(model);
    line.pairs = graph.nPairs;
    if (solver === 'greedy') {
      result = buildResult(model, graph, solveGreedy(model, graph));
      line.ms = Math.round(performance.now() - t0);
    } else {
      const outcome = await solveWithHighs(model, graph, highsLimit);
      line.ms = Math.round(performance.now() - t0);
      line.finished = outcome.finished;
      line.stages = outcome.stages;
      line.columns = outcome.columns;
      line.rows = outcome.rows;
      if (!outcome.x) {
        line.peakMiB = peakMiB();
        line.baseMiB = baseMiB;
        console.log(JSON.stringify(line));
        return;
      }
      result = buildResult(model, graph, outcome.x);
    }
  }
  line.peakMiB = peakMiB();
  line.baseMiB = baseMiB;
  Object.assign(line, metrics(result));
  line.violations = solutionViolations(city.requests, city.volunteers, result.assignments).length;
  if (solver === 'engine' && queries > 0) {
    // Incremental: new requests and offers from a city with another seed, against the matched state.
    const state = createMatchingState({ requests: city.requests, volunteers: city.volunteers }, result);
    const fresh = generateCity(size, seed + 1000);
    const times: number[] = [];
    for (let i = 0; i < queries; i++) {
      const request = { ...fresh.requests[i % fresh.requests.length]!, id: `new-r${i}` };
      const s = performance.now();
      proposeForRequest(state, request, 5);
      times.push(performance.now() - s);
    }
    const vTimes: number[] = [];
    for (let i = 0; i < queries; i++) {
      const volunteer = { ...fresh.volunteers[i % fresh.volunteers.length]!, id: `new-v${i}` };
      const s = performance.now();
      proposeForVolunteer(state, volunteer, 5);
      vTimes.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    vTimes.sort((a, b) => a - b);
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    line.incrementalMsP50 = r3(percentile(times, 50));
    line.incrementalMsP99 = r3(percentile(times, 99));
    line.incrementalVolunteerMsP99 = r3(percentile(vTimes, 99));
    line.peakMiBWithState = peakMiB();
  }
  console.log(JSON.stringify(line));
}

function otherBenchmarkRunning(): boolean {
  try {
    const out = execFileSync('pgrep', ['-fa', 'autocannon|api.bench'], { encoding: 'utf8' });
    return out.split('\n').some((l) => l.trim().length > 0 && !l.includes('pgrep'));
  } catch {
    return false;
  }
}

async function waitForQuietMachine(): Promise<void> {
  let announced = false;
  while (otherBenchmarkRunning()) {
    if (!announced) console.error('another benchmark is running; waiting until it ends');
    announced = true;
    await new Promise((r) => setTimeout(r, 10_000));
  }
}

function runChild(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const script = fileURLToPath(import.meta.url);
    const proc = spawn(process.execPath, [...process.execArgv, '--max-old-space-size=4096', script, '--child', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? out.trim() : JSON.stringify({ args, error: `exit ${code}`, partial: out.trim() }));
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', multiple: true },
      solvers: { type: 'string' },
      'highs-limit': { type: 'string' },
      seed: { type: 'string' },
      queries: { type: 'string' },
      child: { type: 'boolean' },
      solver: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const sizes = (values.size ?? ['small,medium,city']).flatMap((s) => s.split(',')).filter(Boolean) as SizeName[];
  for (const s of sizes) if (!(s in SIZES)) throw new Error(`unknown size ${s}`);
  const seed = Number(values.seed ?? 1);
  const highsLimit = Number(values['highs-limit'] ?? 600);
  const queries = Number(values.queries ?? 1000);
  if (values.child) {
    await child(sizes[0]!, values.solver as Solver, seed, highsLimit, queries);
    return;
  }
  const solvers = (values.solvers ?? SOLVERS.join(',')).split(',') as Solver[];
  for (const size of sizes) {
    const lines: Record<string, Record<string, unknown>> = {};
    for (const solver of solvers) {
      await waitForQuietMachine();
      const out = await runChild(['--size', size, '--solver', solver, '--seed', String(seed), '--highs-limit', String(highsLimit), '--queries', String(queries)], (highsLimit + 300) * 1000);
      console.log(out);
      try {
        lines[solver] = JSON.parse(out.split('\n').pop()!);
      } catch {
        /* reported above */
      }
    }
    const e = lines.engine;
    if (e) {
      const cmp: Record<string, unknown> = { size, solver: 'compare' };
      const h = lines.highs;
      if (h && typeof h.servedDemand === 'number') {
        const stages = (h.stages as Array<{ optimal: boolean; value: number; bound: number }>) ?? [];
        cmp.highsFinished = h.finished;
        cmp.servedEqualHighs = e.servedDemand === h.servedDemand;
        cmp.weightedServedEngine = e.weightedServed;
        cmp.weightedServedHighs = h.weightedServed;
        cmp.teamCostEngine = e.teamCost;
        cmp.teamCostHighs = h.teamCost;
        cmp.teamGapPct = Math.round(((Number(e.teamCost) - Number(h.teamCost)) / Math.max(1, Number(h.teamCost))) * 10000) / 100;
        cmp.travelCostEngine = e.travelCost;
        cmp.travelCostHighs = h.travelCost;
        cmp.travelGapPct = Math.round(((Number(e.travelCost) - Number(h.travelCost)) / Math.max(1, Number(h.travelCost))) * 10000) / 100;
        if (stages[0]) cmp.weightedServedUpperBound = stages[0].bound / 10;
        if (stages[1]) cmp.teamCostLowerBound = stages[1].bound;
      }
      const g = lines.greedy;
      if (g && typeof g.servedDemand === 'number') {
        cmp.servedEngine = e.servedDemand;
        cmp.servedGreedy = g.servedDemand;
        cmp.servedGainOverGreedyPct = Math.round(((Number(e.servedDemand) - Number(g.servedDemand)) / Math.max(1e-9, Number(g.servedDemand))) * 10000) / 100;
      }
      console.log(JSON.stringify(cmp));
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
