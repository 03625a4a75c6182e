/**
 * Synthetic neighbour help for the demo: volunteers and requests spread over
 * the real PC4 areas of each demo municipality, with matches in every state
 * the interface shows (proposed, accepted by the volunteer, confirmed with
 * hours given). All people are invented; addresses are made-up house numbers
 * in real postcode areas. Deterministic: the same data on every start.
 */
import type { Tx } from '../db/client';
import { insertPerson, replaceRoles } from '../modules/persons/persons.repository';
import { areasOf } from '../modules/geo/pc4';
import { insertHelpRequest, insertVogRecord, listCategories, upsertVolunteerProfile } from '../modules/neighbour-help/neighbour-help.repository';
import { DAY_PART_CODES, dayPartMask, type DayPartCode } from '../modules/neighbour-help/neighbour-help.rules';
import * as matchRepo from '../modules/neighbour-help/matches.repository';
import { candidatesForRequest } from '../modules/neighbour-help/matches.proposals';
import { joinPool, insertPoolWithId as insertPool } from '../modules/neighbour-help/regional-pool.repository';
import { FAMILY_NAMES, type DemoMunicipality } from './demo-data';

export const VOLUNTEERS_PER_MUNICIPALITY = 30;

/** Thirty different first names, so that a coordinator can tell the demo volunteers apart. */
const VOLUNTEER_NAMES = [
  'Aisha', 'Bram', 'Carla', 'Dirk', 'Eva', 'Floor', 'Gerrit', 'Hatice', 'Ivo', 'Joke',
  'Karim', 'Lies', 'Mees', 'Nadia', 'Otto', 'Petra', 'Quinten', 'Roos', 'Stijn', 'Tineke',
  'Umut', 'Vera', 'Wim', 'Xander', 'Yvonne', 'Zeynep', 'Arjen', 'Bianca', 'Cor', 'Dewi',
] as const;
export const REQUESTS_PER_MUNICIPALITY = 12;

/** The id of the i-th synthetic volunteer (without an account) of a demo municipality. */
export const demoVolunteerId = (cbsCode: string, i: number): string =>
  `b1000000-0000-4000-8000-${cbsCode.slice(2).padStart(6, '0')}${String(i).padStart(6, '0')}`;
export const demoRequestId = (cbsCode: string, i: number): string =>
  `d1000000-0000-4000-8000-${cbsCode.slice(2).padStart(6, '0')}${String(i).padStart(6, '0')}`;

/** A small deterministic generator (mulberry32), so the demo is the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    some: <T>(xs: readonly T[], n: number): T[] => [...xs].sort(() => next() - 0.5).slice(0, n),
  };
}

const REQUEST_TEXTS: Record<string, string[]> = {
  company: ['Een kopje koffie en een praatje, mijn man is vorig jaar overleden.', 'Gezelschap voor mijn moeder, ze woont alleen en ziet weinig mensen.'],
  groceries: ['Boodschappen halen, ik kan sinds mijn heupoperatie niet ver lopen.', 'Samen naar de markt, tillen lukt mij niet meer.'],
  transport: ['Vervoer naar het ziekenhuis voor een controle.', 'Een lift naar de fysiotherapeut.'],
  odd_jobs: ['Een lamp ophangen en een kastje vastzetten.', 'De gordijnrails hangen los.'],
  garden: ['De heg snoeien in het voorjaar.', 'Hulp met het onkruid in de achtertuin.'],
  paperwork: ['Hulp met brieven van de belastingdienst.', 'Mijn post ordenen, ik raak het overzicht kwijt.'],
  digital: ['Leren videobellen met mijn kleinkinderen.', 'Hulp met de app van de bank.'],
  walking: ['Samen een rondje wandelen in het park.', 'Een wandelmaatje voor het hondje en mij.'],
  language: ['Nederlands oefenen in gesprek.', 'Een taalmaatje om brieven te leren lezen.'],
  children: ['Iemand die voorleest aan mijn zoon.', 'Hulp met huiswerk voor mijn dochter.'],
};

export async function seedNeighbourHelpDemo(tx: Tx, m: DemoMunicipality, at: Date): Promise<void> {
  const rnd = prng(Number(m.cbsCode.slice(2)));
  const categories = await listCategories(tx, m.id);
  const areas = areasOf(m.name);
  if (areas.length === 0 || categories.length === 0) return;
  const coordinator = m.staff.find((s) => s.roles.includes('social_worker'));
  const day = (i: number) => new Date(at.getTime() - i * 86_400_000);

  for (let i = 0; i < VOLUNTEERS_PER_MUNICIPALITY; i += 1) {
    const id = demoVolunteerId(m.cbsCode, i);
    const givenName = VOLUNTEER_NAMES[i % VOLUNTEER_NAMES.length]!;
    const familyName = FAMILY_NAMES[(i * 13 + 5) % FAMILY_NAMES.length]!;
    await insertPerson(tx, { tenantId: m.id, id, accountId: null, givenName, familyName, email: null, phone: null, now: at });
    await replaceRoles(tx, m.id, id, [{ role: 'volunteer', organisationId: null }], at);
    // A third of them offer company once a month: the kind of volunteer a rota is built from.
    const monthlyCompany = i % 3 === 0;
    const cats = monthlyCompany ? ['company', rnd.pick(['walking', 'groceries'])] : rnd.some(categories.map((c) => c.code), rnd.int(1, 3));
    const parts = rnd.some(DAY_PART_CODES, rnd.int(3, 9)) as DayPartCode[];
    if (monthlyCompany) parts.push('tue:afternoon', 'wed:afternoon', 'thu:afternoon');
    await upsertVolunteerProfile(
      tx,
      {
        tenantId: m.id,
        personId: id,
        dayParts: dayPartMask([...new Set(parts)]),
        sessionsPerMonthTenths: monthlyCompany ? 10 : rnd.pick([10, 20, 20, 40]),
        maxResidents: rnd.int(1, 3),
        maxKm: rnd.int(2, 6),
        skills: [],
        languages: rnd.next() < 0.25 ? ['nl', rnd.pick(['en', 'tr', 'ar', 'pl'])] : ['nl'],
        gender: rnd.pick(['female', 'female', 'male', 'unknown'] as const),
        pc4: (monthlyCompany ? areas[Math.min(i % 4, areas.length - 1)]! : rnd.pick(areas)).pc4,
        regionalPool: false,
        giftMode: true,
        active: true,
      },
      [...new Set(cats)].flatMap((code) => categories.find((c) => c.code === code)?.id ?? []),
      at,
    );
    if (coordinator && (monthlyCompany || rnd.next() < 0.6)) {
      await insertVogRecord(tx, { tenantId: m.id, personId: id, issuedOn: `202${rnd.int(4, 6)}-0${rnd.int(1, 9)}-15`, recordedByPersonId: coordinator.id, recordedAt: at });
    }
  }

  const residentIds = Array.from({ length: 24 }, (_, i) => i).filter((i) => i % 4 !== 0);
  for (let i = 0; i < REQUESTS_PER_MUNICIPALITY; i += 1) {
    const category = categories[i % categories.length]!;
    const residentIndex = residentIds[i % residentIds.length]!;
    const residentId = `b0000000-0000-4000-8000-${m.cbsCode.slice(2).padStart(6, '0')}${String(residentIndex).padStart(6, '0')}`;
    const area = rnd.pick(areas);
    const schedule = rnd.pick(['monthly', 'monthly', 'fortnightly', 'once'] as const);
    const created = day(rnd.int(1, 12));
    const windowStart = new Date(at.getTime() + rnd.int(3, 20) * 86_400_000 + 13 * 3600_000);
    await insertHelpRequest(
      tx,
      {
        tenantId: m.id,
        id: demoRequestId(m.cbsCode, i),
        residentPersonId: residentId,
        createdByPersonId: i % 5 === 0 && coordinator ? coordinator.id : residentId,
        categoryId: category.id,
        description: rnd.pick(REQUEST_TEXTS[category.code] ?? ['Hulp gevraagd in de buurt.']),
        schedule,
        windowStart: schedule === 'once' ? windowStart : null,
        windowEnd: schedule === 'once' ? new Date(windowStart.getTime() + 7 * 86_400_000) : null,
        dayParts: dayPartMask(rnd.some(DAY_PART_CODES, rnd.int(3, 8)) as DayPartCode[]),
        durationMinutes: rnd.pick([60, 90, 120]),
        pc4: area.pc4,
        vogRequired: category.vulnerable,
        createdAt: created,
        updatedAt: created,
      },
      { postcode: `${area.pc4}AB`, houseNumber: rnd.int(1, 180), houseNumberAddition: null },
    );
  }

  // Let the engine propose volunteers, then play a few matches forward.
  const city = { tenantId: m.id, now: at, vogValidMonths: 36 };
  for (let i = 0; i < REQUESTS_PER_MUNICIPALITY; i += 1) {
    const [request] = await matchRepo.requestsForMatching(tx, m.id, demoRequestId(m.cbsCode, i));
    if (!request) continue;
    const candidates = (await candidatesForRequest(tx, city, request, 3)).filter((c) => c.coversWholeRequest);
    for (const [k, c] of candidates.entries()) {
      const state = k > 0 ? 'proposed' : i % 3 === 0 ? 'confirmed' : i % 3 === 1 ? 'volunteer_accepted' : 'proposed';
      const created = new Date(request.createdAt.getTime() + 3600_000);
      const id = await matchRepo.insertMatch(tx, {
        tenantId: m.id,
        requestId: request.id,
        volunteerPersonId: c.volunteerPersonId,
        state,
        origin: 'engine',
        sessionsPerMonthTenths: Math.max(1, Math.round(c.sessionsPerMonth * 10)),
        distanceM: Math.round(c.km * 1000),
        explanation: c.explanation,
        createdByPersonId: null,
        createdAt: created,
        volunteerAcceptedAt: state === 'proposed' ? null : new Date(created.getTime() + 86_400_000),
        confirmedAt: state === 'confirmed' ? new Date(created.getTime() + 2 * 86_400_000) : null,
        updatedAt: created,
      });
      if (state === 'proposed') continue;
      await matchRepo.updateRequest(tx, m.id, request.id, {
        firstResponseAt: new Date(created.getTime() + 86_400_000),
        ...(state === 'confirmed' ? { status: 'matched', matchedAt: new Date(created.getTime() + 2 * 86_400_000) } : {}),
      });
      if (state === 'confirmed') {
        await matchRepo.insertSession(tx, { tenantId: m.id, matchId: id, happenedOn: at.toISOString().slice(0, 10), minutes: 90, recordedByPersonId: c.volunteerPersonId, createdAt: at });
        break; // a confirmed match closes the others
      }
    }
  }
}

/** The demo's regional pool: both demo municipalities, as the Zuid-Holland Zuid region would. */
export const DEMO_POOL_ID = 'f0000000-0000-4000-8000-000000000001';
/** The one demo volunteer of the first municipality who also helps in the region (driving, 20 km). */
export const demoPoolVolunteerId = (cbsCode: string): string => demoVolunteerId(cbsCode, 99);

export async function seedRegionalPool(tx: Tx, municipalities: readonly DemoMunicipality[], at: Date): Promise<void> {
  const [first, ...others] = municipalities;
  if (!first || others.length === 0) return;
  await insertPool(tx, { id: DEMO_POOL_ID, name: 'Regio Zuid-Holland Zuid', createdByTenantId: first.id, createdAt: at });
  for (const m of municipalities) {
    const admin = m.staff.find((s) => s.roles.includes('admin'));
    if (admin) await joinPool(tx, m.id, DEMO_POOL_ID, admin.id, at, true);
  }
  // Only transport, so that the municipality's own requests of other kinds are not affected by the wide radius.
  const transport = (await listCategories(tx, first.id)).find((c) => c.code === 'transport');
  if (!transport) return;
  const id = demoPoolVolunteerId(first.cbsCode);
  await insertPerson(tx, { tenantId: first.id, id, accountId: null, givenName: 'Ruud', familyName: 'van Leeuwen', email: null, phone: null, now: at });
  await replaceRoles(tx, first.id, id, [{ role: 'volunteer', organisationId: null }], at);
  await upsertVolunteerProfile(
    tx,
    {
      tenantId: first.id,
      personId: id,
      dayParts: dayPartMask(DAY_PART_CODES.filter((c) => !c.endsWith('evening') && !c.startsWith('sun'))),
      sessionsPerMonthTenths: 40,
      maxResidents: 3,
      maxKm: 20,
      skills: ['rijbewijs'],
      languages: ['nl'],
      gender: 'male',
      pc4: '3313',
      regionalPool: true,
      giftMode: true,
      active: true,
    },
    [transport.id],
    at,
  );
}
