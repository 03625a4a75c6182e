/**
 * Who may do what in neighbour help. Deny by default. A social worker
 * coordinates (records VOGs, posts for residents who are not online, sees
 * all requests without addresses); residents see their own requests.
 */
import type { Role } from '../../../shared/roles';
import type { TenantContext } from '../../core/context';

export type NeighbourHelpAction =
  | 'listCategories'
  | 'manageOwnVolunteerProfile'
  | 'recordVog'
  | 'postOwnRequest'
  | 'postRequestOnBehalf'
  | 'listAllRequests';

const ALLOWED: Record<NeighbourHelpAction, readonly Role[] | 'any-member'> = {
  listCategories: 'any-member',
  manageOwnVolunteerProfile: ['volunteer'],
  recordVog: ['social_worker', 'admin'],
  postOwnRequest: ['resident'],
  postRequestOnBehalf: ['social_worker', 'admin'],
  listAllRequests: ['social_worker', 'admin'],
};

export function mayNeighbourHelp(ctx: TenantContext, action: NeighbourHelpAction): boolean {
  const rule = ALLOWED[action];
  return rule === 'any-member' || ctx.actor.roles.some((r) => rule.includes(r));
}

/** Reading one request: its resident, whoever posted it, and coordinators. */
export function mayReadRequest(ctx: TenantContext, r: { residentPersonId: string; createdByPersonId: string }): boolean {
  return (
    r.residentPersonId === ctx.actor.personId ||
    r.createdByPersonId === ctx.actor.personId ||
    mayNeighbourHelp(ctx, 'listAllRequests')
  );
}

/** The exact address: only the resident, until a match is confirmed (matching comes next). */
export function maySeeAddress(ctx: TenantContext, r: { residentPersonId: string }): boolean {
  return r.residentPersonId === ctx.actor.personId;
}

/** The resident side of a request: the resident, whoever posted it for them, and coordinators on their behalf. */
export function mayActForResident(ctx: TenantContext, r: { residentPersonId: string; createdByPersonId: string }): boolean {
  return mayReadRequest(ctx, r);
}
