/**
 * The network map (netwerkkaart): the people and organisations around the
 * resident in circles, with the kind and strength of their support, and the
 * fragmentation signal against the municipality's threshold. Also the
 * municipality's household settings (threshold, life domains).
 */
import { randomUUID } from 'node:crypto';
import type { InvalidParam } from '../../../shared/errors';
import type { Locale } from '../../../shared/roles';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Tx } from '../../db/client';
import type { Deps } from '../../http/env';
import { runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { displayNames } from '../persons/persons.repository';
import { auditFile, invalid, openFile, today, type OpenedFile } from './household.access';
import { ZRM_2017_DOMAINS, type OutcomeDomain } from './household.domains';
import { fragmentation } from './household.fragmentation';
import { mayHousehold } from './household.policy';
import * as repo from './household.repository';

export const CIRCLES = ['household', 'family', 'friends', 'neighbours', 'volunteers', 'professionals', 'organisations'] as const;
export type Circle = (typeof CIRCLES)[number];
export const SUPPORT_KINDS = ['practical', 'emotional', 'care', 'company', 'information', 'financial', 'other'] as const;
export const NETWORK_ORGANISATION_KINDS = ['housing_corporation', 'school', 'police', 'care_provider', 'welfare_organisation', 'municipality', 'employer', 'other'] as const;

// --- settings ------------------------------------------------------------------

const domainName = (d: OutcomeDomain, locale: Locale) => (locale === 'en' ? d.nameEn : d.nameNl);

/** The municipality's life domains (the ZRM 2017 set unless configured). */
export async function domainsOf(tx: Tx, ctx: TenantContext): Promise<OutcomeDomain[]> {
  return (await repo.readSettings(tx, ctx.tenant.id)).outcomeDomains ?? [...ZRM_2017_DOMAINS];
}

async function presentSettings(tx: Tx, ctx: TenantContext) {
  const s = await repo.readSettings(tx, ctx.tenant.id);
  const domains = s.outcomeDomains ?? ZRM_2017_DOMAINS;
  return {
    fragmentationThreshold: s.fragmentationThreshold,
    defaultDomains: s.outcomeDomains === null,
    domains: domains.map((d) => ({ code: d.code, name: domainName(d, ctx.locale), nameNl: d.nameNl, nameEn: d.nameEn })),
  };
}

export async function getSettings(deps: Deps, ctx: TenantContext) {
  if (!mayHousehold(ctx, 'readSettings')) throw new AppError('forbidden');
  return runInTenant(deps, ctx, (tx) => presentSettings(tx, ctx));
}

export async function saveSettings(deps: Deps, ctx: TenantContext, input: { fragmentationThreshold: number; outcomeDomains: OutcomeDomain[] | null }) {
  if (!mayHousehold(ctx, 'changeSettings')) throw new AppError('forbidden');
  const seen = new Set<string>();
  const problems: InvalidParam[] = [];
  input.outcomeDomains?.forEach((d, i) => {
    if (seen.has(d.code)) problems.push({ name: `outcomeDomains.${i}.code`, code: 'invalid_value', reason: 'Two domains have the same code.' });
    seen.add(d.code);
  });
  if (problems.length) throw invalid(problems);
  return runInTenant(deps, ctx, async (tx) => {
    await repo.saveSettings(tx, ctx.tenant.id, input, ctx.now());
    await audit(tx, ctx, { action: 'household_settings.update', purpose: 'account_management', resourceType: 'household_settings', resourceId: ctx.tenant.id });
    return presentSettings(tx, ctx);
  });
}

// --- the network map -----------------------------------------------------------

export interface NetworkMemberInput {
  circle: Circle;
  name: string;
  personId?: string | null | undefined;
  organisationId?: string | null | undefined;
  organisationKind?: string | null | undefined;
  supportKinds: string[];
  strength: number;
  involvedSince?: string | null | undefined;
  involvedUntil?: string | null | undefined;
}

async function checkMember(tx: Tx, ctx: TenantContext, m: NetworkMemberInput): Promise<void> {
  const problems: InvalidParam[] = [];
  if (m.involvedSince && m.involvedUntil && m.involvedUntil < m.involvedSince) {
    problems.push({ name: 'involvedUntil', code: 'invalid_value', reason: 'The involvement ends before it starts.' });
  }
  if (m.involvedSince && m.involvedSince > today(ctx)) problems.push({ name: 'involvedSince', code: 'invalid_value', reason: 'Involvement cannot start in the future.' });
  if (m.organisationKind && m.circle !== 'organisations') {
    problems.push({ name: 'organisationKind', code: 'invalid_value', reason: 'Only for the organisations circle.' });
  }
  if (m.personId && !(await repo.rolesAndOrganisations(tx, ctx.tenant.id, [m.personId])).has(m.personId)) {
    problems.push({ name: 'personId', code: 'invalid_value', reason: 'No such person in this municipality.' });
  }
  if (m.organisationId && !(await repo.organisationsById(tx, ctx.tenant.id, [m.organisationId])).has(m.organisationId)) {
    problems.push({ name: 'organisationId', code: 'invalid_value', reason: 'No such organisation in this municipality.' });
  }
  if (problems.length) throw invalid(problems);
}

async function presentNetwork(tx: Tx, ctx: TenantContext, opened: OpenedFile) {
  const { file } = opened;
  const [members, participants, settings, volunteers] = await Promise.all([
    repo.listNetwork(tx, ctx.tenant.id, file.id),
    repo.listParticipants(tx, ctx.tenant.id, file.id, true),
    repo.readSettings(tx, ctx.tenant.id),
    repo.volunteersOfLinkedRequests(tx, ctx.tenant.id, file.id),
  ]);
  const staffIds = [file.coordinatorPersonId, ...participants.map((p) => p.personId)];
  const facts = await repo.rolesAndOrganisations(tx, ctx.tenant.id, staffIds);
  const isProfessional = (id: string) => (facts.get(id)?.roles ?? []).some((r) => r === 'professional' || r === 'social_worker');
  const involved = [
    {
      personId: file.coordinatorPersonId,
      organisationId: facts.get(file.coordinatorPersonId)?.organisationIds[0] ?? null,
      professional: true,
      addedOn: file.createdAt.toISOString().slice(0, 10),
      removedOn: null,
    },
    ...participants.map((p) => ({
      personId: p.personId,
      organisationId: p.organisationId,
      professional: isProfessional(p.personId),
      addedOn: p.addedAt.toISOString().slice(0, 10),
      removedOn: p.removedAt?.toISOString().slice(0, 10) ?? null,
    })),
  ];
  const orgs = await repo.organisationsById(tx, ctx.tenant.id, [...new Set(members.flatMap((m) => (m.organisationId ? [m.organisationId] : [])))]);
  const names = await displayNames(tx, ctx.tenant.id, [...new Set(members.flatMap((m) => (m.personId ? [m.personId] : [])))]);
  return {
    fileId: file.id,
    members: members.map((m) => ({
      id: m.id,
      circle: m.circle,
      name: m.name,
      person: m.personId ? { id: m.personId, displayName: names.get(m.personId) ?? '' } : null,
      organisation: m.organisationId ? { id: m.organisationId, name: orgs.get(m.organisationId)?.name ?? '' } : null,
      organisationKind: m.organisationKind,
      supportKinds: m.supportKinds,
      strength: m.strength,
      involvedSince: m.involvedSince,
      involvedUntil: m.involvedUntil,
      helpRequestId: m.helpRequestId,
      source: 'map' as const,
      updatedAt: m.updatedAt.toISOString(),
    })),
    // Volunteers of neighbour-help requests under this plan, while their match is confirmed (read-only here).
    fromNeighbourHelp: volunteers.map((v) => ({
      matchId: v.match_id,
      circle: 'volunteers' as const,
      name: v.given_name,
      personId: v.person_id,
      helpRequestId: v.request_id,
      since: v.confirmed_at ? new Date(v.confirmed_at).toISOString().slice(0, 10) : null,
    })),
    fragmentation: fragmentation(members, involved, today(ctx), settings.fragmentationThreshold),
  };
}

export async function listNetwork(deps: Deps, ctx: TenantContext, fileId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'network_member.list', { scope: 'network' });
    await auditFile(tx, ctx, opened, 'network_member.list', { type: 'network_map', id: fileId });
    return presentNetwork(tx, ctx, opened);
  });
}

export async function addNetworkMember(deps: Deps, ctx: TenantContext, fileId: string, input: NetworkMemberInput) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'network_member.create', { may: 'editNetwork' });
    await checkMember(tx, ctx, input);
    const id = randomUUID();
    const now = ctx.now();
    await repo.insertNetworkMember(tx, {
      tenantId: ctx.tenant.id,
      id,
      fileId,
      circle: input.circle,
      name: input.name,
      personId: input.personId ?? null,
      organisationId: input.organisationId ?? null,
      organisationKind: input.organisationKind ?? null,
      supportKinds: [...new Set(input.supportKinds)],
      strength: input.strength,
      involvedSince: input.involvedSince ?? null,
      involvedUntil: input.involvedUntil ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await auditFile(tx, ctx, opened, 'network_member.create', { type: 'network_member', id });
    return presentNetwork(tx, ctx, opened);
  });
}

export async function updateNetworkMember(deps: Deps, ctx: TenantContext, fileId: string, memberId: string, patch: Partial<NetworkMemberInput>) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'network_member.update', { may: 'editNetwork' });
    const current = await repo.findNetworkMember(tx, ctx.tenant.id, fileId, memberId);
    if (!current) throw new AppError('not_found');
    const merged: NetworkMemberInput = {
      circle: patch.circle ?? (current.circle as Circle),
      name: patch.name ?? current.name,
      personId: patch.personId !== undefined ? patch.personId : current.personId,
      organisationId: patch.organisationId !== undefined ? patch.organisationId : current.organisationId,
      organisationKind: patch.organisationKind !== undefined ? patch.organisationKind : current.organisationKind,
      supportKinds: patch.supportKinds ?? current.supportKinds,
      strength: patch.strength ?? current.strength,
      involvedSince: patch.involvedSince !== undefined ? patch.involvedSince : current.involvedSince,
      involvedUntil: patch.involvedUntil !== undefined ? patch.involvedUntil : current.involvedUntil,
    };
    await checkMember(tx, ctx, merged);
    await repo.updateNetworkMember(tx, ctx.tenant.id, memberId, {
      ...merged,
      personId: merged.personId ?? null,
      organisationId: merged.organisationId ?? null,
      organisationKind: merged.organisationKind ?? null,
      supportKinds: [...new Set(merged.supportKinds)],
      involvedSince: merged.involvedSince ?? null,
      involvedUntil: merged.involvedUntil ?? null,
      updatedAt: ctx.now(),
    });
    await auditFile(tx, ctx, opened, 'network_member.update', { type: 'network_member', id: memberId });
    return presentNetwork(tx, ctx, opened);
  });
}

export async function deleteNetworkMember(deps: Deps, ctx: TenantContext, fileId: string, memberId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'network_member.delete', { may: 'editNetwork' });
    if (!(await repo.findNetworkMember(tx, ctx.tenant.id, fileId, memberId))) throw new AppError('not_found');
    await repo.deleteNetworkMember(tx, ctx.tenant.id, memberId);
    await auditFile(tx, ctx, opened, 'network_member.delete', { type: 'network_member', id: memberId });
    return presentNetwork(tx, ctx, opened);
  });
}
