/**
 * The audit log for the municipality's privacy officer (the admin role):
 * search, and a check of the hash chain. Searching is itself audited.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { audit, verifyTenantChain } from '../../audit/audit.service';
import { searchAuditEvents } from '../../audit/audit.repository';
import { AUDIT_ACTIONS } from '../../audit/audit.types';
import type { Deps } from '../../http/env';
import { MunicipalityCodeParam, commonErrors, createRouter, jsonResponse } from '../../http/openapi';
import { runInTenant, tenantContext } from '../../http/tenant';
import { displayNames } from '../persons/persons.repository';

/** Policy: only the functional administrator (as privacy officer) reads the log. */
export const mayReadAuditLog = (ctx: TenantContext): boolean => ctx.actor.roles.includes('admin');

const AuditEventSchema = z
  .object({
    seq: z.number().int(),
    occurredAt: z.string(),
    actorDisplayName: z.string().nullable(),
    onBehalfOfDisplayName: z.string().nullable(),
    action: z.string(),
    subjectDisplayName: z.string().nullable(),
    resourceType: z.string(),
    purpose: z.string(),
    outcome: z.string(),
    requestId: z.string(),
  })
  .openapi('AuditEvent');

export function auditRoutes(deps: Deps) {
  const app = createRouter();
  const params = z.object({ code: MunicipalityCodeParam });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/audit-events',
      tags: ['audit'],
      summary: 'Search the audit log, newest first (administrator)',
      request: {
        params,
        query: z
          .object({
            action: z.enum(AUDIT_ACTIONS).optional(),
            subjectPersonId: z.uuid().optional(),
            actorPersonId: z.uuid().optional(),
            from: z.iso.date().optional(),
            to: z.iso.date().optional(),
            before: z.coerce.number().int().min(1).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          })
          .strict(),
      },
      responses: {
        200: jsonResponse(z.object({ items: z.array(AuditEventSchema), nextBefore: z.number().int().nullable() }), 'Events'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      if (!mayReadAuditLog(ctx)) throw new AppError('forbidden');
      const q = c.req.valid('query');
      const result = await runInTenant(deps, ctx, async (tx) => {
        const events = await searchAuditEvents(tx, {
          tenantId: ctx.tenant.id,
          action: q.action,
          subjectPersonId: q.subjectPersonId,
          actorPersonId: q.actorPersonId,
          from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
          to: q.to ? new Date(`${q.to}T23:59:59.999Z`) : undefined,
          before: q.before,
          limit: q.limit,
        });
        const ids = events.flatMap((e) => [e.actorPersonId, e.subjectPersonId, e.onBehalfOfPersonId]).filter((id): id is string => id !== null);
        const names = await displayNames(tx, ctx.tenant.id, [...new Set(ids)]);
        await audit(tx, ctx, { action: 'audit.search', purpose: 'privacy_oversight', resourceType: 'audit_event', subjectPersonId: q.subjectPersonId ?? null });
        const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
        return {
          items: events.map((e) => ({
            seq: e.seq,
            occurredAt: e.occurredAt.toISOString(),
            actorDisplayName: name(e.actorPersonId),
            onBehalfOfDisplayName: name(e.onBehalfOfPersonId),
            action: e.action,
            subjectDisplayName: name(e.subjectPersonId),
            resourceType: e.resourceType,
            purpose: e.purpose,
            outcome: e.outcome,
            requestId: e.requestId,
          })),
          nextBefore: events.length === q.limit ? (events[events.length - 1]?.seq ?? null) : null,
        };
      });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/audit-events/verify',
      tags: ['audit'],
      summary: "Check this municipality's audit hash chain (administrator)",
      request: { params },
      responses: {
        200: jsonResponse(
          z.object({ ok: z.boolean(), checked: z.number().int(), brokenAtSeq: z.number().int().nullable(), reason: z.string().nullable() }),
          'Verdict',
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      if (!mayReadAuditLog(ctx)) throw new AppError('forbidden');
      const verdict = await runInTenant(deps, ctx, async (tx) => {
        const v = await verifyTenantChain(tx, ctx.tenant.id);
        await audit(tx, ctx, { action: 'audit.verify', purpose: 'privacy_oversight', resourceType: 'audit_event' });
        return v;
      });
      return c.json(verdict, 200);
    },
  );

  return app;
}
