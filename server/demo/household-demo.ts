/**
 * Synthetic demo of one plan around the resident (issue 5): Ineke de Vries,
 * the Dordrecht demo resident, whose husband has dementia, with a file
 * coordinated by the Dordrecht social worker (Sanne Bakker): her household,
 * a consent for the care provider, a plan with two versions, a network map
 * of ten people and organisations, three measurements over time in three
 * life domains, answered feedback and one open wish. Everything is invented.
 *
 * Loaded once, apart from the main demo load (its own data_loads marker),
 * so that the integration tests, which open a file for the same resident on
 * the main demo data, keep starting from a resident without a file.
 * Deterministic: fixed ids, dates relative to the day it is loaded.
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { dataLoads } from '../db/schema/index';
import { householdMembers } from '../db/schema/household';
import { audit } from '../audit/audit.service';
import type { AuditAction } from '../../shared/audit';
import * as repo from '../modules/household/household.repository';
import type { PlanContent } from '../modules/household/household.plan';
import { DEMO_MUNICIPALITIES, type DemoMunicipality } from './demo-data';

export const HOUSEHOLD_DEMO_LOAD = 'demo-household-v1';

/** Fixed ids: `f5…` files, then a per-kind prefix and a counter. */
const id = (kind: number, n: number) => `f5000000-0000-4000-8000-${String(kind).padStart(4, '0')}${String(n).padStart(8, '0')}`;
export const DEMO_FILE_ID = id(1, 1);

const day = (at: Date, days: number) => new Date(at.getTime() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
const instant = (at: Date, days: number) => new Date(at.getTime() + days * 86_400_000);

/** Loads the household demo once; returns false when it was there already or the demo people are missing. */
export async function loadHouseholdDemo(db: Db, now: () => Date): Promise<boolean> {
  const [done] = await db.select().from(dataLoads).where(eq(dataLoads.name, HOUSEHOLD_DEMO_LOAD));
  if (done) return false;
  const dordrecht = DEMO_MUNICIPALITIES.find((m) => m.cbsCode === 'GM0505');
  if (!dordrecht) return false;
  return db.transaction(async (tx) => {
    await tx.insert(dataLoads).values({ name: HOUSEHOLD_DEMO_LOAD });
    return seedHouseholdDemo(tx, dordrecht, now());
  });
}

export async function seedHouseholdDemo(tx: Tx, m: DemoMunicipality, at: Date): Promise<boolean> {
  const staff = (localPart: string) => m.staff.find((s) => s.localPart === localPart);
  const resident = staff('inwoner');
  const worker = staff('sociaalwerker');
  const volunteer = staff('vrijwilliger');
  if (!resident || !worker) return false;
  const [zorggroep, , woonstichting] = m.organisations;
  const tenantId = m.id;
  const fileId = DEMO_FILE_ID;
  const ctx = { requestId: `seed:${HOUSEHOLD_DEMO_LOAD}`, locale: 'nl' as const, now: () => at, actor: null, tenant: { id: m.id, code: m.cbsCode, name: m.name } };
  const record = (action: AuditAction, resourceType: string, resourceId: string) =>
    audit(tx, ctx, { action, purpose: 'system_data_load', resourceType, resourceId, subjectPersonId: resident.id });

  await repo.insertFile(tx, {
    tenantId,
    id: fileId,
    residentPersonId: resident.id,
    bsn: '111222333',
    coordinatorPersonId: worker.id,
    createdByPersonId: worker.id,
    createdAt: instant(at, -130),
    updatedAt: instant(at, -60),
  });
  await tx.insert(householdMembers).values([
    { tenantId, id: id(2, 1), fileId, name: 'Henk de Vries', relation: 'partner', birthYear: 1948, sortOrder: 0 },
  ]);
  await record('resident_file.create', 'resident_file', fileId);

  if (zorggroep) {
    await repo.insertConsent(tx, {
      tenantId,
      id: id(3, 1),
      fileId,
      recipientPersonId: null,
      recipientOrganisationId: zorggroep.id,
      scopes: ['plan', 'network'],
      purpose: 'Afstemmen van de dagbesteding voor Henk',
      validFrom: day(at, -130),
      validUntil: day(at, 235),
      recordedByPersonId: worker.id,
      recordedAt: instant(at, -130),
      withdrawnAt: null,
      withdrawnByPersonId: null,
    });
    await record('consent.record', 'consent', id(3, 1));
  }

  const goals = {
    rest: { id: id(4, 1), text: 'Ik wil af en toe tijd voor mezelf, zonder zorgen om Henk.' },
    post: { id: id(4, 2), text: 'Ik wil mijn post en rekeningen weer zelf overzien.' },
    choir: { id: id(4, 3), text: 'Ik wil weer naar het koor op donderdagavond.' },
  };
  const first: PlanContent = {
    goals: [goals.rest, goals.post],
    actions: [
      { id: id(5, 1), goalId: goals.rest.id, who: { personId: worker.id }, what: 'Dagbesteding voor Henk bespreken met Zorggroep Oude Haven', dueOn: day(at, -100), formal: true },
      { id: id(5, 2), goalId: goals.rest.id, who: { helperName: 'Buurvrouw Els' }, what: 'Op dinsdagmiddag een uurtje bij Henk', dueOn: null, formal: false },
      { id: id(5, 3), goalId: goals.post.id, who: { helperName: 'Dochter Marieke' }, what: 'Elke maand samen de post doornemen', dueOn: null, formal: false },
    ],
    reviewDates: [day(at, -60)],
    domains: ['social_network', 'daytime_activities', 'finances'],
  };
  const second: PlanContent = {
    goals: [goals.rest, goals.post, goals.choir],
    actions: [
      { id: id(5, 4), goalId: goals.rest.id, who: { personId: worker.id }, what: 'Henk gaat op maandag en donderdag naar de dagbesteding: elke maand even navragen hoe het gaat', dueOn: day(at, 30), formal: true },
      first.actions[1]!,
      first.actions[2]!,
      { id: id(5, 5), goalId: goals.choir.id, who: { personId: resident.id }, what: 'Het koor bellen en een repetitie bezoeken', dueOn: day(at, 14), formal: false },
    ],
    reviewDates: [day(at, -60), day(at, 40)],
    domains: first.domains,
  };
  await repo.insertPlanVersion(tx, { tenantId, fileId, version: 1, content: first, reason: 'Eerste plan, samen met Ineke gemaakt.', authorPersonId: worker.id, createdAt: instant(at, -125) });
  await repo.insertPlanVersion(tx, {
    tenantId,
    fileId,
    version: 2,
    content: second,
    reason: 'Evaluatie: Henk gaat twee dagen naar de dagbesteding, Ineke wil weer naar het koor.',
    authorPersonId: worker.id,
    createdAt: instant(at, -60),
  });
  await record('household_plan.update', 'household_plan', fileId);

  const members: Array<Omit<Parameters<typeof repo.insertNetworkMember>[1], 'tenantId' | 'id' | 'fileId' | 'createdAt' | 'updatedAt'>> = [
    { circle: 'household', name: 'Henk (man)', supportKinds: ['company', 'emotional'], strength: 3 },
    { circle: 'family', name: 'Dochter Marieke', supportKinds: ['practical', 'emotional', 'financial'], strength: 3 },
    { circle: 'family', name: 'Zus Truus', supportKinds: ['emotional'], strength: 2 },
    { circle: 'neighbours', name: 'Buurvrouw Els', supportKinds: ['practical', 'company'], strength: 2 },
    { circle: 'friends', name: 'Joke van het koor', supportKinds: ['company'], strength: 1 },
    { circle: 'volunteers', name: volunteer ? `${volunteer.givenName} (buurthulp)` : 'Vrijwilliger buurthulp', personId: volunteer?.id ?? null, supportKinds: ['company'], strength: 2 },
    { circle: 'professionals', name: `${worker.givenName} ${worker.familyName} (sociaal werker)`, personId: worker.id, supportKinds: ['information', 'emotional'], strength: 3 },
    { circle: 'professionals', name: 'Huisarts dokter Bos', supportKinds: ['care'], strength: 2 },
    ...(zorggroep ? [{ circle: 'organisations', name: zorggroep.name, organisationId: zorggroep.id, organisationKind: 'care_provider', supportKinds: ['care'], strength: 2 }] : []),
    ...(woonstichting ? [{ circle: 'organisations', name: woonstichting.name, organisationId: woonstichting.id, organisationKind: 'housing_corporation', supportKinds: ['practical'], strength: 1 }] : []),
  ];
  for (const [i, member] of members.entries()) {
    await repo.insertNetworkMember(tx, {
      tenantId,
      id: id(6, i + 1),
      fileId,
      ...member,
      involvedSince: day(at, -130),
      createdAt: instant(at, -125),
      updatedAt: instant(at, -125),
    });
    await record('network_member.create', 'network_member', id(6, i + 1));
  }

  const measurements = [
    { days: -125, version: 1, residentScore: 4, scores: { social_network: 2, daytime_activities: 2, finances: 3 }, goals: [] as Array<[string, number]> },
    { days: -60, version: 2, residentScore: 6, scores: { social_network: 3, daytime_activities: 2, finances: 3 }, goals: [[goals.rest.id, -1], [goals.post.id, 0]] as Array<[string, number]> },
    { days: -10, version: 2, residentScore: 7, scores: { social_network: 4, daytime_activities: 3, finances: 4 }, goals: [[goals.rest.id, 0], [goals.post.id, 1]] as Array<[string, number]> },
  ];
  for (const [i, ms] of measurements.entries()) {
    const measurementId = id(7, i + 1);
    await repo.insertMeasurement(
      tx,
      {
        tenantId,
        id: measurementId,
        fileId,
        measuredOn: day(at, ms.days),
        source: 'professional',
        residentScore: ms.residentScore,
        planVersion: ms.version,
        recordedByPersonId: worker.id,
        createdAt: instant(at, ms.days),
      },
      Object.entries(ms.scores).map(([domain, score]) => ({ domain, score })),
      ms.goals.map(([goalId, attainment]) => ({ goalId, attainment })),
    );
    await record('outcome_measurement.create', 'outcome_measurement', measurementId);
  }

  await repo.insertVoice(tx, {
    tenantId,
    id: id(8, 1),
    fileId,
    kind: 'feedback',
    occasion: 'review',
    body: 'Fijn dat Sanne echt luistert. Ik hoef mijn verhaal niet steeds opnieuw te vertellen.',
    recordedByPersonId: resident.id,
    createdAt: instant(at, -59),
    answer: 'Dank u wel, Ineke. Zo houden we het.',
    answeredByPersonId: worker.id,
    answeredAt: instant(at, -58),
  });
  await repo.insertVoice(tx, {
    tenantId,
    id: id(8, 2),
    fileId,
    kind: 'wish',
    occasion: 'contact',
    body: 'Ik wil graag één vast aanspreekpunt bij de Zorggroep. Nu krijg ik steeds iemand anders aan de telefoon.',
    recordedByPersonId: resident.id,
    createdAt: instant(at, -5),
  });
  await record('resident_voice.create', 'resident_voice', id(8, 1));
  await record('resident_voice.create', 'resident_voice', id(8, 2));
  return true;
}
