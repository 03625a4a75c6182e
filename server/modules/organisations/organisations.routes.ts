/**
 * Organisations in a municipality: care providers, welfare organisations,
 * housing corporations, schools. Members may list them (to pick one);
 * administrators add them. Organisations are not personal data.
 */
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { ORGANISATION_KINDS } from '../../../shared/roles';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { organisations } from '../../db/schema/index';
import { audit } from '../../audit/audit.service';
import type { Deps } from '../../http/env';
import { MunicipalityCodeParam, commonErrors, createRouter, jsonBody, jsonResponse, plainText } from '../../http/openapi';
import { runInTenant, tenantContext } from '../../http/tenant';

const OrganisationSchema = z
  .object({ id: z.uuid(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) })
  .openapi('Organisation');

/** Policy: who may add organisations. Deny by default. */
export const mayCreateOrganisation = (ctx: TenantContext): boolean => ctx.actor.roles.includes('admin');

export function organisationRoutes(deps: Deps) {
  const app = createRouter();
  const params = z.object({ code: MunicipalityCodeParam });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/organisations',
      tags: ['organisations'],
      summary: 'Organisations in this municipality',
      request: { params },
      responses: { 200: jsonResponse(z.array(OrganisationSchema), 'Organisations'), ...commonErrors },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      const rows = await runInTenant(deps, ctx, (tx) =>
        tx
          .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
          .from(organisations)
          .where(eq(organisations.tenantId, ctx.tenant.id))
          .orderBy(asc(organisations.name)),
      );
      return c.json(rows as z.infer<typeof OrganisationSchema>[], 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/organisations',
      tags: ['organisations'],
      summary: 'Add an organisation (administrator)',
      request: {
        params,
        ...jsonBody(z.object({ name: plainText({ max: 200 }), kind: z.enum(ORGANISATION_KINDS) }).strict()),
      },
      responses: { 201: jsonResponse(OrganisationSchema, 'Created'), ...commonErrors },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      if (!mayCreateOrganisation(ctx)) throw new AppError('forbidden');
      const body = c.req.valid('json');
      const id = randomUUID();
      await runInTenant(deps, ctx, async (tx) => {
        const [dupe] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(and(eq(organisations.tenantId, ctx.tenant.id), eq(organisations.name, body.name)));
        if (dupe) {
          throw new AppError('conflict', undefined, {
            invalidParams: [{ name: 'name', code: 'already_taken', reason: 'An organisation with this name exists.' }],
          });
        }
        await tx.insert(organisations).values({ tenantId: ctx.tenant.id, id, ...body });
        await audit(tx, ctx, { action: 'organisation.create', purpose: 'account_management', resourceType: 'organisation', resourceId: id });
      });
      return c.json({ id, ...body }, 201);
    },
  );

  return app;
}
