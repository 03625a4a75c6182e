/** Routes of the coach's queue, rotas, the resident's own network and the figures, under /municipalities/{code}. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env';
import { MunicipalityCodeParam, UuidParam, commonErrors, createRouter, jsonBody, jsonResponse, plainText, problemResponse } from '../../http/openapi';
import { tenantContext } from '../../http/tenant';
import { DAY_PART_CODES, SCHEDULES } from './neighbour-help.rules';
import * as coach from './coach.service';
import { CONTACT_STATUSES, RELATIONS } from './coach.service';
import { figures } from './figures.service';
import { runMatchingRound } from './matching-round.service';

const codeParams = z.object({ code: MunicipalityCodeParam });
const requestParams = z.object({ code: MunicipalityCodeParam, requestId: UuidParam('requestId') });
const rotaParams = z.object({ code: MunicipalityCodeParam, rotaId: UuidParam('rotaId') });

const STALL_CAUSES = ['no_match_in_time', 'no_candidates', 'needs_rota', 'sensitive'] as const;

const SuggestionSchema = z
  .object({
    step: z.enum(['split_into_rota', 'widen_distance', 'ask_network', 'invite_volunteers', 'refer_formal']),
    members: z.number().int().optional(),
    complete: z.boolean().optional(),
    extraKm: z.number().int().optional(),
    candidates: z.number().int().optional(),
    contacts: z.number().int().optional(),
    notAsked: z.number().int().optional(),
  })
  .openapi('CoachSuggestion');

const QueueItemSchema = z
  .object({
    stallId: z.uuid().nullable(),
    cause: z.enum(STALL_CAUSES).nullable().openapi({ description: 'Why it is stuck; null for a request that is not in the queue.' }),
    detectedAt: z.string().nullable(),
    daysWaiting: z.number().int(),
    request: z.object({
      id: z.uuid(),
      residentPersonId: z.uuid(),
      residentDisplayName: z.string(),
      category: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
      description: z.string(),
      schedule: z.enum(SCHEDULES),
      sessionsPerMonth: z.number(),
      pc4: z.string(),
      place: z.string().nullable(),
      urgency: z.string(),
      status: z.string(),
      sensitive: z.boolean(),
      extraKm: z.number().int(),
      createdAt: z.string(),
    }),
    liveMatches: z.number().int(),
    declinedMatches: z.number().int(),
    suggestions: z.array(SuggestionSchema),
  })
  .openapi('CoachQueueItem');

const RoundRequestSchema = z.object({ requestId: z.uuid(), categoryName: z.string(), pc4: z.string() });
const MatchingRoundSchema = z
  .object({
    requests: z.number().int().openapi({ description: 'Open requests nobody was being asked for, taken into the round' }),
    volunteers: z.number().int().openapi({ description: 'Volunteers with room the round could propose' }),
    proposals: z.array(RoundRequestSchema.extend({ sessionsPerMonth: z.number(), km: z.number() })).openapi({ description: 'Requests now proposed to one volunteer who covers them whole' }),
    teams: z
      .array(RoundRequestSchema.extend({ members: z.number().int(), coveredSessionsPerMonth: z.number(), openSessionsPerMonth: z.number() }))
      .openapi({ description: 'Requests the optimum serves with a team or in part: for the coach to make a rota; nothing stored' }),
    unserved: z.number().int(),
    servedSessionsPerMonth: z.number(),
    requestedSessionsPerMonth: z.number(),
  })
  .openapi('MatchingRound');

const CalendarEntrySchema = z.object({
  date: z.string(),
  dayPart: z.enum(DAY_PART_CODES),
  open: z.boolean(),
  confirmed: z.boolean(),
  givenName: z.string().nullable(),
  mine: z.boolean(),
});

const RotaSchema = z
  .object({
    id: z.uuid(),
    requestId: z.uuid(),
    status: z.string(),
    startsOn: z.string(),
    demandSessions: z.number(),
    coveredSessions: z.number(),
    gapSessions: z.number(),
    members: z.array(
      z.object({ matchId: z.uuid().nullable(), givenName: z.string().nullable(), state: z.string(), sessionsPerMonth: z.number(), mine: z.boolean() }),
    ),
    calendar: z.array(CalendarEntrySchema),
    approvedAt: z.string().nullable(),
  })
  .openapi('HelpRota');

const RotaProposalSchema = z
  .object({
    requestId: z.uuid(),
    startsOn: z.string(),
    demandSessions: z.number(),
    coveredSessions: z.number(),
    complete: z.boolean(),
    members: z.array(z.object({ volunteerPersonId: z.uuid(), givenName: z.string(), sessionsPerMonth: z.number(), km: z.number(), known: z.boolean() })),
    calendar: z.array(z.object({ date: z.string(), dayPart: z.enum(DAY_PART_CODES), memberId: z.string().nullable(), givenName: z.string().nullable() })),
  })
  .openapi('HelpRotaProposal');

const NetworkContactSchema = z
  .object({ id: z.uuid(), name: z.string(), relation: z.enum(RELATIONS), status: z.enum(CONTACT_STATUSES), updatedAt: z.string() })
  .openapi('NetworkContact');

const FiguresSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    requests: z.number().int(),
    matches: z.number().int(),
    medianHoursToFirstResponse: z.number().nullable(),
    medianHoursToMatch: z.number().nullable(),
    shareStalled: z.number().nullable(),
    shareResolvedInformally: z.number().nullable(),
    shareReferred: z.number().nullable(),
    activeVolunteers: z.number().int(),
    hoursGiven: z.number(),
    meetups: z.number().int(),
    meetupAttendance: z.number().int(),
  })
  .openapi('NeighbourHelpFigures');

export function coachRoutes(deps: Deps) {
  const app = createRouter();
  const tags = ['neighbour help: coach'];

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/matching-rounds',
      tags,
      summary: 'A city-wide matching round: the engine matches every open request nobody is asked for yet at once; whole-request proposals are made, teams listed for the coach (social workers, admins)',
      request: { params: codeParams },
      responses: { 200: jsonResponse(MatchingRoundSchema, 'What the round proposed'), ...commonErrors },
    }),
    async (c) => c.json(await runMatchingRound(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/coach/queue',
      tags,
      summary: 'Requests that stalled, oldest first, with suggested next steps (social workers, admins)',
      request: { params: codeParams },
      responses: { 200: jsonResponse(z.array(QueueItemSchema), 'The queue'), ...commonErrors },
    }),
    async (c) => c.json(await coach.coachQueue(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/help-requests/{requestId}/coaching',
      tags,
      summary: 'One request as the coach sees it: why it is stuck (if it is), its matches and the suggested next steps (coordinators)',
      request: { params: requestParams },
      responses: { 200: jsonResponse(QueueItemSchema, 'The request for the coach'), ...commonErrors },
    }),
    async (c) => c.json(await coach.requestCoaching(deps, tenantContext(c), c.req.valid('param').requestId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/help-requests/{requestId}/stalls',
      tags,
      summary: 'Every time a request stalled, and how it ended (coordinators)',
      request: { params: requestParams },
      responses: {
        200: jsonResponse(
          z.array(z.object({ id: z.uuid(), cause: z.string(), detectedAt: z.string(), outcome: z.string().nullable(), outcomeNote: z.string().nullable(), resolvedAt: z.string().nullable() })),
          'Stalls, newest first',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await coach.requestStalls(deps, tenantContext(c), c.req.valid('param').requestId), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/municipalities/{code}/help-requests/{requestId}/coaching',
      tags,
      summary: 'Widen the search beyond the volunteers\' own distance, or mark a request as sensitive (coordinators)',
      request: {
        params: requestParams,
        ...jsonBody(
          z
            .object({ extraKm: z.number().int().min(0).max(25).optional(), sensitive: z.boolean().optional() })
            .strict()
            .refine((v) => v.extraKm !== undefined || v.sensitive !== undefined, { message: 'Change at least one thing.', path: ['extraKm'] }),
        ),
      },
      responses: {
        200: jsonResponse(z.object({ id: z.uuid(), extraKm: z.number().int(), sensitive: z.boolean() }), 'Changed'),
        ...commonErrors,
        409: problemResponse('The request is closed'),
      },
    }),
    async (c) => c.json(await coach.updateCoaching(deps, tenantContext(c), c.req.valid('param').requestId, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/help-requests/{requestId}/refer',
      tags,
      summary: 'Refer a request to formal support, with a reason (coordinators)',
      request: { params: requestParams, ...jsonBody(z.object({ reason: plainText({ min: 5, max: 500 }) }).strict()) },
      responses: {
        200: jsonResponse(
          z.object({
            id: z.uuid(),
            status: z.literal('referred'),
            plan: z
              .object({ fileId: z.uuid().nullable(), planVersion: z.number().int().nullable() })
              .openapi({
                description:
                  "The resident's household plan the request now hangs under, with the new version that holds the formal action; both null when the referrer may not change that plan (the request is then only linked, for its coordinator).",
              }),
          }),
          'Referred',
        ),
        ...commonErrors,
        409: problemResponse('Closed'),
      },
    }),
    async (c) => c.json(await coach.referToFormalCare(deps, tenantContext(c), c.req.valid('param').requestId, c.req.valid('json').reason), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/help-requests/{requestId}/resolved-by-network',
      tags,
      summary: "Close a stalled request that the resident's own network took on (coordinators)",
      request: { params: requestParams, ...jsonBody(z.object({ note: plainText({ max: 500 }).optional() }).strict()) },
      responses: { 200: jsonResponse(z.object({ id: z.uuid(), status: z.literal('closed') }), 'Closed'), ...commonErrors, 409: problemResponse('Not in the coach queue') },
    }),
    async (c) => c.json(await coach.resolveByNetwork(deps, tenantContext(c), c.req.valid('param').requestId, c.req.valid('json').note), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/help-requests/{requestId}/network',
      tags,
      summary: "The resident's own network for this request: who might help first (resident side, coordinators)",
      request: { params: requestParams },
      responses: { 200: jsonResponse(z.array(NetworkContactSchema), 'The network'), ...commonErrors },
    }),
    async (c) => c.json(await coach.listNetwork(deps, tenantContext(c), c.req.valid('param').requestId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/help-requests/{requestId}/network',
      tags,
      summary: 'Add someone from the resident\'s own network (a first name or description, no contact details)',
      request: {
        params: requestParams,
        ...jsonBody(z.object({ name: plainText({ min: 1, max: 60 }), relation: z.enum(RELATIONS) }).strict()),
      },
      responses: { 201: jsonResponse(NetworkContactSchema, 'Added'), ...commonErrors },
    }),
    async (c) => c.json(await coach.addNetworkContact(deps, tenantContext(c), c.req.valid('param').requestId, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/municipalities/{code}/help-requests/{requestId}/network/{contactId}',
      tags,
      summary: 'Record whether someone of the network was asked and what they said',
      request: {
        params: z.object({ code: MunicipalityCodeParam, requestId: UuidParam('requestId'), contactId: UuidParam('contactId') }),
        ...jsonBody(z.object({ status: z.enum(CONTACT_STATUSES) }).strict()),
      },
      responses: { 200: jsonResponse(z.array(NetworkContactSchema), 'The network'), ...commonErrors },
    }),
    async (c) => {
      const { requestId, contactId } = c.req.valid('param');
      return c.json(await coach.updateNetworkContact(deps, tenantContext(c), requestId, contactId, c.req.valid('json').status), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/help-requests/{requestId}/rota-proposal',
      tags,
      summary: 'The smallest team whose own limits cover a heavy recurring request, with a calendar preview (coordinators; nothing stored)',
      request: { params: requestParams },
      responses: { 200: jsonResponse(RotaProposalSchema, 'A proposal'), ...commonErrors },
    }),
    async (c) => c.json(await coach.rotaProposal(deps, tenantContext(c), c.req.valid('param').requestId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/help-requests/{requestId}/rotas',
      tags,
      summary: 'Approve a rota: each member is asked, and their yes confirms their part (coordinators, on the resident\'s behalf)',
      request: {
        params: requestParams,
        ...jsonBody(
          z
            .object({
              startsOn: z.iso.date(),
              members: z.array(z.object({ volunteerPersonId: z.uuid(), sessionsPerMonth: z.number().min(0.1).max(31).multipleOf(0.1) }).strict()).min(1).max(12),
            })
            .strict(),
        ),
      },
      responses: { 201: jsonResponse(RotaSchema, 'Approved'), ...commonErrors, 409: problemResponse('Already has a rota, or closed') },
    }),
    async (c) => c.json(await coach.approveRota(deps, tenantContext(c), c.req.valid('param').requestId, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/help-requests/{requestId}/rota',
      tags,
      summary: 'The active rota of a request with its calendar (resident side, coordinators, members)',
      request: { params: requestParams },
      responses: { 200: jsonResponse(RotaSchema, 'The rota'), ...commonErrors },
    }),
    async (c) => c.json(await coach.rotaOfRequest(deps, tenantContext(c), c.req.valid('param').requestId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/rotas/{rotaId}',
      tags,
      summary: 'A rota with its calendar: who comes when, and the open dates (resident side, coordinators, members)',
      request: { params: rotaParams },
      responses: { 200: jsonResponse(RotaSchema, 'The rota'), ...commonErrors },
    }),
    async (c) => c.json(await coach.getRota(deps, tenantContext(c), c.req.valid('param').rotaId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/rotas/{rotaId}/refill',
      tags,
      summary: 'Fill the gap a member left: the others stay, new members are asked (coordinators)',
      request: { params: rotaParams },
      responses: { 200: jsonResponse(RotaSchema, 'Refilled'), ...commonErrors, 409: problemResponse('No gap, or nobody can fill it') },
    }),
    async (c) => c.json(await coach.refillRota(deps, tenantContext(c), c.req.valid('param').rotaId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/neighbour-help/figures',
      tags,
      summary: 'Neighbour-help figures for a period: requests, matches, times, shares, volunteers, hours, meet-ups (social workers, policy officers, admins)',
      request: {
        params: codeParams,
        query: z.object({ from: z.iso.date(), to: z.iso.date() }).strict(),
      },
      responses: { 200: jsonResponse(FiguresSchema, 'The figures'), ...commonErrors },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query');
      return c.json(await figures(deps, tenantContext(c), from, to), 200);
    },
  );

  return app;
}
