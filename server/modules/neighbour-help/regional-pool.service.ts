/**
 * The regional pool (ADR 0007): municipalities that agree to share willing
 * volunteers. An admin joins a pool (or starts one); two municipalities share
 * only when both are in the same pool, and then only volunteers and requests
 * that opted in. A volunteer of a partner municipality becomes a person here
 * (the same account, role volunteer) when they are first proposed here; their
 * offer, VOG and capacity stay at home, and their load counts everywhere.
 */
import { randomUUID } from 'node:crypto';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Tx } from '../../db/client';
import type { Deps } from '../../http/env';
import { runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import type { CityInput } from './matches.proposals';
import * as repo from './regional-pool.repository';

const isAdmin = (ctx: TenantContext) => ctx.actor.roles.includes('admin');

async function present(tx: Tx, ctx: TenantContext) {
  const pools = await repo.listPools(tx);
  const mine = await repo.membershipOf(tx, ctx.tenant.id);
  const current = pools.find((p) => p.id === mine?.poolId) ?? null;
  return {
    pool: current && {
      ...current,
      accepted: mine!.accepted,
      // Sharing needs both sides accepted: a municipality still waiting shares with nobody.
      partners: mine!.accepted ? current.members.filter((m) => m.code !== ctx.tenant.code) : [],
    },
    pools: pools.filter((p) => p.id !== mine?.poolId),
  };
}

/** The municipality's pool with its partners, and the other pools it could join (any member: nothing personal). */
export async function getRegionalPool(deps: Deps, ctx: TenantContext) {
  return runInTenant(deps, ctx, (tx) => present(tx, ctx));
}

/** Joins an existing pool by id, or starts a new one by name (admins). */
export async function joinRegionalPool(deps: Deps, ctx: TenantContext, input: { poolId?: string | undefined; name?: string | undefined }) {
  if (!isAdmin(ctx)) throw new AppError('forbidden');
  const invalid = (name: string, code: 'invalid_value' | 'required', reason: string) =>
    new AppError('validation_failed', undefined, { invalidParams: [{ name, code, reason }] });
  if (!input.poolId === !input.name) throw invalid('poolId', 'required', 'Give either the pool to join or the name of a new pool.');
  return runInTenant(deps, ctx, async (tx) => {
    const now = ctx.now();
    let poolId = input.poolId;
    if (poolId) {
      if (!(await repo.poolExists(tx, poolId))) throw invalid('poolId', 'invalid_value', 'There is no such pool.');
    } else {
      // One statement decides, so two admins starting the same name at once get one pool and one clear answer.
      const created = await repo.insertPool(tx, input.name!, ctx.tenant.id, now);
      if (!created) throw invalid('name', 'invalid_value', 'A pool with this name exists already; join it instead.');
      poolId = created;
    }
    // Starting a pool, or joining one nobody is in, needs nobody's yes; otherwise a member must accept.
    const accepted = !input.poolId || !(await repo.hasOtherAcceptedMember(tx, poolId, ctx.tenant.id));
    await repo.joinPool(tx, ctx.tenant.id, poolId, ctx.actor.personId, now, accepted);
    await audit(tx, ctx, { action: 'regional_pool.join', purpose: 'neighbour_help', resourceType: 'regional_pool', resourceId: poolId });
    return present(tx, ctx);
  });
}

/** A municipality already in the pool lets a waiting one in (admins). */
export async function acceptPoolMember(deps: Deps, ctx: TenantContext, memberCode: string) {
  if (!isAdmin(ctx)) throw new AppError('forbidden');
  return runInTenant(deps, ctx, async (tx) => {
    const member = await repo.municipalityByCode(tx, memberCode);
    if (!member || !(await repo.acceptMember(tx, member.id))) throw new AppError('not_found');
    const poolId = (await repo.membershipOf(tx, ctx.tenant.id))?.poolId ?? null;
    await audit(tx, ctx, { action: 'regional_pool.accept', purpose: 'neighbour_help', resourceType: 'regional_pool', resourceId: poolId });
    return present(tx, ctx);
  });
}

/** Leaves the pool: no new proposals across municipalities; matches made stay (admins). */
export async function leaveRegionalPool(deps: Deps, ctx: TenantContext) {
  if (!isAdmin(ctx)) throw new AppError('forbidden');
  return runInTenant(deps, ctx, async (tx) => {
    const poolId = await repo.poolIdOf(tx, ctx.tenant.id);
    if (!poolId || !(await repo.leavePool(tx, ctx.tenant.id))) throw new AppError('not_found');
    await audit(tx, ctx, { action: 'regional_pool.leave', purpose: 'neighbour_help', resourceType: 'regional_pool', resourceId: poolId });
    return present(tx, ctx);
  });
}

/**
 * Once a match with a volunteer of a partner municipality is confirmed, their
 * family name and contact details are read from home (door 3) for the contact
 * card; before that this municipality holds only their first name. Inside the
 * caller's transaction; does nothing for anyone else.
 */
export async function fillRegionalContact(tx: Tx, ctx: TenantContext, personId: string): Promise<void> {
  const home = await repo.homeOf(tx, ctx.tenant.id, personId);
  if (!home) return;
  const person = await repo.poolVolunteerPerson(tx, home.homeTenantId, home.homePersonId);
  if (!person) return;
  const email = person.email && !(await repo.emailTaken(tx, ctx.tenant.id, person.email, personId)) ? person.email : null;
  await repo.updateContact(tx, ctx.tenant.id, personId, { familyName: person.familyName, email, phone: person.phone, updatedAt: ctx.now() });
}

/**
 * The id under which a proposed volunteer is known here. A volunteer of a
 * partner municipality who is proposed here for the first time becomes a
 * person here: the same account (so they can switch municipality and answer),
 * their name and contact details (shown only once both said yes), the role
 * volunteer, and a link to their home record. Everyone else keeps their id.
 */
export async function volunteerHere(tx: Tx, ctx: TenantContext, c: CityInput, volunteerId: string, opts: { bySelf?: boolean } = {}): Promise<string> {
  const row = (await c.volunteers)?.find((v) => v.personId === volunteerId || v.home?.personId === volunteerId);
  const home = row?.home;
  if (!row || !home) return volunteerId;
  if (home.hosted) return row.personId;
  const existing = await repo.findHosted(tx, ctx.tenant.id, home.tenantId, home.personId);
  if (existing) return existing;
  const person = await repo.poolVolunteerPerson(tx, home.tenantId, home.personId);
  if (!person) throw new AppError('conflict', undefined, { invalidParams: [{ name: 'volunteerPersonId', code: 'invalid_value', reason: 'This volunteer is no longer in the regional pool.' }] });
  const now = ctx.now();
  let personId = person.accountId ? await repo.personOfAccount(tx, ctx.tenant.id, person.accountId) : null;
  if (!personId) {
    // Only the first name and the account now: family name, e-mail and phone follow once both said yes.
    const fresh = { tenantId: ctx.tenant.id, id: randomUUID(), accountId: person.accountId, givenName: person.givenName, familyName: '', email: null, phone: null };
    // Two first proposals at once: the second waits for the first and then finds its person.
    personId = (await repo.insertPersonOnce(tx, fresh, now)) ?? (person.accountId ? await repo.personOfAccount(tx, ctx.tenant.id, person.accountId) : null);
    if (!personId) throw new AppError('conflict', undefined, { invalidParams: [{ name: 'volunteerPersonId', code: 'invalid_value', reason: 'Try again in a moment.' }] });
  }
  await repo.grantVolunteerRole(tx, ctx.tenant.id, personId, now);
  if (!(await repo.insertHosted(tx, { tenantId: ctx.tenant.id, personId, homeTenantId: home.tenantId, homePersonId: home.personId, now }))) {
    // Someone else made them known here a moment ago.
    const hosted = await repo.findHosted(tx, ctx.tenant.id, home.tenantId, home.personId);
    if (hosted) return hosted;
  }
  // The volunteer who offers help themself is the actor, under their new person record here;
  // otherwise the platform is (the resident or coordinator who set it off stays out of the
  // volunteer's access log, which they may read before anyone said yes).
  const actorCtx = opts.bySelf ? { ...ctx, actor: { ...ctx.actor, personId } } : { ...ctx, actor: null };
  await audit(tx, actorCtx, { action: 'regional_volunteer.host', purpose: 'neighbour_help', resourceType: 'person', resourceId: personId, subjectPersonId: personId });
  // Later proposals in this operation know them by their id here.
  row.personId = personId;
  home.hosted = true;
  return personId;
}
