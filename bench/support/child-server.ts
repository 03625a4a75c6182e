/**
 * Servers under test as child processes: started on a free loopback port,
 * awaited until their health URL answers, measured for CPU time, and always
 * stopped (also when the benchmark fails or is interrupted).
 *
 * Each child is one process, `node --import tsx <script>`, rather than the
 * `tsx` wrapper (which forks a second node): so the pid we hold is the
 * server itself, its CPU time is the server's, and stopping it leaves nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';

export interface ChildServer {
  name: string;
  pid: number;
  baseUrl: string;
  /** The last lines the child wrote, for error messages. */
  output(): string;
  /** Null while it runs; how it ended otherwise. */
  exited(): string | null;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface StartOptions {
  name: string;
  /** Repository-relative TypeScript entry point. */
  script: string;
  cwd: string;
  env: Record<string, string>;
  /** Environment variables of the benchmark that the child must not inherit. */
  dropEnv?: string[];
  healthPath: string;
  timeoutMs?: number;
}

export async function startServer(o: StartOptions): Promise<ChildServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of o.dropEnv ?? []) delete env[key];
  Object.assign(env, o.env, { PORT: String(port), HOST: '127.0.0.1' });
  const child = spawn(process.execPath, ['--import', 'tsx', o.script], { cwd: o.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let stopping = false;
  let ended: string | null = null;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      ended = signal ? `signal ${signal}` : `exit code ${code}`;
      // Nothing in the benchmark stops a server before the end: say so at once.
      if (!stopping) process.stderr.write(`bench: ${o.name} (pid ${child.pid}) ended unexpectedly: ${ended}\n`);
      resolve(code);
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ChildServer = {
    name: o.name,
    pid: child.pid ?? -1,
    baseUrl,
    output: () => lines.join('\n'),
    exited: () => ended,
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + (o.timeoutMs ?? 120_000);
  let died: number | null | undefined;
  void exited.then((code) => { died = code; });
  for (;;) {
    if (died !== undefined) throw new Error(`${o.name} exited with code ${died} before it was healthy:\n${server.output()}`);
    try {
      const res = await fetch(`${baseUrl}${o.healthPath}`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${o.name} was not healthy within ${(o.timeoutMs ?? 120_000) / 1000} s:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Last resort on exit: synchronous, so it also runs from process.on('exit'). */
export function killAllChildrenNow(): void {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux, fixed at 100 for /proc

function procStat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at ")".
    const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    // f[1] = ppid; f[11..14] = utime, stime, cutime, cstime (stat fields 14-17).
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by a process and all its descendants, living or
 * reaped (a reaped child's time is in its parent's cutime/cstime). Linux
 * only; returns null elsewhere. Used to show where the time of a request goes.
 */
export function treeCpuSeconds(rootPid: number): number | null {
  const root = procStat(rootPid);
  if (!root) return null;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const st = procStat(Number(entry));
    if (!st) continue;
    const list = children.get(st.ppid) ?? [];
    list.push(Number(entry));
    children.set(st.ppid, list);
  }
  let ticks = root.ticks;
  const queue = [...(children.get(rootPid) ?? [])];
  while (queue.length) {
    const pid = queue.pop()!;
    const st = procStat(pid);
    if (st) ticks += st.ticks;
    queue.push(...(children.get(pid) ?? []));
  }
  return ticks / TICKS_PER_SECOND;
}

/** Busy CPU seconds of the whole machine so far (all cores; steal excluded). Linux only. */
export function machineBusySeconds(): number | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal ...
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = cpu;
    return (user + nice + system + irq + softirq) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * Waits until processes other than ours leave the machine nearly idle (this
 * benchmark shares its cores with whatever else runs), sampling one second
 * at a time, at most `maxWaitS`. Returns the other load seen last, in cores.
 */
export async function waitForQuiet(threshold = 0.25, maxWaitS = 60): Promise<number | null> {
  const deadline = Date.now() + maxWaitS * 1000;
  for (;;) {
    const a = machineBusySeconds();
    await new Promise((r) => setTimeout(r, 1000));
    const b = machineBusySeconds();
    if (a === null || b === null) return null;
    const cores = b - a;
    if (cores <= threshold || Date.now() > deadline) return cores;
  }
}
