import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GridIndex, NearestK, NearestKMany, haversineKm, makeProjection, projectX, projectY } from './matching.spatial';

const nlPoint = fc.record({ lat: fc.double({ min: 51.42, max: 52.42, noNaN: true }), lon: fc.double({ min: 3.8, max: 5.2, noNaN: true }) });

describe('projection', () => {
  const p = makeProjection(51.92, 4.48);
  const relativeError = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
    const flat = Math.hypot(projectX(p, a.lon) - projectX(p, b.lon), projectY(p, a.lat) - projectY(p, b.lat));
    const round = haversineKm(a.lat, a.lon, b.lat, b.lon);
    return round > 0.01 ? Math.abs(flat - round) / round : 0;
  };
  const around = (dLat: number, dLon: number) =>
    fc.record({ lat: fc.double({ min: 51.92 - dLat, max: 51.92 + dLat, noNaN: true }), lon: fc.double({ min: 4.48 - dLon, max: 4.48 + dLon, noNaN: true }) });

  it('stays within 0.5 % of the great-circle distance across a city', () => {
    fc.assert(fc.property(around(0.2, 0.4), around(0.2, 0.4), (a, b) => {
      expect(relativeError(a, b)).toBeLessThan(0.005);
    }));
  });

  it('stays within 1.2 % across a province', () => {
    fc.assert(fc.property(nlPoint, nlPoint, (a, b) => {
      expect(relativeError(a, b)).toBeLessThan(0.012);
    }));
  });
});

describe('GridIndex', () => {
  it('finds every point within the radius when scanning its cell range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: -20, max: 20, noNaN: true })), { minLength: 1, maxLength: 200 }),
        fc.tuple(fc.double({ min: -25, max: 25, noNaN: true }), fc.double({ min: -25, max: 25, noNaN: true })),
        fc.double({ min: 0, max: 12, noNaN: true }),
        fc.constantFrom(0.5, 1, 3),
        (points, [qx, qy], radius, cell) => {
          const xs = Float64Array.from(points.map((p) => p[0]));
          const ys = Float64Array.from(points.map((p) => p[1]));
          const all = Int32Array.from(points.map((_, i) => i));
          const grid = new GridIndex(xs, ys, all, cell);
          const [c0, c1, r0, r1] = grid.range(qx, qy, radius);
          const found: number[] = [];
          for (let row = r0; row <= r1; row++)
            for (let col = c0; col <= c1; col++)
              for (let k = grid.start[row * grid.cols + col]!; k < grid.start[row * grid.cols + col + 1]!; k++) {
                const i = grid.items[k]!;
                if (Math.hypot(xs[i]! - qx, ys[i]! - qy) <= radius) found.push(i);
              }
          const expected = all.filter((i) => Math.hypot(xs[i]! - qx, ys[i]! - qy) <= radius);
          expect(found.sort((a, b) => a - b)).toEqual([...expected]);
        },
      ),
    );
  });
});

describe('NearestK', () => {
  it('keeps the k smallest keys, ties by the smaller id, in ascending order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (keys, k) => {
        const heap = new NearestK(k);
        keys.forEach((key, id) => heap.offer(key, id));
        const ids = new Int32Array(k);
        const out = new Float64Array(k);
        const n = heap.drainSorted(ids, out);
        const expected = keys
          .map((key, id) => [key, id] as const)
          .sort((a, b) => a[0] - b[0] || a[1] - b[1])
          .slice(0, k);
        expect([...ids.slice(0, n)]).toEqual(expected.map((e) => e[1]));
      }),
    );
  });
});

describe('NearestKMany', () => {
  it('keeps per heap what one NearestK would keep, whatever the interleaving', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 20 })), { maxLength: 120 }), fc.integer({ min: 1, max: 6 }), (offers, k) => {
        const many = new NearestKMany(4, k);
        const single = Array.from({ length: 4 }, () => new NearestK(k));
        offers.forEach(([h, key], id) => {
          many.offer(h, key, id);
          single[h]!.offer(key, id);
        });
        for (let h = 0; h < 4; h++) {
          const a = { ids: new Int32Array(k), keys: new Float64Array(k) };
          const b = { ids: new Int32Array(k), keys: new Float64Array(k) };
          const na = many.drainSorted(h, a.ids, a.keys);
          const nb = single[h]!.drainSorted(b.ids, b.keys);
          expect([...a.ids.slice(0, na)]).toEqual([...b.ids.slice(0, nb)]);
          expect([...a.keys.slice(0, na)]).toEqual([...b.keys.slice(0, nb)]);
        }
      }),
    );
  });
});
