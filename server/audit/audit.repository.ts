/**
 * Writes and reads audit events. Appending locks the municipality's chain
 * head (SELECT ... FOR UPDATE) so that concurrent transactions seal events
 * one after another; the lock is held only until the caller's commit.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { auditChainHeads, auditEvents } from '../db/schema/index';
import { GENESIS_HASH, chainHash, type ChainedEvent, type StoredEvent } from './audit.chain';

export async function appendAuditEvent(
  q: Queryable,
  fields: Omit<ChainedEvent, 'seq' | 'id'>,
): Promise<StoredEvent> {
  const [head] = await q
    .select({ lastSeq: auditChainHeads.lastSeq, lastHash: auditChainHeads.lastHash })
    .from(auditChainHeads)
    .where(eq(auditChainHeads.tenantId, fields.tenantId))
    .for('update');
  if (!head) throw new Error('audit chain head missing for municipality');
  const event: ChainedEvent = { ...fields, seq: head.lastSeq + 1, id: randomUUID() };
  const hash = chainHash(head.lastHash, event);
  const stored: StoredEvent = { ...event, prevHash: head.lastHash, hash };
  await q.insert(auditEvents).values(stored);
  await q
    .update(auditChainHeads)
    .set({ lastSeq: event.seq, lastHash: hash })
    .where(eq(auditChainHeads.tenantId, fields.tenantId));
  return stored;
}

/** Called when a municipality is created: its chain starts at the genesis hash. */
export async function createAuditChain(q: Queryable, tenantId: string): Promise<void> {
  await q
    .insert(auditChainHeads)
    .values({ tenantId, lastSeq: 0, lastHash: GENESIS_HASH })
    .onConflictDoNothing();
}

export interface AuditSearch {
  tenantId: string;
  action?: string | undefined;
  subjectPersonId?: string | undefined;
  actorPersonId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: number | undefined;
  limit: number;
}

export async function searchAuditEvents(q: Queryable, s: AuditSearch): Promise<StoredEvent[]> {
  const conditions = [eq(auditEvents.tenantId, s.tenantId)];
  if (s.action) conditions.push(eq(auditEvents.action, s.action));
  if (s.subjectPersonId) conditions.push(eq(auditEvents.subjectPersonId, s.subjectPersonId));
  if (s.actorPersonId) conditions.push(eq(auditEvents.actorPersonId, s.actorPersonId));
  if (s.from) conditions.push(gte(auditEvents.occurredAt, s.from));
  if (s.to) conditions.push(lte(auditEvents.occurredAt, s.to));
  if (s.before !== undefined) conditions.push(lt(auditEvents.seq, s.before));
  return q
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(s.limit);
}

/** All events of one municipality in chain order, in pages, for verification. */
export async function* readChain(q: Queryable, tenantId: string, pageSize = 5000): AsyncGenerator<StoredEvent> {
  let after = 0;
  for (;;) {
    const page = await q
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), sql`${auditEvents.seq} > ${after}`))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}

export async function readChainHead(q: Queryable, tenantId: string) {
  const [head] = await q.select().from(auditChainHeads).where(eq(auditChainHeads.tenantId, tenantId));
  return head ?? null;
}
