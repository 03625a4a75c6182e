/**
 * A PostgreSQL database for the benchmark, always a fresh one:
 *
 * - with `BENCH_PG_URL` set: a scratch database created on that server
 *   (the role needs CREATEDB) and dropped afterwards;
 * - otherwise: a throwaway PostgreSQL 15 cluster on loopback, started the
 *   way scripts/test.sh does it (as root through `runuser -u postgres`),
 *   removed afterwards. Unlike the test cluster it keeps PostgreSQL's
 *   default durability (fsync, synchronous_commit, full_page_writes on), so
 *   every audited read waits for its commit to reach the disk, as in
 *   production.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './child-server';

export interface BenchPostgres {
  /** Connection string of the fresh database. */
  url: string;
  /** How it was provided, for the report. */
  origin: 'throwaway cluster' | 'BENCH_PG_URL';
  /** The postmaster's pid when we started it (for CPU accounting), else null. */
  postmasterPid: number | null;
  settings: Record<string, string>;
  /** The throwaway cluster's data directory (null on BENCH_PG_URL), for stopping a kept cluster by hand. */
  dataDir: string | null;
  stop(): Promise<void>;
  /** Synchronous last-resort cleanup for process exit. */
  stopNow(): void;
}

const SETTINGS = ['server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', 'max_connections', 'work_mem', 'max_wal_size'];

export interface BenchPostgresOptions {
  /** Extra `-c name=value` settings for a throwaway cluster (ignored with BENCH_PG_URL). */
  serverSettings?: Record<string, string>;
}

function pgBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(a) - Number(b)) : [];
  const preferred = versions.includes('15') ? '15' : versions.at(-1);
  if (!preferred) throw new Error('No PostgreSQL binaries in /usr/lib/postgresql; install postgresql or set BENCH_PG_URL.');
  return path.join(root, preferred, 'bin');
}

async function readSettings(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, string> = {};
    for (const name of SETTINGS) out[name] = String((await client.query(`SHOW ${name}`)).rows[0]?.[name] ?? '');
    return out;
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A scratch database on the server of `serverUrl`, dropped by stop(). */
async function scratchDatabase(serverUrl: string): Promise<BenchPostgres> {
  const name = `samenspel_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  const drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  return {
    url,
    origin: 'BENCH_PG_URL',
    postmasterPid: null,
    settings: await readSettings(url),
    dataDir: null,
    stop: drop,
    stopNow: () => undefined,
  };
}

async function throwawayCluster(o: BenchPostgresOptions): Promise<BenchPostgres> {
  const bin = pgBinDir();
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL must run as an unprivileged user: postgres, as in scripts/test.sh.
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, tool), args, { stdio: 'pipe' });
  const dir = mkdtempSync(path.join(tmpdir(), 'samenspel-bench-pg-'));
  const dataDir = path.join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  let started = false;
  const stopNow = () => {
    if (started) {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
      } catch {
        // already stopped
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    const port = await freePort();
    const extra = Object.entries(o.serverSettings ?? {}).map(([k, v]) => ` -c ${k}=${v}`).join('');
    run('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${extra}`]);
    started = true;
    const serverUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await adminQuery(serverUrl, 'CREATE DATABASE samenspel_bench');
    const url = withDatabase(serverUrl, 'samenspel_bench');
    const postmasterPid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return {
      url,
      origin: 'throwaway cluster',
      postmasterPid,
      settings: await readSettings(url),
      dataDir,
      stop: async () => {
        if (!started) return rmSync(dir, { recursive: true, force: true });
        try {
          run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
          started = false;
        } finally {
          stopNow();
        }
      },
      stopNow,
    };
  } catch (err) {
    const log = existsSync(path.join(dir, 'server.log')) ? readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000) : '';
    stopNow();
    const detail = err instanceof Error && 'stderr' in err ? String((err as { stderr: unknown }).stderr) : '';
    throw new Error(`Could not start a throwaway PostgreSQL cluster: ${err instanceof Error ? err.message : String(err)}\n${detail}${log}`);
  }
}

export function startBenchPostgres(o: BenchPostgresOptions = {}): Promise<BenchPostgres> {
  const url = process.env.BENCH_PG_URL;
  return url ? scratchDatabase(url) : throwawayCluster(o);
}
