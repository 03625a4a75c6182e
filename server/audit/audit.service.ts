/**
 * The one way services write audit events: in the caller's transaction, so
 * the event exists exactly when the change or read it describes happened.
 */
import type { Queryable } from '../db/client';
import type { RequestContext, Tenant } from '../core/context';
import { appendAuditEvent, readChain, readChainHead } from './audit.repository';
import { ChainVerifier, type ChainVerdict } from './audit.chain';
import type { AuditEntry } from './audit.types';

export async function audit(q: Queryable, ctx: RequestContext & { tenant: Tenant }, entry: AuditEntry): Promise<void> {
  await appendAuditEvent(q, {
    tenantId: ctx.tenant.id,
    occurredAt: ctx.now(),
    actorAccountId: ctx.actor?.accountId ?? null,
    actorPersonId: ctx.actor?.personId ?? null,
    onBehalfOfPersonId: entry.onBehalfOfPersonId ?? null,
    action: entry.action,
    subjectPersonId: entry.subjectPersonId ?? null,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    purpose: entry.purpose,
    outcome: entry.outcome ?? 'success',
    requestId: ctx.requestId,
  });
}

export async function verifyTenantChain(q: Queryable, tenantId: string): Promise<ChainVerdict> {
  const head = await readChainHead(q, tenantId);
  const verifier = new ChainVerifier();
  for await (const e of readChain(q, tenantId)) if (!verifier.push(e)) break;
  return verifier.finish(head);
}
