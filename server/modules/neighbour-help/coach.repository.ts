/** Storage of the coach's work: stalls, rotas, the resident's own network. One municipality at a time (RLS). */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client';
import { helpRequestNetworkContacts, helpRequestStalls, helpRotas, roleAssignments } from '../../db/schema/index';

export type StallCause = 'no_match_in_time' | 'no_candidates' | 'needs_rota' | 'sensitive';
export type StallRow = typeof helpRequestStalls.$inferSelect;
export type RotaRow = typeof helpRotas.$inferSelect;

/** Requests that may have stalled: open or stalled, with facts about their matches. */
export async function stallCandidates(q: Queryable, tenantId: string) {
  return queryRows<{
    id: string;
    createdAt: string | Date;
    sensitive: boolean;
    schedule: string;
    confirmed: number;
    recentLive: number;
    approvedRota: number;
    openStall: string | null;
  }>(
    q,
    sql`select r.id, r.created_at as "createdAt", r.sensitive, r.schedule,
               (select count(*)::int from help_matches m where m.tenant_id = r.tenant_id and m.request_id = r.id and m.state = 'confirmed') as confirmed,
               (select count(*)::int from help_matches m where m.tenant_id = r.tenant_id and m.request_id = r.id
                   and m.state in ('proposed','volunteer_accepted')) as "recentLive",
               (select count(*)::int from help_rotas t where t.tenant_id = r.tenant_id and t.request_id = r.id and t.status = 'approved') as "approvedRota",
               (select s.cause from help_request_stalls s where s.tenant_id = r.tenant_id and s.request_id = r.id and s.resolved_at is null) as "openStall"
          from help_requests r
         where r.tenant_id = ${tenantId} and r.status in ('open','stalled')
         order by r.created_at, r.id`,
  );
}

export async function openStall(q: Queryable, row: { tenantId: string; requestId: string; cause: StallCause; detectedAt: Date }): Promise<boolean> {
  const inserted = await q
    .insert(helpRequestStalls)
    .values({ ...row, id: randomUUID() })
    .onConflictDoNothing()
    .returning({ id: helpRequestStalls.id });
  return inserted.length > 0;
}

export async function openStalls(q: Queryable, tenantId: string): Promise<StallRow[]> {
  return q
    .select()
    .from(helpRequestStalls)
    .where(and(eq(helpRequestStalls.tenantId, tenantId), isNull(helpRequestStalls.resolvedAt)))
    .orderBy(asc(helpRequestStalls.detectedAt), asc(helpRequestStalls.id));
}

export async function stallsOfRequest(q: Queryable, tenantId: string, requestId: string): Promise<StallRow[]> {
  return q
    .select()
    .from(helpRequestStalls)
    .where(and(eq(helpRequestStalls.tenantId, tenantId), eq(helpRequestStalls.requestId, requestId)))
    .orderBy(desc(helpRequestStalls.detectedAt));
}

export async function insertRota(q: Queryable, row: Omit<typeof helpRotas.$inferInsert, 'id'>): Promise<string> {
  const id = randomUUID();
  await q.insert(helpRotas).values({ ...row, id });
  return id;
}

export async function findRota(q: Queryable, tenantId: string, id: string): Promise<RotaRow | null> {
  const [row] = await q.select().from(helpRotas).where(and(eq(helpRotas.tenantId, tenantId), eq(helpRotas.id, id)));
  return row ?? null;
}

export async function approvedRotaOf(q: Queryable, tenantId: string, requestId: string): Promise<RotaRow | null> {
  const [row] = await q
    .select()
    .from(helpRotas)
    .where(and(eq(helpRotas.tenantId, tenantId), eq(helpRotas.requestId, requestId), eq(helpRotas.status, 'approved')))
    .orderBy(desc(helpRotas.createdAt))
    .limit(1);
  return row ?? null;
}

export async function setRotaStatus(q: Queryable, tenantId: string, id: string, status: string, now: Date): Promise<void> {
  await q.update(helpRotas).set({ status, updatedAt: now }).where(and(eq(helpRotas.tenantId, tenantId), eq(helpRotas.id, id)));
}

export async function networkContacts(q: Queryable, tenantId: string, requestId: string) {
  return q
    .select({
      id: helpRequestNetworkContacts.id,
      name: helpRequestNetworkContacts.name,
      relation: helpRequestNetworkContacts.relation,
      status: helpRequestNetworkContacts.status,
      updatedAt: helpRequestNetworkContacts.updatedAt,
    })
    .from(helpRequestNetworkContacts)
    .where(and(eq(helpRequestNetworkContacts.tenantId, tenantId), eq(helpRequestNetworkContacts.requestId, requestId)))
    .orderBy(asc(helpRequestNetworkContacts.createdAt), asc(helpRequestNetworkContacts.id));
}

export async function insertNetworkContact(q: Queryable, row: { tenantId: string; requestId: string; name: string; relation: string; now: Date }): Promise<string> {
  const id = randomUUID();
  await q.insert(helpRequestNetworkContacts).values({ tenantId: row.tenantId, id, requestId: row.requestId, name: row.name, relation: row.relation, createdAt: row.now, updatedAt: row.now });
  return id;
}

export async function updateNetworkContact(q: Queryable, tenantId: string, requestId: string, id: string, status: string, now: Date): Promise<boolean> {
  const rows = await q
    .update(helpRequestNetworkContacts)
    .set({ status, updatedAt: now })
    .where(and(eq(helpRequestNetworkContacts.tenantId, tenantId), eq(helpRequestNetworkContacts.requestId, requestId), eq(helpRequestNetworkContacts.id, id)))
    .returning({ id: helpRequestNetworkContacts.id });
  return rows.length > 0;
}

export async function countNetworkContacts(q: Queryable, tenantId: string, requestIds: string[]): Promise<Map<string, { total: number; notAsked: number }>> {
  const out = new Map<string, { total: number; notAsked: number }>();
  if (requestIds.length === 0) return out;
  const rows = await q
    .select({
      requestId: helpRequestNetworkContacts.requestId,
      total: sql<number>`count(*)::int`,
      notAsked: sql<number>`count(*) filter (where ${helpRequestNetworkContacts.status} = 'not_asked')::int`,
    })
    .from(helpRequestNetworkContacts)
    .where(and(eq(helpRequestNetworkContacts.tenantId, tenantId), inArray(helpRequestNetworkContacts.requestId, requestIds)))
    .groupBy(helpRequestNetworkContacts.requestId);
  for (const r of rows) out.set(r.requestId, { total: r.total, notAsked: r.notAsked });
  return out;
}

/** The municipality's coaches: every social worker, told when a request stalls. */
export async function coachesOf(q: Queryable, tenantId: string): Promise<string[]> {
  const rows = await q
    .select({ id: roleAssignments.personId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.role, 'social_worker')));
  return rows.map((r) => r.id);
}
