/**
 * Plain logic behind the household-plan pages: the network map's layout,
 * the scale labels, and field errors keyed by a form's own field names. No
 * React here.
 */
import { CIRCLES, type Circle, type NetworkMember, type OutcomeTrend } from '../../api/household';

/** Where a person sits on the map: their circle is a sector, their strength the distance (strong: near the resident). */
export interface PlacedNode {
  member: NetworkMember;
  x: number;
  y: number;
  /** Where the label goes: outward from the inner rings, inward from the outer ring (clear of the sector names). */
  labelX: number;
  labelY: number;
  /** Text grows away from the node: to the right on the right-hand side, to the left on the left. */
  labelAnchor: 'start' | 'middle' | 'end';
}

export const MAP_SIZE = 600;
const CENTRE = MAP_SIZE / 2;
/** Radius per strength: 3 strong is the inner ring, 1 light the outer. */
export const RING_RADIUS: Record<number, number> = { 3: 125, 2: 195, 1: 265 };
/** Distance from a node's centre to the middle of its label. */
const LABEL_OFFSET = 36;
/** Where the sector names sit, outside the outer ring. */
export const SECTOR_LABEL_RADIUS = 318;

/** How a sector name is anchored: outward on the sides, centred at the top and bottom. */
export function sideAnchor(angle: number): 'start' | 'middle' | 'end' {
  const c = Math.cos(angle);
  return c > 0.5 ? 'start' : c < -0.5 ? 'end' : 'middle';
}

/** The angle (radians) of the middle of a circle's sector; sector 0 starts at the top. */
export function sectorAngles(index: number): { start: number; end: number; mid: number } {
  const step = (2 * Math.PI) / CIRCLES.length;
  const start = -Math.PI / 2 + index * step;
  return { start, end: start + step, mid: start + step / 2 };
}

export function circleIndex(circle: string): number {
  const i = (CIRCLES as readonly string[]).indexOf(circle);
  return i < 0 ? CIRCLES.length - 1 : i;
}

export function polar(radius: number, angle: number): { x: number; y: number } {
  return { x: CENTRE + radius * Math.cos(angle), y: CENTRE + radius * Math.sin(angle) };
}

/** Spreads the people of one sector and ring evenly over the sector, away from its edges. */
export function placeNodes(members: NetworkMember[]): PlacedNode[] {
  const groups = new Map<string, NetworkMember[]>();
  for (const m of members) {
    const key = `${circleIndex(m.circle)}:${m.strength}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const placed: PlacedNode[] = [];
  for (const [key, group] of groups) {
    const [sector, strength] = key.split(':').map(Number) as [number, number];
    const { start, end } = sectorAngles(sector);
    const radius = RING_RADIUS[strength] ?? RING_RADIUS[1]!;
    // Rings are nudged apart a little, so that people of one sector in different rings do not line up.
    const slot = (end - start) / (group.length + 1);
    const nudge = strength === 2 ? -slot / 2.5 : strength === 1 ? slot / 2.5 : 0;
    group.forEach((member, i) => {
      const angle = start + (i + 1) * slot + nudge;
      const outward = strength === 1 ? -1 : 1;
      const label = polar(radius + outward * LABEL_OFFSET, angle);
      const across = outward * Math.cos(angle);
      const labelAnchor = across > 0.5 ? 'start' : across < -0.5 ? 'end' : 'middle';
      // A label beside its node starts a little further off, past the node itself.
      const dx = labelAnchor === 'middle' ? 0 : labelAnchor === 'start' ? -14 : 14;
      placed.push({ member, ...polar(radius, angle), labelX: label.x + dx, labelY: label.y, labelAnchor });
    });
  }
  return placed;
}

/** The shape of a node: informal people a circle, professionals a square, organisations a diamond. */
export function nodeShape(circle: string): 'circle' | 'square' | 'diamond' {
  if (circle === 'professionals') return 'square';
  if (circle === 'organisations') return 'diamond';
  return 'circle';
}

/** Colours per circle; the map never relies on them alone (sector labels, shapes and the table say the same). */
export const CIRCLE_COLOURS: Record<Circle, string> = {
  household: '#b3541e',
  family: '#8a3ffc',
  friends: '#0f62fe',
  neighbours: '#007d79',
  volunteers: '#198038',
  professionals: '#6f6f6f',
  organisations: '#9f1853',
};

/** A short label for the map: at most 13 characters (the table has the whole name). */
export function shortLabel(name: string): string {
  return name.length > 13 ? `${name.slice(0, 12)}…` : name;
}

/** YYYY-MM-DD of today in the browser's time zone. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** `actions.2.who.personId` → `actions.2.who`; the form keys its fields by these short paths. */
export function formKeyOf(serverName: string, known: (key: string) => boolean): string | null {
  const segments = serverName.split('.');
  for (let n = segments.length; n > 0; n--) {
    const key = segments.slice(0, n).join('.');
    if (known(key)) return key;
  }
  return null;
}

/** One row per date: the chart's data. */
export function chartRows(trend: OutcomeTrend): Array<Record<string, string | number>> {
  const dates = [...new Set(trend.domains.flatMap((d) => d.points.map((p) => p.measuredOn)))].sort();
  return dates.map((date) => {
    const row: Record<string, string | number> = { date };
    for (const d of trend.domains) {
      const point = [...d.points].reverse().find((p) => p.measuredOn === date);
      if (point) row[d.code] = point.score;
    }
    return row;
  });
}
