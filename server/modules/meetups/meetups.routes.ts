/** Meet-up routes (ontmoetingen) under /municipalities/{code}/meetups. */
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
import { MAX_CAPACITY, MEETUP_STATUSES, MIN_CAPACITY } from './meetups.rules';
import * as service from './meetups.service';

const TAG = 'meet-ups';
const codeParams = z.object({ code: MunicipalityCodeParam });
const meetupParams = z.object({ code: MunicipalityCodeParam, meetupId: UuidParam('meetupId') });
const conflictResponse = (description: string) => ({
  409: problemResponse(`${description}; \`invalidParams\` names why (seatsLeft, cancelledAt, startsAt, endsAt, capacity).`),
});

const IsoDateTime = z.iso.datetime({ offset: true }).openapi({ example: '2026-11-20T14:00:00+01:00' });
const fields = {
  title: plainText({ min: 3, max: 120 }).openapi({ example: 'Buurtcafé De Schakel' }),
  place: plainText({ min: 3, max: 200 }).openapi({ description: 'A public venue with its street address; never a home address.' }),
  postcode: plainText({ max: 7 }).openapi({ description: "The venue's postcode, or its four digits; must lie in this municipality." }),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  capacity: z.number().int().min(MIN_CAPACITY).max(MAX_CAPACITY),
  notes: plainText({ min: 0, max: 2000 }),
};

const MeetupSchema = z
  .object({
    id: z.uuid(),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    title: z.string(),
    place: z.string(),
    pc4: z.string(),
    area: z.string().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    capacity: z.number().int(),
    signedUp: z.number().int(),
    seatsLeft: z.number().int(),
    notes: z.string(),
    status: z.enum(MEETUP_STATUSES),
    cancelledAt: z.string().nullable(),
    mySignup: z
      .object({ signedUpAt: z.string(), attended: z.boolean().nullable() })
      .nullable()
      .openapi({ description: "The caller's own sign-up, if any. Nobody else's sign-up is ever in this view." }),
    canManage: z.boolean().openapi({ description: 'The caller may change it, see sign-ups and keep attendance.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Meetup');

const SignupSchema = z
  .object({
    personId: z.uuid(),
    displayName: z.string(),
    volunteer: z.boolean(),
    signedUpAt: z.string(),
    attended: z.boolean().nullable(),
  })
  .openapi('MeetupSignup');
const SignupList = z.object({ items: z.array(SignupSchema) });

export function meetupRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/meetups',
      tags: [TAG],
      summary: 'Meet-ups: upcoming (soonest first) or past (latest first); all, or those I signed up for',
      request: {
        params: codeParams,
        query: z
          .object({
            past: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
            mine: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
            organisationId: z.uuid().optional(),
            limit: z.coerce.number().int().min(1).max(100).default(25),
            offset: z.coerce.number().int().min(0).max(100_000).default(0),
          })
          .strict(),
      },
      responses: { 200: jsonResponse(z.object({ items: z.array(MeetupSchema), total: z.number().int() }), 'A page'), ...commonErrors },
    }),
    async (c) => c.json(await service.listMeetups(deps, tenantContext(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/meetups',
      tags: [TAG],
      summary: 'Plan a meet-up (social workers and professionals for their organisation, administrators for any)',
      request: {
        params: codeParams,
        ...jsonBody(
          z
            .object({
              organisationId: z.uuid().optional().openapi({ description: 'Needed unless the organiser works for exactly one organisation.' }),
              ...fields,
              notes: fields.notes.default(''),
            })
            .strict(),
        ),
      },
      responses: { 201: jsonResponse(MeetupSchema, 'Planned'), ...commonErrors },
    }),
    async (c) => c.json(await service.createMeetup(deps, tenantContext(c), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/meetups/{meetupId}',
      tags: [TAG],
      summary: 'One meet-up with its seats left and my own sign-up',
      request: { params: meetupParams },
      responses: { 200: jsonResponse(MeetupSchema, 'The meet-up'), ...commonErrors },
    }),
    async (c) => c.json(await service.getMeetup(deps, tenantContext(c), c.req.valid('param').meetupId), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/municipalities/{code}/meetups/{meetupId}',
      tags: [TAG],
      summary: "Change a meet-up (its organisation's staff, administrators) until it ends",
      request: {
        params: meetupParams,
        ...jsonBody(
          z
            .object({
              title: fields.title.optional(),
              place: fields.place.optional(),
              postcode: fields.postcode.optional(),
              startsAt: fields.startsAt.optional(),
              endsAt: fields.endsAt.optional(),
              capacity: fields.capacity.optional().openapi({ description: 'Not under the number of people signed up.' }),
              notes: fields.notes.optional(),
            })
            .strict(),
        ),
      },
      responses: { 200: jsonResponse(MeetupSchema, 'Changed'), ...commonErrors, ...conflictResponse('Cancelled, over, or capacity under the sign-ups') },
    }),
    async (c) => c.json(await service.updateMeetup(deps, tenantContext(c), c.req.valid('param').meetupId, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/meetups/{meetupId}/cancel',
      tags: [TAG],
      summary: "Cancel a meet-up (its organisation's staff, administrators)",
      request: { params: meetupParams },
      responses: { 200: jsonResponse(MeetupSchema, 'Cancelled'), ...commonErrors, ...conflictResponse('Already cancelled or over') },
    }),
    async (c) => c.json(await service.cancelMeetup(deps, tenantContext(c), c.req.valid('param').meetupId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/meetups/{meetupId}/signup',
      tags: [TAG],
      summary: 'Sign me up (residents and volunteers); signing up twice changes nothing',
      request: { params: meetupParams },
      responses: { 200: jsonResponse(MeetupSchema, 'Signed up'), ...commonErrors, ...conflictResponse('Full, cancelled, or already started') },
    }),
    async (c) => c.json(await service.signUp(deps, tenantContext(c), c.req.valid('param').meetupId), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/municipalities/{code}/meetups/{meetupId}/signup',
      tags: [TAG],
      summary: 'Withdraw my sign-up until the meet-up starts',
      request: { params: meetupParams },
      responses: { 200: jsonResponse(MeetupSchema, 'Withdrawn'), ...commonErrors, ...conflictResponse('Already started') },
    }),
    async (c) => c.json(await service.withdrawSignup(deps, tenantContext(c), c.req.valid('param').meetupId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/meetups/{meetupId}/signups',
      tags: [TAG],
      summary: "Who signed up, with attendance (its organisation's staff, administrators)",
      request: { params: meetupParams },
      responses: { 200: jsonResponse(SignupList, 'Sign-ups'), ...commonErrors },
    }),
    async (c) => c.json(await service.listSignups(deps, tenantContext(c), c.req.valid('param').meetupId), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/municipalities/{code}/meetups/{meetupId}/attendance',
      tags: [TAG],
      summary: "Keep attendance from the start on (its organisation's staff, administrators)",
      request: {
        params: meetupParams,
        ...jsonBody(
          z
            .object({
              attendance: z
                .array(z.object({ personId: z.uuid(), attended: z.boolean().nullable() }).strict())
                .min(1)
                .max(500),
            })
            .strict(),
        ),
      },
      responses: { 200: jsonResponse(SignupList, 'Kept'), ...commonErrors, ...conflictResponse('Cancelled or not started yet') },
    }),
    async (c) =>
      c.json(await service.keepAttendance(deps, tenantContext(c), c.req.valid('param').meetupId, c.req.valid('json').attendance), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/meetups/{meetupId}/met-volunteers',
      tags: [TAG],
      summary: 'The volunteers I met there (only for someone marked as attended): id and first name',
      request: { params: meetupParams },
      responses: {
        200: jsonResponse(
          z.object({ meetupId: z.uuid(), volunteers: z.array(z.object({ personId: z.uuid(), givenName: z.string() })) }),
          'Volunteers who were there too',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await service.metVolunteers(deps, tenantContext(c), c.req.valid('param').meetupId), 200),
  );

  return app;
}
