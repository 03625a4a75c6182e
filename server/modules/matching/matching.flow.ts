/**
 * Min-cost flow by successive shortest paths (SSP) over typed arrays.
 *
 * The network is built as paired arcs (arc a and its reverse a ^ 1) with
 * residual capacities and integer costs in a Float64Array (exact: |cost|
 * stays far below 2^53), then laid out by tail (CSR) once.
 *
 * {@link shipSupplies} sends each supply node's units to the sink one source
 * at a time (the Hungarian / Jonker-Volgenant scheme for transportation
 * problems): Dijkstra on reduced costs from that one source, stopped as soon
 * as the sink is settled, then `pot += dist - dist(t)` on the settled nodes,
 * which keeps every residual reduced cost non-negative. Starting from one
 * source matters: from a super-source, every node whose distance did not
 * change sits at reduced distance 0 and is settled again in every round
 * (measured: 900 settled nodes per augmentation at 1,000 x 5,000, against 5
 * from single sources). Nodes that are no nearer than the sink's tentative
 * distance never enter the heap: they could not be settled before the sink
 * nor change its path, and at city size they were five in six heap
 * insertions. Arcs are stored by tail, so a node's arcs are read in order.
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
  /** Arcs added so far (forward and reverse): ids [0, m). */
  m = 0;
  // While building: arcs by id (a and its reverse a ^ 1).
  private bTail: Int32Array;
  private bHead: Int32Array;
  private bCap: Int32Array;
  private bCost: Float64Array;
  /**
   * After `finalize`, arcs are stored by tail (CSR order), so a node's arcs are
   * contiguous in `head`, `cap` and `cost`: scanning them in Dijkstra reads
   * memory in order (measured: the arc scan is most of the solver's time).
   * `rev[k]` is the slot of the reverse arc, `id[k]` the arc id given by
   * `addArc`, `slot[id]` the inverse.
   */
  head: Int32Array = new Int32Array(0);
  cap: Int32Array = new Int32Array(0);
  cost: Float64Array = new Float64Array(0);
  rev: Int32Array = new Int32Array(0);
  id: Int32Array = new Int32Array(0);
  slot: Int32Array = new Int32Array(0);
  start: Int32Array = new Int32Array(0);

  constructor(nodes: number, maxArcs: number) {
    this.n = nodes;
    this.bTail = new Int32Array(2 * maxArcs);
    this.bHead = new Int32Array(2 * maxArcs);
    this.bCap = new Int32Array(2 * maxArcs);
    this.bCost = new Float64Array(2 * maxArcs);
  }

  /** Adds an arc u→w and its reverse; returns the forward arc id (even). */
  addArc(u: number, w: number, capacity: number, cost: number): number {
    const a = this.m;
    this.bTail[a] = u;
    this.bHead[a] = w;
    this.bCap[a] = capacity;
    this.bCost[a] = cost;
    this.bTail[a + 1] = w;
    this.bHead[a + 1] = u;
    this.bCap[a + 1] = 0;
    this.bCost[a + 1] = -cost;
    this.m += 2;
    return a;
  }

  /** Flow on a forward arc id (the residual capacity of its reverse). */
  flow(a: number): number {
    return this.cap[this.slot[a ^ 1]!]!;
  }

  /** Lays the arcs out by tail, ascending arc id within a node (deterministic). */
  finalize(): void {
    const m = this.m;
    const start = new Int32Array(this.n + 1);
    for (let a = 0; a < m; a++) start[this.bTail[a]! + 1]!++;
    for (let i = 0; i < this.n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, this.n);
    const slot = new Int32Array(m);
    for (let a = 0; a < m; a++) slot[a] = fill[this.bTail[a]!]!++;
    const head = new Int32Array(m);
    const cap = new Int32Array(m);
    const cost = new Float64Array(m);
    const rev = new Int32Array(m);
    const id = new Int32Array(m);
    for (let a = 0; a < m; a++) {
      const k = slot[a]!;
      head[k] = this.bHead[a]!;
      cap[k] = this.bCap[a]!;
      cost[k] = this.bCost[a]!;
      rev[k] = slot[a ^ 1]!;
      id[k] = a;
    }
    this.start = start;
    this.slot = slot;
    this.head = head;
    this.cap = cap;
    this.cost = cost;
    this.rev = rev;
    this.id = id;
    // The build arrays are no longer needed.
    this.bTail = this.bHead = this.bCap = new Int32Array(0);
    this.bCost = new Float64Array(0);
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
  /** Node potentials at the end: every residual arc has a non-negative reduced cost. */
  pot: Float64Array;
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
  const { head, cap, cost, start, rev, id } = net;
  const m = cap.length;
  const pot = new Float64Array(n);
  const closed = slotRule ? new Uint8Array(m) : null;
  const closedNode = slotRule ? new Uint8Array(n) : null;
  const dist = new Float64Array(n);
  const pred = new Int32Array(n);
  const seen = new Int32Array(n);
  const done = new Int32Array(n);
  const heap = new IndexedHeap(n);
  const settled = new Int32Array(n);
  let stamp = 0;
  const stats: FlowStats = { augmentations: 0, settled: 0, cost: 0, pot };
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
        const end = start[u + 1]!;
        for (let k = start[u]!; k < end; k++) {
          if (cap[k]! <= 0) continue;
          if (closed !== null && closed[k] === 1) continue;
          const w = head[k]!;
          if (done[w] === stamp) continue;
          const nd = du + cost[k]! - pot[w]!;
          // A node no nearer than the sink's tentative distance cannot be settled before the
          // sink, nor change its path or its potential: leave it out of the heap.
          if (w !== t && seen[t] === stamp && nd >= dist[t]!) continue;
          if (seen[w] !== stamp || nd < dist[w]!) {
            seen[w] = stamp;
            dist[w] = nd;
            pred[w] = k;
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
        const k = pred[w]!;
        if (cap[k]! < delta) delta = cap[k]!;
        w = head[rev[k]!]!;
      }
      let pathCost = 0;
      for (let w = t; w !== src; ) {
        const k = pred[w]!;
        const kr = rev[k]!;
        pathCost += cost[k]!;
        if (slotRule !== undefined) {
          const a = id[k]!;
          const fwd = a & ~1;
          if (fwd >= slotRule.firstArc && fwd < slotRule.endArc) {
            const fk = (a & 1) === 0 ? k : kr; // slot of the forward arc
            const node = head[fk]!;
            if ((a & 1) === 0 && cap[kr] === 0) {
              // A new partner for `node`.
              slotRule.slots[node]!--;
              if (slotRule.slots[node]! <= 0 && closedNode![node] === 0) {
                closedNode![node] = 1;
                for (let j = start[node]!; j < start[node + 1]!; j++) {
                  // Arcs out of `node` with odd ids are the reverses of the forward arcs into it.
                  const b = id[j]! ^ 1;
                  if ((b & 1) === 0 && b >= slotRule.firstArc && b < slotRule.endArc && j !== kr && cap[j] === 0) closed![rev[j]!] = 1;
                }
              }
            } else if ((a & 1) === 1 && cap[k] === delta) {
              // This push empties the pair: the slot comes back (closed arcs stay closed).
              slotRule.slots[node]!++;
            }
          }
        }
        cap[k] = cap[k]! - delta;
        cap[kr] = cap[kr]! + delta;
        w = head[kr]!;
      }
      excess[src] = excess[src]! - delta;
      stats.augmentations++;
      stats.cost += delta * pathCost;
    }
  }
  return stats;
}

/**
 * Shortest residual distance from `from` to `t` on reduced costs (after
 * {@link shipSupplies}, with its potentials), leaving out arc slot `skip`:
 * what one unit now on `skip` would cost elsewhere, in reduced terms (the
 * cheapest other way to the sink, "unserved" included). Reuses its scratch
 * arrays across calls.
 */
export class DetourProbe {
  private readonly dist: Float64Array;
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private readonly heap: IndexedHeap;
  private stamp = 0;

  constructor(
    private readonly net: FlowNetwork,
    private readonly pot: Float64Array,
  ) {
    this.dist = new Float64Array(net.n);
    this.seen = new Int32Array(net.n);
    this.done = new Int32Array(net.n);
    this.heap = new IndexedHeap(net.n);
  }

  distance(from: number, t: number, skip: number): number {
    const { head, cap, cost, start } = this.net;
    const { dist, seen, done, heap, pot } = this;
    const stamp = ++this.stamp;
    heap.clear();
    seen[from] = stamp;
    dist[from] = 0;
    heap.set(from, 0);
    while (heap.size > 0) {
      const u = heap.pop();
      done[u] = stamp;
      if (u === t) return dist[t]!;
      const du = dist[u]! + pot[u]!;
      const end = start[u + 1]!;
      for (let k = start[u]!; k < end; k++) {
        if (k === skip || cap[k]! <= 0) continue;
        const w = head[k]!;
        if (done[w] === stamp) continue;
        const nd = du + cost[k]! - pot[w]!;
        if (w !== t && seen[t] === stamp && nd >= dist[t]!) continue;
        if (seen[w] !== stamp || nd < dist[w]!) {
          seen[w] = stamp;
          dist[w] = nd;
          heap.set(w, nd);
        }
      }
    }
    return Infinity;
  }
}
