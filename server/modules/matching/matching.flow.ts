/**
 * Min-cost flow by successive shortest paths (SSP) over typed arrays.
 *
 * The network is stored as paired arcs (arc a and its reverse a ^ 1) with
 * residual capacities, integer costs in a Float64Array (exact: |cost| stays
 * far below 2^53) and a CSR adjacency built once.
 *
 * {@link shipSupplies} sends each supply node's units to the sink one source
 * at a time (the Hungarian / Jonker-Volgenant scheme for transportation
 * problems): Dijkstra on reduced costs from that one source, stopped as soon
 * as the sink is settled, then `pot += dist - dist(t)` on the settled nodes,
 * which keeps every residual reduced cost non-negative. Starting from one
 * source matters: from a super-source, every node whose distance did not
 * change sits at reduced distance 0 and is settled again in every round
 * (measured: 900 settled nodes per augmentation at 1,000 x 5,000, against 5
 * from single sources).
 *
 * Optional *slot rule*: in an arc range ("pair arcs"), each head node may
 * carry flow on at most `slots[head]` distinct arcs. When a node runs out of
 * slots, its pair arcs without flow close for good. Closing only removes
 * arcs, so the potentials stay valid; the rule makes the solver greedy (not
 * exact) with respect to the slot limit. See the design note in
 * matching.engine.ts.
 */

export class FlowNetwork {
  readonly n: number;
  m = 0;
  readonly head: Int32Array;
  readonly cap: Int32Array;
  readonly cost: Float64Array;
  start: Int32Array = new Int32Array(0);
  adj: Int32Array = new Int32Array(0);

  constructor(nodes: number, maxArcs: number) {
    this.n = nodes;
    this.head = new Int32Array(2 * maxArcs);
    this.cap = new Int32Array(2 * maxArcs);
    this.cost = new Float64Array(2 * maxArcs);
    this.tail = new Int32Array(2 * maxArcs);
  }

  readonly tail: Int32Array;

  /** Adds an arc u→w and its reverse; returns the forward arc id (even). */
  addArc(u: number, w: number, capacity: number, cost: number): number {
    const a = this.m;
    this.tail[a] = u;
    this.head[a] = w;
    this.cap[a] = capacity;
    this.cost[a] = cost;
    this.tail[a + 1] = w;
    this.head[a + 1] = u;
    this.cap[a + 1] = 0;
    this.cost[a + 1] = -cost;
    this.m += 2;
    return a;
  }

  /** Flow on a forward arc (the residual capacity of its reverse). */
  flow(a: number): number {
    return this.cap[a ^ 1]!;
  }

  /** Builds the adjacency (arcs by tail, ascending arc id: deterministic). */
  finalize(): void {
    const start = new Int32Array(this.n + 1);
    for (let a = 0; a < this.m; a++) start[this.tail[a]! + 1]!++;
    for (let i = 0; i < this.n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, this.n);
    const adj = new Int32Array(this.m);
    for (let a = 0; a < this.m; a++) adj[fill[this.tail[a]!]!++] = a;
    this.start = start;
    this.adj = adj;
  }
}

export interface SlotRule {
  /** Forward pair arcs are the even ids in [firstArc, endArc). */
  firstArc: number;
  endArc: number;
  /** Remaining distinct partners per head node (mutated). */
  slots: Int32Array;
}

export interface FlowStats {
  augmentations: number;
  settled: number;
  cost: number;
}

/** An indexed binary min-heap over ids with Float64 keys, ties by smaller id. */
class IndexedHeap {
  size = 0;
  readonly heap: Int32Array;
  readonly pos: Int32Array;
  readonly key: Float64Array;
  constructor(n: number) {
    this.heap = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
    this.key = new Float64Array(n);
  }
  private less(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    return ka < kb || (ka === kb && a < b);
  }
  private up(i: number): void {
    const h = this.heap;
    const id = h[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pid = h[p]!;
      if (!this.less(id, pid)) break;
      h[i] = pid;
      this.pos[pid] = i;
      i = p;
    }
    h[i] = id;
    this.pos[id] = i;
  }
  private down(i: number): void {
    const h = this.heap;
    const id = h[i]!;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      if (l + 1 < n && this.less(h[l + 1]!, h[l]!)) c = l + 1;
      if (!this.less(h[c]!, id)) break;
      h[i] = h[c]!;
      this.pos[h[i]!] = i;
      i = c;
    }
    h[i] = id;
    this.pos[id] = i;
  }
  has(id: number): boolean {
    return this.pos[id]! >= 0;
  }
  /** Inserts or moves `id` to `key` (either direction). */
  set(id: number, key: number): void {
    const p = this.pos[id]!;
    if (p < 0) {
      this.key[id] = key;
      this.heap[this.size] = id;
      this.pos[id] = this.size;
      this.size++;
      this.up(this.size - 1);
    } else {
      const old = this.key[id]!;
      this.key[id] = key;
      if (key < old) this.up(p);
      else this.down(p);
    }
  }
  top(): number {
    return this.heap[0]!;
  }
  pop(): number {
    const id = this.heap[0]!;
    this.pos[id] = -1;
    this.size--;
    if (this.size > 0) {
      this.heap[0] = this.heap[this.size]!;
      this.pos[this.heap[0]!] = 0;
      this.down(0);
    }
    return id;
  }
  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]!] = -1;
    this.size = 0;
  }
}

/**
 * Ships every node's supply to the sink `t` at minimum total cost by
 * successive shortest paths from one supply node at a time (the
 * Hungarian / Jonker-Volgenant scheme for transportation problems). All arc
 * costs must be non-negative at the start (then zero potentials are valid),
 * and every supply node must reach `t` (e.g. through a direct "unserved" arc).
 * Each Dijkstra starts at one source and stops as soon as `t` is settled, so
 * in a geometric graph it usually explores only a neighbourhood.
 * `sources` fixes the order (deterministic). Mutates `net.cap`.
 */
export function shipSupplies(net: FlowNetwork, sources: Int32Array, supply: Int32Array, t: number, slotRule?: SlotRule): FlowStats {
  const n = net.n;
  const { head, cap, cost, start, adj } = net;
  const pot = new Float64Array(n);
  const closed = slotRule ? new Uint8Array(net.m) : null;
  const closedNode = slotRule ? new Uint8Array(n) : null;
  const dist = new Float64Array(n);
  const pred = new Int32Array(n);
  const seen = new Int32Array(n);
  const done = new Int32Array(n);
  const heap = new IndexedHeap(n);
  const settled = new Int32Array(n);
  let stamp = 0;
  const stats: FlowStats = { augmentations: 0, settled: 0, cost: 0 };
  const excess = supply.slice();

  for (let si = 0; si < sources.length; si++) {
    const src = sources[si]!;
    while (excess[src]! > 0) {
      stamp++;
      let nSettled = 0;
      heap.clear();
      seen[src] = stamp;
      dist[src] = 0;
      heap.set(src, 0);
      let reached = false;
      while (heap.size > 0) {
        const u = heap.pop();
        done[u] = stamp;
        settled[nSettled++] = u;
        if (u === t) {
          reached = true;
          break;
        }
        const du = dist[u]! + pot[u]!;
        for (let k = start[u]!; k < start[u + 1]!; k++) {
          const a = adj[k]!;
          if (cap[a]! <= 0) continue;
          if (closed !== null && closed[a] === 1) continue;
          const w = head[a]!;
          if (done[w] === stamp) continue;
          const nd = du + cost[a]! - pot[w]!;
          if (seen[w] !== stamp || nd < dist[w]!) {
            seen[w] = stamp;
            dist[w] = nd;
            pred[w] = a;
            heap.set(w, nd);
          }
        }
      }
      stats.settled += nSettled;
      if (!reached) throw new Error('a supply node cannot reach the sink');
      const dt = dist[t]!;
      for (let i = 0; i < nSettled; i++) {
        const u = settled[i]!;
        pot[u] = pot[u]! + dist[u]! - dt;
      }
      let delta = excess[src]!;
      for (let w = t; w !== src; ) {
        const a = pred[w]!;
        if (cap[a]! < delta) delta = cap[a]!;
        w = head[a ^ 1]!;
      }
      let pathCost = 0;
      for (let w = t; w !== src; ) {
        const a = pred[w]!;
        pathCost += cost[a]!;
        if (slotRule !== undefined) {
          const fwd = a & ~1;
          if (fwd >= slotRule.firstArc && fwd < slotRule.endArc) {
            const node = head[fwd]!;
            if ((a & 1) === 0 && cap[a ^ 1] === 0) {
              // A new partner for `node`.
              slotRule.slots[node]!--;
              if (slotRule.slots[node]! <= 0 && closedNode![node] === 0) {
                closedNode![node] = 1;
                for (let k = start[node]!; k < start[node + 1]!; k++) {
                  const b = adj[k]! ^ 1; // the forward arc into `node`
                  if ((b & 1) === 0 && b >= slotRule.firstArc && b < slotRule.endArc && b !== fwd && cap[b ^ 1] === 0) closed![b] = 1;
                }
              }
            } else if ((a & 1) === 1 && cap[a] === delta) {
              // This push empties the pair: the slot comes back (closed arcs stay closed).
              slotRule.slots[node]!++;
            }
          }
        }
        cap[a] = cap[a]! - delta;
        cap[a ^ 1] = cap[a ^ 1]! + delta;
        w = head[a ^ 1]!;
      }
      excess[src] = excess[src]! - delta;
      stats.augmentations++;
      stats.cost += delta * pathCost;
    }
  }
  return stats;
}
