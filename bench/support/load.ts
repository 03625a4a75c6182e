/**
 * Load generators, all run inside the benchmark process against loopback:
 *
 * - `maxThroughput`: autocannon, closed loop, N keep-alive connections as
 *   fast as the server answers. Gives requests/s and latency under saturation.
 * - `autocannonAtRate`: autocannon with `overallRate`. Note how autocannon
 *   limits a rate: each connection gets a budget per wall-clock second and
 *   spends it back to back from the start of that second, then waits for the
 *   next tick. So "200 req/s over 10 connections" is a burst of 10 concurrent
 *   streams at the top of every second, not one request every 5 ms.
 * - `pacedAtRate`: an open-loop generator that sends one request every
 *   1000/rate ms on its own schedule and measures each latency from the
 *   moment the request was due (no coordinated omission). This is the steady
 *   200 req/s the latency aim describes.
 */
import http from 'node:http';
import autocannon from 'autocannon';

export interface Target {
  url: string;
  headers: Record<string, string>;
}

export interface LoadResult {
  /** Successful (2xx) responses per second of measured time. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  ok: number;
  failed: number;
  durationS: number;
}

function fromAutocannon(r: autocannon.Result): LoadResult {
  return {
    requestsPerSecond: r['2xx'] / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    ok: r['2xx'],
    failed: r.non2xx + r.errors + r.timeouts,
    durationS: r.duration,
  };
}

export async function maxThroughput(t: Target, connections: number, durationS: number): Promise<LoadResult> {
  return fromAutocannon(await autocannon({ url: t.url, headers: t.headers, connections, duration: durationS }));
}

export async function autocannonAtRate(t: Target, rate: number, connections: number, durationS: number): Promise<LoadResult> {
  // ignoreCoordinatedOmission: autocannon's correction assumes an interval of
  // ceil(1/rate) ms with the rate per second, i.e. 1 ms, and fills the
  // histogram with made-up faster samples that pull p99 down. Raw values are honest.
  return fromAutocannon(
    await autocannon({ url: t.url, headers: t.headers, connections, duration: durationS, overallRate: rate, ignoreCoordinatedOmission: true }),
  );
}

/** The p-th percentile (0..100) of sorted values, nearest rank. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Open loop at a steady rate: request i is due at start + i * (1000 / rate)
 * ms and is sent then, whether or not earlier ones have been answered (over a
 * pool of keep-alive connections). Latency counts from the due time, so a
 * server that falls behind shows it in the percentiles.
 */
export async function pacedAtRate(t: Target, rate: number, durationS: number): Promise<LoadResult> {
  const url = new URL(t.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const intervalMs = 1000 / rate;
  const total = Math.round(rate * durationS);
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  const pending: Array<Promise<void>> = [];

  const send = (dueAt: number) =>
    new Promise<void>((resolve) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'GET', headers: t.headers, agent },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode && res.statusCode >= 200 && res.statusCode < 300) latencies.push(performance.now() - dueAt);
            else failed += 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        failed += 1;
        resolve();
      });
      req.end();
    });

  const start = performance.now() + 50;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Send everything that is due (a late timer catches up; it never skips).
      while (sent < total && start + sent * intervalMs <= now) {
        pending.push(send(start + sent * intervalMs));
        sent += 1;
      }
      if (sent >= total) return resolve();
      setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
    };
    setTimeout(tick, 50);
  });
  await Promise.all(pending);
  const elapsedS = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / elapsedS,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? Number.NaN,
    ok: latencies.length,
    failed,
    durationS: elapsedS,
  };
}
