/**
 * The benchmark's summary: medians per target, the Markdown table, the
 * machine it ran on, and (with --write) the results section of BENCHMARKS.md
 * between its two marker comments. Nothing outside the markers is touched.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export const RESULTS_BEGIN = '<!-- bench:results:begin -->';
export const RESULTS_END = '<!-- bench:results:end -->';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  date: string;
  commit: string;
  /** Uncommitted changes to tracked files under server/ or shared/ when the run was made (they are measured too). */
  dirty: string[];
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return '';
  }
}

export function describeMachine(repo: string): Machine {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.split(':')[1]!.trim();
  } catch {
    // not Linux
  }
  return {
    cores: os.availableParallelism(),
    cpuModel,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    commit: git(['rev-parse', '--short', 'HEAD'], repo) || 'unknown',
    dirty: git(['status', '--porcelain', '--untracked-files=no', '--', 'server', 'shared', 'package.json', 'package-lock.json'], repo)
      .split('\n')
      .filter(Boolean),
  };
}

/** Medians over the runs of one target. */
export interface TargetSummary {
  key: string;
  label: string;
  throughput: { rps: number; p50Ms: number; p99Ms: number };
  autocannonRate: { rps: number; p99Ms: number } | null;
  paced: { rps: number; p50Ms: number; p99Ms: number } | null;
  /** CPU milliseconds per request during the throughput runs. */
  cpuMsPerRequest: { server: number | null; database: number | null; loadGenerator: number };
  /** Cores kept busy (server + database + load generator) during the throughput runs. */
  coresBusy: number | null;
}

export interface RunSettings {
  runs: number;
  durationS: number;
  warmupS: number;
  connections: number;
  rate: number;
  postgres: string;
}

const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const f1 = (n: number | null | undefined) => (n !== null && n !== undefined && Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const f2 = (n: number | null | undefined) => (n !== null && n !== undefined && Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const pct = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(1)} %` : 'n/a');

export function markdownTable(rows: TargetSummary[], s: RunSettings): string {
  const hello = rows.find((r) => r.key === 'hello')?.throughput.rps ?? Number.NaN;
  const head = [
    `| target | req/s, ${s.connections} connections | vs hello-world | p50 / p99 at that load (ms) | p99 at ${s.rate} req/s, autocannon \`overallRate\` (ms) | p99 at ${s.rate} req/s, paced (ms) | CPU ms per request: server / database / load generator | cores busy |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const body = rows.map((r) => {
    const ac = r.autocannonRate ? `${f1(r.autocannonRate.p99Ms)} (at ${f0(r.autocannonRate.rps)} req/s)` : 'n/a';
    const paced = r.paced ? `${f1(r.paced.p99Ms)} (p50 ${f1(r.paced.p50Ms)}, at ${f0(r.paced.rps)} req/s)` : 'n/a';
    const cpu = `${f2(r.cpuMsPerRequest.server)} / ${r.cpuMsPerRequest.database === null ? '(in server)' : f2(r.cpuMsPerRequest.database)} / ${f2(r.cpuMsPerRequest.loadGenerator)}`;
    const ratio = r.key === 'hello' ? '100 %' : pct(r.throughput.rps / hello);
    return `| ${r.label} | ${f0(r.throughput.rps)} | ${ratio} | ${f1(r.throughput.p50Ms)} / ${f1(r.throughput.p99Ms)} | ${ac} | ${paced} | ${cpu} | ${f1(r.coresBusy)} |`;
  });
  return [...head, ...body].join('\n');
}

/** The aims from the issue, checked on PostgreSQL. */
export function verdicts(rows: TargetSummary[], rate: number): string[] {
  const hello = rows.find((r) => r.key === 'hello');
  const out: string[] = [];
  for (const r of rows.filter((x) => x.key !== 'hello')) {
    if (hello) {
      const ratio = r.throughput.rps / hello.throughput.rps;
      out.push(`${r.label}: throughput ${pct(ratio)} of hello-world (aim >= 30 %): ${ratio >= 0.3 ? 'met' : 'NOT met'}`);
    }
    if (r.paced) out.push(`${r.label}: p99 ${f1(r.paced.p99Ms)} ms at a steady ${rate} req/s (aim < 25 ms): ${r.paced.p99Ms < 25 ? 'met' : 'NOT met'}`);
    if (r.autocannonRate) {
      out.push(`${r.label}: p99 ${f1(r.autocannonRate.p99Ms)} ms at ${rate} req/s in autocannon's per-second bursts (aim < 25 ms): ${r.autocannonRate.p99Ms < 25 ? 'met' : 'NOT met'}`);
    }
  }
  return out;
}

export function resultsSection(rows: TargetSummary[], s: RunSettings, m: Machine, notes: string[]): string {
  const dirty = m.dirty.length ? ` (with uncommitted changes to ${m.dirty.map((l) => l.slice(3)).join(', ')})` : '';
  return [
    RESULTS_BEGIN,
    `Measured ${m.date} on commit \`${m.commit}\`${dirty}, by \`npm run bench:api -- --write\`.`,
    '',
    `- Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB memory, Node ${m.node}; load generator, servers and PostgreSQL share these cores.`,
    `- Runs: median of ${s.runs} runs of ${s.durationS} s per target and mode, after ${s.warmupS} s of warm-up; runs of the targets interleaved.`,
    `- PostgreSQL: ${s.postgres}.`,
    '',
    markdownTable(rows, s),
    '',
    ...verdicts(rows, s.rate).map((v) => `- ${v}`),
    ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
    RESULTS_END,
  ].join('\n');
}

/**
 * Replaces a results section of BENCHMARKS.md (by default the API one) between its markers;
 * `section` must start and end with them. Fails if the markers are missing.
 */
export function writeResults(file: string, section: string, begin = RESULTS_BEGIN, end = RESULTS_END): void {
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${file} has no ${begin} ... ${end} section to replace`);
  writeFileSync(file, text.slice(0, a) + section + text.slice(b + end.length));
}
