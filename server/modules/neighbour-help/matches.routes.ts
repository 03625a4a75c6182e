/** Routes of matches (koppelingen), messages and hours given, under /municipalities/{code}. */
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
import { DAY_PART_CODES, SCHEDULES } from './neighbour-help.rules';
import {
  END_REASONS,
  MATCH_STATES,
  RESIDENT_DECLINE_REASONS,
  VOLUNTEER_DECLINE_REASONS,
  WITHDRAW_REASONS,
} from './neighbour-help.match-state';
import * as service from './matches.service';

const codeParams = z.object({ code: MunicipalityCodeParam });
const requestParams = z.object({ code: MunicipalityCodeParam, requestId: UuidParam('requestId') });
const matchParams = z.object({ code: MunicipalityCodeParam, matchId: UuidParam('matchId') });

const ReasonsSchema = z
  .object({
    km: z.number().nullable(),
    kmRank: z.number().int().nullable(),
    candidates: z.number().int().nullable(),
    dayPartsInCommon: z.array(z.enum(DAY_PART_CODES)),
    skillsMatched: z.number().int(),
    skillsWished: z.number().int(),
    continuity: z.boolean(),
    decidedBy: z.array(z.string()),
  })
  .openapi('MatchReasons', { description: 'Why the engine proposed this pair: facts and the deciding terms, nothing personal.' });

const PublicRequestSchema = z.object({
  category: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  description: z.string(),
  schedule: z.enum(SCHEDULES),
  requestSessionsPerMonth: z.number(),
  window: z.object({ start: z.string(), end: z.string() }).nullable(),
  dayParts: z.array(z.enum(DAY_PART_CODES)),
  durationMinutes: z.number().int(),
  languages: z.array(z.string()),
  pc4: z.string(),
  place: z.string().nullable(),
  urgency: z.string(),
  requestStatus: z.string(),
});

const PersonContact = z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() });

const MatchSchema = z
  .object({
    id: z.uuid(),
    requestId: z.uuid(),
    state: z.enum(MATCH_STATES),
    origin: z.enum(['engine', 'coach', 'volunteer', 'meetup']),
    viewerSide: z.enum(['volunteer', 'resident', 'coordinator']),
    sessionsPerMonth: z.number(),
    km: z.number(),
    reasons: ReasonsSchema,
    reason: z.string().nullable(),
    declinedBy: z.string().nullable(),
    noShows: z.number().int(),
    rotaId: z.uuid().nullable(),
    volunteerGivenName: z.string().nullable().openapi({ description: 'For the resident side once the volunteer said yes.' }),
    volunteerHomeMunicipality: z.string().nullable().openapi({ description: "A volunteer from the regional pool: their own municipality's name." }),
    residentGivenName: z.string().nullable().openapi({ description: 'For the volunteer only once both said yes.' }),
    volunteerPersonId: z.uuid().nullable(),
    request: PublicRequestSchema,
    contact: z
      .object({
        volunteer: PersonContact.nullable(),
        resident: PersonContact.extend({
          address: z.object({ postcode: z.string(), houseNumber: z.number().int(), houseNumberAddition: z.string().nullable() }).nullable(),
        }).nullable(),
      })
      .nullable()
      .openapi({ description: 'Only while the match is confirmed: both sides said yes.' }),
    hoursGiven: z.number(),
    sessions: z.array(z.object({ id: z.uuid(), happenedOn: z.string(), minutes: z.number().int() })),
    allowedActions: z.array(z.string()),
    createdAt: z.string(),
    volunteerAcceptedAt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .openapi('HelpMatch');

const MessageSchema = z
  .object({
    id: z.uuid(),
    from: z.enum(['volunteer', 'resident', 'coordinator']),
    mine: z.boolean(),
    senderName: z.string().nullable(),
    body: z.string(),
    createdAt: z.string(),
  })
  .openapi('MatchMessage');

const CandidateSchema = z
  .object({
    volunteerPersonId: z.uuid(),
    givenName: z.string(),
    sessionsPerMonth: z.number(),
    coversWholeRequest: z.boolean(),
    beyondOwnDistance: z.boolean(),
    homeMunicipality: z.string().nullable().openapi({ description: 'Set for a volunteer from the regional pool: their own municipality.' }),
    reasons: ReasonsSchema,
  })
  .openapi('MatchCandidate');

const MunicipalityRef = z.object({ code: z.string(), name: z.string() });

const SuggestionSchema = PublicRequestSchema.extend({
  requestId: z.uuid(),
  municipality: MunicipalityRef.openapi({ description: 'Where the request is: this municipality, or a partner in the regional pool.' }),
  sessionsPerMonth: z.number(),
  coversWholeRequest: z.boolean(),
  reasons: ReasonsSchema,
}).openapi('SuggestedRequest');

const DECLINE_REASONS = [...new Set([...VOLUNTEER_DECLINE_REASONS, ...RESIDENT_DECLINE_REASONS])] as [string, ...string[]];

export function matchRoutes(deps: Deps) {
  const app = createRouter();
  const tags = ['neighbour help: matches'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/help-requests/{requestId}/matches',
      tags,
      summary: 'The matches of a request (its resident, whoever posted it, coordinators)',
      request: { params: requestParams },
      responses: { 200: jsonResponse(z.array(MatchSchema), 'Matches'), ...commonErrors },
    }),
    async (c) => c.json(await service.listRequestMatches(deps, tenantContext(c), c.req.valid('param').requestId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/help-requests/{requestId}/find-volunteers',
      tags,
      summary: 'Ask the platform to propose volunteers again (resident side, coordinators)',
      request: { params: requestParams },
      responses: {
        200: jsonResponse(z.object({ proposed: z.number().int(), matches: z.array(MatchSchema) }), 'Proposals made'),
        ...commonErrors,
        409: problemResponse('The request is not open'),
      },
    }),
    async (c) => c.json(await service.findVolunteers(deps, tenantContext(c), c.req.valid('param').requestId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/help-requests/{requestId}/candidates',
      tags,
      summary: "The engine's best volunteers for a request, with reasons (coordinators; nothing is stored)",
      request: {
        params: requestParams,
        query: z.object({ widen: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }).strict(),
      },
      responses: { 200: jsonResponse(z.array(CandidateSchema), 'Candidates'), ...commonErrors },
    }),
    async (c) =>
      c.json(await service.requestCandidates(deps, tenantContext(c), c.req.valid('param').requestId, c.req.valid('query').widen), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/help-requests/{requestId}/matches',
      tags,
      summary: 'Invite one volunteer for a request (a coordinator; or the resident after meeting them at a meet-up)',
      request: {
        params: requestParams,
        ...jsonBody(z.object({ volunteerPersonId: z.uuid(), meetupId: z.uuid().optional() }).strict()),
      },
      responses: { 201: jsonResponse(MatchSchema, 'Invited'), ...commonErrors, 409: problemResponse('Already invited, or the request is closed') },
    }),
    async (c) =>
      c.json(await service.inviteVolunteer(deps, tenantContext(c), c.req.valid('param').requestId, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/me/matches',
      tags,
      summary: 'My matches as a volunteer: proposals to answer, current and past ones',
      request: { params: codeParams },
      responses: { 200: jsonResponse(z.array(MatchSchema), 'My matches'), ...commonErrors },
    }),
    async (c) => c.json(await service.myMatches(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/me/suggested-requests',
      tags,
      summary: 'Open requests that fit my offer, best first (volunteers; no names, no addresses)',
      request: { params: codeParams },
      responses: { 200: jsonResponse(z.array(SuggestionSchema), 'Suggestions'), ...commonErrors },
    }),
    async (c) => c.json(await service.suggestedRequests(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/me/suggested-requests/{requestId}/offer',
      tags,
      summary: 'Offer to help with a suggested request (volunteers), also one of a partner municipality in the regional pool',
      request: { params: requestParams },
      responses: {
        201: jsonResponse(
          MatchSchema.extend({ municipality: MunicipalityRef.openapi({ description: 'Where the match lives: switch to it to continue there.' }) }),
          'Offered',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await service.offerHelp(deps, tenantContext(c), c.req.valid('param').requestId), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/matches/{matchId}',
      tags,
      summary: 'One match (its volunteer, the resident side, coordinators); contact details only once both said yes',
      request: { params: matchParams },
      responses: { 200: jsonResponse(MatchSchema, 'The match'), ...commonErrors },
    }),
    async (c) => c.json(await service.getMatch(deps, tenantContext(c), c.req.valid('param').matchId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/matches/{matchId}/decision',
      tags,
      summary: 'Say yes or no to a match: the volunteer first, then the resident (or staff for them); a no needs a reason',
      request: {
        params: matchParams,
        ...jsonBody(z.object({ decision: z.enum(['accept', 'decline']), reason: z.enum(DECLINE_REASONS).optional() }).strict()),
      },
      responses: { 200: jsonResponse(MatchSchema, 'Answered'), ...commonErrors, 409: problemResponse('Not possible in this state') },
    }),
    async (c) => c.json(await service.decide(deps, tenantContext(c), c.req.valid('param').matchId, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/matches/{matchId}/withdraw',
      tags,
      summary: 'Withdraw a proposal that is not confirmed yet (coordinators)',
      request: { params: matchParams, ...jsonBody(z.object({ reason: z.enum(WITHDRAW_REASONS) }).strict()) },
      responses: { 200: jsonResponse(MatchSchema, 'Withdrawn'), ...commonErrors, 409: problemResponse('Not possible in this state') },
    }),
    async (c) => c.json(await service.withdraw(deps, tenantContext(c), c.req.valid('param').matchId, c.req.valid('json').reason), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/matches/{matchId}/end',
      tags,
      summary: 'End a confirmed match, with a reason (either side, coordinators)',
      request: { params: matchParams, ...jsonBody(z.object({ reason: z.enum(END_REASONS) }).strict()) },
      responses: { 200: jsonResponse(MatchSchema, 'Ended'), ...commonErrors, 409: problemResponse('Not confirmed') },
    }),
    async (c) => c.json(await service.endMatch(deps, tenantContext(c), c.req.valid('param').matchId, c.req.valid('json').reason), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/matches/{matchId}/no-show',
      tags,
      summary: 'Report that the volunteer did not come (the resident side)',
      request: { params: matchParams },
      responses: { 200: jsonResponse(MatchSchema, 'Reported'), ...commonErrors, 409: problemResponse('Not confirmed') },
    }),
    async (c) => c.json(await service.reportNoShow(deps, tenantContext(c), c.req.valid('param').matchId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/matches/{matchId}/messages',
      tags,
      summary: 'The messages of a match',
      request: { params: matchParams },
      responses: { 200: jsonResponse(z.array(MessageSchema), 'Messages, oldest first'), ...commonErrors },
    }),
    async (c) => c.json(await service.listMessages(deps, tenantContext(c), c.req.valid('param').matchId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/matches/{matchId}/messages',
      tags,
      summary: 'Send a message on a match, so nobody needs to share a phone number or e-mail address first',
      request: { params: matchParams, ...jsonBody(z.object({ body: plainText({ min: 1, max: 2000 }) }).strict()) },
      responses: {
        201: jsonResponse(z.array(MessageSchema), 'Sent; all messages'),
        ...commonErrors,
        409: problemResponse('The match is closed'),
        429: problemResponse('Too many messages in an hour'),
      },
    }),
    async (c) => c.json(await service.sendMessage(deps, tenantContext(c), c.req.valid('param').matchId, c.req.valid('json').body), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/matches/{matchId}/sessions',
      tags,
      summary: 'Record a session that took place: the hours given (the volunteer, coordinators)',
      request: {
        params: matchParams,
        ...jsonBody(z.object({ happenedOn: z.iso.date(), minutes: z.number().int().min(5).max(720) }).strict()),
      },
      responses: {
        201: jsonResponse(z.object({ id: z.uuid(), matchId: z.uuid(), happenedOn: z.string(), minutes: z.number().int() }), 'Recorded'),
        ...commonErrors,
        409: problemResponse('Not confirmed'),
      },
    }),
    async (c) => c.json(await service.recordSession(deps, tenantContext(c), c.req.valid('param').matchId, c.req.valid('json')), 201),
  );

  return app;
}
