/** Health, public configuration, the list of municipalities, and the demo outbox. */
import { createRoute, z } from '@hono/zod-openapi';
import { asc, desc } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import { municipalities, outboxMessages } from '../../db/schema/index';
import type { Deps } from '../../http/env';
import { createRouter, jsonResponse, problemResponse } from '../../http/openapi';

export const APP_VERSION = '0.1.0';

export function systemRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['system'],
      summary: 'Liveness with a database round-trip',
      responses: {
        200: jsonResponse(z.object({ status: z.literal('ok'), database: z.literal('ok') }), 'Healthy'),
        503: problemResponse('The database does not answer'),
      },
    }),
    async (c) => {
      try {
        await deps.database.ping();
      } catch {
        return c.json({ status: 'unavailable', database: 'unreachable' } as never, 503);
      }
      return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/config',
      tags: ['system'],
      summary: 'Public settings the interface needs',
      responses: { 200: jsonResponse(z.object({ demoMode: z.boolean(), version: z.string() }), 'Settings') },
    }),
    (c) => c.json({ demoMode: deps.config.demoMode, version: APP_VERSION }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities',
      tags: ['system'],
      summary: 'Municipalities served by this deployment',
      responses: {
        200: jsonResponse(z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })), 'Municipalities'),
      },
    }),
    async (c) => {
      const rows = await deps.database.db
        .select({ id: municipalities.id, code: municipalities.cbsCode, name: municipalities.name })
        .from(municipalities)
        .orderBy(asc(municipalities.name));
      return c.json(rows, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/outbox',
      tags: ['system'],
      summary: 'Mail the demo would have sent (demo mode only)',
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(z.object({ id: z.uuid(), to: z.string(), subject: z.string(), text: z.string(), createdAt: z.string() })) }),
          'Outbox',
        ),
        404: problemResponse('Not in demo mode'),
      },
    }),
    async (c) => {
      // Outside demo mode the outbox does not exist for anyone: it holds reset links.
      if (!deps.config.demoMode) throw new AppError('not_found');
      const rows = await deps.database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(50);
      return c.json(
        { items: rows.map((r) => ({ id: r.id, to: r.toAddress, subject: r.subject, text: r.bodyText, createdAt: r.createdAt.toISOString() })) },
        200,
      );
    },
  );

  return app;
}
