/**
 * buildApp(deps): the whole HTTP application as a pure factory. main.ts
 * serves it; tests call app.request() on it with no socket.
 *
 * Request flow: request id + access log -> security headers -> body limit
 * -> session (cookie) -> context -> CSRF/content type -> route (validates)
 * -> service (policy, RLS-scoped transaction, audit) -> JSON or problem+json.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from './core/errors';
import type { AppEnv, Deps } from './http/env';
import { renderApiDocs } from './http/api-docs';
import { csrfGuard, requestBasics, sessionLoader } from './http/middleware';
import { handleError, problemResponse } from './http/problem';
import { contextBuilder, tenantResolver } from './http/tenant';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { householdRoutes } from './modules/household/household.routes';
import { networkRoutes } from './modules/household/network.routes';
import { outcomeRoutes } from './modules/household/outcomes.routes';
import { voiceRoutes } from './modules/household/voice.routes';
import { frontRoutes } from './modules/household/front.routes';
import { meetupRoutes } from './modules/meetups/meetups.routes';
import { effectRoutes } from './modules/effects/effects.routes';
import { dashboardRoutes } from './modules/dashboards/dashboards.routes';
import { regionalPoolRoutes } from './modules/neighbour-help/regional-pool.routes';
import { neighbourHelpRoutes } from './modules/neighbour-help/neighbour-help.routes';
import { matchRoutes } from './modules/neighbour-help/matches.routes';
import { coachRoutes } from './modules/neighbour-help/coach.routes';
import { safetyRoutes } from './modules/safety/safety.routes';
import { organisationRoutes } from './modules/organisations/organisations.routes';
import { personRoutes } from './modules/persons/persons.routes';
import { APP_VERSION, systemRoutes } from './modules/system/system.routes';

export const MAX_BODY_BYTES = 64 * 1024;
const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export function buildApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(handleError);

  app.use('*', requestBasics(deps));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
      strictTransportSecurity: deps.config.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use(
    '/api/*',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => problemResponse(c as never, 'payload_too_large') }),
  );
  app.use('/api/*', sessionLoader(deps));
  app.use('/api/*', contextBuilder(deps));
  app.use('/api/*', csrfGuard(deps));
  app.use('/api/municipalities/:code/*', tenantResolver(deps));

  const api = new OpenAPIHono<AppEnv>();
  api.route('/', systemRoutes(deps));
  api.route('/', authRoutes(deps));
  api.route('/', personRoutes(deps));
  api.route('/', organisationRoutes(deps));
  api.route('/', auditRoutes(deps));
  api.route('/', neighbourHelpRoutes(deps));
  api.route('/', matchRoutes(deps));
  api.route('/', coachRoutes(deps));
  api.route('/', safetyRoutes(deps));
  api.route('/', meetupRoutes(deps));
  api.route('/', regionalPoolRoutes(deps));
  api.route('/', householdRoutes(deps));
  api.route('/', networkRoutes(deps));
  api.route('/', outcomeRoutes(deps));
  api.route('/', voiceRoutes(deps));
  api.route('/', frontRoutes(deps));
  api.route('/', effectRoutes(deps));
  api.route('/', dashboardRoutes(deps));
  app.route('/api', api);

  const openApiConfig = {
    openapi: '3.1.0',
    info: {
      title: 'samenspel',
      version: APP_VERSION,
      description: 'Open platform for the Dutch sociaal domein. Dutch-first; errors in the Accept-Language or account language.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
  };
  app.doc31('/api/openapi.json', openApiConfig);
  app.get('/api/docs', (c) => c.html(renderApiDocs(app.getOpenAPI31Document(openApiConfig) as never)));
  app.all('/api/*', () => {
    throw new AppError('not_found');
  });

  // The web interface: static files, and index.html for every other GET (client-side routes).
  if (existsSync(WEB_DIST)) {
    const indexHtml = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root: path.relative(process.cwd(), WEB_DIST) }));
    app.get('*', (c) => c.html(indexHtml));
  } else {
    app.get('*', (c) => c.text('The web interface is not built yet: run `npm run build:web`.', 503));
  }

  return app;
}

export type App = ReturnType<typeof buildApp>;
