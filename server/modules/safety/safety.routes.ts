/** Routes of notifications, abuse reports and blocks, under /municipalities/{code}. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env';
import { MunicipalityCodeParam, UuidParam, commonErrors, createRouter, jsonBody, jsonResponse, plainText, problemResponse } from '../../http/openapi';
import { tenantContext } from '../../http/tenant';
import * as notifications from '../notifications/notifications.service';
import { NOTIFICATION_KINDS } from '../notifications/notifications.repository';
import * as safety from './safety.service';

const codeParams = z.object({ code: MunicipalityCodeParam });

const NotificationSchema = z
  .object({ id: z.uuid(), kind: z.enum(NOTIFICATION_KINDS), refId: z.uuid().nullable(), createdAt: z.string(), readAt: z.string().nullable() })
  .openapi('Notification', { description: 'A kind and an id only: the interface writes the text in the reader\'s language.' });

const PreferencesSchema = z
  .object({ email: z.enum(['immediate', 'digest', 'off']), maxEmailsPerWeek: z.number().int().min(0).max(50) })
  .openapi('NotificationPreferences');

const ReportSchema = z
  .object({
    id: z.uuid(),
    matchId: z.uuid().nullable(),
    category: z.enum(safety.ABUSE_CATEGORIES),
    details: z.string(),
    status: z.enum(['open', 'dismissed', 'warned', 'suspended']),
    reporter: z.object({ personId: z.uuid(), givenName: z.string() }),
    subject: z.object({ personId: z.uuid(), givenName: z.string(), isVolunteer: z.boolean() }),
    createdAt: z.string(),
    handledAt: z.string().nullable(),
  })
  .openapi('AbuseReport');

export function safetyRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/me/notifications',
      tags: ['notifications'],
      summary: 'My notifications, newest first, and how many are unread',
      request: {
        params: codeParams,
        query: z.object({ countOnly: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }).strict(),
      },
      responses: { 200: jsonResponse(z.object({ unread: z.number().int(), items: z.array(NotificationSchema) }), 'Notifications'), ...commonErrors },
    }),
    async (c) => {
      const result = await notifications.myNotifications(deps, tenantContext(c), c.req.valid('query').countOnly);
      return c.json({ ...result, items: result.items.map((n) => ({ ...n, kind: n.kind as (typeof NOTIFICATION_KINDS)[number] })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/me/notifications/read',
      tags: ['notifications'],
      summary: 'Mark my notifications as read (the given ones, or all)',
      request: { params: codeParams, ...jsonBody(z.object({ ids: z.array(z.uuid()).min(1).max(100).optional() }).strict()) },
      responses: { 200: jsonResponse(z.object({ marked: z.number().int() }), 'Marked'), ...commonErrors },
    }),
    async (c) => c.json(await notifications.markMyNotificationsRead(deps, tenantContext(c), c.req.valid('json').ids), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/me/notification-preferences',
      tags: ['notifications'],
      summary: 'How I get e-mail about notifications',
      request: { params: codeParams },
      responses: { 200: jsonResponse(PreferencesSchema, 'Preferences'), ...commonErrors },
    }),
    async (c) => c.json(await notifications.getMyPreferences(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/municipalities/{code}/me/notification-preferences',
      tags: ['notifications'],
      summary: 'Choose immediate e-mail (with a weekly cap), a weekly digest, or no e-mail',
      request: { params: codeParams, ...jsonBody(PreferencesSchema.strict()) },
      responses: { 200: jsonResponse(PreferencesSchema, 'Saved'), ...commonErrors },
    }),
    async (c) => c.json(await notifications.saveMyPreferences(deps, tenantContext(c), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/abuse-reports',
      tags: ['safety'],
      summary: 'Report the other person of a match you are on (anyone on the match)',
      request: {
        params: codeParams,
        ...jsonBody(z.object({ matchId: z.uuid(), category: z.enum(safety.ABUSE_CATEGORIES), details: plainText({ max: 2000 }).optional() }).strict()),
      },
      responses: {
        201: jsonResponse(z.object({ id: z.uuid(), category: z.enum(safety.ABUSE_CATEGORIES), status: z.literal('open'), createdAt: z.string() }), 'Reported'),
        ...commonErrors,
        429: problemResponse('Too many reports in a day'),
      },
    }),
    async (c) => c.json(await safety.reportAbuse(deps, tenantContext(c), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/abuse-reports',
      tags: ['safety'],
      summary: 'Reports to handle (social workers, admins)',
      request: { params: codeParams, query: z.object({ status: z.enum(['open', 'all']).default('open') }).strict() },
      responses: { 200: jsonResponse(z.array(ReportSchema), 'Reports'), ...commonErrors },
    }),
    async (c) => {
      const rows = await safety.listReports(deps, tenantContext(c), c.req.valid('query').status);
      return c.json(
        rows.map((r) => ({ ...r, category: r.category as (typeof safety.ABUSE_CATEGORIES)[number], status: r.status as 'open' | 'dismissed' | 'warned' | 'suspended' })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/abuse-reports/{reportId}/handle',
      tags: ['safety'],
      summary: 'Decide on a report: dismiss, warn, or suspend the volunteer (social workers, admins)',
      request: {
        params: z.object({ code: MunicipalityCodeParam, reportId: UuidParam('reportId') }),
        ...jsonBody(z.object({ outcome: z.enum(safety.REPORT_OUTCOMES) }).strict()),
      },
      responses: { 200: jsonResponse(z.object({ id: z.uuid(), status: z.enum(safety.REPORT_OUTCOMES) }), 'Handled'), ...commonErrors, 409: problemResponse('Already handled') },
    }),
    async (c) => c.json(await safety.handleReport(deps, tenantContext(c), c.req.valid('param').reportId, c.req.valid('json').outcome), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/matches/{matchId}/block',
      tags: ['safety'],
      summary: 'Block the other person of this match: the match stops and you are never matched again',
      request: { params: z.object({ code: MunicipalityCodeParam, matchId: UuidParam('matchId') }) },
      responses: { 200: jsonResponse(z.object({ blocked: z.boolean() }), 'Blocked'), ...commonErrors },
    }),
    async (c) => c.json(await safety.blockOnMatch(deps, tenantContext(c), c.req.valid('param').matchId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/me/blocks',
      tags: ['safety'],
      summary: 'People I blocked',
      request: { params: codeParams },
      responses: { 200: jsonResponse(z.array(z.object({ personId: z.uuid(), givenName: z.string(), createdAt: z.string() })), 'Blocked people'), ...commonErrors },
    }),
    async (c) => c.json(await safety.myBlocks(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/municipalities/{code}/me/blocks/{personId}',
      tags: ['safety'],
      summary: 'Lift a block',
      request: { params: z.object({ code: MunicipalityCodeParam, personId: UuidParam('personId') }) },
      responses: { 200: jsonResponse(z.object({ blocked: z.boolean() }), 'Lifted'), ...commonErrors },
    }),
    async (c) => c.json(await safety.unblock(deps, tenantContext(c), c.req.valid('param').personId), 200),
  );

  return app;
}
