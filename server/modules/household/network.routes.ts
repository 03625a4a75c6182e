/** Network-map and household-settings routes under /municipalities/{code}. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env';
import { MunicipalityCodeParam, UuidParam, commonErrors, createRouter, jsonBody, jsonResponse, plainText } from '../../http/openapi';
import { tenantContext } from '../../http/tenant';
import * as service from './network.service';

const TAG = 'household plan';
const codeParams = z.object({ code: MunicipalityCodeParam });
const fileParams = z.object({ code: MunicipalityCodeParam, fileId: UuidParam('fileId') });
const memberParams = z.object({ code: MunicipalityCodeParam, fileId: UuidParam('fileId'), memberId: UuidParam('memberId') });

const SettingsSchema = z
  .object({
    fragmentationThreshold: z.number().int(),
    defaultDomains: z.boolean().openapi({ description: 'True while the municipality uses the 13 domains of the ZRM 2017.' }),
    domains: z.array(z.object({ code: z.string(), name: z.string(), nameNl: z.string(), nameEn: z.string() })),
  })
  .openapi('HouseholdSettings');

const MemberFields = {
  circle: z.enum(service.CIRCLES),
  name: plainText({ max: 100 }).openapi({ description: 'How the resident calls them ("buurvrouw Els", "huisarts").' }),
  personId: z.uuid().nullable().optional(),
  organisationId: z.uuid().nullable().optional(),
  organisationKind: z.enum(service.NETWORK_ORGANISATION_KINDS).nullable().optional(),
  supportKinds: z.array(z.enum(service.SUPPORT_KINDS)).max(service.SUPPORT_KINDS.length),
  strength: z.number().int().min(1).max(3).openapi({ description: '1 light, 2 moderate, 3 strong.' }),
  involvedSince: z.iso.date().nullable().optional(),
  involvedUntil: z.iso.date().nullable().optional(),
};

const NetworkSchema = z
  .object({
    fileId: z.uuid(),
    members: z.array(
      z.object({
        id: z.uuid(),
        circle: z.string(),
        name: z.string(),
        person: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
        organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
        organisationKind: z.string().nullable(),
        supportKinds: z.array(z.string()),
        strength: z.number().int(),
        involvedSince: z.string().nullable(),
        involvedUntil: z.string().nullable(),
        helpRequestId: z.uuid().nullable(),
        source: z.literal('map'),
        updatedAt: z.string(),
      }),
    ),
    fromNeighbourHelp: z
      .array(
        z.object({
          matchId: z.uuid(),
          circle: z.literal('volunteers'),
          name: z.string().openapi({ description: 'First name, as neighbour help shows volunteers.' }),
          personId: z.uuid(),
          helpRequestId: z.uuid(),
          since: z.string().nullable(),
        }),
      )
      .openapi({ description: 'Volunteers with a confirmed match on a neighbour-help request under this plan.' }),
    fragmentation: z.object({
      professionals: z.number().int(),
      organisations: z.number().int(),
      total: z.number().int(),
      threshold: z.number().int(),
      warning: z.boolean(),
      since: z.string(),
    }),
  })
  .openapi('NetworkMap');

export function networkRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/household-settings',
      tags: [TAG],
      summary: 'The fragmentation threshold and the life domains of this municipality (staff)',
      request: { params: codeParams },
      responses: { 200: jsonResponse(SettingsSchema, 'Settings'), ...commonErrors },
    }),
    async (c) => c.json(await service.getSettings(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/municipalities/{code}/household-settings',
      tags: [TAG],
      summary: 'Set the fragmentation threshold and the life domains; null domains: the ZRM 2017 set (admins)',
      request: {
        params: codeParams,
        ...jsonBody(
          z
            .object({
              fragmentationThreshold: z.number().int().min(1).max(100),
              outcomeDomains: z
                .array(z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), nameNl: plainText({ max: 80 }), nameEn: plainText({ max: 80 }) }).strict())
                .min(1)
                .max(30)
                .nullable(),
            })
            .strict(),
        ),
      },
      responses: { 200: jsonResponse(SettingsSchema, 'Saved'), ...commonErrors },
    }),
    async (c) => c.json(await service.saveSettings(deps, tenantContext(c), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/resident-files/{fileId}/network',
      tags: [TAG],
      summary: "The resident's network map with the fragmentation signal (the 'network' scope)",
      request: { params: fileParams },
      responses: { 200: jsonResponse(NetworkSchema, 'The map'), ...commonErrors },
    }),
    async (c) => c.json(await service.listNetwork(deps, tenantContext(c), c.req.valid('param').fileId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/resident-files/{fileId}/network',
      tags: [TAG],
      summary: 'Add someone to the network map (the resident, the coordinator)',
      request: { params: fileParams, ...jsonBody(z.object(MemberFields).strict()) },
      responses: { 201: jsonResponse(NetworkSchema, 'The map'), ...commonErrors },
    }),
    async (c) => c.json(await service.addNetworkMember(deps, tenantContext(c), c.req.valid('param').fileId, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/municipalities/{code}/resident-files/{fileId}/network/{memberId}',
      tags: [TAG],
      summary: 'Change someone on the network map (the resident, the coordinator)',
      request: { params: memberParams, ...jsonBody(z.object(MemberFields).partial().strict()) },
      responses: { 200: jsonResponse(NetworkSchema, 'The map'), ...commonErrors },
    }),
    async (c) => {
      const { fileId, memberId } = c.req.valid('param');
      return c.json(await service.updateNetworkMember(deps, tenantContext(c), fileId, memberId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/municipalities/{code}/resident-files/{fileId}/network/{memberId}',
      tags: [TAG],
      summary: 'Take someone off the network map (the resident, the coordinator)',
      request: { params: memberParams },
      responses: { 200: jsonResponse(NetworkSchema, 'The map'), ...commonErrors },
    }),
    async (c) => {
      const { fileId, memberId } = c.req.valid('param');
      return c.json(await service.deleteNetworkMember(deps, tenantContext(c), fileId, memberId), 200);
    },
  );

  return app;
}
