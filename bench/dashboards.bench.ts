/**
 * `npm run bench:dashboards`: the outcome dashboards (issue 6) at the size of
 * a region. One municipality (Dordrecht, GM0505) gets a synthetic history of
 * a million residents (server/demo/history.ts) spread over every postcode
 * area of Zuid-Holland; then the refresh (all metrics recomputed into cells)
 * and the dashboard views are timed, the views as the demo policy officer
 * through the app role under row-level security, as the API serves them.
 * See BENCHMARKS.md ("Outcome dashboards") for what is measured.
 *
 * One JSON line per measurement on stdout, a Markdown summary at the end;
 * with --write also the dashboards section of BENCHMARKS.md.
 *
 * @example
 * npm run bench:dashboards                 # a million residents, 5 runs per view
 * npm run bench:dashboards -- --quick      # 20,000 residents, a smoke run
 * npm run bench:dashboards -- --keep       # leave the database running for EXPLAIN
 * BENCH_PG_URL=postgres://me@127.0.0.1/postgres npm run bench:dashboards
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { ROLES, type Role } from '../shared/roles';
import { loadConfig } from '../server/config';
import type { TenantContext } from '../server/core/context';
import { createLogger } from '../server/core/logger';
import { openDatabase, queryRows, type Database, type Queryable } from '../server/db/client';
import { inTenant } from '../server/db/tenant-scope';
import type { Deps } from '../server/http/env';
import { outboxMailer } from '../server/mail/mailer';
import { DEMO_MUNICIPALITIES } from '../server/demo/demo-data';
import { generateHistory } from '../server/demo/history';
import { loadDemoData } from '../server/demo/seed';
import { findMembershipByCode } from '../server/modules/auth/auth.repository';
import { areasOfProvince } from '../server/modules/geo/pc4';
import { listCategories } from '../server/modules/neighbour-help/neighbour-help.repository';
import { quarterLabel, readDashboard, recompute, shiftQuarter, type DashboardQuery } from '../server/modules/dashboards/dashboards.service';
import { median } from './support/load';
import { describeMachine, writeResults, type Machine } from './support/report';
import { startBenchPostgres, type BenchPostgres } from './support/throwaway-postgres';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DASHBOARDS_BEGIN = '<!-- bench:dashboards:begin -->';
export const DASHBOARDS_END = '<!-- bench:dashboards:end -->';
const MUNICIPALITY = DEMO_MUNICIPALITIES.find((m) => m.cbsCode === 'GM0505')!;
const PROVINCE = 'Zuid-Holland';
const AIM_MS = 300;
/** Synthetic organisations and professionals added as coordinators (plus the demo's two). */
const SYNTHETIC_ORGANISATIONS = 10;
const PROFESSIONALS_PER_ORGANISATION = 3;
const DOMAINS = ['finances', 'social_network', 'mental_health', 'housing', 'daytime_activities', 'work_education', 'physical_health'];
const TABLES = [
  'persons',
  'role_assignments',
  'help_requests',
  'help_request_stalls',
  'resident_files',
  'household_plan_versions',
  'outcome_measurements',
  'outcome_scores',
  'goal_attainments',
  'network_members',
  'meetups',
  'meetup_signups',
  'dashboard_cells',
] as const;

const HELP = `Usage: npm run bench:dashboards -- [options]

  --residents N         residents in the synthetic history (default 1000000; --quick: 20000)
  --max-measurements N  professional measurements per plan: 2 up to N, capped by the plan's age (default 16)
  --file-share F        share of residents with a household plan, 0..1 (default 1)
  --quarters N          quarters of history (default 8)
  --runs N              timed runs per view, after one warm-up (default 5; --quick: 3)
  --quick               a smoke run: 20,000 residents
  --keep                leave the throwaway database running at the end (prints how to reach and stop it)
  --write               update the dashboards section of BENCHMARKS.md
  --help                this text

PostgreSQL: BENCH_PG_URL (a server where a scratch database may be created)
or, without it, a throwaway PostgreSQL 15 cluster in /tmp, removed afterwards.`;

function options() {
  const { values } = parseArgs({
    options: {
      residents: { type: 'string' },
      'max-measurements': { type: 'string' },
      'file-share': { type: 'string' },
      quarters: { type: 'string' },
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
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
  const share = values['file-share'] === undefined ? 1 : Number(values['file-share']);
  if (!(share >= 0 && share <= 1)) throw new Error(`--file-share must be between 0 and 1, got ${values['file-share']}`);
  const q = values.quick;
  return {
    residents: int('residents', values.residents, q ? 20_000 : 1_000_000, 100),
    maxMeasurements: int('max-measurements', values['max-measurements'], 16, 2),
    fileShare: share,
    quarters: int('quarters', values.quarters, 8, 2),
    runs: int('runs', values.runs, q ? 3 : 5, 1),
    keep: values.keep,
    write: values.write,
  };
}

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const emit = (record: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(record)}\n`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The uuid PostgreSQL makes of `md5(text)::uuid`. */
function md5Uuid(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A Queryable that reports how long each statement of the generator takes. */
function timed(q: Queryable, onStatement: (index: number, ms: number) => void): Queryable {
  let index = 0;
  return new Proxy(q, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver) as unknown;
      return async (query: Parameters<Queryable['execute']>[0]) => {
        const started = performance.now();
        const result = await target.execute(query);
        onStatement((index += 1), performance.now() - started);
        return result;
      };
    },
  });
}

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
    log(`${signal}: stopping`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}
process.on('exit', () => {
  for (const f of lastResort) f();
});

// --- the synthetic region ----------------------------------------------------
interface Generated {
  ms: number;
  statements: Array<{ step: number; ms: number }>;
  areas: number;
  coordinators: number;
  organisations: number;
}

/** Extra synthetic organisations, each with a few professionals who coordinate plans. */
async function addSyntheticProfessionals(db: Database['db'], at: Date): Promise<Array<{ personId: string; organisationId: string }>> {
  const t = MUNICIPALITY.id;
  const out: Array<{ personId: string; organisationId: string }> = [];
  for (let o = 1; o <= SYNTHETIC_ORGANISATIONS; o += 1) {
    const organisationId = md5Uuid(`bench:org:${o}`);
    await db.execute(sql`insert into organisations (tenant_id, id, name, kind)
      values (${t}, ${organisationId}, ${`Synthetische organisatie ${o} (bench)`}, ${['care_provider', 'welfare_organisation', 'housing_corporation', 'other'][o % 4]!})`);
    for (let p = 1; p <= PROFESSIONALS_PER_ORGANISATION; p += 1) {
      const personId = md5Uuid(`bench:professional:${o}.${p}`);
      await db.execute(sql`insert into persons (tenant_id, id, given_name, family_name, created_at, updated_at)
        values (${t}, ${personId}, 'Professional', ${`Synthetisch ${o}.${p}`}, ${at}, ${at})`);
      await db.execute(sql`insert into role_assignments (tenant_id, person_id, role, organisation_id, granted_at)
        values (${t}, ${personId}, 'professional', ${organisationId}, ${at})`);
      out.push({ personId, organisationId });
    }
  }
  return out;
}

async function generate(db: Database['db'], o: ReturnType<typeof options>, at: Date): Promise<Generated> {
  const started = performance.now();
  log('loading the base demo data');
  await loadDemoData(db, () => at);
  const staff = (localPart: string) => MUNICIPALITY.staff.find((s) => s.localPart === localPart)!;
  const orgOf = (s: ReturnType<typeof staff>) => MUNICIPALITY.organisations[s.organisationIndex!]!.id;
  const demoCoordinators = [staff('sociaalwerker'), staff('professional')].map((s) => ({ personId: s.id, organisationId: orgOf(s) }));
  const synthetic = await addSyntheticProfessionals(db, at);
  const coordinators = [...demoCoordinators, ...synthetic];
  const firstPerOrganisation = new Map<string, string>();
  for (const c of coordinators) if (!firstPerOrganisation.has(c.organisationId)) firstPerOrganisation.set(c.organisationId, c.personId);
  const categories = await listCategories(db, MUNICIPALITY.id);
  const areas = areasOfProvince(PROVINCE).map((a) => a.pc4);
  log(`generating ${f0(o.residents)} residents over ${areas.length} areas of ${PROVINCE}, ${coordinators.length} coordinators in ${firstPerOrganisation.size} organisations`);
  const statements: Array<{ step: number; ms: number }> = [];
  await generateHistory(
    timed(db, (step, ms) => {
      statements.push({ step, ms });
      emit({ phase: 'generate', statement: step, ms: round(ms) });
      log(`generator statement ${step}: ${seconds(ms)}`);
    }),
    {
      tenantId: MUNICIPALITY.id,
      seed: 'bench-dashboards',
      residents: o.residents,
      fileShare: o.fileShare,
      maxMeasurements: o.maxMeasurements,
      quarters: o.quarters,
      now: at,
      areas,
      categoryIds: categories.map((c) => c.id),
      coordinators,
      meetupOrganisations: [...firstPerOrganisation].map(([organisationId, createdByPersonId]) => ({ organisationId, createdByPersonId })),
      domains: DOMAINS,
    },
  );
  return { ms: performance.now() - started, statements, areas: areas.length, coordinators: coordinators.length, organisations: firstPerOrganisation.size };
}

async function rowCounts(db: Database['db']): Promise<Array<{ table: string; rows: number; mib: number }>> {
  const out: Array<{ table: string; rows: number; mib: number }> = [];
  for (const table of TABLES) {
    const [row] = await queryRows<{ rows: number; bytes: string }>(
      db,
      sql`select (select count(*)::int from ${sql.identifier(table)} where tenant_id = ${MUNICIPALITY.id}) as rows,
                 pg_total_relation_size(${table}::regclass)::text as bytes`,
    );
    out.push({ table, rows: row?.rows ?? 0, mib: Number(row?.bytes ?? 0) / 2 ** 20 });
  }
  return out;
}

/** The caller's context, built from the database as the API's tenant resolver does. */
async function policyOfficerContext(db: Database['db'], at: Date): Promise<TenantContext> {
  const officer = MUNICIPALITY.staff.find((s) => s.localPart === 'beleid')!;
  const accountId = officer.id.replace(/^a/, 'c');
  const rows = await findMembershipByCode(db, accountId, MUNICIPALITY.cbsCode);
  const first = rows[0];
  if (!first?.personId) throw new Error('the demo policy officer has no person record in the municipality');
  const roles = rows.map((r) => r.role).filter((r): r is Role => r !== null && (ROLES as readonly string[]).includes(r));
  const organisationIds = rows.map((r) => r.organisationId).filter((id): id is string => id !== null);
  return {
    requestId: 'bench:dashboards',
    locale: 'nl',
    now: () => at,
    actor: { accountId, personId: first.personId, roles, organisationIds },
    tenant: { id: first.municipalityId, code: MUNICIPALITY.cbsCode, name: first.name },
  };
}

// --- the report --------------------------------------------------------------
interface ViewResult {
  view: string;
  query: DashboardQuery;
  runs: number[];
  medianMs: number;
  maxMs: number;
}

interface Summary {
  o: ReturnType<typeof options>;
  generated: Generated;
  counts: Array<{ table: string; rows: number; mib: number }>;
  analyzeMs: number;
  refresh: { ms: number; cells: number; metrics: Array<{ metric: string; ms: number }> };
  views: ViewResult[];
  postgres: string;
}

function markdown(s: Summary): string {
  const measurements = s.counts.find((c) => c.table === 'outcome_measurements')?.rows ?? 0;
  const metricsMs = s.refresh.metrics.reduce((a, m) => a + m.ms, 0);
  return [
    `| view (as the policy officer, through the app role and RLS) | median (ms) | max (ms) | aim < ${AIM_MS} ms |`,
    '| --- | ---: | ---: | :---: |',
    ...s.views.map((v) => `| ${v.view} | ${round(v.medianMs)} | ${round(v.maxMs)} | ${v.medianMs < AIM_MS ? 'met' : '**NOT met**'} |`),
    '',
    `| refresh step | time |`,
    '| --- | ---: |',
    ...s.refresh.metrics.map((m) => `| metric \`${m.metric}\` | ${seconds(m.ms)} |`),
    `| suppression, refresh record and commit | ${seconds(s.refresh.ms - metricsMs)} |`,
    `| **whole refresh** (${f0(s.refresh.cells)} cells) | **${seconds(s.refresh.ms)}** |`,
    '',
    `| table (GM0505) | rows | size incl. indexes (MiB) |`,
    '| --- | ---: | ---: |',
    ...s.counts.map((c) => `| ${c.table} | ${f0(c.rows)} | ${f0(c.mib)} |`),
    '',
    `Generated: ${f0(s.o.residents)} residents, ${f0(measurements)} outcome measurements, ${s.o.quarters} quarters, ${s.generated.areas} PC4 areas, ` +
      `${s.generated.coordinators} coordinators in ${s.generated.organisations} organisations, in ${seconds(s.generated.ms)} (base demo data included); ANALYZE ${seconds(s.analyzeMs)}.`,
  ].join('\n');
}

function resultsSection(s: Summary, m: Machine): string {
  const dirty = m.dirty.length ? ` (with uncommitted changes to ${m.dirty.map((l) => l.slice(3)).join(', ')})` : '';
  const o = s.o;
  return [
    DASHBOARDS_BEGIN,
    `Measured ${m.date} on commit \`${m.commit}\`${dirty}, by \`npm run bench:dashboards -- --write\`.`,
    '',
    `- Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB memory, Node ${m.node}; shared with other sessions' test suites during the run.`,
    `- Data: \`generateHistory\` for Dordrecht (GM0505) with residents ${f0(o.residents)}, fileShare ${o.fileShare}, maxMeasurements ${o.maxMeasurements}, quarters ${o.quarters}, every PC4 area of ${PROVINCE}, the demo's help categories, ${s.generated.coordinators} coordinators in ${s.generated.organisations} organisations.`,
    `- Views: median and maximum of ${o.runs} runs each after one warm-up, each a whole \`readDashboard\` call (its transaction, the filter lists, the summed cells and the audit event).`,
    `- PostgreSQL: ${s.postgres}.`,
    '',
    markdown(s),
    DASHBOARDS_END,
  ].join('\n');
}

// --- main --------------------------------------------------------------------
async function main(): Promise<void> {
  const o = options();
  const machine = describeMachine(REPO);
  if (machine.dirty.length) log(`note: uncommitted changes are measured too: ${machine.dirty.join('; ')}`);
  // Loading settings only: more WAL between checkpoints while the history is written.
  // They do not change how the refresh or a view is planned.
  const pg: BenchPostgres = await startBenchPostgres({ serverSettings: { max_wal_size: '8GB', checkpoint_timeout: '30min' } });
  if (o.keep) {
    log(`--keep: the database stays at ${pg.url}${pg.dataDir ? `; stop it with pg_ctl -D ${pg.dataDir} stop (as postgres) and remove ${path.dirname(pg.dataDir)}` : ''}`);
  } else {
    cleanups.push(() => pg.stop());
    lastResort.push(() => pg.stopNow());
  }
  const database = await openDatabase({ databaseUrl: pg.url });
  cleanups.push(() => database.close());
  await database.migrate();
  const db = database.db;
  const at = new Date();

  const generated = await generate(db, o, at);
  emit({ phase: 'generate', totalMs: round(generated.ms), residents: o.residents });
  log(`generated in ${seconds(generated.ms)}; ANALYZE`);
  const a0 = performance.now();
  await db.execute(sql`analyze`);
  const analyzeMs = performance.now() - a0;
  emit({ phase: 'analyze', ms: round(analyzeMs) });

  log('refreshing the dashboards');
  const metrics: Array<{ metric: string; ms: number }> = [];
  const r0 = performance.now();
  const cells = await inTenant(db, MUNICIPALITY.id, (tx) =>
    recompute(tx, MUNICIPALITY.id, at, (metric, ms) => {
      metrics.push({ metric, ms });
      emit({ phase: 'refresh', metric, ms: round(ms) });
      log(`metric ${metric}: ${seconds(ms)}`);
    }),
  );
  const refreshMs = performance.now() - r0;
  emit({ phase: 'refresh', totalMs: round(refreshMs), cells });

  const counts = await rowCounts(db);
  for (const c of counts) emit({ phase: 'rows', ...c, mib: round(c.mib) });

  const deps: Deps = {
    config: loadConfig({ DATABASE_URL: pg.url, LOG_LEVEL: 'silent' }),
    database,
    mailer: outboxMailer(db, () => at),
    logger: createLogger('silent'),
    now: () => at,
  };
  const ctx = await policyOfficerContext(db, at);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(at);
  const organisation = MUNICIPALITY.organisations[0]!;
  const views: Array<{ view: string; query: DashboardQuery }> = [
    { view: 'total, default period (last 4 quarters)', query: {} },
    { view: `total, all ${o.quarters} quarters`, query: { from: quarterLabel(shiftQuarter(today, -(o.quarters - 1))), to: quarterLabel(shiftQuarter(today, 0)) } },
    { view: 'one PC4 area (3311)', query: { pc4: '3311' } },
    { view: 'one help category (company)', query: { category: 'company' } },
    { view: `one organisation (${organisation.name})`, query: { organisation: organisation.id } },
  ];
  const results: ViewResult[] = [];
  for (const v of views) {
    const warm = await readDashboard(deps, ctx, v.query);
    if (warm.refreshedAt === null) throw new Error(`view ${v.view}: no refresh recorded`);
    const runs: number[] = [];
    for (let run = 1; run <= o.runs; run += 1) {
      const t0 = performance.now();
      await readDashboard(deps, ctx, v.query);
      const ms = performance.now() - t0;
      runs.push(ms);
      emit({ phase: 'view', view: v.view, query: v.query, run, ms: round(ms) });
    }
    const r = { ...v, runs, medianMs: median(runs), maxMs: Math.max(...runs) };
    results.push(r);
    log(`${v.view}: median ${round(r.medianMs)} ms, max ${round(r.maxMs)} ms`);
  }

  const s = pg.settings;
  const summary: Summary = {
    o,
    generated,
    counts,
    analyzeMs,
    refresh: { ms: refreshMs, cells, metrics },
    views: results,
    postgres: `${s.server_version} (${pg.origin}), shared_buffers=${s.shared_buffers}, work_mem=${s.work_mem}, max_wal_size=${s.max_wal_size}, fsync=${s.fsync}`,
  };
  emit({ summary: 'views', views: results.map((r) => ({ view: r.view, medianMs: round(r.medianMs), maxMs: round(r.maxMs) })) });
  console.log(`\n${markdown(summary)}\n`);
  if (o.write) {
    writeResults(path.join(REPO, 'BENCHMARKS.md'), resultsSection(summary, machine), DASHBOARDS_BEGIN, DASHBOARDS_END);
    log('BENCHMARKS.md dashboards section updated');
  }
}

main()
  .catch((err: unknown) => {
    log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    process.exit();
  });
