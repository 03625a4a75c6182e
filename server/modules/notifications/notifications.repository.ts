/**
 * In-app notifications. A service records one in the transaction of the
 * change it announces; it holds a kind and an id only, so the text is made
 * in the reader's language when read, and no personal data is copied.
 * E-mail delivery (with a weekly cap per person and the digest) reads these
 * rows later: see notifications.service.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/client';
import { notifications } from '../../db/schema/index';

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
