/** Neighbour-help storage, always within one municipality (RLS scope). */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client';
import {
  helpCategories,
  helpRequestAddresses,
  helpRequests,
  neighbourHelpSettings,
  volunteerCategories,
  volunteerProfiles,
  vogRecords,
} from '../../db/schema/index';
import { DEFAULT_CATEGORIES } from './neighbour-help.categories';

export type HelpRequestRow = typeof helpRequests.$inferSelect;
export type VolunteerProfileRow = typeof volunteerProfiles.$inferSelect;

/** Settings and default categories for a new municipality. */
export async function initialiseNeighbourHelp(q: Queryable, tenantId: string): Promise<void> {
  await q.insert(neighbourHelpSettings).values({ tenantId }).onConflictDoNothing();
  await q
    .insert(helpCategories)
    .values(DEFAULT_CATEGORIES.map((c, i) => ({ tenantId, id: randomUUID(), ...c, sortOrder: i })))
    .onConflictDoNothing();
}

export async function readSettings(q: Queryable, tenantId: string) {
  const [row] = await q.select().from(neighbourHelpSettings).where(eq(neighbourHelpSettings.tenantId, tenantId));
  return row ?? { tenantId, stallAfterDays: 5, vogValidMonths: 36 };
}

export async function listCategories(q: Queryable, tenantId: string, includeInactive = false) {
  const where = includeInactive
    ? eq(helpCategories.tenantId, tenantId)
    : and(eq(helpCategories.tenantId, tenantId), eq(helpCategories.active, true));
  return q.select().from(helpCategories).where(where).orderBy(asc(helpCategories.sortOrder), asc(helpCategories.nameNl));
}

export async function findCategories(q: Queryable, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return q
    .select()
    .from(helpCategories)
    .where(and(eq(helpCategories.tenantId, tenantId), inArray(helpCategories.id, ids)));
}

export async function findVolunteerProfile(q: Queryable, tenantId: string, personId: string) {
  const [profile] = await q
    .select()
    .from(volunteerProfiles)
    .where(and(eq(volunteerProfiles.tenantId, tenantId), eq(volunteerProfiles.personId, personId)));
  if (!profile) return null;
  const cats = await q
    .select({ categoryId: volunteerCategories.categoryId })
    .from(volunteerCategories)
    .where(and(eq(volunteerCategories.tenantId, tenantId), eq(volunteerCategories.personId, personId)));
  return { ...profile, categoryIds: cats.map((c) => c.categoryId).sort() };
}

export async function upsertVolunteerProfile(
  q: Queryable,
  row: Omit<VolunteerProfileRow, 'createdAt' | 'updatedAt' | 'suspendedAt'>,
  categoryIds: string[],
  now: Date,
): Promise<void> {
  const { tenantId, personId, ...rest } = row;
  await q
    .insert(volunteerProfiles)
    .values({ ...row, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [volunteerProfiles.tenantId, volunteerProfiles.personId], set: { ...rest, updatedAt: now } });
  await q
    .delete(volunteerCategories)
    .where(and(eq(volunteerCategories.tenantId, tenantId), eq(volunteerCategories.personId, personId)));
  if (categoryIds.length) {
    await q.insert(volunteerCategories).values(categoryIds.map((categoryId) => ({ tenantId, personId, categoryId })));
  }
}

export async function latestVog(q: Queryable, tenantId: string, personId: string): Promise<string | null> {
  const [row] = await q
    .select({ issuedOn: vogRecords.issuedOn })
    .from(vogRecords)
    .where(and(eq(vogRecords.tenantId, tenantId), eq(vogRecords.personId, personId)))
    .orderBy(desc(vogRecords.issuedOn))
    .limit(1);
  return row?.issuedOn ?? null;
}

export async function insertVogRecord(
  q: Queryable,
  row: { tenantId: string; personId: string; issuedOn: string; recordedByPersonId: string; recordedAt: Date },
): Promise<string> {
  const id = randomUUID();
  await q.insert(vogRecords).values({ id, ...row });
  return id;
}

export async function insertHelpRequest(
  q: Queryable,
  row: typeof helpRequests.$inferInsert,
  address: { postcode: string; houseNumber: number; houseNumberAddition: string | null },
): Promise<void> {
  await q.insert(helpRequests).values(row);
  await q.insert(helpRequestAddresses).values({ tenantId: row.tenantId, requestId: row.id, ...address });
}

/** Lists never select the address table. */
export async function listHelpRequests(
  q: Queryable,
  tenantId: string,
  f: { residentPersonId?: string | undefined; status?: string | undefined; limit: number; offset: number },
) {
  const conditions = [eq(helpRequests.tenantId, tenantId)];
  if (f.residentPersonId) conditions.push(eq(helpRequests.residentPersonId, f.residentPersonId));
  if (f.status) conditions.push(eq(helpRequests.status, f.status));
  const where = and(...conditions);
  const [total] = await q.select({ n: sql<number>`count(*)::int` }).from(helpRequests).where(where);
  const items = await q
    .select()
    .from(helpRequests)
    .where(where)
    .orderBy(desc(helpRequests.createdAt), asc(helpRequests.id))
    .limit(f.limit)
    .offset(f.offset);
  return { total: total?.n ?? 0, items };
}

export async function findHelpRequest(q: Queryable, tenantId: string, id: string): Promise<HelpRequestRow | null> {
  const [row] = await q.select().from(helpRequests).where(and(eq(helpRequests.tenantId, tenantId), eq(helpRequests.id, id)));
  return row ?? null;
}

/** Several requests in one query, by id; ids that do not exist here are absent. */
export async function findHelpRequests(q: Queryable, tenantId: string, ids: string[]): Promise<Map<string, HelpRequestRow>> {
  if (ids.length === 0) return new Map();
  const rows = await q.select().from(helpRequests).where(and(eq(helpRequests.tenantId, tenantId), inArray(helpRequests.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findAddress(q: Queryable, tenantId: string, requestId: string) {
  const [row] = await q
    .select({ postcode: helpRequestAddresses.postcode, houseNumber: helpRequestAddresses.houseNumber, houseNumberAddition: helpRequestAddresses.houseNumberAddition })
    .from(helpRequestAddresses)
    .where(and(eq(helpRequestAddresses.tenantId, tenantId), eq(helpRequestAddresses.requestId, requestId)));
  return row ?? null;
}

/** The exact addresses of several requests in one query, by request id: only for confirmed matches. */
export async function findAddresses(q: Queryable, tenantId: string, requestIds: string[]) {
  if (requestIds.length === 0) return new Map<string, NonNullable<Awaited<ReturnType<typeof findAddress>>>>();
  const rows = await q
    .select({ requestId: helpRequestAddresses.requestId, postcode: helpRequestAddresses.postcode, houseNumber: helpRequestAddresses.houseNumber, houseNumberAddition: helpRequestAddresses.houseNumberAddition })
    .from(helpRequestAddresses)
    .where(and(eq(helpRequestAddresses.tenantId, tenantId), inArray(helpRequestAddresses.requestId, requestIds)));
  return new Map(rows.map(({ requestId, ...address }) => [requestId, address]));
}

export async function setRequestStatus(q: Queryable, tenantId: string, id: string, status: string, now: Date): Promise<void> {
  await q
    .update(helpRequests)
    .set({ status, updatedAt: now, ...(status === 'cancelled' || status === 'closed' ? { closedAt: now } : {}) })
    .where(and(eq(helpRequests.tenantId, tenantId), eq(helpRequests.id, id)));
}

/** Requests posted by one person since a moment: for the posting rate limit. */
export async function countRequestsCreatedSince(q: Queryable, tenantId: string, personId: string, since: Date): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(helpRequests)
    .where(and(eq(helpRequests.tenantId, tenantId), eq(helpRequests.createdByPersonId, personId), sql`${helpRequests.createdAt} >= ${since}`));
  return row?.n ?? 0;
}

/** Residents by name or e-mail (or one by id), for coordinators posting on someone's behalf. */
export async function findResidents(q: Queryable, tenantId: string, f: { q?: string | undefined; id?: string | undefined }) {
  const pattern = f.q ? `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  return queryRows<{ id: string; displayName: string; email: string | null }>(
    q,
    sql`select p.id, p.given_name || ' ' || p.family_name as "displayName", p.email
          from persons p
         where p.tenant_id = ${tenantId}
           and exists (select 1 from role_assignments r where r.tenant_id = p.tenant_id and r.person_id = p.id and r.role = 'resident')
           ${f.id ? sql`and p.id = ${f.id}` : sql``}
           ${pattern ? sql`and (p.given_name || ' ' || p.family_name ilike ${pattern} or p.email ilike ${pattern})` : sql``}
         order by p.family_name, p.given_name, p.id
         limit 10`,
  );
}
