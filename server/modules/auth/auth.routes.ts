/**
 * Sign-in and session routes. Thin: validate, build context, call the
 * service, set or clear the cookie.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { LOCALES } from '../../../shared/roles';
import { AppError } from '../../core/errors';
import type { Deps } from '../../http/env';
import { clientAddress, sessionCookieName } from '../../http/middleware';
import { commonErrors, createRouter, jsonBody, jsonResponse, problemResponse } from '../../http/openapi';
import { RateLimiter } from '../../http/rate-limit';
import { requireSession } from '../../http/tenant';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './auth.password';
import * as service from './auth.service';

const Email = z.email().max(254);

const SessionSchema = z
  .object({
    account: z.object({ id: z.uuid(), email: z.string(), locale: z.enum(LOCALES) }),
    memberships: z.array(
      z.object({
        municipality: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
        personId: z.uuid(),
        displayName: z.string(),
        roles: z.array(z.object({ role: z.string(), organisationId: z.uuid().nullable() })),
      }),
    ),
    csrfToken: z.string(),
  })
  .openapi('Session');

const AccountSchema = z.object({ id: z.uuid(), email: z.string(), locale: z.enum(LOCALES) }).openapi('Account');

export function authRoutes(deps: Deps) {
  const app = createRouter();
  const cookieName = sessionCookieName(deps.config.secureCookies);
  const clock = () => deps.now().getTime();
  const signInLimiter = new RateLimiter({ limit: 20, windowMs: 60_000 }, clock);
  const resetLimiter = new RateLimiter({ limit: 5, windowMs: 60_000 }, clock);
  const resetPerEmail = new RateLimiter({ limit: 3, windowMs: 60 * 60_000 }, clock);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/session',
      tags: ['auth'],
      summary: 'The signed-in account, its municipalities and roles, and the CSRF token',
      responses: { 200: jsonResponse(SessionSchema, 'Signed in'), 401: commonErrors[401] },
    }),
    async (c) => {
      const s = requireSession(c);
      return c.json(await service.sessionView(deps, s), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/session',
      tags: ['auth'],
      summary: 'Sign in with e-mail and password',
      request: jsonBody(z.object({ email: Email, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }).strict()),
      responses: {
        200: jsonResponse(SessionSchema, 'Signed in; the session cookie is set'),
        400: commonErrors[400],
        401: problemResponse('E-mail address or password is incorrect'),
        429: problemResponse('Too many attempts; see Retry-After'),
      },
    }),
    async (c) => {
      const wait = signInLimiter.hit(clientAddress(c, deps.config.trustProxy));
      if (wait > 0) throw new AppError('too_many_attempts', undefined, { retryAfter: wait });
      const body = c.req.valid('json');
      const { token, view } = await service.signIn(deps, c.get('ctx'), {
        ...body,
        previousSessionHash: c.get('session')?.idHash ?? null,
      });
      setCookie(c, cookieName, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.config.secureCookies,
        path: '/',
        maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
      });
      return c.json(view, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/session',
      tags: ['auth'],
      summary: 'Sign out',
      responses: { 204: { description: 'Signed out' }, 401: commonErrors[401] },
    }),
    async (c) => {
      const s = requireSession(c);
      await service.signOut(deps, c.get('ctx'), s.idHash, s.accountId);
      deleteCookie(c, cookieName, { path: '/', secure: deps.config.secureCookies });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/account',
      tags: ['auth'],
      summary: 'Change the language of the account',
      request: jsonBody(z.object({ locale: z.enum(LOCALES) }).strict()),
      responses: { 200: jsonResponse(AccountSchema, 'Updated'), ...commonErrors },
    }),
    async (c) => {
      const s = requireSession(c);
      return c.json(await service.updateLocale(deps, s.accountId, c.req.valid('json').locale), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/password-resets',
      tags: ['auth'],
      summary: 'Ask for a one-time link to choose a new password',
      description: 'Always answers 202, whether or not the address has an account.',
      request: jsonBody(z.object({ email: Email }).strict()),
      responses: {
        202: jsonResponse(z.object({}), 'Accepted'),
        400: commonErrors[400],
        429: problemResponse('Too many requests'),
      },
    }),
    async (c) => {
      const { email } = c.req.valid('json');
      const wait = Math.max(
        resetLimiter.hit(clientAddress(c, deps.config.trustProxy)),
        resetPerEmail.hit(service.normaliseEmail(email)),
      );
      if (wait > 0) throw new AppError('too_many_attempts', undefined, { retryAfter: wait });
      await service.requestPasswordReset(deps, c.get('ctx'), email);
      return c.json({}, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/password-resets/confirm',
      tags: ['auth'],
      summary: 'Choose a new password with the one-time token',
      request: jsonBody(
        z
          .object({
            token: z.string().min(20).max(128),
            password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
          })
          .strict(),
      ),
      responses: { 204: { description: 'Password set; all sessions ended' }, 400: commonErrors[400], 429: problemResponse('Too many requests') },
    }),
    async (c) => {
      const wait = resetLimiter.hit(clientAddress(c, deps.config.trustProxy));
      if (wait > 0) throw new AppError('too_many_attempts', undefined, { retryAfter: wait });
      const { token, password } = c.req.valid('json');
      await service.confirmPasswordReset(deps, c.get('ctx'), token, password);
      return c.body(null, 204);
    },
  );

  return app;
}
