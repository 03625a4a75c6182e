/**
 * Storage of the regional pool (ADR 0007). Pools and their members are
 * readable by every municipality; another municipality's volunteers are read
 * only through the database functions of migration 0009, never directly.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client';
import { municipalities, persons, regionalPoolMembers, regionalPools, regionalVolunteers, roleAssignments } from '../../db/schema/index';

export interface PoolSummary {
  id: string;
  name: string;
  /** Members that share: accepted by the pool (or that started it). */
  members: Array<{ code: string; name: string }>;
  /** Members that joined and wait for a member's acceptance. */
  waiting: Array<{ code: string; name: string }>;
}

/** Every pool with its member municipalities, by name. */
export async function listPools(q: Queryable): Promise<PoolSummary[]> {
  const pools = await q.select({ id: regionalPools.id, name: regionalPools.name }).from(regionalPools).orderBy(asc(regionalPools.name));
  const members = await q
    .select({ poolId: regionalPoolMembers.poolId, code: municipalities.cbsCode, name: municipalities.name, acceptedAt: regionalPoolMembers.acceptedAt })
    .from(regionalPoolMembers)
    .innerJoin(municipalities, eq(municipalities.id, regionalPoolMembers.tenantId))
    .orderBy(asc(municipalities.name));
  const of = (poolId: string, accepted: boolean) =>
    members.filter((m) => m.poolId === poolId && (m.acceptedAt !== null) === accepted).map(({ code, name }) => ({ code, name }));
  return pools.map((p) => ({ ...p, members: of(p.id, true), waiting: of(p.id, false) }));
}

export async function poolIdOf(q: Queryable, tenantId: string): Promise<string | null> {
  const [row] = await q.select({ poolId: regionalPoolMembers.poolId }).from(regionalPoolMembers).where(eq(regionalPoolMembers.tenantId, tenantId));
  return row?.poolId ?? null;
}

/** Whether a municipality other than `tenantId` shares in the pool (accepted by it, or that started it). */
export async function hasOtherAcceptedMember(q: Queryable, poolId: string, tenantId: string): Promise<boolean> {
  const [row] = await q
    .select({ tenantId: regionalPoolMembers.tenantId })
    .from(regionalPoolMembers)
    .where(and(eq(regionalPoolMembers.poolId, poolId), ne(regionalPoolMembers.tenantId, tenantId), isNotNull(regionalPoolMembers.acceptedAt)))
    .limit(1);
  return !!row;
}

export async function poolExists(q: Queryable, id: string): Promise<boolean> {
  const [row] = await q.select({ id: regionalPools.id }).from(regionalPools).where(eq(regionalPools.id, id));
  return !!row;
}

/**
 * A new pool; null when a pool of this name (in any case) exists, also one
 * started a moment ago in a transaction that has not finished: the unique
 * index on lower(name) decides, so two at once cannot both start it.
 */
export async function insertPool(q: Queryable, name: string, tenantId: string, now: Date): Promise<string | null> {
  const rows = await q
    .insert(regionalPools)
    .values({ id: randomUUID(), name, createdByTenantId: tenantId, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: regionalPools.id });
  return rows[0]?.id ?? null;
}

export async function insertPoolWithId(q: Queryable, row: typeof regionalPools.$inferInsert): Promise<void> {
  await q.insert(regionalPools).values(row);
}

/** Joins (or moves to) a pool: a municipality is in at most one. `accepted` when it starts the pool or nobody is in it. */
export async function joinPool(q: Queryable, tenantId: string, poolId: string, personId: string, now: Date, accepted: boolean): Promise<void> {
  const acceptedAt = accepted ? now : null;
  await q
    .insert(regionalPoolMembers)
    .values({ tenantId, poolId, joinedByPersonId: personId, joinedAt: now, acceptedAt, acceptedByTenantId: accepted ? tenantId : null })
    .onConflictDoUpdate({ target: regionalPoolMembers.tenantId, set: { poolId, joinedByPersonId: personId, joinedAt: now, acceptedAt, acceptedByTenantId: accepted ? tenantId : null } });
}

export async function membershipOf(q: Queryable, tenantId: string): Promise<{ poolId: string; accepted: boolean } | null> {
  const [row] = await q.select({ poolId: regionalPoolMembers.poolId, acceptedAt: regionalPoolMembers.acceptedAt }).from(regionalPoolMembers).where(eq(regionalPoolMembers.tenantId, tenantId));
  return row ? { poolId: row.poolId, accepted: row.acceptedAt !== null } : null;
}

/** A member of the pool accepts a waiting municipality (door 5 of migration 0015). */
export async function acceptMember(q: Queryable, memberTenantId: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(q, sql`select samenspel_accept_pool_member(${memberTenantId}) as ok`);
  return row?.ok === true;
}

export async function municipalityByCode(q: Queryable, code: string): Promise<{ id: string; name: string } | null> {
  const [row] = await q.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).where(eq(municipalities.cbsCode, code));
  return row ?? null;
}

/** May this person still help here (door 4): always for own volunteers; for a partner's only while pool, opt-in and offer hold. */
export async function regionalVolunteerOk(q: Queryable, personId: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(q, sql`select samenspel_regional_volunteer_ok(${personId}) as ok`);
  return row?.ok !== false;
}

export async function leavePool(q: Queryable, tenantId: string): Promise<boolean> {
  const rows = await q.delete(regionalPoolMembers).where(eq(regionalPoolMembers.tenantId, tenantId)).returning({ t: regionalPoolMembers.tenantId });
  return rows.length > 0;
}

export interface PoolVolunteerRow {
  homeTenantId: string;
  homePersonId: string;
  hostedPersonId: string | null;
  homeMunicipality: string;
  givenName: string;
  pc4: string;
  dayParts: number;
  sessionsPerMonthTenths: number;
  maxResidents: number;
  maxKm: number;
  skills: string[];
  languages: string[];
  gender: string;
  categoryCodes: string[];
  latestVog: string | null;
  loadTenths: number;
  residents: number;
  recentNoShows: number;
}

/** The willing volunteers of partner municipalities (empty outside a pool). */
export async function poolVolunteers(q: Queryable, since: Date): Promise<PoolVolunteerRow[]> {
  return queryRows<PoolVolunteerRow>(
    q,
    sql`select home_tenant_id as "homeTenantId", home_person_id as "homePersonId", hosted_person_id as "hostedPersonId",
               home_municipality as "homeMunicipality", given_name as "givenName", pc4, day_parts as "dayParts",
               sessions_per_month_tenths as "sessionsPerMonthTenths", max_residents as "maxResidents", max_km as "maxKm",
               skills, languages, gender, category_codes as "categoryCodes", latest_vog as "latestVog",
               load_tenths as "loadTenths", residents, recent_no_shows as "recentNoShows"
          from samenspel_pool_volunteers(${since})`,
  );
}

/** What this municipality's own volunteers carry in partner municipalities, by home person id. */
export async function hostedLoads(q: Queryable, since: Date): Promise<Map<string, { loadTenths: number; residents: number; recentNoShows: number }>> {
  const rows = await queryRows<{ personId: string; loadTenths: number; residents: number; recentNoShows: number }>(
    q,
    sql`select home_person_id as "personId", load_tenths as "loadTenths", residents, recent_no_shows as "recentNoShows"
          from samenspel_hosted_loads(${since})`,
  );
  return new Map(rows.map(({ personId, ...load }) => [personId, load]));
}

export async function poolVolunteerPerson(q: Queryable, homeTenantId: string, homePersonId: string) {
  const [row] = await queryRows<{ accountId: string | null; givenName: string; familyName: string; email: string | null; phone: string | null }>(
    q,
    sql`select account_id as "accountId", given_name as "givenName", family_name as "familyName", email, phone
          from samenspel_pool_volunteer_person(${homeTenantId}, ${homePersonId})`,
  );
  return row ?? null;
}

export async function findHosted(q: Queryable, tenantId: string, homeTenantId: string, homePersonId: string): Promise<string | null> {
  const [row] = await q
    .select({ personId: regionalVolunteers.personId })
    .from(regionalVolunteers)
    .where(and(eq(regionalVolunteers.tenantId, tenantId), eq(regionalVolunteers.homeTenantId, homeTenantId), eq(regionalVolunteers.homePersonId, homePersonId)));
  return row?.personId ?? null;
}

/** The home municipality of regional volunteers of this municipality, by their person id here. */
export async function homesOf(q: Queryable, tenantId: string, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await q
    .select({ personId: regionalVolunteers.personId, municipality: municipalities.name })
    .from(regionalVolunteers)
    .innerJoin(municipalities, eq(municipalities.id, regionalVolunteers.homeTenantId))
    .where(and(eq(regionalVolunteers.tenantId, tenantId), inArray(regionalVolunteers.personId, personIds)));
  return new Map(rows.map((r) => [r.personId, r.municipality]));
}

export async function personOfAccount(q: Queryable, tenantId: string, accountId: string): Promise<string | null> {
  const [row] = await q.select({ id: persons.id }).from(persons).where(and(eq(persons.tenantId, tenantId), eq(persons.accountId, accountId)));
  return row?.id ?? null;
}

export async function emailTaken(q: Queryable, tenantId: string, email: string, exceptPersonId?: string): Promise<boolean> {
  const [row] = await q
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), sql`lower(${persons.email}) = lower(${email})`, exceptPersonId ? sql`${persons.id} <> ${exceptPersonId}` : sql`true`));
  return !!row;
}

/** The home record of a regional volunteer known here, or null for anyone else. */
export async function homeOf(q: Queryable, tenantId: string, personId: string): Promise<{ homeTenantId: string; homePersonId: string } | null> {
  const [row] = await q
    .select({ homeTenantId: regionalVolunteers.homeTenantId, homePersonId: regionalVolunteers.homePersonId })
    .from(regionalVolunteers)
    .where(and(eq(regionalVolunteers.tenantId, tenantId), eq(regionalVolunteers.personId, personId)));
  return row ?? null;
}

export async function updateContact(q: Queryable, tenantId: string, personId: string, set: { familyName: string; email: string | null; phone: string | null; updatedAt: Date }): Promise<void> {
  await q.update(persons).set(set).where(and(eq(persons.tenantId, tenantId), eq(persons.id, personId)));
}

/** Links a person here to their home record; false when the link already exists. */
export async function insertHosted(
  q: Queryable,
  row: { tenantId: string; personId: string; homeTenantId: string; homePersonId: string; now: Date },
): Promise<boolean> {
  const rows = await q
    .insert(regionalVolunteers)
    .values({ tenantId: row.tenantId, personId: row.personId, homeTenantId: row.homeTenantId, homePersonId: row.homePersonId, createdAt: row.now })
    .onConflictDoNothing()
    .returning({ personId: regionalVolunteers.personId });
  return rows.length > 0;
}

/** A new person here, unless one with this account (or e-mail) exists already; returns the new id or null. */
export async function insertPersonOnce(
  q: Queryable,
  row: { tenantId: string; id: string; accountId: string | null; givenName: string; familyName: string; email: string | null; phone: string | null },
  now: Date,
): Promise<string | null> {
  const rows = await q
    .insert(persons)
    .values({ ...row, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: persons.id });
  return rows[0]?.id ?? null;
}

export async function grantVolunteerRole(q: Queryable, tenantId: string, personId: string, now: Date): Promise<void> {
  await q.insert(roleAssignments).values({ tenantId, personId, role: 'volunteer', grantedAt: now }).onConflictDoNothing();
}

/** The municipalities that share a pool with the current one (in its RLS scope). */
export async function partners(q: Queryable): Promise<Array<{ id: string; code: string; name: string }>> {
  return queryRows<{ id: string; code: string; name: string }>(
    q,
    sql`select m.id, m.cbs_code as code, m.name from municipalities m
         where m.id in (select samenspel_pool_partners()) order by m.name`,
  );
}
