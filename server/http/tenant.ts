/**
 * Session and municipality resolution for routes, and the one runner that
 * executes a service inside a municipality's row-level-security scope.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { ROLES, type Role } from '../../shared/roles';
import type { RequestContext, TenantContext } from '../core/context';
import { AppError } from '../core/errors';
import type { Tx } from '../db/client';
import { inTenant } from '../db/tenant-scope';
import { audit } from '../audit/audit.service';
import type { AuditEntry } from '../audit/audit.types';
import { findMembershipByCode } from '../modules/auth/auth.repository';
import type { AppEnv, Deps, SessionInfo } from './env';

export function requireSession(c: Context<AppEnv>): SessionInfo {
  const s = c.get('session');
  if (!s) throw new AppError('unauthenticated');
  return s;
}

/** Builds the RequestContext every route hands to its service. */
export function contextBuilder(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const s = c.get('session');
    const ctx: RequestContext = {
      requestId: c.get('requestId'),
      locale: c.get('locale'),
      now: deps.now,
      actor: s ? { accountId: s.accountId, personId: null, roles: [], organisationIds: [] } : null,
      tenant: null,
    };
    c.set('ctx', ctx);
    await next();
  };
}

const CODE = /^GM\d{4}$/;

/**
 * For /municipalities/:code/*: the caller must be signed in and hold a
 * person record in that municipality; the context then carries the tenant
 * and the caller's roles there. Unknown code: 404. Not a member: 403.
 */
export function tenantResolver(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const code = c.req.param('code') ?? '';
    if (!CODE.test(code)) {
      throw new AppError('validation_failed', undefined, {
        invalidParams: [{ name: 'code', code: 'invalid_format', reason: 'A CBS municipality code such as GM0505.' }],
      });
    }
    const session = requireSession(c);
    const rows = await findMembershipByCode(deps.database.db, session.accountId, code);
    const first = rows[0];
    if (!first) throw new AppError('not_found');
    if (!first.personId) throw new AppError('forbidden');
    const roles: Role[] = [];
    const organisationIds: string[] = [];
    for (const r of rows) {
      if (r.role && (ROLES as readonly string[]).includes(r.role)) roles.push(r.role as Role);
      if (r.organisationId) organisationIds.push(r.organisationId);
    }
    const base = c.get('ctx');
    const ctx: TenantContext = {
      ...base,
      tenant: { id: first.municipalityId, code, name: first.name },
      actor: { accountId: session.accountId, personId: first.personId, roles, organisationIds },
    };
    c.set('ctx', ctx);
    await next();
  };
}

export function tenantContext(c: Context<AppEnv>): TenantContext {
  const ctx = c.get('ctx');
  if (!ctx.tenant || !ctx.actor?.personId) throw new AppError('forbidden');
  return ctx as TenantContext;
}

/** A refusal that must itself be audited (a read of someone's data was attempted). */
export class AuditedDenial extends AppError {
  constructor(readonly entry: AuditEntry) {
    super('forbidden');
  }
}

/**
 * Runs a service in the municipality's RLS scope. An AuditedDenial rolls the
 * work back, then records the refusal in its own transaction, so the refusal
 * is kept even though nothing else is.
 */
export async function runInTenant<T>(deps: Deps, ctx: TenantContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await inTenant(deps.database.db, ctx.tenant.id, work);
  } catch (err) {
    if (err instanceof AuditedDenial) {
      await inTenant(deps.database.db, ctx.tenant.id, (tx) => audit(tx, ctx, { ...err.entry, outcome: 'denied' }));
    }
    throw err;
  }
}
