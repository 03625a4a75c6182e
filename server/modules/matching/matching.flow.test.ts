import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DetourProbe, FlowNetwork, shipSupplies } from './matching.flow';

/** A random transportation network like the engine's: sources, middle nodes, a sink, an "unserved" arc per source. */
const networkArb = fc
  .record({
    sources: fc.integer({ min: 1, max: 5 }),
    middles: fc.integer({ min: 1, max: 5 }),
  })
  .chain(({ sources, middles }) =>
    fc.record({
      sources: fc.constant(sources),
      middles: fc.constant(middles),
      supply: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: sources, maxLength: sources }),
      pairs: fc.array(fc.tuple(fc.nat(sources - 1), fc.nat(middles - 1), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 40 })), { maxLength: 14 }),
      steps: fc.array(fc.tuple(fc.nat(middles - 1), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 30 })), { maxLength: 10 }),
    }),
  );

interface Network {
  sources: number;
  middles: number;
  supply: number[];
  pairs: Array<[number, number, number, number]>;
  steps: Array<[number, number, number]>;
}

function build(n: Network) {  const t = n.sources + n.middles;
  const net = new FlowNetwork(t + 1, n.sources + n.pairs.length + n.steps.length);
  const supply = new Int32Array(t + 1);
  n.supply.forEach((s, i) => {
    supply[i] = s;
    net.addArc(i, t, s, 1000);
  });
  const pairArcs = n.pairs.map(([s, m, cap, cost]) => net.addArc(s, n.sources + m, cap, cost));
  for (const [m, cap, cost] of n.steps) net.addArc(n.sources + m, t, cap, cost);
  net.finalize();
  return { net, supply, t, pairArcs };
}

/** Bellman-Ford on reduced costs over the residual graph, leaving out arc slot `skip`. */
function shortest(net: FlowNetwork, pot: Float64Array, from: number, to: number, skip: number): number {
  const dist = new Float64Array(net.n).fill(Infinity);
  dist[from] = 0;
  for (let round = 0; round < net.n; round++) {
    for (let u = 0; u < net.n; u++) {
      if (dist[u] === Infinity) continue;
      for (let k = net.start[u]!; k < net.start[u + 1]!; k++) {
        if (k === skip || net.cap[k]! <= 0) continue;
        const w = net.head[k]!;
        const nd = dist[u]! + net.cost[k]! + pot[u]! - pot[w]!;
        if (nd < dist[w]!) dist[w] = nd;
      }
    }
  }
  return dist[to]!;
}

describe('shipSupplies', () => {
  it('ships every supply and ends with non-negative reduced costs on every residual arc (an optimality certificate)', () => {
    fc.assert(
      fc.property(networkArb, (n) => {
        const { net, supply, t } = build(n);
        const order = Int32Array.from({ length: n.sources }, (_, i) => i);
        const { pot } = shipSupplies(net, order, supply, t);
        let intoSink = 0;
        for (let k = net.start[t]!; k < net.start[t + 1]!; k++) intoSink += net.cap[k]!; // reverse arcs into t carry the flow
        expect(intoSink).toBe(n.supply.reduce((a, b) => a + b, 0));
        for (let u = 0; u < net.n; u++)
          for (let k = net.start[u]!; k < net.start[u + 1]!; k++) if (net.cap[k]! > 0) expect(net.cost[k]! + pot[u]! - pot[net.head[k]!]!).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('DetourProbe', () => {
  it('finds the shortest residual path to the sink on reduced costs, without the arc it is told to skip', () => {
    fc.assert(
      fc.property(networkArb, (n) => {
        const { net, supply, t, pairArcs } = build(n);
        const order = Int32Array.from({ length: n.sources }, (_, i) => i);
        const { pot } = shipSupplies(net, order, supply, t);
        const probe = new DetourProbe(net, pot);
        n.pairs.forEach(([s], i) => {
          const skip = net.slot[pairArcs[i]!]!;
          expect(probe.distance(s, t, skip)).toBe(shortest(net, pot, s, t, skip));
        });
      }),
      { numRuns: 300 },
    );
  });
});
