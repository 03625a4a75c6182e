/** Routes for the resident's voice and the listening overview, under /municipalities/{code}. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env';
import { MunicipalityCodeParam, UuidParam, commonErrors, createRouter, jsonBody, jsonResponse, plainText, problemResponse } from '../../http/openapi';
import { tenantContext } from '../../http/tenant';
import * as service from './voice.service';

const TAG = 'household plan';
const fileParams = z.object({ code: MunicipalityCodeParam, fileId: UuidParam('fileId') });

const VoiceSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(service.VOICE_KINDS),
    occasion: z.enum(service.VOICE_OCCASIONS),
    body: z.string(),
    recordedBy: z.object({ personId: z.uuid(), displayName: z.string() }),
    onBehalf: z.boolean().openapi({ description: 'Recorded by someone else on behalf of the resident.' }),
    createdAt: z.string(),
    open: z.boolean().openapi({ description: 'A wish that has not been answered yet.' }),
    answer: z.object({ text: z.string(), by: z.object({ personId: z.uuid(), displayName: z.string() }), at: z.string() }).nullable(),
  })
  .openapi('ResidentVoiceEntry');

export function voiceRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/resident-files/{fileId}/voice',
      tags: [TAG],
      summary: "Feedback or a wish in the resident's own words (the resident; the coordinator or someone on the plan with the 'voice' scope on their behalf)",
      request: {
        params: fileParams,
        ...jsonBody(z.object({ kind: z.enum(service.VOICE_KINDS), occasion: z.enum(service.VOICE_OCCASIONS), body: plainText({ min: 2, max: 2000 }) }).strict()),
      },
      responses: { 201: jsonResponse(VoiceSchema, 'Recorded'), ...commonErrors },
    }),
    async (c) => c.json(await service.recordVoice(deps, tenantContext(c), c.req.valid('param').fileId, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/resident-files/{fileId}/voice',
      tags: [TAG],
      summary: "The resident's feedback and wishes, newest first; `open=true` for unanswered wishes (the 'voice' scope)",
      request: {
        params: fileParams,
        query: z.object({ open: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }).strict(),
      },
      responses: { 200: jsonResponse(z.object({ items: z.array(VoiceSchema) }), 'Entries'), ...commonErrors },
    }),
    async (c) => c.json(await service.listVoice(deps, tenantContext(c), c.req.valid('param').fileId, c.req.valid('query').open), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/resident-files/{fileId}/voice/{entryId}/answer',
      tags: [TAG],
      summary: 'Answer feedback or a wish; an answered wish is no longer open (the coordinator)',
      request: {
        params: z.object({ code: MunicipalityCodeParam, fileId: UuidParam('fileId'), entryId: UuidParam('entryId') }),
        ...jsonBody(z.object({ answer: plainText({ min: 2, max: 2000 }) }).strict()),
      },
      responses: { 200: jsonResponse(VoiceSchema, 'Answered'), ...commonErrors, 409: problemResponse('Answered already') },
    }),
    async (c) => {
      const { fileId, entryId } = c.req.valid('param');
      return c.json(await service.answerVoice(deps, tenantContext(c), fileId, entryId, c.req.valid('json').answer), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/listening-overview',
      tags: [TAG],
      summary: "Every open wish of the municipality, oldest first, without the resident's identity (policy officers, admins)",
      request: { params: z.object({ code: MunicipalityCodeParam }) },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({ id: z.uuid(), body: z.string(), occasion: z.string(), createdAt: z.string(), daysOpen: z.number().int(), coordinatorDisplayName: z.string() }),
            ),
          }),
          'Open wishes',
        ),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await service.listeningOverview(deps, tenantContext(c)), 200),
  );

  return app;
}
