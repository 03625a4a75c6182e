/** The regional pool under /municipalities/{code}/regional-pool (ADR 0007). */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env';
import { MunicipalityCodeParam, commonErrors, createRouter, jsonBody, jsonResponse, plainText } from '../../http/openapi';
import { tenantContext } from '../../http/tenant';
import * as service from './regional-pool.service';

const params = z.object({ code: MunicipalityCodeParam });
const Member = z.object({ code: z.string(), name: z.string() });
const Pool = z.object({
  id: z.uuid(),
  name: z.string(),
  members: z.array(Member).openapi({ description: 'Municipalities that share: accepted by the pool, or that started it.' }),
  waiting: z.array(Member).openapi({ description: "Municipalities that joined and wait for a member's acceptance." }),
});
const PoolState = z
  .object({
    pool: Pool.extend({
      accepted: z.boolean().openapi({ description: 'False while this municipality waits for a member of the pool to accept it: it shares with nobody yet.' }),
      partners: z.array(Member),
    })
      .nullable()
      .openapi({ description: "This municipality's pool; volunteers and requests that opted in are shared with its partners." }),
    pools: z.array(Pool).openapi({ description: 'Other pools this municipality could join.' }),
  })
  .openapi('RegionalPoolState');

export function regionalPoolRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/regional-pool',
      tags: ['neighbour help'],
      summary: "The municipality's regional pool and the pools it could join (any member)",
      request: { params },
      responses: { 200: jsonResponse(PoolState, 'Pools'), ...commonErrors },
    }),
    async (c) => c.json(await service.getRegionalPool(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/municipalities/{code}/regional-pool',
      tags: ['neighbour help'],
      summary: 'Join a pool, or start one by name (admins). Sharing starts once a partner joined the same pool.',
      request: {
        params,
        ...jsonBody(
          z
            .object({
              poolId: z.uuid().optional(),
              name: plainText({ min: 2, max: 80 }).optional().openapi({ description: 'The name of a new pool, e.g. a region.' }),
            })
            .strict(),
        ),
      },
      responses: { 200: jsonResponse(PoolState, 'Joined'), ...commonErrors },
    }),
    async (c) => c.json(await service.joinRegionalPool(deps, tenantContext(c), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/regional-pool/members/{memberCode}/accept',
      tags: ['neighbour help'],
      summary: 'Let a waiting municipality into the pool (admins of a municipality already in it)',
      request: { params: z.object({ code: MunicipalityCodeParam, memberCode: z.string().regex(/^GM\d{4}$/).openapi({ param: { name: 'memberCode', in: 'path' } }) }) },
      responses: { 200: jsonResponse(PoolState, 'Accepted'), ...commonErrors },
    }),
    async (c) => c.json(await service.acceptPoolMember(deps, tenantContext(c), c.req.valid('param').memberCode), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/municipalities/{code}/regional-pool',
      tags: ['neighbour help'],
      summary: 'Leave the pool (admins). Matches already made stay; no new ones across municipalities.',
      request: { params },
      responses: { 200: jsonResponse(PoolState, 'Left'), ...commonErrors },
    }),
    async (c) => c.json(await service.leaveRegionalPool(deps, tenantContext(c)), 200),
  );

  return app;
}
