/**
 * RequestContext: everything a service needs to know about who asks, in
 * which municipality, and when. Services never see Request or Response.
 */
import type { Locale, Role } from '../../shared/roles';

export interface Actor {
  accountId: string;
  /** The actor's person record in the active municipality, if any. */
  personId: string | null;
  roles: Role[];
  /** Organisation per role, for roles that belong to one (professional). */
  organisationIds: string[];
}

export interface Tenant {
  id: string;
  code: string;
  name: string;
}

export interface RequestContext {
  requestId: string;
  locale: Locale;
  now: () => Date;
  actor: Actor | null;
  tenant: Tenant | null;
}

export interface TenantContext extends RequestContext {
  actor: Actor & { personId: string };
  tenant: Tenant;
}

export function hasRole(ctx: RequestContext, ...roles: Role[]): boolean {
  return ctx.actor !== null && ctx.actor.roles.some((r) => roles.includes(r));
}
