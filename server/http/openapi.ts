/**
 * OpenAPI plumbing: every module builds its routes on `createRouter()`, so a
 * zod schema is at once the validator, the OpenAPI description and the type.
 * Validation failures become problem+json with the fields at fault.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../core/errors';
import type { AppEnv } from './env';
import { invalidParamsFromZod } from './problem';

export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const input = (result as { data?: unknown }).data;
        throw new AppError('validation_failed', undefined, { invalidParams: invalidParamsFromZod(result.error, input) });
      }
    },
  });
}

/** Control characters (NUL above all, which PostgreSQL refuses) have no place in text fields. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A trimmed line of text from a person: no control characters, bounded length. */
export function plainText(options: { min?: number; max: number }) {
  return z
    .string()
    .trim()
    .min(options.min ?? 1)
    .max(options.max)
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'Contains control characters.', params: { code: 'invalid_format' } });
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    invalidParams: z
      .array(z.object({ name: z.string(), code: z.string(), reason: z.string() }))
      .optional(),
    requestId: z.string().optional(),
  })
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The error responses most routes share, for the OpenAPI document. */
export const commonErrors = {
  400: problem('Invalid input; `invalidParams` names the fields at fault.'),
  401: problem('Not signed in.'),
  403: problem('Not allowed, or the CSRF check failed.'),
  404: problem('Not found, or not visible to you.'),
  413: problem('Request body too large.'),
  415: problem('Request body is not JSON.'),
} as const;

export const problemResponse = problem;

/** A JSON request body that must be present (so a missing or non-JSON body is refused). */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** Municipality (tenant) code in paths: the CBS code, e.g. GM0505. */
export const MunicipalityCodeParam = z
  .string()
  .regex(/^GM\d{4}$/)
  .openapi({ param: { name: 'code', in: 'path' }, example: 'GM0505' });

export const UuidParam = (name: string) => z.uuid().openapi({ param: { name, in: 'path' } });
