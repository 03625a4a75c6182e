import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellSize } from './dashboards.repository';
import { holdBack } from './dashboards.suppression';

const cell = (value: string, residents: number, key = 'yes'): CellSize => ({ metric: 'request_outcome', quarter: '2026-01-01', dim: 'pc4', value, key, residents, published: residents >= 10 });

describe('secondary suppression', () => {
  it('holds back the smallest published cell when a single small cell would show as a difference', () => {
    const more = holdBack([cell('3311', 9), cell('3312', 30), cell('3313', 12)], 10);
    expect(more.map((c) => c.value)).toEqual(['3313']);
  });

  it('holds back nothing when the small cells add up to ten or more already, or there are none', () => {
    expect(holdBack([cell('3311', 6), cell('3312', 5), cell('3313', 40)], 10)).toEqual([]);
    expect(holdBack([cell('3311', 12), cell('3312', 30)], 10)).toEqual([]);
  });

  it('treats each table (metric, quarter, dimension, key) on its own', () => {
    const more = holdBack([cell('3311', 3, 'yes'), cell('3312', 20, 'yes'), cell('3311', 20, 'no'), cell('3312', 20, 'no')], 10);
    expect(more).toEqual([cell('3312', 20, 'yes')]);
  });

  it('always leaves the held-back cells of a table adding up to none or at least ten, unless all are held', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 }), (sizes) => {
        const cells = sizes.map((n, i) => cell(String(3300 + i), n));
        const more = new Set(holdBack(cells, 10).map((c) => c.value));
        const held = cells.filter((c) => !c.published || more.has(c.value));
        const sum = held.reduce((s, c) => s + c.residents, 0);
        expect(sum === 0 || sum >= 10 || held.length === cells.length).toBe(true);
        // Only published cells are added, smallest first.
        for (const c of cells) if (more.has(c.value)) expect(c.published).toBe(true);
      }),
    );
  });
});
