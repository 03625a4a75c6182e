/**
 * Who may do what with person records. Deny by default: an action not in
 * this table is refused. Personal data is need-to-know: for now only the
 * person themself and the municipality's functional administrator see a
 * record; later modules (household plan) widen this for people involved.
 */
import type { Role } from '../../../shared/roles';
import type { TenantContext } from '../../core/context';

export type PersonAction = 'list' | 'create' | 'read' | 'updateRoles' | 'readOwn' | 'updateOwn' | 'readOwnAccessLog';

const ALLOWED: Record<PersonAction, readonly Role[] | 'any-member'> = {
  list: ['admin'],
  create: ['admin'],
  read: ['admin'],
  updateRoles: ['admin'],
  readOwn: 'any-member',
  updateOwn: 'any-member',
  readOwnAccessLog: 'any-member',
};

export function mayPerson(ctx: TenantContext, action: PersonAction, targetPersonId?: string): boolean {
  const rule = ALLOWED[action];
  if (action === 'read' && targetPersonId === ctx.actor.personId) return true;
  if (rule === 'any-member') return true;
  return ctx.actor.roles.some((r) => rule.includes(r));
}
