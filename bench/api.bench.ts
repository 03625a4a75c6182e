/**
 * `npm run bench:api`: the audited read of a person's record, on PGlite and
 * on PostgreSQL, side by side with a bare Hono hello-world, all on loopback
 * in one run. See BENCHMARKS.md for what is measured and how to read it.
 *
 * Per target it measures
 *   (a) maximum throughput: autocannon, closed loop, --connections (10) for --duration;
 *   (b) latency at --rate (200) req/s, twice: autocannon `overallRate` (per-second
 *       bursts) and an open-loop generator that sends one request every 5 ms;
 * each --runs (3) times, the targets interleaved, and reports medians. One
 * JSON line per measurement on stdout, a Markdown table at the end; with
 * --write also the results section of BENCHMARKS.md.
 *
 * @example
 * npm run bench:api                      # full run, about 5 minutes
 * npm run bench:api -- --quick           # smoke run, under a minute
 * npm run bench:api -- --runs 5 --duration 20 --targets hello,postgres
 * BENCH_PG_URL=postgres://me@127.0.0.1/postgres npm run bench:api   # your own server
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../server/demo/demo-data';
import { killAllChildrenNow, machineBusySeconds, startServer, treeCpuSeconds, waitForQuiet, type ChildServer } from './support/child-server';
import { autocannonAtRate, maxThroughput, median, pacedAtRate, type LoadResult, type Target } from './support/load';
import { describeMachine, markdownTable, resultsSection, verdicts, writeResults, type RunSettings, type TargetSummary } from './support/report';
import { startBenchPostgres, type BenchPostgres } from './support/throwaway-postgres';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MUNICIPALITY = 'GM0505';
const ADMIN_EMAIL = 'beheer@dordrecht.example';
/** A demo resident of Dordrecht (server/demo/seed.ts: resident number 1 of GM0505). */
const PERSON_ID = 'b0000000-0000-4000-8000-000505000001';
const TARGET_KEYS = ['hello', 'pglite', 'postgres'] as const;
type TargetKey = (typeof TARGET_KEYS)[number];

const HELP = `Usage: npm run bench:api -- [options]

  --runs N          runs per target and mode (default 3; --quick: 1)
  --duration S      seconds per run (default 10; --quick: 3)
  --warmup S        warm-up seconds per target (default 3; --quick: 1)
  --connections C   connections for the throughput runs and autocannon's rate runs (default 10)
  --rate R          requests per second for the latency runs (default 200)
  --targets LIST    comma-separated subset of hello,pglite,postgres (default all)
  --retries N       repeat a run that other processes disturbed (> 0.3 cores) up to N times (default 2; --quick: 0)
  --quiet-wait S    before each run, wait up to S seconds for other processes to go quiet (default 30; --quick: 5)
  --quick           a short smoke run
  --write           update the results section of BENCHMARKS.md
  --help            this text

PostgreSQL: BENCH_PG_URL (a server where a scratch database may be created)
or, without it, a throwaway PostgreSQL 15 cluster in /tmp, removed afterwards.`;

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      rate: { type: 'string' },
      retries: { type: 'string' },
      'quiet-wait': { type: 'string' },
      targets: { type: 'string' },
      quick: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const int = (name: string, raw: string | undefined, fallback: number, min: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number >= ${min}, got ${raw}`);
    return n;
  };
  const q = values.quick;
  const targets = (values.targets ?? TARGET_KEYS.join(',')).split(',').map((t) => t.trim());
  for (const t of targets) if (!(TARGET_KEYS as readonly string[]).includes(t)) throw new Error(`--targets: unknown target ${t}`);
  return {
    runs: int('runs', values.runs, q ? 1 : 3, 1),
    durationS: int('duration', values.duration, q ? 3 : 10, 1),
    warmupS: int('warmup', values.warmup, q ? 1 : 3, 0),
    connections: int('connections', values.connections, 10, 1),
    rate: int('rate', values.rate, 200, 1),
    retries: int('retries', values.retries, q ? 0 : 2, 0),
    quietWaitS: int('quiet-wait', values['quiet-wait'], q ? 5 : 30, 0),
    /** Cores other processes may use during a run before it counts as disturbed. */
    maxOther: 0.3,
    targets: TARGET_KEYS.filter((k) => targets.includes(k)),
    write: values.write,
  };
}

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const emit = (record: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(record)}\n`);

// --- cleanup, also on error and Ctrl-C ---------------------------------------
const cleanups: Array<() => Promise<void>> = [];
const lastResort: Array<() => void> = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length) {
    const step = cleanups.pop()!;
    await step().catch((err: unknown) => log(`cleanup: ${err instanceof Error ? err.message : String(err)}`));
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping servers`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}
process.on('exit', () => {
  killAllChildrenNow();
  for (const f of lastResort) f();
});

// --- targets -----------------------------------------------------------------
interface Running {
  key: TargetKey;
  label: string;
  server: ChildServer;
  /** Process tree holding the database when it is not the server itself. */
  databasePid: number | null;
  target: Target;
  /** Latest audit sequence number of the municipality (audited targets only). */
  auditSeq?: () => Promise<number>;
}

async function signIn(baseUrl: string): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.includes('samenspel_session='));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  if (!cookie || !csrfToken) throw new Error('sign-in gave no session cookie or CSRF token');
  return { cookie, csrfToken };
}

async function startSamenspel(key: 'pglite' | 'postgres', env: Record<string, string>, databasePid: number | null): Promise<Running> {
  const server = await startServer({
    name: `samenspel (${key})`,
    script: 'server/main.ts',
    cwd: REPO,
    env: { ...env, DEMO_MODE: 'true', LOG_LEVEL: 'warn' },
    dropEnv: ['DATABASE_URL', 'DATA_DIR', 'SMTP_URL', 'PUBLIC_URL', 'TRUST_PROXY', 'NODE_ENV'],
    healthPath: '/api/health',
  });
  cleanups.push(() => server.stop());
  const { cookie, csrfToken } = await signIn(server.baseUrl);
  // A GET needs no CSRF token; it is sent anyway, as a client holding one might.
  const headers = { cookie, 'x-csrf-token': csrfToken, accept: 'application/json' };
  const url = `${server.baseUrl}/api/municipalities/${MUNICIPALITY}/persons/${PERSON_ID}`;
  const check = await fetch(url, { headers });
  const body = (await check.json()) as { id?: string };
  if (check.status !== 200 || body.id !== PERSON_ID) throw new Error(`the audited read does not work: ${check.status} ${JSON.stringify(body)}`);
  const auditSeq = async () => {
    const res = await fetch(`${server.baseUrl}/api/municipalities/${MUNICIPALITY}/audit-events?limit=1`, { headers });
    const page = (await res.json()) as { items: Array<{ seq: number }> };
    return page.items[0]?.seq ?? 0;
  };
  const label = key === 'pglite' ? 'audited read, PGlite' : 'audited read, PostgreSQL';
  return { key, label, server, databasePid, target: { url, headers }, auditSeq };
}

async function startTarget(key: TargetKey, pgHolder: { pg: BenchPostgres | null }): Promise<Running> {
  if (key === 'hello') {
    const server = await startServer({ name: 'hello-world', script: 'bench/hello.server.ts', cwd: REPO, env: {}, healthPath: '/' });
    cleanups.push(() => server.stop());
    return { key, label: 'hello-world (bare Hono)', server, databasePid: null, target: { url: `${server.baseUrl}/`, headers: {} } };
  }
  if (key === 'pglite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'samenspel-bench-pglite-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    lastResort.push(() => rmSync(dataDir, { recursive: true, force: true }));
    return startSamenspel('pglite', { DATA_DIR: path.join(dataDir, 'data') }, null);
  }
  const pg = await startBenchPostgres();
  pgHolder.pg = pg;
  cleanups.push(() => pg.stop());
  lastResort.push(() => pg.stopNow());
  return startSamenspel('postgres', { DATABASE_URL: pg.url }, pg.postmasterPid);
}

// --- measuring ---------------------------------------------------------------
type Mode = 'throughput' | 'autocannon-rate' | 'paced-rate';

interface Measurement {
  result: LoadResult;
  cpuMsPerRequest: { server: number | null; database: number | null; loadGenerator: number };
  /** Cores used by server, database and load generator together. */
  coresBusy: number | null;
  /** Cores used by everything else on the machine meanwhile (other people's work disturbs the figures). */
  otherCoresBusy: number | null;
}

async function measure(r: Running, run: () => Promise<LoadResult>): Promise<Measurement> {
  const server0 = treeCpuSeconds(r.server.pid);
  const db0 = r.databasePid ? treeCpuSeconds(r.databasePid) : null;
  const machine0 = machineBusySeconds();
  const gen0 = process.cpuUsage();
  const wall0 = performance.now();
  const result = await run();
  const wallS = (performance.now() - wall0) / 1000;
  const ended = r.server.exited();
  if (ended) throw new Error(`${r.server.name} stopped during the run (${ended}); the benchmark stops its servers only at the end, so something else ended it:\n${r.server.output()}`);
  const gen = process.cpuUsage(gen0);
  const machine1 = machineBusySeconds();
  const server1 = treeCpuSeconds(r.server.pid);
  const db1 = r.databasePid ? treeCpuSeconds(r.databasePid) : null;
  const perRequest = (seconds: number | null) => (seconds === null || result.ok === 0 ? null : (seconds * 1000) / result.ok);
  const serverS = server0 !== null && server1 !== null ? server1 - server0 : null;
  const dbS = db0 !== null && db1 !== null ? db1 - db0 : null;
  const genS = (gen.user + gen.system) / 1e6;
  const ours = serverS === null ? null : serverS + (dbS ?? 0) + genS;
  return {
    result,
    cpuMsPerRequest: { server: perRequest(serverS), database: perRequest(dbS), loadGenerator: perRequest(genS) ?? Number.NaN },
    coresBusy: ours === null ? null : ours / wallS,
    otherCoresBusy: ours === null || machine0 === null || machine1 === null ? null : Math.max(0, (machine1 - machine0 - ours) / wallS),
  };
}

function runMode(mode: Mode, r: Running, o: ReturnType<typeof options>): Promise<LoadResult> {
  if (mode === 'throughput') return maxThroughput(r.target, o.connections, o.durationS);
  if (mode === 'autocannon-rate') return autocannonAtRate(r.target, o.rate, o.connections, o.durationS);
  return pacedAtRate(r.target, o.rate, o.durationS);
}

const round = (n: number | null, digits = 2) => (n === null || !Number.isFinite(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits);

async function main(): Promise<void> {
  const o = options();
  const machine = describeMachine(REPO);
  const expectedS = o.targets.length * (o.warmupS + 3 * o.runs * o.durationS);
  log(`${o.targets.join(', ')}: ${o.runs} run(s) x ${o.durationS} s x 3 modes, about ${Math.ceil(expectedS / 60)} min of load plus start-up`);
  if (machine.dirty.length) log(`note: uncommitted changes are measured too: ${machine.dirty.join('; ')}`);

  const pgHolder: { pg: BenchPostgres | null } = { pg: null };
  const running: Running[] = [];
  for (const key of o.targets) {
    log(`starting ${key}`);
    running.push(await startTarget(key, pgHolder));
  }
  const seqBefore = new Map<TargetKey, number>();
  for (const r of running) if (r.auditSeq) seqBefore.set(r.key, await r.auditSeq());

  const served = new Map<TargetKey, number>(running.map((r) => [r.key, 0]));
  const count = (r: Running, res: LoadResult) => served.set(r.key, (served.get(r.key) ?? 0) + res.ok);

  for (const r of running) {
    if (o.warmupS === 0) continue;
    log(`warming up ${r.key} for ${o.warmupS} s`);
    count(r, await maxThroughput(r.target, o.connections, o.warmupS));
  }

  const results = new Map<string, Measurement[]>();
  for (const mode of ['throughput', 'autocannon-rate', 'paced-rate'] as const) {
    for (let run = 1; run <= o.runs; run += 1) {
      for (const r of running) {
        // This machine may be shared: wait for a quiet moment, and repeat a run that
        // other processes disturbed anyway; the least disturbed attempt is kept.
        let kept: Measurement | null = null;
        for (let attempt = 1; attempt <= 1 + o.retries; attempt += 1) {
          const before = await waitForQuiet(o.maxOther, o.quietWaitS);
          if (before !== null && before > o.maxOther) log(`other processes keep ${before.toFixed(1)} cores busy; measuring anyway`);
          const m = await measure(r, () => runMode(mode, r, o));
          count(r, m.result);
          const disturbed = (m.otherCoresBusy ?? 0) > o.maxOther;
          emit({
            target: r.key,
            mode,
            run,
            attempt,
            connections: mode === 'paced-rate' ? null : o.connections,
            offeredRate: mode === 'throughput' ? null : o.rate,
            durationS: round(m.result.durationS),
            requestsPerSecond: round(m.result.requestsPerSecond, 1),
            p50Ms: round(m.result.p50Ms),
            p99Ms: round(m.result.p99Ms),
            maxMs: round(m.result.maxMs),
            ok: m.result.ok,
            failed: m.result.failed,
            cpuMsPerRequest: {
              server: round(m.cpuMsPerRequest.server, 3),
              database: round(m.cpuMsPerRequest.database, 3),
              loadGenerator: round(m.cpuMsPerRequest.loadGenerator, 3),
            },
            coresBusy: round(m.coresBusy),
            otherCoresBusy: round(m.otherCoresBusy),
            disturbed,
          });
          if (!kept || (m.otherCoresBusy ?? 0) < (kept.otherCoresBusy ?? 0)) kept = m;
          if (!disturbed) break;
          if (attempt <= o.retries) log(`${r.key} ${mode} run ${run} was disturbed (${(m.otherCoresBusy ?? 0).toFixed(2)} other cores busy): repeating`);
        }
        const m = kept!;
        const key = `${r.key}:${mode}`;
        results.set(key, [...(results.get(key) ?? []), m]);
        if (m.result.failed > 0) log(`warning: ${m.result.failed} failed requests on ${r.key} (${mode})`);
      }
    }
  }

  const notes: string[] = [];
  const others = [...results.values()].flat().map((m) => m.otherCoresBusy).filter((v): v is number => v !== null);
  if (others.length) {
    const worst = Math.max(...others);
    notes.push(
      `Other processes on the machine used at most ${worst.toFixed(2)} cores during a kept run (median ${median(others).toFixed(2)}); ${worst > o.maxOther ? 'some runs stayed disturbed after their retries: treat the figures with care' : 'no kept run was disturbed'}.`,
    );
  }
  for (const r of running) {
    if (!r.auditSeq) continue;
    const written = (await r.auditSeq()) - (seqBefore.get(r.key) ?? 0) - 1;
    const reads = served.get(r.key) ?? 0;
    emit({ target: r.key, check: 'audit-events', successfulReadsCounted: reads, auditEventsWritten: written });
    notes.push(
      `${r.label}: ${written.toLocaleString('en-US')} audit events written for ${reads.toLocaleString('en-US')} successful reads counted by the load generators (a few more events than reads: requests still in flight when a run stopped).`,
    );
  }

  const summaries: TargetSummary[] = running.map((r) => {
    const get = (mode: Mode) => results.get(`${r.key}:${mode}`) ?? [];
    const t = get('throughput');
    const ac = get('autocannon-rate');
    const pc = get('paced-rate');
    const med = (ms: Measurement[], pick: (m: Measurement) => number | null) => {
      const values = ms.map(pick).filter((v): v is number => v !== null && Number.isFinite(v));
      return values.length ? median(values) : null;
    };
    return {
      key: r.key,
      label: r.label,
      throughput: { rps: med(t, (m) => m.result.requestsPerSecond)!, p50Ms: med(t, (m) => m.result.p50Ms)!, p99Ms: med(t, (m) => m.result.p99Ms)! },
      autocannonRate: ac.length ? { rps: med(ac, (m) => m.result.requestsPerSecond)!, p99Ms: med(ac, (m) => m.result.p99Ms)! } : null,
      paced: pc.length ? { rps: med(pc, (m) => m.result.requestsPerSecond)!, p50Ms: med(pc, (m) => m.result.p50Ms)!, p99Ms: med(pc, (m) => m.result.p99Ms)! } : null,
      cpuMsPerRequest: {
        server: med(t, (m) => m.cpuMsPerRequest.server),
        database: r.databasePid ? med(t, (m) => m.cpuMsPerRequest.database) : null,
        loadGenerator: med(t, (m) => m.cpuMsPerRequest.loadGenerator) ?? Number.NaN,
      },
      coresBusy: med(t, (m) => m.coresBusy),
    };
  });
  for (const s of summaries) emit({ summary: s.key, ...s });

  const pg = pgHolder.pg;
  const settings: RunSettings = {
    runs: o.runs,
    durationS: o.durationS,
    warmupS: o.warmupS,
    connections: o.connections,
    rate: o.rate,
    postgres: pg
      ? `${pg.settings.server_version} (${pg.origin}), fsync=${pg.settings.fsync}, synchronous_commit=${pg.settings.synchronous_commit}, full_page_writes=${pg.settings.full_page_writes}, wal_sync_method=${pg.settings.wal_sync_method}, shared_buffers=${pg.settings.shared_buffers}; pool of 10 connections (server/db/client.ts default)`
      : 'not measured',
  };
  console.log(`\n${markdownTable(summaries, settings)}\n`);
  for (const v of verdicts(summaries, o.rate)) console.log(`- ${v}`);
  if (o.write) {
    writeResults(path.join(REPO, 'BENCHMARKS.md'), resultsSection(summaries, settings, machine, notes));
    log('BENCHMARKS.md results section updated');
  }
}

main()
  .catch((err: unknown) => {
    log(`failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    process.exit();
  });
