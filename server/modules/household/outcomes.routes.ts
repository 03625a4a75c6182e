/** Outcome routes under /municipalities/{code}/resident-files/{fileId}. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env';
import { MunicipalityCodeParam, UuidParam, commonErrors, createRouter, jsonBody, jsonResponse } from '../../http/openapi';
import { tenantContext } from '../../http/tenant';
import * as service from './outcomes.service';

const TAG = 'household plan';
const fileParams = z.object({ code: MunicipalityCodeParam, fileId: UuidParam('fileId') });

const MeasurementSchema = z
  .object({
    id: z.uuid(),
    measuredOn: z.string(),
    source: z.enum(['professional', 'resident']),
    residentScore: z.number().int().nullable(),
    planVersion: z.number().int(),
    recordedBy: z.object({ personId: z.uuid(), displayName: z.string() }),
    scores: z.array(z.object({ domain: z.string(), score: z.number().int() })),
    goals: z.array(z.object({ goalId: z.uuid(), attainment: z.number().int() })),
  })
  .openapi('OutcomeMeasurement');

const Source = z.enum(['professional', 'resident']);
const TrendSchema = z
  .object({
    fileId: z.uuid(),
    scale: z.array(z.object({ score: z.number().int(), code: z.string() })),
    domains: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        inPlan: z.boolean(),
        points: z.array(z.object({ measuredOn: z.string(), score: z.number().int(), source: Source })),
      }),
    ),
    goals: z.array(
      z.object({ goalId: z.uuid(), text: z.string().nullable(), points: z.array(z.object({ measuredOn: z.string(), attainment: z.number().int(), source: Source })) }),
    ),
    residentScore: z.array(z.object({ measuredOn: z.string(), score: z.number().int(), source: Source })),
  })
  .openapi('OutcomeTrend');

export function outcomeRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/resident-files/{fileId}/measurements',
      tags: [TAG],
      summary: "Record a self-sufficiency measurement (the coordinator, people on the plan with the 'outcomes' scope, the resident's own)",
      request: {
        params: fileParams,
        ...jsonBody(
          z
            .object({
              measuredOn: z.iso.date(),
              scores: z
                .array(
                  z
                    .object({
                      domain: z.string().max(40),
                      score: z.number().int().min(1).max(5).openapi({ description: '1 acute problems, 2 not, 3 limited, 4 sufficiently, 5 fully self-sufficient.' }),
                    })
                    .strict(),
                )
                .max(30)
                .default([]),
              goals: z
                .array(z.object({ goalId: z.uuid(), attainment: z.number().int().min(-2).max(2).openapi({ description: 'Goal attainment scaling, -2 to +2 (0: as expected).' }) }).strict())
                .max(20)
                .default([]),
              residentScore: z.number().int().min(1).max(10).optional().openapi({ description: "The resident's own mark for their situation, 1-10." }),
            })
            .strict(),
        ),
      },
      responses: { 201: jsonResponse(MeasurementSchema, 'Recorded'), ...commonErrors },
    }),
    async (c) => c.json(await service.recordMeasurement(deps, tenantContext(c), c.req.valid('param').fileId, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/resident-files/{fileId}/measurements',
      tags: [TAG],
      summary: "All measurements, oldest first (the 'outcomes' scope)",
      request: { params: fileParams },
      responses: { 200: jsonResponse(z.object({ items: z.array(MeasurementSchema) }), 'Measurements'), ...commonErrors },
    }),
    async (c) => c.json(await service.listMeasurements(deps, tenantContext(c), c.req.valid('param').fileId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/resident-files/{fileId}/outcomes/trend',
      tags: [TAG],
      summary: "Series per life domain, per goal and of the resident's own mark over time (the 'outcomes' scope)",
      request: { params: fileParams },
      responses: { 200: jsonResponse(TrendSchema, 'The trend'), ...commonErrors },
    }),
    async (c) => c.json(await service.outcomeTrend(deps, tenantContext(c), c.req.valid('param').fileId), 200),
  );

  return app;
}
