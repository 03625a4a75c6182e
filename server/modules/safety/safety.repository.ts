/** Storage of abuse reports, blocks and suspensions, within one municipality (RLS). */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { abuseReports, personBlocks, volunteerProfiles, regionalVolunteers } from '../../db/schema/index';

export async function insertReport(q: Queryable, row: Omit<typeof abuseReports.$inferInsert, 'id' | 'status'>): Promise<string> {
  const id = randomUUID();
  await q.insert(abuseReports).values({ ...row, id, status: 'open' });
  return id;
}

export async function reportsSince(q: Queryable, tenantId: string, reporterPersonId: string, since: Date): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(abuseReports)
    .where(and(eq(abuseReports.tenantId, tenantId), eq(abuseReports.reporterPersonId, reporterPersonId), gte(abuseReports.createdAt, since)));
  return row?.n ?? 0;
}

export async function listReports(q: Queryable, tenantId: string, onlyOpen: boolean) {
  const where = onlyOpen ? and(eq(abuseReports.tenantId, tenantId), eq(abuseReports.status, 'open')) : eq(abuseReports.tenantId, tenantId);
  return q.select().from(abuseReports).where(where).orderBy(desc(abuseReports.createdAt), desc(abuseReports.id)).limit(200);
}

export async function findReport(q: Queryable, tenantId: string, id: string) {
  const [row] = await q.select().from(abuseReports).where(and(eq(abuseReports.tenantId, tenantId), eq(abuseReports.id, id))).for('update');
  return row ?? null;
}

export async function setReportOutcome(q: Queryable, tenantId: string, id: string, status: string, by: string, at: Date): Promise<void> {
  await q.update(abuseReports).set({ status, handledByPersonId: by, handledAt: at }).where(and(eq(abuseReports.tenantId, tenantId), eq(abuseReports.id, id)));
}

/** Suspends a volunteer here: their own offer, or (a volunteer of a partner municipality) their place in the pool here. */
export async function suspendVolunteer(q: Queryable, tenantId: string, personId: string, at: Date): Promise<void> {
  await q
    .update(volunteerProfiles)
    .set({ suspendedAt: at, updatedAt: at })
    .where(and(eq(volunteerProfiles.tenantId, tenantId), eq(volunteerProfiles.personId, personId)));
  await q
    .update(regionalVolunteers)
    .set({ suspendedAt: at })
    .where(and(eq(regionalVolunteers.tenantId, tenantId), eq(regionalVolunteers.personId, personId)));
}

export async function insertBlock(q: Queryable, tenantId: string, blocker: string, blocked: string, at: Date): Promise<void> {
  await q.insert(personBlocks).values({ tenantId, blockerPersonId: blocker, blockedPersonId: blocked, createdAt: at }).onConflictDoNothing();
}

export async function blocksBy(q: Queryable, tenantId: string, blocker: string) {
  return q
    .select({ blockedPersonId: personBlocks.blockedPersonId, createdAt: personBlocks.createdAt })
    .from(personBlocks)
    .where(and(eq(personBlocks.tenantId, tenantId), eq(personBlocks.blockerPersonId, blocker)))
    .orderBy(desc(personBlocks.createdAt));
}

export async function deleteBlock(q: Queryable, tenantId: string, blocker: string, blocked: string): Promise<boolean> {
  const rows = await q
    .delete(personBlocks)
    .where(and(eq(personBlocks.tenantId, tenantId), eq(personBlocks.blockerPersonId, blocker), eq(personBlocks.blockedPersonId, blocked)))
    .returning({ id: personBlocks.blockedPersonId });
  return rows.length > 0;
}

/** Which of these people have a volunteer offer (whether or not it is active). */
/** Who of `ids` is a volunteer here: with an own offer, or from the regional pool. */
export async function withVolunteerProfile(q: Queryable, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await q
    .select({ id: volunteerProfiles.personId })
    .from(volunteerProfiles)
    .where(and(eq(volunteerProfiles.tenantId, tenantId), inArray(volunteerProfiles.personId, ids)));
  const regional = await q
    .select({ id: regionalVolunteers.personId })
    .from(regionalVolunteers)
    .where(and(eq(regionalVolunteers.tenantId, tenantId), inArray(regionalVolunteers.personId, ids)));
  return new Set([...rows, ...regional].map((r) => r.id));
}
