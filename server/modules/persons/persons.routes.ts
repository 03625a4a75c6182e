/** Routes under /municipalities/{code}: one's own record and user management. */
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../../shared/roles';
import type { Deps } from '../../http/env';
import {
  MunicipalityCodeParam,
  UuidParam,
  commonErrors,
  createRouter,
  jsonBody,
  jsonResponse,
  plainText,
  problemResponse,
} from '../../http/openapi';
import { tenantContext } from '../../http/tenant';
import * as service from './persons.service';

const Name = plainText({ max: 100 });
const Phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[0-9 ()-]{6,30}$/, 'A phone number: digits, spaces, + ( ) -');

const RoleInput = z
  .object({ role: z.enum(ROLES), organisationId: z.uuid().optional() })
  .strict()
  .openapi('RoleInput');

export const PersonSchema = z
  .object({
    id: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    hasAccount: z.boolean(),
    createdAt: z.string(),
    roles: z.array(z.object({ role: z.enum(ROLES), organisationId: z.uuid().nullable(), organisationName: z.string().nullable() })),
  })
  .openapi('Person');

type PersonOut = z.infer<typeof PersonSchema>;
const present = (p: Awaited<ReturnType<typeof service.getMe>>): PersonOut => ({
  ...p,
  createdAt: p.createdAt.toISOString(),
});

const codeParams = z.object({ code: MunicipalityCodeParam });
const personParams = z.object({ code: MunicipalityCodeParam, personId: UuidParam('personId') });

export function personRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/me',
      tags: ['persons'],
      summary: 'My own person record in this municipality (audited)',
      request: { params: codeParams },
      responses: { 200: jsonResponse(PersonSchema, 'My record'), ...commonErrors },
    }),
    async (c) => c.json(present(await service.getMe(deps, tenantContext(c))), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/municipalities/{code}/me',
      tags: ['persons'],
      summary: 'Change my name or phone number',
      request: {
        params: codeParams,
        ...jsonBody(z.object({ givenName: Name.optional(), familyName: Name.optional(), phone: Phone.nullable().optional() }).strict()),
      },
      responses: { 200: jsonResponse(PersonSchema, 'Updated'), ...commonErrors },
    }),
    async (c) => c.json(present(await service.updateMe(deps, tenantContext(c), c.req.valid('json'))), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/me/access-log',
      tags: ['persons'],
      summary: 'Who looked at or changed my data, when and why',
      request: { params: codeParams, query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict() },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({
                occurredAt: z.string(),
                actorDisplayName: z.string().nullable(),
                actorRoles: z.array(z.string()),
                action: z.string(),
                purpose: z.string(),
                outcome: z.string(),
              }),
            ),
          }),
          'Access log',
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const log = await service.myAccessLog(deps, tenantContext(c), c.req.valid('query').limit);
      return c.json({ items: log.items.map((i) => ({ ...i, occurredAt: i.occurredAt.toISOString() })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/persons',
      tags: ['persons'],
      summary: 'Find people in this municipality (administrator)',
      request: {
        params: codeParams,
        query: z
          .object({
            q: plainText({ min: 0, max: 100 }).optional(),
            role: z.enum(ROLES).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(25),
            offset: z.coerce.number().int().min(0).max(100_000).default(0),
          })
          .strict(),
      },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(z.object({ id: z.uuid(), displayName: z.string(), email: z.string().nullable(), roles: z.array(z.string()) })),
            total: z.number().int(),
          }),
          'A page of people',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await service.listPersons(deps, tenantContext(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/persons',
      tags: ['persons'],
      summary: 'Add a person with roles, optionally inviting them by e-mail (administrator)',
      request: {
        params: codeParams,
        ...jsonBody(
          z
            .object({
              givenName: Name,
              familyName: Name,
              email: z.email().max(254).optional(),
              phone: Phone.optional(),
              roles: z.array(RoleInput).max(8),
              invite: z.boolean().optional(),
            })
            .strict(),
        ),
      },
      responses: { 201: jsonResponse(PersonSchema, 'Created'), ...commonErrors, 409: problemResponse('E-mail address already in use') },
    }),
    async (c) => c.json(present(await service.createPerson(deps, tenantContext(c), c.req.valid('json'))), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/persons/{personId}',
      tags: ['persons'],
      summary: "A person's record (administrator, or the person themself; audited)",
      request: { params: personParams },
      responses: { 200: jsonResponse(PersonSchema, 'The record'), ...commonErrors },
    }),
    async (c) => c.json(present(await service.getPerson(deps, tenantContext(c), c.req.valid('param').personId)), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/municipalities/{code}/persons/{personId}/roles',
      tags: ['persons'],
      summary: "Replace a person's roles (administrator)",
      request: { params: personParams, ...jsonBody(z.object({ roles: z.array(RoleInput).max(8) }).strict()) },
      responses: { 200: jsonResponse(PersonSchema, 'Updated'), ...commonErrors },
    }),
    async (c) =>
      c.json(present(await service.updateRoles(deps, tenantContext(c), c.req.valid('param').personId, c.req.valid('json').roles)), 200),
  );

  return app;
}
