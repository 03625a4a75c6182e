/**
 * Postcode areas (PC4) to approximate locations. A resident's exact address
 * never reaches matching: only the centroid of their four-digit postcode
 * area does. Data: server/data/pc4.csv ("Bron: CBS; © CBS, © ESRI Nederland").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Pc4Area {
  pc4: string;
  lat: number;
  lon: number;
  place: string;
  municipality: string;
  province: string;
}

export const PC4_SOURCE = 'Bron: CBS; © CBS, © ESRI Nederland';
const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../data/pc4.csv');

let areas: Map<string, Pc4Area> | null = null;

function load(): Map<string, Pc4Area> {
  const map = new Map<string, Pc4Area>();
  const lines = readFileSync(FILE, 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const [pc4, lat, lon, place, municipality, province] = line.split(',');
    if (!pc4 || !lat || !lon || !place || !municipality) continue;
    map.set(pc4, { pc4, lat: Number(lat), lon: Number(lon), place, municipality, province: province ?? '' });
  }
  return map;
}

/** The area of a four-digit postcode, or null for an unknown or non-residential one. */
export function findPc4(pc4: string): Pc4Area | null {
  areas ??= load();
  return areas.get(pc4) ?? null;
}

/** Dutch postcode "1234 AB" (space optional, any case) to its normal form "1234AB", or null. */
export function normalisePostcode(input: string): string | null {
  const m = /^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$/.exec(input);
  if (!m || !m[1] || !m[2]) return null;
  const letters = m[2].toUpperCase();
  // SA, SD and SS are never issued.
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return null;
  return `${m[1]}${letters}`;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Every PC4 area of a municipality (by its CBS name), in postcode order. */
export function areasOf(municipality: string): Pc4Area[] {
  areas ??= load();
  return [...areas.values()].filter((a) => a.municipality === municipality).sort((a, b) => a.pc4.localeCompare(b.pc4));
}

/** Every PC4 area of a province (e.g. 'Zuid-Holland'), in postcode order. */
export function areasOfProvince(province: string): Pc4Area[] {
  areas ??= load();
  return [...areas.values()].filter((a) => a.province === province).sort((a, b) => a.pc4.localeCompare(b.pc4));
}
