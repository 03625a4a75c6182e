/**
 * Loads the synthetic demo data once. The marker row in data_loads makes a
 * second start add nothing. People created here get an audit event with
 * purpose `system_data_load`, so their access log starts truthfully.
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { accounts, dataLoads } from '../db/schema/index';
import { audit } from '../audit/audit.service';
import { hashPassword } from '../modules/auth/auth.password';
import { insertPerson, replaceRoles } from '../modules/persons/persons.repository';
import { organisations } from '../db/schema/index';
import { createMunicipality } from '../modules/system/municipalities.repository';
import { insertHelpRequest, insertVogRecord, listCategories, upsertVolunteerProfile } from '../modules/neighbour-help/neighbour-help.repository';
import { dayPartMask } from '../modules/neighbour-help/neighbour-help.rules';
import { insertMeetup, setAttendance, upsertSignup } from '../modules/meetups/meetups.repository';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD, FAMILY_NAMES, GIVEN_NAMES, type DemoMunicipality } from './demo-data';
import { seedNeighbourHelpDemo, seedRegionalPool } from './neighbour-help-demo';

export const DEMO_LOAD = 'demo-v1';
export const RESIDENTS_PER_MUNICIPALITY = 24;

/** The id of the i-th synthetic resident (without an account) of a demo municipality. */
export const demoResidentId = (cbsCode: string, i: number): string =>
  `b0000000-0000-4000-8000-${cbsCode.slice(2).padStart(6, '0')}${String(i).padStart(6, '0')}`;

export async function loadDemoData(db: Db, now: () => Date): Promise<boolean> {
  const [done] = await db.select().from(dataLoads).where(eq(dataLoads.name, DEMO_LOAD));
  if (done) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    // Claim the load first: a concurrent start fails on the primary key instead of loading twice.
    await tx.insert(dataLoads).values({ name: DEMO_LOAD });
    for (const m of DEMO_MUNICIPALITIES) {
      await createMunicipality(tx, { id: m.id, cbsCode: m.cbsCode, name: m.name });
      if (m.organisations.length) {
        await tx.insert(organisations).values(m.organisations.map((o) => ({ tenantId: m.id, ...o })));
      }
      const ctx = { requestId: `seed:${DEMO_LOAD}`, locale: 'nl' as const, now, actor: null, tenant: { id: m.id, code: m.cbsCode, name: m.name } };
      for (const s of m.staff) {
        const email = `${s.localPart}@${m.slug}.example`;
        const accountId = s.id.replace(/^a/, 'c');
        await tx.insert(accounts).values({ id: accountId, email, passwordHash, passwordChangedAt: now() });
        await insertPerson(tx, { tenantId: m.id, id: s.id, accountId, givenName: s.givenName, familyName: s.familyName, email, phone: null, now: now() });
        const orgId = s.organisationIndex !== undefined ? (m.organisations[s.organisationIndex]?.id ?? null) : null;
        await replaceRoles(tx, m.id, s.id, s.roles.map((role) => ({ role, organisationId: role === 'admin' || role === 'resident' || role === 'volunteer' ? null : orgId })), now());
        await audit(tx, ctx, { action: 'person.create', purpose: 'system_data_load', resourceType: 'person', resourceId: s.id, subjectPersonId: s.id });
      }
      await seedVolunteers(tx, m, now());
      for (let i = 0; i < RESIDENTS_PER_MUNICIPALITY; i += 1) {
        const id = demoResidentId(m.cbsCode, i);
        const givenName = GIVEN_NAMES[(i * 7 + m.cbsCode.length) % GIVEN_NAMES.length]!;
        const familyName = FAMILY_NAMES[(i * 11 + 3) % FAMILY_NAMES.length]!;
        await insertPerson(tx, { tenantId: m.id, id, accountId: null, givenName, familyName, email: null, phone: null, now: now() });
        await replaceRoles(tx, m.id, id, [{ role: i % 4 === 0 ? 'volunteer' : 'resident', organisationId: null }], now());
        await audit(tx, ctx, { action: 'person.create', purpose: 'system_data_load', resourceType: 'person', resourceId: id, subjectPersonId: id });
      }
      await seedNeighbourHelpDemo(tx, m, now());
      await seedMeetups(tx, m, now(), (entry) => audit(tx, ctx, { ...entry, purpose: 'system_data_load', resourceType: 'meetup' }));
    }
    await seedRegionalPool(tx, DEMO_MUNICIPALITIES, now());
  });
  return true;
}

/** `base` + `days` at a wall-clock time in Amsterdam (winter or summer time), as an instant. */
export function amsterdamTime(base: Date, days: number, time: string): Date {
  const day = new Date(base.getTime() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  const guess = new Date(`${day}T${time}:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'shortOffset' })
    .formatToParts(guess)
    .find((p) => p.type === 'timeZoneName')?.value;
  const hours = Number(/GMT([+-]\d+)/.exec(offset ?? '')?.[1] ?? 0);
  return new Date(guess.getTime() - hours * 3600_000);
}

/** Meet-ups at public venues with a few sign-ups; the ones already held have their attendance kept. */
async function seedMeetups(
  tx: Tx,
  m: DemoMunicipality,
  at: Date,
  record: (entry: { action: 'meetup.create' | 'meetup.signup' | 'meetup.attendance.update'; resourceId: string; subjectPersonId?: string }) => Promise<void>,
): Promise<void> {
  const organiser = m.staff.find((s) => s.roles.includes('social_worker')) ?? m.staff[0]!;
  for (const d of m.meetups) {
    const startsAt = amsterdamTime(at, d.inDays, d.startTime);
    // Created a week before it is held, or at load time for upcoming ones.
    const createdAt = d.inDays < 0 ? new Date(startsAt.getTime() - 7 * 86_400_000) : at;
    await insertMeetup(tx, {
      tenantId: m.id,
      id: d.id,
      organisationId: m.organisations[d.organisationIndex]!.id,
      title: d.title,
      place: d.place,
      pc4: d.postcode,
      startsAt,
      endsAt: new Date(startsAt.getTime() + d.minutes * 60_000),
      capacity: d.capacity,
      notes: d.notes,
      createdByPersonId: organiser.id,
      cancelledAt: null,
      createdAt,
      updatedAt: createdAt,
    });
    await record({ action: 'meetup.create', resourceId: d.id });
    for (const s of d.signups) {
      const personId = s.staff ? m.staff.find((p) => p.localPart === s.staff)!.id : demoResidentId(m.cbsCode, s.resident ?? 0);
      await upsertSignup(tx, m.id, d.id, personId, createdAt);
      await record({ action: 'meetup.signup', resourceId: d.id, subjectPersonId: personId });
      if (s.attended !== undefined) {
        await setAttendance(tx, m.id, d.id, [{ personId, attended: s.attended }]);
        await record({ action: 'meetup.attendance.update', resourceId: d.id, subjectPersonId: personId });
      }
    }
  }
}

/** One open request by the demo resident; staff with the volunteer role get an offer profile and a recorded VOG. */
async function seedVolunteers(tx: Tx, m: (typeof DEMO_MUNICIPALITIES)[number], at: Date): Promise<void> {
  const categories = await listCategories(tx, m.id);
  const byCode = new Map(categories.map((c) => [c.code, c.id]));
  const coordinator = m.staff.find((s) => s.roles.includes('social_worker'));
  const resident = m.staff.find((s) => s.roles.includes('resident') && !s.roles.includes('volunteer'));
  const r = m.helpRequest;
  const category = byCode.get(r.categoryCode);
  if (resident && category) {
    await insertHelpRequest(
      tx,
      {
        tenantId: m.id,
        id: r.id,
        residentPersonId: resident.id,
        createdByPersonId: resident.id,
        categoryId: category,
        description: r.description,
        schedule: r.schedule,
        dayParts: dayPartMask(['tue:afternoon', 'wed:afternoon']),
        durationMinutes: 60,
        pc4: r.postcode.slice(0, 4),
        vogRequired: categories.find((c) => c.id === category)?.vulnerable ?? false,
        createdAt: at,
        updatedAt: at,
      },
      { postcode: r.postcode, houseNumber: r.houseNumber, houseNumberAddition: null },
    );
  }
  for (const s of m.staff.filter((p) => p.roles.includes('volunteer'))) {
    const categoryIds = ['company', 'groceries', 'walking'].map((code) => byCode.get(code)).filter((id): id is string => Boolean(id));
    await upsertVolunteerProfile(
      tx,
      {
        tenantId: m.id,
        personId: s.id,
        dayParts: dayPartMask(['tue:afternoon', 'thu:afternoon', 'sat:morning']),
        sessionsPerMonthTenths: 20,
        maxResidents: 2,
        maxKm: 5,
        skills: ['koken'],
        languages: ['nl', 'en'],
        gender: 'male',
        pc4: m.volunteerPc4,
        regionalPool: false,
        giftMode: true,
        active: true,
      },
      categoryIds,
      at,
    );
    if (coordinator) {
      await insertVogRecord(tx, { tenantId: m.id, personId: s.id, issuedOn: '2025-03-01', recordedByPersonId: coordinator.id, recordedAt: at });
    }
  }
}

export function demoSignIns(): Array<{ municipality: string; email: string; roles: string[] }> {
  return DEMO_MUNICIPALITIES.flatMap((m) =>
    m.staff.map((s) => ({ municipality: m.name, email: `${s.localPart}@${m.slug}.example`, roles: s.roles })),
  );
}
