import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCandidates, compileModel, feasibleRules, markLanguages, type CompiledModel } from './matching.model';
import { cityArb } from './matching.test-support';

/**
 * The candidate graph by its definition, over every pair: for each request its
 * K nearest feasible volunteers, then for each volunteer its KV nearest
 * feasible requests that the request side left out; within a request its own
 * pairs by (km, volunteer), then the added ones by (km, volunteer).
 */
function naiveCandidates(m: CompiledModel, K: number, KV: number) {
  const R = m.requests;
  const V = m.volunteers;
  const langMark = new Int32Array(Math.max(1, m.languages.names.length)).fill(-1);
  const feasible: Array<Array<{ v: number; km: number }>> = [];
  for (let r = 0; r < R.n; r++) {
    markLanguages(m, r, langMark, r);
    const list: Array<{ v: number; km: number }> = [];
    for (let v = 0; v < V.n; v++) {
      if (R.demand[r]! <= 0 || V.capacity[v]! <= 0 || V.slots[v]! <= 0) continue;
      let hasCategory = false;
      for (let k = V.categories.start[v]!; k < V.categories.start[v + 1]!; k++) if (V.categories.items[k] === R.category[r]) hasCategory = true;
      if (!hasCategory) continue;
      const dx = V.x[v]! - R.x[r]!;
      const dy = V.y[v]! - R.y[r]!;
      if (dx * dx + dy * dy > V.maxKm[v]! * V.maxKm[v]!) continue;
      if (!feasibleRules(m, r, v, langMark, r)) continue;
      list.push({ v, km: Math.sqrt(dx * dx + dy * dy) });
    }
    list.sort((a, b) => a.km - b.km || a.v - b.v);
    feasible.push(list);
  }
  const own = feasible.map((list) => list.slice(0, K));
  const extra: Array<Array<{ v: number; km: number }>> = own.map(() => []);
  for (let v = 0; v < V.n; v++) {
    const near: Array<{ r: number; km: number }> = [];
    feasible.forEach((list, r) => {
      const p = list.find((q) => q.v === v);
      if (p) near.push({ r, km: p.km });
    });
    near.sort((a, b) => a.km - b.km || a.r - b.r);
    for (const { r, km } of near.slice(0, KV)) if (!own[r]!.some((q) => q.v === v)) extra[r]!.push({ v, km });
  }
  return {
    feasibleCount: feasible.map((l) => l.length),
    pairs: own.map((list, r) => [...list, ...extra[r]!.sort((a, b) => a.km - b.km || a.v - b.v)].map((p) => p.v)),
  };
}

describe('buildCandidates', () => {
  it('keeps each request its K nearest feasible volunteers and each volunteer its KV nearest requests', () => {
    fc.assert(
      fc.property(
        cityArb({ maxRequests: 25, maxVolunteers: 40, maxUnits: 45, spread: 0.03, maxResidents: 3 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        ({ requests, volunteers }, K, KV) => {
          const m = compileModel(requests, volunteers);
          const g = buildCandidates(m, { candidatesPerRequest: K, candidatesPerVolunteer: KV });
          const expected = naiveCandidates(m, K, KV);
          const actual = Array.from({ length: m.requests.n }, (_, r) => [...g.volunteer.slice(g.start[r]!, g.start[r + 1]!)]);
          expect(actual).toEqual(expected.pairs);
          expect([...g.feasibleCount]).toEqual(expected.feasibleCount);
        },
      ),
      { numRuns: 200 },
    );
  });
});
