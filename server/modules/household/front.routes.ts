/** Knowledge-at-the-front and neighbour-help link routes under /municipalities/{code}. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env';
import { MunicipalityCodeParam, UuidParam, commonErrors, createRouter, jsonBody, jsonResponse, problemResponse } from '../../http/openapi';
import { tenantContext } from '../../http/tenant';
import * as service from './front.service';

const TAG = 'household plan';
const fileParams = z.object({ code: MunicipalityCodeParam, fileId: UuidParam('fileId') });

const LinkedSchema = z.object({
  items: z.array(
    z.object({
      requestId: z.uuid(),
      status: z.string(),
      schedule: z.string(),
      category: z.object({ code: z.string(), name: z.string() }),
      createdAt: z.string(),
      linkedAt: z.string(),
    }),
  ),
});

export function frontRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/persons/{personId}/involvement',
      tags: [TAG],
      summary: "Whether a resident has a plan, who coordinates it and how to reach them, and which organisations are involved; nothing of the plan itself (social workers, professionals; audited)",
      request: { params: z.object({ code: MunicipalityCodeParam, personId: UuidParam('personId') }) },
      responses: {
        200: jsonResponse(
          z
            .object({
              hasPlan: z.boolean(),
              coordinator: z
                .object({ personId: z.uuid(), displayName: z.string(), organisation: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })
                .nullable(),
              organisations: z.array(z.object({ name: z.string(), kind: z.string() })),
              peopleInvolved: z.number().int(),
            })
            .openapi('Involvement'),
          'Who is involved',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await service.involvement(deps, tenantContext(c), c.req.valid('param').personId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/resident-files/{fileId}/help-requests',
      tags: [TAG],
      summary: "Neighbour-help requests that hang under the plan (the 'plan' scope)",
      request: { params: fileParams },
      responses: { 200: jsonResponse(LinkedSchema, 'Linked requests'), ...commonErrors },
    }),
    async (c) => c.json(await service.listLinkedHelpRequests(deps, tenantContext(c), c.req.valid('param').fileId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/resident-files/{fileId}/help-requests',
      tags: [TAG],
      summary: "Hang one of the resident's neighbour-help requests under the plan; its volunteers then show in the network map (the coordinator)",
      request: { params: fileParams, ...jsonBody(z.object({ requestId: z.uuid() }).strict()) },
      responses: { 201: jsonResponse(LinkedSchema, 'Linked'), ...commonErrors, 409: problemResponse('Under a plan already') },
    }),
    async (c) => c.json(await service.linkHelpRequest(deps, tenantContext(c), c.req.valid('param').fileId, c.req.valid('json').requestId), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/resident-files/{fileId}/linkable-help-requests',
      tags: [TAG],
      summary: "The resident's own neighbour-help requests that hang under no plan yet, to link to this one (the coordinator)",
      request: { params: fileParams },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({ requestId: z.uuid(), status: z.string(), schedule: z.string(), category: z.object({ code: z.string(), name: z.string() }), createdAt: z.string() }),
            ),
          }),
          'Requests that can be linked, newest first',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await service.listLinkableHelpRequests(deps, tenantContext(c), c.req.valid('param').fileId), 200),
  );

  return app;
}
