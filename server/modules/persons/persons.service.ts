/**
 * Person records within a municipality: one's own profile, the access log
 * ("who looked at my data"), and user management by the administrator.
 * Every read and change of a person's data writes an audit event in the
 * same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { InvalidParam } from '../../../shared/errors';
import { ROLES_WITH_ORGANISATION, type Role } from '../../../shared/roles';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Deps } from '../../http/env';
import { AuditedDenial, runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { searchAuditEvents } from '../../audit/audit.repository';
import { normaliseEmail, sendPasswordLink } from '../auth/auth.service';
import { mayPerson, type PersonAction } from './persons.policy';
import * as repo from './persons.repository';

type RoleInput = { role: Role; organisationId?: string | undefined };

/**
 * Throws when the policy refuses. A refusal that names a person is an
 * AuditedDenial: call this inside runInTenant, which records it.
 */
function authorise(ctx: TenantContext, action: PersonAction, subjectPersonId?: string): void {
  if (mayPerson(ctx, action, subjectPersonId)) return;
  if (subjectPersonId) {
    throw new AuditedDenial({
      action: action === 'updateRoles' ? 'person.roles.update' : 'person.read',
      purpose: 'account_management',
      resourceType: 'person',
      resourceId: subjectPersonId,
      subjectPersonId,
    });
  }
  throw new AppError('forbidden');
}

export async function getMe(deps: Deps, ctx: TenantContext): Promise<repo.PersonRecord> {
  return runInTenant(deps, ctx, async (tx) => {
    const person = await repo.findPerson(tx, ctx.tenant.id, ctx.actor.personId);
    if (!person) throw new AppError('not_found');
    await audit(tx, ctx, { action: 'person.read', purpose: 'self_service', resourceType: 'person', resourceId: person.id, subjectPersonId: person.id });
    return person;
  });
}

export async function updateMe(
  deps: Deps,
  ctx: TenantContext,
  patch: { givenName?: string | undefined; familyName?: string | undefined; phone?: string | null | undefined },
): Promise<repo.PersonRecord> {
  return runInTenant(deps, ctx, async (tx) => {
    const id = ctx.actor.personId;
    await repo.updatePerson(tx, ctx.tenant.id, id, { ...definedOnly(patch), updatedAt: ctx.now() });
    await audit(tx, ctx, { action: 'person.update', purpose: 'self_service', resourceType: 'person', resourceId: id, subjectPersonId: id });
    const person = await repo.findPerson(tx, ctx.tenant.id, id);
    if (!person) throw new AppError('not_found');
    return person;
  });
}

/** Who looked at or changed my data, when and why (the resident's right to know). */
export async function myAccessLog(deps: Deps, ctx: TenantContext, limit: number) {
  return runInTenant(deps, ctx, async (tx) => {
    const events = await searchAuditEvents(tx, { tenantId: ctx.tenant.id, subjectPersonId: ctx.actor.personId, limit });
    const actorIds = [...new Set(events.map((e) => e.actorPersonId).filter((id): id is string => id !== null))];
    const [names, roles] = await Promise.all([
      repo.displayNames(tx, ctx.tenant.id, actorIds),
      repo.rolesOf(tx, ctx.tenant.id, actorIds),
    ]);
    await audit(tx, ctx, {
      action: 'person.access_log.read',
      purpose: 'self_service',
      resourceType: 'person',
      resourceId: ctx.actor.personId,
      subjectPersonId: ctx.actor.personId,
    });
    return {
      items: events.map((e) => ({
        occurredAt: e.occurredAt,
        // null: the system itself (a data load), not a person.
        actorDisplayName: e.actorPersonId ? (names.get(e.actorPersonId) ?? null) : null,
        actorRoles: e.actorPersonId ? (roles.get(e.actorPersonId) ?? []).sort() : [],
        action: e.action,
        purpose: e.purpose,
        outcome: e.outcome,
      })),
    };
  });
}

export async function listPersons(
  deps: Deps,
  ctx: TenantContext,
  f: { q?: string | undefined; role?: Role | undefined; limit: number; offset: number },
) {
  authorise(ctx, 'list');
  return runInTenant(deps, ctx, async (tx) => {
    const result = await repo.listPersons(tx, ctx.tenant.id, f);
    await audit(tx, ctx, { action: 'person.list', purpose: 'account_management', resourceType: 'person' });
    return result;
  });
}

export async function getPerson(deps: Deps, ctx: TenantContext, id: string): Promise<repo.PersonRecord> {
  return runInTenant(deps, ctx, async (tx) => {
    authorise(ctx, 'read', id);
    const person = await repo.findPerson(tx, ctx.tenant.id, id);
    if (!person) throw new AppError('not_found');
    const self = id === ctx.actor.personId;
    await audit(tx, ctx, {
      action: 'person.read',
      purpose: self ? 'self_service' : 'account_management',
      resourceType: 'person',
      resourceId: id,
      subjectPersonId: id,
    });
    return person;
  });
}

export interface CreatePersonInput {
  givenName: string;
  familyName: string;
  email?: string | undefined;
  phone?: string | undefined;
  roles: RoleInput[];
  invite?: boolean | undefined;
}

export async function createPerson(deps: Deps, ctx: TenantContext, input: CreatePersonInput): Promise<repo.PersonRecord> {
  authorise(ctx, 'create');
  const email = input.email ? normaliseEmail(input.email) : null;
  if (input.invite && !email) {
    throw new AppError('validation_failed', undefined, {
      invalidParams: [{ name: 'email', code: 'required', reason: 'An invitation needs an e-mail address.' }],
    });
  }
  let inviteAccount: { id: string; email: string; locale: string } | null = null;
  const person = await runInTenant(deps, ctx, async (tx) => {
    const roles = await validateRoles(tx, ctx.tenant.id, input.roles);
    if (email && (await repo.emailTakenInTenant(tx, ctx.tenant.id, email))) {
      throw new AppError('conflict', undefined, {
        invalidParams: [{ name: 'email', code: 'already_taken', reason: 'A person with this e-mail address exists.' }],
      });
    }
    const id = randomUUID();
    let accountId: string | null = null;
    if (email && input.invite) {
      const account = await repo.findOrCreateAccount(tx, email, randomUUID());
      accountId = account.id;
      if (account.created) inviteAccount = account;
    }
    await repo.insertPerson(tx, {
      tenantId: ctx.tenant.id,
      id,
      accountId,
      givenName: input.givenName,
      familyName: input.familyName,
      email,
      phone: input.phone ?? null,
      now: ctx.now(),
    });
    await repo.replaceRoles(tx, ctx.tenant.id, id, roles, ctx.now());
    await audit(tx, ctx, { action: 'person.create', purpose: 'account_management', resourceType: 'person', resourceId: id, subjectPersonId: id });
    const created = await repo.findPerson(tx, ctx.tenant.id, id);
    if (!created) throw new AppError('internal');
    return created;
  });
  // Mail after the commit: no invitation for a person that was never stored.
  if (inviteAccount) await sendPasswordLink(deps, ctx, inviteAccount, true);
  return person;
}

export async function updateRoles(deps: Deps, ctx: TenantContext, id: string, input: RoleInput[]): Promise<repo.PersonRecord> {
  return runInTenant(deps, ctx, async (tx) => {
    authorise(ctx, 'updateRoles', id);
    const existing = await repo.findPerson(tx, ctx.tenant.id, id);
    if (!existing) throw new AppError('not_found');
    const roles = await validateRoles(tx, ctx.tenant.id, input);
    if (id === ctx.actor.personId && !roles.some((r) => r.role === 'admin')) {
      // An administrator cannot lock themself out; another administrator can.
      throw new AppError('validation_failed', undefined, {
        invalidParams: [{ name: 'roles', code: 'invalid', reason: 'You cannot remove your own administrator role.' }],
      });
    }
    await repo.replaceRoles(tx, ctx.tenant.id, id, roles, ctx.now());
    await audit(tx, ctx, { action: 'person.roles.update', purpose: 'account_management', resourceType: 'person', resourceId: id, subjectPersonId: id });
    const updated = await repo.findPerson(tx, ctx.tenant.id, id);
    if (!updated) throw new AppError('internal');
    return updated;
  });
}

async function validateRoles(
  tx: Parameters<typeof repo.existingOrganisationIds>[0],
  tenantId: string,
  roles: RoleInput[],
): Promise<Array<{ role: Role; organisationId: string | null }>> {
  const problems: InvalidParam[] = [];
  const seen = new Set<Role>();
  roles.forEach((r, i) => {
    if (seen.has(r.role)) problems.push({ name: `roles.${i}.role`, code: 'invalid_value', reason: 'This role is listed twice.' });
    seen.add(r.role);
    if (ROLES_WITH_ORGANISATION.includes(r.role) && !r.organisationId) {
      problems.push({ name: `roles.${i}.organisationId`, code: 'required', reason: 'This role needs an organisation.' });
    }
  });
  const orgIds = roles.map((r) => r.organisationId).filter((id): id is string => Boolean(id));
  const known = await repo.existingOrganisationIds(tx, tenantId, orgIds);
  roles.forEach((r, i) => {
    if (r.organisationId && !known.has(r.organisationId)) {
      problems.push({ name: `roles.${i}.organisationId`, code: 'invalid_value', reason: 'No such organisation in this municipality.' });
    }
  });
  if (problems.length) throw new AppError('validation_failed', undefined, { invalidParams: problems });
  return roles.map((r) => ({ role: r.role, organisationId: r.organisationId ?? null }));
}

function definedOnly<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
