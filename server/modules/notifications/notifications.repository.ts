/**
 * In-app notifications. A service records one in the transaction of the
 * change it announces; it holds a kind and an id only, so the text is made
 * in the reader's language when read, and no personal data is copied.
 * E-mail delivery (with a weekly cap per person and the digest) reads these
 * rows later: see notifications.service.ts.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client';
import { notificationPreferences, notifications } from '../../db/schema/index';

/** E-mails a person gets at most in seven days unless they choose otherwise; the rest waits for the weekly digest. */
export const DEFAULT_MAX_EMAILS_PER_WEEK = 3;

export const NOTIFICATION_KINDS = [
  'match.proposed',
  'match.volunteer_accepted',
  'match.confirmed',
  'match.declined',
  'match.withdrawn',
  'match.ended',
  'message.received',
  'rota.approved',
  'rota.gap',
  'request.stalled',
  'meetup.reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export async function notify(
  q: Queryable,
  tenantId: string,
  personIds: readonly string[],
  kind: NotificationKind,
  refId: string | null,
  now: Date,
): Promise<void> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return;
  await q.insert(notifications).values(unique.map((personId) => ({ tenantId, id: randomUUID(), personId, kind, refId, createdAt: now })));
}

export type NotificationRow = typeof notifications.$inferSelect;

export async function listForPerson(q: Queryable, tenantId: string, personId: string, limit: number) {
  const rows = await q
    .select({ id: notifications.id, kind: notifications.kind, refId: notifications.refId, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.tenantId, tenantId), eq(notifications.personId, personId)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  const [unread] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.tenantId, tenantId), eq(notifications.personId, personId), isNull(notifications.readAt)));
  return { items: rows, unread: unread?.n ?? 0 };
}

export async function markRead(q: Queryable, tenantId: string, personId: string, ids: string[] | null, now: Date): Promise<number> {
  const conditions = [eq(notifications.tenantId, tenantId), eq(notifications.personId, personId), isNull(notifications.readAt)];
  if (ids) conditions.push(inArray(notifications.id, ids));
  const rows = await q.update(notifications).set({ readAt: now }).where(and(...conditions)).returning({ id: notifications.id });
  return rows.length;
}

export async function readPreferences(q: Queryable, tenantId: string, personId: string) {
  const [row] = await q
    .select({ email: notificationPreferences.email, maxEmailsPerWeek: notificationPreferences.maxEmailsPerWeek })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.tenantId, tenantId), eq(notificationPreferences.personId, personId)));
  return row ?? { email: 'immediate', maxEmailsPerWeek: DEFAULT_MAX_EMAILS_PER_WEEK };
}

export async function savePreferences(q: Queryable, tenantId: string, personId: string, p: { email: string; maxEmailsPerWeek: number }, now: Date) {
  await q
    .insert(notificationPreferences)
    .values({ tenantId, personId, ...p, updatedAt: now })
    .onConflictDoUpdate({ target: [notificationPreferences.tenantId, notificationPreferences.personId], set: { ...p, updatedAt: now } });
}

/** People with notifications not handled yet, or waiting for the digest, with what delivery needs to know. */
export async function pendingByPerson(q: Queryable, tenantId: string) {
  return queryRows<{
    personId: string;
    email: string | null;
    locale: string | null;
    mode: string | null;
    cap: number | null;
    fresh: number;
    waiting: number;
    oldestWaiting: Date | string | null;
  }>(
    q,
    sql`select n.person_id as "personId", coalesce(p.email, a.email) as email, a.locale, pref.email as mode, pref.max_emails_per_week as cap,
               count(*) filter (where n.emailed = 'none')::int as fresh,
               count(*) filter (where n.emailed = 'pending_digest')::int as waiting,
               min(n.created_at) filter (where n.emailed = 'pending_digest') as "oldestWaiting"
          from notifications n
          join persons p on p.tenant_id = n.tenant_id and p.id = n.person_id
          left join accounts a on a.id = p.account_id
          left join notification_preferences pref on pref.tenant_id = n.tenant_id and pref.person_id = n.person_id
         where n.tenant_id = ${tenantId} and n.emailed in ('none','pending_digest') and n.read_at is null
         group by n.person_id, p.email, a.email, a.locale, pref.email, pref.max_emails_per_week
         order by n.person_id`,
  );
}

/** E-mails sent to a person since a moment (one e-mail may cover several notifications). */
export async function emailsSince(q: Queryable, tenantId: string, personId: string, since: Date): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(distinct ${notifications.emailedAt})::int` })
    .from(notifications)
    .where(and(eq(notifications.tenantId, tenantId), eq(notifications.personId, personId), inArray(notifications.emailed, ['immediate', 'digest']), gte(notifications.emailedAt, since)));
  return row?.n ?? 0;
}

export async function markEmailed(q: Queryable, tenantId: string, personId: string, from: string[], to: string, at: Date | null): Promise<void> {
  await q
    .update(notifications)
    .set({ emailed: to, emailedAt: at })
    .where(and(eq(notifications.tenantId, tenantId), eq(notifications.personId, personId), inArray(notifications.emailed, from), isNull(notifications.readAt)));
}

/** Unread notifications already handled another way are left alone; read ones never need an e-mail. */
export async function skipRead(q: Queryable, tenantId: string): Promise<void> {
  await q
    .update(notifications)
    .set({ emailed: 'skipped' })
    .where(and(eq(notifications.tenantId, tenantId), inArray(notifications.emailed, ['none', 'pending_digest']), sql`${notifications.readAt} is not null`));
}
