/**
 * Household-plan routes under /municipalities/{code}: the resident's file,
 * the people on the plan, consent, the plan and its versions. Paths carry
 * ids only, never a BSN or a name.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env';
import { MunicipalityCodeParam, UuidParam, commonErrors, createRouter, jsonBody, jsonResponse, plainText, problemResponse } from '../../http/openapi';
import { tenantContext } from '../../http/tenant';
import { CONTRIBUTOR_ROLES } from './household.contributions';
import { CONSENT_SCOPES } from './household.policy';
import * as service from './household.service';

const TAG = 'household plan';
const codeParams = z.object({ code: MunicipalityCodeParam });
const fileParams = z.object({ code: MunicipalityCodeParam, fileId: UuidParam('fileId') });
const conflict = { 409: problemResponse('Conflicts with the current state') };

const HouseholdMemberInput = z
  .object({
    name: plainText({ max: 100 }),
    relation: z.enum(['partner', 'child', 'parent', 'sibling', 'other']),
    birthYear: z.number().int().min(1900).max(2200).optional(),
  })
  .strict();

const Bsn = z.string().max(20).openapi({ description: 'Nine digits; checked with the 11-proof. Never put it in a URL.' });

export const ResidentFileSchema = z
  .object({
    id: z.uuid(),
    myRelation: z.enum(['resident', 'coordinator', 'participant', 'none']),
    myScopes: z.array(z.enum(CONSENT_SCOPES)),
    resident: z.object({ personId: z.uuid(), displayName: z.string(), bsn: z.string().nullable() }).nullable().openapi({ description: "Only with the 'identity' scope." }),
    householdMembers: z
      .array(z.object({ id: z.uuid(), name: z.string(), relation: z.string(), birthYear: z.number().int().nullable() }))
      .nullable()
      .openapi({ description: "Only with the 'household' scope." }),
    coordinator: z.object({ personId: z.uuid(), displayName: z.string() }),
    participants: z.array(
      z.object({ personId: z.uuid(), displayName: z.string(), organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(), addedAt: z.string() }),
    ),
    consents: z.array(
      z.object({
        id: z.uuid(),
        recipient: z.object({ kind: z.enum(['person', 'organisation']), id: z.uuid(), name: z.string() }),
        scopes: z.array(z.string()),
        purpose: z.string(),
        validFrom: z.string(),
        validUntil: z.string(),
        withdrawnAt: z.string().nullable(),
        inForce: z.boolean(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ResidentFile');

const WhoSchema = z.union([
  z.object({ personId: z.uuid() }).strict().openapi({ description: 'A person on the plan (or the resident, or the coordinator).' }),
  z.object({ helperName: plainText({ max: 100 }) }).strict().openapi({ description: 'An informal helper or neighbour-help volunteer, by name.' }),
]);

const PlanInputSchema = z
  .object({
    basedOnVersion: z.number().int().min(0).openapi({ description: 'The version this change starts from (0 for the first plan).' }),
    reason: plainText({ min: 3, max: 500 }).openapi({ description: 'Why the plan changes; kept with the version.' }),
    goals: z.array(z.object({ id: z.uuid().optional(), text: plainText({ max: 1000 }) }).strict()).max(20),
    actions: z
      .array(
        z
          .object({
            id: z.uuid().optional(),
            goalId: z.uuid().nullable().optional(),
            who: WhoSchema,
            what: plainText({ max: 500 }),
            dueOn: z.iso.date().nullable().optional(),
            doneOn: z.iso.date().nullable().optional().openapi({ description: 'The day it was done (not in the future); leave out or null while open.' }),
            formal: z.boolean(),
          })
          .strict(),
      )
      .max(50),
    reviewDates: z.array(z.iso.date()).max(12).default([]),
    domains: z.array(z.string().max(40)).max(30).default([]),
  })
  .strict();

export const PlanSchema = z
  .object({
    fileId: z.uuid(),
    version: z.number().int(),
    reason: z.string().nullable(),
    author: z.object({ personId: z.uuid(), displayName: z.string() }).nullable(),
    createdAt: z.string().nullable(),
    goals: z.array(z.object({ id: z.uuid(), text: z.string() })),
    actions: z.array(
      z.object({
        id: z.uuid(),
        goalId: z.uuid().nullable(),
        who: z.union([z.object({ personId: z.uuid(), displayName: z.string() }), z.object({ helperName: z.string() })]),
        what: z.string(),
        dueOn: z.string().nullable(),
        doneOn: z.string().nullable().openapi({ description: 'The day it was done; null while open (and in versions stored before this field existed).' }),
        formal: z.boolean(),
      }),
    ),
    reviewDates: z.array(z.string()),
    domains: z.array(z.string()),
    contributions: z
      .array(
        z.object({
          role: z.enum(CONTRIBUTOR_ROLES).openapi({
            description:
              "Who carries the actions: 'network' for a helper named only, 'resident', 'coordinator' (of this file), otherwise by role in the municipality (professional before social_worker before volunteer), else 'other'.",
          }),
          done: z.number().int(),
          open: z.number().int(),
          goals: z.array(z.object({ id: z.uuid(), text: z.string() })).openapi({ description: "The goals this role's actions served." }),
        }),
      )
      .openapi({ description: 'What each role added to this version of the plan, per role with at least one action.' }),
  })
  .openapi('HouseholdPlan');

export function householdRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/resident-files',
      tags: [TAG],
      summary: "Open a resident's file; the social worker who opens it coordinates (social workers)",
      request: {
        params: codeParams,
        ...jsonBody(
          z
            .object({ residentPersonId: z.uuid(), bsn: Bsn.optional(), householdMembers: z.array(HouseholdMemberInput).max(20).optional() })
            .strict(),
        ),
      },
      responses: { 201: jsonResponse(ResidentFileSchema, 'Opened'), ...commonErrors, ...conflict },
    }),
    async (c) => c.json(await service.openResidentFile(deps, tenantContext(c), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/resident-files',
      tags: [TAG],
      summary: 'Files I coordinate or am on (within consent)',
      request: { params: codeParams },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                relation: z.string(),
                residentDisplayName: z.string().nullable(),
                coordinatorDisplayName: z.string(),
                openWishes: z.number().int().nullable(),
              }),
            ),
          }),
          'My files',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await service.listMyFiles(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/me/resident-file',
      tags: [TAG],
      summary: 'My own file (residents)',
      request: { params: codeParams },
      responses: { 200: jsonResponse(ResidentFileSchema, 'My file'), ...commonErrors },
    }),
    async (c) => c.json(await service.getMyFile(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/resident-files/{fileId}',
      tags: [TAG],
      summary: 'A resident file: the resident, the coordinator, and people on the plan within consent (need-to-know)',
      request: { params: fileParams },
      responses: { 200: jsonResponse(ResidentFileSchema, 'The file, with only the parts you may see'), ...commonErrors },
    }),
    async (c) => c.json(await service.getFile(deps, tenantContext(c), c.req.valid('param').fileId), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/municipalities/{code}/resident-files/{fileId}',
      tags: [TAG],
      summary: 'Change the BSN or the household, or hand the file to another social worker (the coordinator)',
      request: {
        params: fileParams,
        ...jsonBody(
          z
            .object({
              bsn: Bsn.nullable().optional(),
              householdMembers: z.array(HouseholdMemberInput).max(20).optional(),
              coordinatorPersonId: z.uuid().optional().openapi({ description: 'Hand over: the old coordinator keeps access only if put on the plan.' }),
            })
            .strict(),
        ),
      },
      responses: { 200: jsonResponse(ResidentFileSchema, 'Changed'), ...commonErrors },
    }),
    async (c) => c.json(await service.updateFile(deps, tenantContext(c), c.req.valid('param').fileId, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/resident-files/{fileId}/participant-candidates',
      tags: [TAG],
      summary:
        "Find social workers, professionals and volunteers by name to put on the plan, or social workers to hand the file to ('for': 'coordinator') (the coordinator; the name is sent in the body)",
      request: {
        params: fileParams,
        ...jsonBody(
          z
            .object({
              q: plainText({ max: 60 }),
              for: z.enum(['plan', 'coordinator']).default('plan').openapi({ description: "'coordinator': social workers who can take the file over, people on the plan included." }),
            })
            .strict(),
        ),
      },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(z.object({ personId: z.uuid(), displayName: z.string(), roles: z.array(z.string()), organisation: z.string().nullable() })),
          }),
          'People who can be put on the plan',
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await service.searchParticipantCandidates(deps, tenantContext(c), c.req.valid('param').fileId, body.q, body.for), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/resident-files/{fileId}/participants',
      tags: [TAG],
      summary: 'Put a social worker, professional or volunteer on the plan (the coordinator)',
      request: { params: fileParams, ...jsonBody(z.object({ personId: z.uuid() }).strict()) },
      responses: { 200: jsonResponse(ResidentFileSchema, 'On the plan'), ...commonErrors },
    }),
    async (c) => c.json(await service.addParticipant(deps, tenantContext(c), c.req.valid('param').fileId, c.req.valid('json').personId), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/municipalities/{code}/resident-files/{fileId}/participants/{personId}',
      tags: [TAG],
      summary: 'Take someone off the plan; their access ends at once (the coordinator)',
      request: { params: z.object({ code: MunicipalityCodeParam, fileId: UuidParam('fileId'), personId: UuidParam('personId') }) },
      responses: { 200: jsonResponse(ResidentFileSchema, 'Off the plan'), ...commonErrors },
    }),
    async (c) => {
      const { fileId, personId } = c.req.valid('param');
      return c.json(await service.removeParticipant(deps, tenantContext(c), fileId, personId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/resident-files/{fileId}/consents',
      tags: [TAG],
      summary: 'Record what the resident agrees to share, with whom, why and until when (the resident, or the coordinator on their behalf)',
      request: {
        params: fileParams,
        ...jsonBody(
          z
            .object({
              recipient: z.union([z.object({ personId: z.uuid() }).strict(), z.object({ organisationId: z.uuid() }).strict()]),
              scopes: z.array(z.enum(CONSENT_SCOPES)).min(1).max(CONSENT_SCOPES.length),
              purpose: plainText({ min: 3, max: 300 }),
              validFrom: z.iso.date().optional(),
              validUntil: z.iso.date(),
            })
            .strict(),
        ),
      },
      responses: { 201: jsonResponse(ResidentFileSchema, 'Recorded'), ...commonErrors },
    }),
    async (c) => c.json(await service.recordConsent(deps, tenantContext(c), c.req.valid('param').fileId, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/resident-files/{fileId}/consents/{consentId}/withdraw',
      tags: [TAG],
      summary: 'Withdraw a consent; it takes effect at once (the resident, or the coordinator on their behalf)',
      request: { params: z.object({ code: MunicipalityCodeParam, fileId: UuidParam('fileId'), consentId: UuidParam('consentId') }) },
      responses: { 200: jsonResponse(ResidentFileSchema, 'Withdrawn'), ...commonErrors, ...conflict },
    }),
    async (c) => {
      const { fileId, consentId } = c.req.valid('param');
      return c.json(await service.withdrawConsent(deps, tenantContext(c), fileId, consentId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/resident-files/{fileId}/access-log',
      tags: [TAG],
      summary: 'Who looked at or changed my file, refusals included (the resident)',
      request: { params: fileParams, query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict() },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({
                occurredAt: z.string(),
                actorDisplayName: z.string().nullable(),
                actorRoles: z.array(z.string()),
                actorOrganisations: z.array(z.string()),
                action: z.string(),
                purpose: z.string(),
                outcome: z.string(),
              }),
            ),
          }),
          'Newest first',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await service.fileAccessLog(deps, tenantContext(c), c.req.valid('param').fileId, c.req.valid('query').limit), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/resident-files/{fileId}/plan',
      tags: [TAG],
      summary: "The current household plan (version 0 and empty before the first one) (the 'plan' scope)",
      request: { params: fileParams },
      responses: { 200: jsonResponse(PlanSchema, 'The current plan'), ...commonErrors },
    }),
    async (c) => c.json(await service.getPlan(deps, tenantContext(c), c.req.valid('param').fileId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/resident-files/{fileId}/plan/export.pdf',
      tags: [TAG],
      summary: "The current plan as a tagged, accessible PDF in the caller's language (the 'plan' scope; the resident's name only with 'identity'; never the BSN)",
      request: { params: fileParams },
      responses: {
        200: { description: 'PDF 1.7, tagged, with the document language set; a download whose file name carries no personal data', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { pdf, filename } = await service.exportPlanPdf(deps, tenantContext(c), c.req.valid('param').fileId);
      return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' });
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/municipalities/{code}/resident-files/{fileId}/plan',
      tags: [TAG],
      summary: "A new version of the plan, with the reason for the change (the coordinator, the resident, people on the plan with the 'plan' scope)",
      request: { params: fileParams, ...jsonBody(PlanInputSchema) },
      responses: { 200: jsonResponse(PlanSchema, 'The new version'), ...commonErrors, ...conflict },
    }),
    async (c) => c.json(await service.changePlan(deps, tenantContext(c), c.req.valid('param').fileId, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/resident-files/{fileId}/plan/versions',
      tags: [TAG],
      summary: "Every version of the plan with its reason, newest first (the 'plan' scope)",
      request: { params: fileParams },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(z.object({ version: z.number().int(), reason: z.string(), author: z.object({ personId: z.uuid(), displayName: z.string() }), createdAt: z.string() })),
          }),
          'Versions',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await service.listPlanVersions(deps, tenantContext(c), c.req.valid('param').fileId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/resident-files/{fileId}/plan/versions/{version}',
      tags: [TAG],
      summary: "One earlier version of the plan, as it was (the 'plan' scope)",
      request: {
        params: z.object({
          code: MunicipalityCodeParam,
          fileId: UuidParam('fileId'),
          version: z.coerce.number().int().min(1).max(100_000).openapi({ param: { name: 'version', in: 'path' } }),
        }),
      },
      responses: { 200: jsonResponse(PlanSchema, 'That version'), ...commonErrors },
    }),
    async (c) => {
      const { fileId, version } = c.req.valid('param');
      return c.json(await service.getPlanVersion(deps, tenantContext(c), fileId, version), 200);
    },
  );

  return app;
}
