/**
 * Secondary suppression (ADR 0009). Within one table (a metric, a quarter, a
 * dimension and a key), the total is published; if the cells held back for
 * having fewer than ten residents add up to between one and nine, subtracting
 * the published cells from the total would show that small group. So more
 * cells are held back, smallest first, until the held-back cells add up to
 * ten residents or more (or nothing is left to hold back).
 */
import type { CellSize } from './dashboards.repository';

export function holdBack(cells: CellSize[], minimum: number): CellSize[] {
  const tables = new Map<string, CellSize[]>();
  for (const c of cells) {
    const id = `${c.metric}|${c.quarter}|${c.dim}|${c.key}`;
    const list = tables.get(id);
    if (list) list.push(c);
    else tables.set(id, [c]);
  }
  const more: CellSize[] = [];
  for (const table of tables.values()) {
    let held = table.filter((c) => !c.published).reduce((s, c) => s + c.residents, 0);
    const candidates = table
      .filter((c) => c.published)
      .sort((a, b) => a.residents - b.residents || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    for (const c of candidates) {
      if (held === 0 || held >= minimum) break;
      more.push(c);
      held += c.residents;
    }
  }
  return more;
}
