/** Neighbour-help routes under /municipalities/{code}. */
import { createRoute, z } from '@hono/zod-openapi';
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
import { DAY_PART_CODES, GENDERS, SCHEDULES, URGENCIES } from './neighbour-help.rules';
import * as service from './neighbour-help.service';

const codeParams = z.object({ code: MunicipalityCodeParam });
const DayParts = z.array(z.enum(DAY_PART_CODES)).min(1).max(21);
const Language = z.string().regex(/^[a-z]{2,3}$/, 'An ISO 639 language code such as nl or ar.');

const CategorySchema = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), vulnerable: z.boolean() })
  .openapi('HelpCategory');

const VolunteerProfileSchema = z
  .object({
    personId: z.uuid(),
    categoryIds: z.array(z.uuid()),
    skills: z.array(z.string()),
    dayParts: z.array(z.enum(DAY_PART_CODES)),
    sessionsPerMonth: z.number(),
    maxResidents: z.number().int(),
    maxKm: z.number().int(),
    languages: z.array(z.string()),
    gender: z.string(),
    pc4: z.string(),
    place: z.string().nullable(),
    regionalPool: z.boolean(),
    giftMode: z.boolean(),
    active: z.boolean(),
    vog: z.object({ issuedOn: z.string().nullable(), validUntil: z.string().nullable(), valid: z.boolean() }),
    updatedAt: z.string(),
  })
  .openapi('VolunteerProfile');

const HelpRequestSummarySchema = z
  .object({
    id: z.uuid(),
    residentPersonId: z.uuid(),
    residentDisplayName: z.string(),
    category: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    schedule: z.enum(SCHEDULES),
    sessionsPerMonth: z.number(),
    pc4: z.string(),
    place: z.string().nullable(),
    urgency: z.enum(URGENCIES),
    status: z.string(),
    vogRequired: z.boolean(),
    postedOnBehalf: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('HelpRequestSummary');

const HelpRequestSchema = HelpRequestSummarySchema.extend({
  description: z.string(),
  window: z.object({ start: z.string(), end: z.string() }).nullable(),
  dayParts: z.array(z.enum(DAY_PART_CODES)),
  durationMinutes: z.number().int(),
  languages: z.array(z.string()),
  sameGender: z.boolean(),
  regionalPool: z.boolean(),
  address: z
    .object({ postcode: z.string(), houseNumber: z.number().int(), houseNumberAddition: z.string().nullable() })
    .nullable()
    .openapi({ description: 'Only for the resident themself; hidden from everyone else until a match is confirmed.' }),
}).openapi('HelpRequest');

export function neighbourHelpRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/help-categories',
      tags: ['neighbour help'],
      summary: "The municipality's categories of informal help",
      request: { params: codeParams },
      responses: { 200: jsonResponse(z.array(CategorySchema), 'Categories'), ...commonErrors },
    }),
    async (c) => c.json(await service.listCategories(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/me/volunteer-profile',
      tags: ['neighbour help'],
      summary: 'My offer as a volunteer (volunteers)',
      request: { params: codeParams },
      responses: { 200: jsonResponse(VolunteerProfileSchema, 'My offer'), ...commonErrors },
    }),
    async (c) => c.json(await service.getMyVolunteerProfile(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/municipalities/{code}/me/volunteer-profile',
      tags: ['neighbour help'],
      summary: 'Create or change my offer as a volunteer (volunteers)',
      request: {
        params: codeParams,
        ...jsonBody(
          z
            .object({
              categoryIds: z.array(z.uuid()).min(1).max(20),
              skills: z.array(plainText({ max: 60 })).max(20).default([]),
              dayParts: DayParts,
              sessionsPerMonth: z.number().min(0.1).max(31).multipleOf(0.1),
              maxResidents: z.number().int().min(1).max(20).default(1),
              maxKm: z.number().int().min(1).max(50),
              languages: z.array(Language).min(1).max(10).default(['nl']),
              gender: z.enum(GENDERS).default('unknown'),
              postcode: plainText({ max: 7 }).openapi({ description: 'Four digits (the area is enough), or a full postcode.' }),
              regionalPool: z.boolean().default(false),
              giftMode: z.boolean().default(true),
              active: z.boolean().default(true),
            })
            .strict(),
        ),
      },
      responses: { 200: jsonResponse(VolunteerProfileSchema, 'Saved'), ...commonErrors },
    }),
    async (c) => c.json(await service.saveMyVolunteerProfile(deps, tenantContext(c), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/persons/{personId}/vog-records',
      tags: ['neighbour help'],
      summary: "Record a volunteer's certificate of conduct (VOG) by its date of issue (social worker, admin)",
      request: {
        params: z.object({ code: MunicipalityCodeParam, personId: UuidParam('personId') }),
        ...jsonBody(z.object({ issuedOn: z.iso.date() }).strict()),
      },
      responses: {
        201: jsonResponse(
          z.object({ id: z.uuid(), personId: z.uuid(), issuedOn: z.string(), validUntil: z.string(), valid: z.boolean() }),
          'Recorded',
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { personId } = c.req.valid('param');
      return c.json(await service.recordVog(deps, tenantContext(c), personId, c.req.valid('json').issuedOn), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/help-requests',
      tags: ['neighbour help'],
      summary: 'Ask for informal help (a resident, or staff on behalf of a resident)',
      request: {
        params: codeParams,
        ...jsonBody(
          z
            .object({
              residentPersonId: z.uuid().optional().openapi({ description: 'Staff posting for a resident; the resident keeps ownership.' }),
              categoryId: z.uuid(),
              description: plainText({ min: 10, max: 1000 }),
              schedule: z.enum(SCHEDULES),
              window: z.object({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) }).strict().optional(),
              dayParts: DayParts.optional().openapi({ description: 'Required for a recurring request; for a one-off request it follows from the window when left out.' }),
              durationMinutes: z.number().int().min(15).max(480),
              postcode: plainText({ max: 7 }),
              houseNumber: z.number().int().min(1).max(99999),
              houseNumberAddition: plainText({ max: 6 }).optional(),
              languages: z.array(Language).max(5).optional(),
              sameGender: z.boolean().optional(),
              residentGender: z.enum(['female', 'male', 'other']).optional().openapi({ description: 'Needed with sameGender.' }),
              regionalPool: z.boolean().optional().openapi({ description: 'A volunteer from a neighbouring municipality is welcome too.' }),
              needsVog: z.boolean().optional(),
              urgency: z.enum(URGENCIES).optional(),
            })
            .strict(),
        ),
      },
      responses: { 201: jsonResponse(HelpRequestSchema, 'Posted'), ...commonErrors, 429: problemResponse('Too many requests in an hour') },
    }),
    async (c) => c.json(await service.postHelpRequest(deps, tenantContext(c), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/help-requests',
      tags: ['neighbour help'],
      summary: 'Help requests: my own, or all of the municipality for coordinators (never with addresses)',
      request: {
        params: codeParams,
        query: z
          .object({
            mine: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
            status: z.enum(['open', 'matched', 'stalled', 'referred', 'closed', 'cancelled']).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(25),
            offset: z.coerce.number().int().min(0).max(100_000).default(0),
          })
          .strict(),
      },
      responses: {
        200: jsonResponse(z.object({ items: z.array(HelpRequestSummarySchema), total: z.number().int() }), 'A page'),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await service.listHelpRequests(deps, tenantContext(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/neighbour-help/residents',
      tags: ['neighbour help'],
      summary: 'Find a resident to post a request for, by name or e-mail, or one by id (social workers, admins)',
      request: {
        params: codeParams,
        query: z
          .object({ q: plainText({ min: 2, max: 100 }).optional(), id: z.uuid().optional() })
          .strict()
          .refine((v) => v.q !== undefined || v.id !== undefined, { message: 'Give a name or an id.', path: ['q'] }),
      },
      responses: {
        200: jsonResponse(z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string(), email: z.string().nullable() })) }), 'At most ten residents'),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await service.searchResidents(deps, tenantContext(c), c.req.valid('query')), 200),
  );

  const requestParams = z.object({ code: MunicipalityCodeParam, requestId: UuidParam('requestId') });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/help-requests/{requestId}',
      tags: ['neighbour help'],
      summary: 'One help request (its resident, whoever posted it, coordinators)',
      request: { params: requestParams },
      responses: { 200: jsonResponse(HelpRequestSchema, 'The request'), ...commonErrors },
    }),
    async (c) => c.json(await service.getHelpRequest(deps, tenantContext(c), c.req.valid('param').requestId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/help-requests/{requestId}/cancel',
      tags: ['neighbour help'],
      summary: 'Withdraw a help request',
      request: { params: requestParams },
      responses: { 200: jsonResponse(HelpRequestSchema, 'Withdrawn'), ...commonErrors, 409: problemResponse('Already closed') },
    }),
    async (c) => c.json(await service.cancelHelpRequest(deps, tenantContext(c), c.req.valid('param').requestId), 200),
  );

  return app;
}
