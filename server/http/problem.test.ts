/**
 * The problem+json mapping: zod issues become field codes the interface can
 * translate, titles follow the caller's language, and nothing the caller
 * typed (or an internal error's message) is echoed back.
 */
import fc from 'fast-check';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode, type Problem } from '../../shared/errors';
import { AppError, STATUS_BY_CODE } from '../core/errors';
import type { AppEnv } from './env';
import { handleError, invalidParamsFromZod, problemBody, problemResponse } from './problem';

function paramsFor(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return invalidParamsFromZod(result.error, input);
}

const Person = z
  .object({
    givenName: z.string().min(1).max(100),
    email: z.email(),
    code: z.string().min(3),
    locale: z.enum(['nl', 'en']),
    roles: z.array(z.object({ role: z.enum(['admin', 'resident']) }).strict()),
  })
  .strict();

const valid = { givenName: 'Ineke', email: 'ineke@example.org', code: 'abc', locale: 'nl', roles: [] };

describe('invalidParamsFromZod', () => {
  it('reports a missing string field as required', () => {
    const { givenName: _omit, ...rest } = valid;
    expect(paramsFor(Person, rest)).toEqual([{ name: 'givenName', code: 'required', reason: expect.any(String) }]);
  });

  it('reports an empty string in a field that needs one character as required', () => {
    expect(paramsFor(Person, { ...valid, givenName: '' })).toEqual([
      { name: 'givenName', code: 'required', reason: expect.any(String) },
    ]);
  });

  it('reports a missing enum field as required', () => {
    const { locale: _omit, ...rest } = valid;
    expect(paramsFor(Person, rest)).toEqual([{ name: 'locale', code: 'required', reason: expect.any(String) }]);
  });

  it('reports a value of the wrong type as invalid_type', () => {
    expect(paramsFor(Person, { ...valid, givenName: 42 })).toEqual([
      { name: 'givenName', code: 'invalid_type', reason: expect.any(String) },
    ]);
  });

  it('reports a string under its minimum length (other than 1) as too_short', () => {
    expect(paramsFor(Person, { ...valid, code: 'ab' })[0]?.code).toBe('too_short');
  });

  it('reports a string over its maximum length as too_long', () => {
    expect(paramsFor(Person, { ...valid, givenName: 'x'.repeat(101) })[0]?.code).toBe('too_long');
  });

  it('reports a malformed e-mail address as invalid_format', () => {
    expect(paramsFor(Person, { ...valid, email: 'not-an-address' })).toEqual([
      { name: 'email', code: 'invalid_format', reason: expect.any(String) },
    ]);
  });

  it('reports a value outside an enum as invalid_value', () => {
    expect(paramsFor(Person, { ...valid, locale: 'de' })[0]).toMatchObject({ name: 'locale', code: 'invalid_value' });
  });

  it('names every unknown field, also inside nested objects, as unknown_field', () => {
    const params = paramsFor(Person, { ...valid, shoeSize: 44, roles: [{ role: 'admin', since: 2020 }] });
    expect(params).toEqual(
      expect.arrayContaining([
        { name: 'shoeSize', code: 'unknown_field', reason: expect.any(String) },
        { name: 'roles.0.since', code: 'unknown_field', reason: expect.any(String) },
      ]),
    );
    expect(params).toHaveLength(2);
  });

  it('names nested fields by their dotted path', () => {
    expect(paramsFor(Person, { ...valid, roles: [{ role: 'admin' }, { role: 'king' }] })).toEqual([
      { name: 'roles.1.role', code: 'invalid_value', reason: expect.any(String) },
    ]);
  });

  it('lists every field at fault, not only the first', () => {
    const names = paramsFor(Person, { givenName: 1, email: 'x', code: 'a', locale: 'de', roles: 'none' }).map((p) => p.name);
    expect(names.sort()).toEqual(['code', 'email', 'givenName', 'locale', 'roles']);
  });

  it('uses the code a custom refinement names, and `invalid` when it names none', () => {
    const schema = z.object({
      password: z.string().refine((v) => v.length > 3, { params: { code: 'weak_password' } }),
      other: z.string().refine((v) => v === 'ok'),
    });
    expect(paramsFor(schema, { password: 'abc', other: 'no' })).toEqual([
      { name: 'password', code: 'weak_password', reason: expect.any(String) },
      { name: 'other', code: 'invalid', reason: expect.any(String) },
    ]);
  });

  it('names a problem with the body itself `(body)`', () => {
    expect(paramsFor(Person, 'just a string')).toEqual([{ name: '(body)', code: 'invalid_type', reason: expect.any(String) }]);
  });

  it('never echoes the submitted value in a reason', () => {
    // A recognisable marker in every submitted value: no reason may contain it.
    const marker = fc.string({ minLength: 4, maxLength: 20 }).map((s) => `SECRET-${s}-VALUE`);
    fc.assert(
      fc.property(marker, fc.integer({ min: 0, max: 4 }), (value, field) => {
        const inputs = [
          { ...valid, email: value },
          { ...valid, locale: value },
          { ...valid, givenName: value.repeat(10) },
          { ...valid, [value]: 1 },
          { ...valid, roles: [{ role: value }] },
        ];
        const params = paramsFor(Person, inputs[field]);
        for (const p of params) {
          expect(p.reason).not.toContain('SECRET-');
        }
      }),
    );
  });
});

describe('problemBody', () => {
  it('gives every error code a status, a type URL, and a title in Dutch and in English', () => {
    for (const code of ERROR_CODES) {
      const nl = problemBody(code, 'nl', 'req-1');
      const en = problemBody(code, 'en', 'req-1');
      expect(nl.status).toBe(STATUS_BY_CODE[code]);
      expect(nl.type).toBe(`https://samenspel.example/problems/${code.replace(/_/g, '-')}`);
      expect(nl.code).toBe(code);
      expect(nl.requestId).toBe('req-1');
      expect(nl.title.length).toBeGreaterThan(0);
      expect(en.title.length).toBeGreaterThan(0);
      expect(en.title).not.toBe(nl.title);
    }
  });

  it('leaves out an empty invalidParams list', () => {
    expect(problemBody('validation_failed', 'nl', 'r', [])).not.toHaveProperty('invalidParams');
  });
});

/** A tiny Hono app that runs the real error handler with a fixed request id and locale. */
function appThrowing(err: Error, locale: 'nl' | 'en' = 'nl') {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use('*', async (c, next) => {
    c.set('requestId', 'req-42');
    c.set('locale', locale);
    await next();
  });
  app.get('/', () => {
    throw err;
  });
  return app;
}

async function problemOf(res: Response): Promise<Problem> {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return (await res.json()) as Problem;
}

describe('handleError', () => {
  it('maps an AppError to its status and code, with the fields at fault and the request id', async () => {
    const invalidParams = [{ name: 'email', code: 'invalid_format' as const, reason: 'An e-mail address.' }];
    const res = await appThrowing(new AppError('validation_failed', undefined, { invalidParams })).request('/');
    expect(res.status).toBe(400);
    expect(await problemOf(res)).toMatchObject({ code: 'validation_failed', requestId: 'req-42', invalidParams });
  });

  it('sends Retry-After with a too_many_attempts problem', async () => {
    const res = await appThrowing(new AppError('too_many_attempts', undefined, { retryAfter: 37 })).request('/');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('37');
  });

  it("writes the title in the caller's language", async () => {
    const nl = await problemOf(await appThrowing(new AppError('forbidden'), 'nl').request('/'));
    const en = await problemOf(await appThrowing(new AppError('forbidden'), 'en').request('/'));
    expect(nl.title).toBe(problemBody('forbidden', 'nl', 'x').title);
    expect(en.title).toBe('You do not have access to this.');
  });

  it.each([
    [400, 'malformed_json'],
    [413, 'payload_too_large'],
    [401, 'unauthenticated'],
    [404, 'not_found'],
  ] as Array<[400 | 413 | 401 | 404, ErrorCode]>)("maps Hono's HTTPException %i to %s", async (status, code) => {
    const res = await appThrowing(new HTTPException(status, { message: 'hono says no' })).request('/');
    expect(res.status).toBe(STATUS_BY_CODE[code]);
    const body = await problemOf(res);
    expect(body.code).toBe(code);
    expect(JSON.stringify(body)).not.toContain('hono says no');
  });

  it('turns an unknown error into a bare 500 without its message or stack', async () => {
    const err = new Error('duplicate key value (email)=(ineke@example.org) in "persons"');
    const res = await appThrowing(err).request('/');
    expect(res.status).toBe(500);
    const text = await res.clone().text();
    const body = await problemOf(res);
    expect(Object.keys(body).sort()).toEqual(['code', 'requestId', 'status', 'title', 'type']);
    expect(body.code).toBe('internal');
    expect(text).not.toContain('ineke');
    expect(text).not.toContain('persons');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('problemResponse', () => {
  it('falls back to Dutch and an unknown request id when the context has neither', async () => {
    const app = new Hono<AppEnv>();
    app.get('/', (c) => problemResponse(c, 'not_found'));
    const body = await problemOf(await app.request('/'));
    expect(body).toMatchObject({ code: 'not_found', status: 404, requestId: 'unknown', title: problemBody('not_found', 'nl', 'x').title });
  });
});
