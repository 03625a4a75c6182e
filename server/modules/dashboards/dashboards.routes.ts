/**
 * The outcome dashboard under /municipalities/{code}/dashboards (issue 6).
 * Filters travel in the query string: quarters, a postcode area, a help
 * category code and an organisation id, none of them personal data.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env';
import { MunicipalityCodeParam, commonErrors, createRouter, jsonResponse } from '../../http/openapi';
import { tenantContext } from '../../http/tenant';
import * as service from './dashboards.service';

const params = z.object({ code: MunicipalityCodeParam });
const tags = ['dashboards'];
const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/).openapi({ example: '2026-Q1' });
const num = z.number().nullable();

const Dashboard = z
  .object({
    minimumGroup: z.number().int().openapi({ description: 'Cells with fewer residents than this are left out of every figure.' }),
    refreshedAt: z.string().nullable(),
    filters: z.object({ from: Quarter, to: Quarter, pc4: z.string().nullable(), category: z.string().nullable(), organisation: z.string().nullable() }),
    applies: z.object({ requests: z.boolean(), plans: z.boolean(), meetups: z.boolean() }),
    requests: z.object({ total: num, outcomes: z.array(z.object({ key: z.string(), n: num, share: num })), stalledShare: num }),
    timeToHelp: z.object({ n: num, meanDays: num, shareWithin14Days: num }),
    domains: z.array(z.object({ domain: z.string(), n: num, meanChange: num, shareImproved: num })),
    goals: z.object({ n: num, meanAttainment: num, shareReached: num }),
    fragmentation: z.object({ n: num, mean: num, shareAboveThreshold: num }),
    meetups: z.object({ attendances: num }),
    satisfaction: z.object({ n: num, mean: num, shareSevenOrMore: num }),
    roles: z.array(z.object({ role: z.string(), households: num, actionsDone: num, goalsServed: num })),
    trend: z.array(z.object({ quarter: z.string(), requests: num, informalShare: num, meanDaysToHelp: num })),
    areas: z.array(z.object({ pc4: z.string(), requests: num, informalShare: num, meanDaysToHelp: num })),
    options: z.object({
      quarters: z.array(z.string()),
      areas: z.array(z.object({ pc4: z.string(), place: z.string().nullable(), lat: num, lon: num })),
      categories: z.array(z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string() })),
      organisations: z.array(z.object({ id: z.string(), name: z.string() })),
      domains: z.array(z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string() })),
      organisationChoice: z.boolean(),
    }),
  })
  .openapi('OutcomeDashboard', { description: 'Figures of outcomes. null means: no figure, because no group behind it had at least minimumGroup residents.' });

export function dashboardRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/dashboards/outcomes',
      tags,
      summary: 'Outcome dashboard with small-number suppression (policy officers, admins; professionals for their own organisation)',
      request: {
        params,
        query: z
          .object({
            from: Quarter.optional(),
            to: Quarter.optional(),
            pc4: z.string().max(4).optional().openapi({ description: 'A postcode area (four digits).' }),
            category: z.string().max(40).optional().openapi({ description: 'A help category code.' }),
            organisation: z.uuid().optional(),
          })
          .strict(),
      },
      responses: { 200: jsonResponse(Dashboard, 'The dashboard'), ...commonErrors },
    }),
    async (c) => c.json(await service.readDashboard(deps, tenantContext(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/dashboards/refresh',
      tags,
      summary: 'Recompute the dashboard figures now (policy officers, admins); they are also recomputed every hour',
      request: { params },
      responses: { 200: jsonResponse(z.object({ refreshedAt: z.string(), cells: z.number().int() }), 'Recomputed'), ...commonErrors },
    }),
    async (c) => c.json(await service.refreshDashboard(deps, tenantContext(c)), 200),
  );

  return app;
}
