/**
 * Cross-cutting middleware: request id, access log, locale, session, CSRF,
 * content type. Order matters and is set in app.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DEFAULT_LOCALE, type Locale } from '../../shared/roles';
import { AppError } from '../core/errors';
import { findSession } from '../modules/auth/auth.repository';
import type { AppEnv, Deps } from './env';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const SESSION_COOKIE = 'samenspel_session';
/** `__Host-` binds the cookie to this exact origin; it requires Secure. */
export const sessionCookieName = (secure: boolean): string => (secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Request id, locale and the access log line (route pattern only: no ids, no query). */
export function requestBasics(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('logger', deps.logger);
    c.set('locale', localeFromHeader(c.req.header('accept-language')));
    c.set('session', null);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    if (c.req.path.startsWith('/api/')) {
      deps.logger.info(
        {
          requestId,
          method: c.req.method,
          route: c.req.routePath,
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      );
    }
  };
}

export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : DEFAULT_LOCALE;
}

/** Loads the session from the cookie when there is one; never fails the request. */
export function sessionLoader(deps: Deps): MiddlewareHandler<AppEnv> {
  const cookieName = sessionCookieName(deps.config.secureCookies);
  return async (c, next) => {
    const token = getCookie(c, cookieName);
    if (token && token.length <= 128) {
      const session = await findSession(deps.database.db, sha256(token), deps.now());
      if (session) {
        c.set('session', session);
        c.set('locale', session.locale);
      }
    }
    await next();
  };
}

/**
 * State changes must come from our own pages: a foreign Origin is refused,
 * only JSON bodies are accepted (HTML forms cannot send them cross-site), and
 * with a session the per-session token must be in the X-CSRF-Token header.
 */
export function csrfGuard(deps: Deps): MiddlewareHandler<AppEnv> {
  const allowed = new Set([new URL(deps.config.publicUrl).origin]);
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin && !allowed.has(origin) && origin !== requestOrigin(c)) {
      throw new AppError('csrf_failed');
    }
    const session = c.get('session');
    if (session && c.req.header('x-csrf-token') !== session.csrfToken) {
      throw new AppError('csrf_failed');
    }
    const type = c.req.header('content-type');
    const length = c.req.header('content-length');
    const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
    if ((type !== undefined || hasBody) && !/^application\/json\b/i.test(type ?? '')) {
      throw new AppError('unsupported_media_type');
    }
    return next();
  };
}

function requestOrigin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  return url.origin;
}

/** The client address, for rate limits. Never logged. */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    // The rightmost address is the one our own proxy added; the ones left of it are the client's word.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}
