/**
 * Who may do what with meet-ups (ontmoetingen). Deny by default.
 *
 * - Every member of the municipality sees the meet-ups (place, time, seats),
 *   never who signed up.
 * - Residents and volunteers sign themselves up.
 * - Social workers and professionals organise for the organisation of their
 *   role assignment; they manage that organisation's meet-ups (change,
 *   cancel, sign-ups, attendance). Administrators manage every meet-up of
 *   the municipality.
 * - "People I met": only someone marked as attended, about that meet-up.
 */
import type { Role } from '../../../shared/roles';
import type { TenantContext } from '../../core/context';

/** Roles that organise on behalf of their organisation. */
export const ORGANISER_ROLES: readonly Role[] = ['social_worker', 'professional'];

export type MeetupAction = 'list' | 'create' | 'signUp';

const ALLOWED: Record<MeetupAction, readonly Role[] | 'any-member'> = {
  list: 'any-member',
  create: [...ORGANISER_ROLES, 'admin'],
  signUp: ['resident', 'volunteer'],
};

export function mayMeetup(ctx: TenantContext, action: MeetupAction): boolean {
  const rule = ALLOWED[action];
  return rule === 'any-member' || ctx.actor.roles.some((r) => rule.includes(r));
}

/**
 * May organise for this organisation: an administrator for any organisation
 * of the municipality, staff only for their own.
 * `ownOrganisationIds`: the organisations of the actor's organiser roles.
 */
export function mayOrganiseFor(ctx: TenantContext, organisationId: string, ownOrganisationIds: readonly string[]): boolean {
  return ctx.actor.roles.includes('admin') || ownOrganisationIds.includes(organisationId);
}

/** Change, cancel, see sign-ups and keep attendance of one meet-up. */
export function mayManageMeetup(ctx: TenantContext, meetup: { organisationId: string }, ownOrganisationIds: readonly string[]): boolean {
  return mayOrganiseFor(ctx, meetup.organisationId, ownOrganisationIds);
}

/** The volunteers someone met: only for a person who was there. */
export function mayReadMetVolunteers(attended: boolean | null | undefined): boolean {
  return attended === true;
}
