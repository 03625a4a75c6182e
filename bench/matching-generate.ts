/**
 * Synthetic neighbour-help cities for the matching benchmark, over the real
 * PC4 areas of Zuid-Holland in the server's reference data (server/data/pc4.csv;
 * Bron: CBS; © CBS, © ESRI Nederland). Residents and volunteers are placed in postcode areas in
 * proportion to the inhabitants, jittered around the centroid. Deterministic
 * for a given seed.
 *
 * The mix is meant to look like a SamSam-style platform: many volunteers, but
 * 70 % of them already busy, each with a narrow offer (a few categories, a few
 * day parts, 1-10 km), so that the constraints, not the head count, decide how
 * much demand can be served.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gender, MatchRequest, MatchVolunteer, Urgency } from '../server/modules/matching/matching.types';

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'server', 'data', 'pc4.csv');
/** The benchmark's cities all lie in this province. */
const PROVINCE = 'Zuid-Holland';

export const SIZES = {
  /** Not in the list: small enough for HiGHS to prove all three levels. */
  tiny: { requests: 50, volunteers: 250, area: { municipality: 'Zwijndrecht' } },
  small: { requests: 200, volunteers: 1_000, area: { municipality: 'Zwijndrecht' } },
  medium: { requests: 1_000, volunteers: 5_000, area: { municipality: 'Dordrecht' } },
  city: { requests: 5_000, volunteers: 25_000, area: { municipality: 'Rotterdam' } },
  region: { requests: 20_000, volunteers: 100_000, area: { province: 'Zuid-Holland' } },
} as const;
export type SizeName = keyof typeof SIZES;

interface Pc4 {
  pc4: string;
  lat: number;
  lon: number;
  municipality: string;
  inhabitants: number;
}

/** The PC4 areas of Zuid-Holland that belong to a municipality, in file order (the cities depend on it). */
export function loadPc4(): Pc4[] {
  const lines = readFileSync(DATA, 'utf8').split('\n').filter((l) => l.length > 0 && !l.startsWith('#'));
  const out: Pc4[] = [];
  for (const line of lines.slice(1)) {
    const [pc4, lat, lon, , municipality, province, inhabitants] = line.split(',');
    if (province !== PROVINCE || !municipality) continue;
    const n = Number(inhabitants);
    out.push({ pc4: pc4!, lat: Number(lat), lon: Number(lon), municipality, inhabitants: Number.isFinite(n) ? n : 0 });
  }
  return out;
}

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted<T>(random: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let x = random() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

const REQUEST_CATEGORIES = [
  ['company', 0.3],
  ['shopping', 0.15],
  ['transport', 0.15],
  ['odd-jobs', 0.12],
  ['paperwork', 0.1],
  ['digital', 0.08],
  ['garden', 0.05],
  ['language', 0.05],
] as const;
const VOLUNTEER_CATEGORIES = [
  ['company', 0.2],
  ['shopping', 0.2],
  ['transport', 0.15],
  ['odd-jobs', 0.15],
  ['paperwork', 0.1],
  ['digital', 0.1],
  ['garden', 0.05],
  ['language', 0.05],
] as const;
const OTHER_LANGUAGES = [
  ['tr', 0.25],
  ['ar', 0.25],
  ['pl', 0.15],
  ['ber', 0.15],
  ['en', 0.2],
] as const;
const SKILLS = ['driving', 'wheelchair', 'dementia', 'computer', 'dutch-teaching'] as const;

/** Day parts: mostly weekday mornings and afternoons, some evenings and weekends. */
function randomDayParts(random: () => number, count: number): number {
  let mask = 0;
  let placed = 0;
  while (placed < count) {
    const weekend = random() < 0.15;
    const day = weekend ? 5 + Math.floor(random() * 2) : Math.floor(random() * 5);
    const part = random() < 0.15 ? 2 : Math.floor(random() * 2);
    const bit = 1 << (day * 3 + part);
    if ((mask & bit) === 0) {
      mask |= bit;
      placed++;
    }
  }
  return mask;
}

export interface GeneratedCity {
  size: SizeName;
  seed: number;
  requests: MatchRequest[];
  volunteers: MatchVolunteer[];
}

/** Generates one synthetic city; same (size, seed), same city. */
export function generateCity(size: SizeName, seed = 1): GeneratedCity {
  const spec = SIZES[size];
  const random = rng(seed * 7919 + spec.requests);
  const all = loadPc4();
  const areas = all.filter((p) => ('municipality' in spec.area ? p.municipality === spec.area.municipality : true) && p.inhabitants > 0);
  if (areas.length === 0) throw new Error(`no PC4 areas for ${size}`);
  const cumulative = new Float64Array(areas.length);
  let sum = 0;
  areas.forEach((a, i) => {
    sum += a.inhabitants;
    cumulative[i] = sum;
  });
  const pickArea = (): Pc4 => {
    const x = random() * sum;
    let lo = 0;
    let hi = areas.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return areas[lo]!;
  };
  const gauss = (): number => {
    const u = Math.max(1e-12, random());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const place = () => {
    const a = pickArea();
    const sigmaKm = 0.35;
    return {
      lat: a.lat + (gauss() * sigmaKm) / 110.574,
      lon: a.lon + (gauss() * sigmaKm) / (111.32 * Math.cos((a.lat * Math.PI) / 180)),
      municipalityId: a.municipality,
      pc4: a.pc4,
    };
  };
  const regional = size === 'region';

  const volunteers: MatchVolunteer[] = [];
  const byPc4 = new Map<string, number[]>();
  for (let i = 0; i < spec.volunteers; i++) {
    const p = place();
    const cats = new Set<string>();
    const nCats = 1 + Math.floor(random() * 3);
    while (cats.size < nCats) cats.add(pickWeighted(random, VOLUNTEER_CATEGORIES));
    const capacity = pickWeighted(random, [
      [1, 0.5],
      [2, 0.3],
      [4.3, 0.15],
      [8.6, 0.05],
    ] as const);
    const maxResidents = pickWeighted(random, [
      [1, 0.5],
      [2, 0.35],
      [3, 0.15],
    ] as const);
    // Most registered volunteers already help someone; their room is what is left.
    const busy = random() < 0.7;
    const existing = busy ? Math.round(capacity * (0.6 + 0.4 * random()) * 10) / 10 : 0;
    const existingResidents = busy ? Math.max(1, maxResidents - (random() < 0.4 ? 1 : 0)) : 0;
    const languages = ['nl'];
    if (random() < 0.2) languages.push(pickWeighted(random, OTHER_LANGUAGES));
    const skills: string[] = [];
    const nSkills = Math.floor(random() * 3);
    for (let k = 0; k < nSkills; k++) {
      const s = SKILLS[Math.floor(random() * SKILLS.length)]!;
      if (!skills.includes(s)) skills.push(s);
    }
    volunteers.push({
      id: `v${i}`,
      lat: p.lat,
      lon: p.lon,
      municipalityId: p.municipalityId,
      regionalPool: regional && random() < 0.25,
      maxKm: pickWeighted(random, [
        [1, 0.2],
        [2, 0.3],
        [3, 0.25],
        [5, 0.15],
        [10, 0.1],
      ] as const),
      categoryIds: [...cats],
      skills,
      dayParts: randomDayParts(random, 3 + Math.floor(random() * 8)),
      languages,
      gender: pickWeighted<Gender>(random, [
        ['female', 0.65],
        ['male', 0.33],
        ['other', 0.02],
      ]),
      vogValid: random() < 0.4,
      sessionsPerMonth: capacity,
      maxResidents,
      existingSessionsPerMonth: existing,
      existingResidents,
    });
    let list = byPc4.get(p.pc4);
    if (!list) byPc4.set(p.pc4, (list = []));
    list.push(i);
  }

  const requests: MatchRequest[] = [];
  for (let i = 0; i < spec.requests; i++) {
    const p = place();
    const sameGender = random() < 0.1;
    const gender: Gender = random() < 0.7 ? 'female' : 'male';
    const known: string[] = [];
    const local = byPc4.get(p.pc4);
    if (local && random() < 0.1) known.push(`v${local[Math.floor(random() * local.length)]!}`);
    requests.push({
      id: `r${i}`,
      lat: p.lat,
      lon: p.lon,
      municipalityId: p.municipalityId,
      regionalPool: regional && random() < 0.3,
      categoryId: pickWeighted(random, REQUEST_CATEGORIES),
      wishedSkills: random() < 0.2 ? [SKILLS[Math.floor(random() * SKILLS.length)]!] : [],
      dayParts: randomDayParts(random, 2 + Math.floor(random() * 5)),
      sessionsPerMonth: pickWeighted(random, [
        [4.3, 0.3],
        [2.2, 0.25],
        [1, 0.45],
      ] as const),
      languages: random() < 0.15 ? [pickWeighted(random, OTHER_LANGUAGES)] : [],
      sameGender,
      gender,
      vogRequired: random() < 0.2,
      urgency: pickWeighted<Urgency>(random, [
        ['low', 0.3],
        ['normal', 0.55],
        ['high', 0.15],
      ]),
      waitingDays: Math.min(365, Math.floor(-30 * Math.log(Math.max(1e-12, random())))),
      knownVolunteerIds: known,
    });
  }
  return { size, seed, requests, volunteers };
}
