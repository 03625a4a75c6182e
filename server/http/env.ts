/** Hono environment: what middleware hands to routes. */
import type { Logger } from 'pino';
import type { Locale } from '../../shared/roles';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Mailer } from '../mail/mailer';
import type { RequestContext } from '../core/context';

export interface Deps {
  config: Config;
  database: Database;
  mailer: Mailer;
  logger: Logger;
  /** Injected so tests control time (sessions, lockouts, audit timestamps). */
  now: () => Date;
}

export interface SessionInfo {
  idHash: string;
  accountId: string;
  email: string;
  locale: Locale;
  csrfToken: string;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    locale: Locale;
    logger: Logger;
    session: SessionInfo | null;
    ctx: RequestContext;
  };
}
