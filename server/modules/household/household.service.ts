/**
 * One plan around the resident (issue 5), first part: the resident's file
 * (identity, BSN, household), the people on the plan, the resident's
 * consents, the file's own access log, and the household plan kept as
 * numbered versions with a reason for every change.
 *
 * Every read and change of the file is audited with the resident as the
 * subject; refusals are audited too (household.access.ts, ADR 0006).
 */
import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../../../shared/audit';
import type { InvalidParam } from '../../../shared/errors';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { renderPdf } from '../../core/pdf';
import type { Tx } from '../../db/client';
import type { Deps } from '../../http/env';
import { runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { displayNames } from '../persons/persons.repository';
import { auditFile, invalid, openFile, today, type OpenedFile } from './household.access';
import { bsnProblem } from './household.bsn';
import { ZRM_2017_DOMAINS } from './household.domains';
import { contributionsByRole } from './household.contributions';
import { planPdfContent } from './household.pdf';
import { EMPTY_PLAN, actionsOf, checkPlan, normalisePlan, planDateRange, type PlanContent, type PlanInput } from './household.plan';
import { PARTICIPANT_ROLES, consentInForce, dayInAmsterdam, fileAccess, mayHousehold, mayOnFile, type ConsentScope } from './household.policy';
import * as repo from './household.repository';

function checkBsn(bsn: string | null | undefined, problems: InvalidParam[]) {
  if (bsn === null || bsn === undefined) return;
  const problem = bsnProblem(bsn);
  if (problem === 'invalid_format') problems.push({ name: 'bsn', code: 'invalid_format', reason: 'A BSN has nine digits.' });
  if (problem === 'invalid') problems.push({ name: 'bsn', code: 'invalid', reason: 'This is not a valid BSN (it fails the 11-proof).' });
}

export interface HouseholdMemberInput {
  name: string;
  relation: 'partner' | 'child' | 'parent' | 'sibling' | 'other';
  birthYear?: number | undefined;
}

function checkHousehold(members: HouseholdMemberInput[] | undefined, now: Date, problems: InvalidParam[]) {
  members?.forEach((m, i) => {
    if (m.birthYear !== undefined && m.birthYear > now.getUTCFullYear()) {
      problems.push({ name: `householdMembers.${i}.birthYear`, code: 'invalid_value', reason: 'A birth year cannot lie in the future.' });
    }
  });
}

// --- the file ------------------------------------------------------------------

export async function openResidentFile(
  deps: Deps,
  ctx: TenantContext,
  input: { residentPersonId: string; bsn?: string | undefined; householdMembers?: HouseholdMemberInput[] | undefined },
) {
  if (!mayHousehold(ctx, 'openFile')) throw new AppError('forbidden');
  const problems: InvalidParam[] = [];
  checkBsn(input.bsn, problems);
  checkHousehold(input.householdMembers, ctx.now(), problems);
  if (problems.length) throw invalid(problems);
  return runInTenant(deps, ctx, async (tx) => {
    const roles = (await repo.rolesAndOrganisations(tx, ctx.tenant.id, [input.residentPersonId])).get(input.residentPersonId);
    if (!roles?.roles.includes('resident')) {
      throw invalid([{ name: 'residentPersonId', code: 'invalid_value', reason: 'No resident with this id in this municipality.' }]);
    }
    if (await repo.findFileOfResident(tx, ctx.tenant.id, input.residentPersonId)) {
      throw new AppError('conflict', undefined, { invalidParams: [{ name: 'residentPersonId', code: 'already_taken', reason: 'This resident already has a file.' }] });
    }
    const id = randomUUID();
    const now = ctx.now();
    const created = await repo.insertFile(tx, {
      tenantId: ctx.tenant.id,
      id,
      residentPersonId: input.residentPersonId,
      bsn: input.bsn ?? null,
      coordinatorPersonId: ctx.actor.personId,
      createdByPersonId: ctx.actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    // Someone else opened one at the same moment.
    if (!created) throw new AppError('conflict', undefined, { invalidParams: [{ name: 'residentPersonId', code: 'already_taken', reason: 'This resident already has a file.' }] });
    await repo.replaceHouseholdMembers(tx, ctx.tenant.id, id, (input.householdMembers ?? []).map((m) => ({ name: m.name, relation: m.relation, birthYear: m.birthYear ?? null })));
    await audit(tx, ctx, { action: 'resident_file.create', purpose: 'household_plan', resourceType: 'resident_file', resourceId: id, subjectPersonId: input.residentPersonId });
    const opened = await openFile(tx, ctx, id, 'resident_file.read', {});
    return presentFile(tx, ctx, opened);
  });
}

export async function getFile(deps: Deps, ctx: TenantContext, fileId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'resident_file.read', { anyScope: true });
    await auditFile(tx, ctx, opened, 'resident_file.read');
    return presentFile(tx, ctx, opened);
  });
}

/** The resident's own file. */
export async function getMyFile(deps: Deps, ctx: TenantContext) {
  return runInTenant(deps, ctx, async (tx) => {
    const file = await repo.findFileOfResident(tx, ctx.tenant.id, ctx.actor.personId);
    if (!file) throw new AppError('not_found');
    const opened = await openFile(tx, ctx, file.id, 'resident_file.read', { anyScope: true });
    await auditFile(tx, ctx, opened, 'resident_file.read');
    return presentFile(tx, ctx, opened);
  });
}

export async function updateFile(
  deps: Deps,
  ctx: TenantContext,
  fileId: string,
  input: { bsn?: string | null | undefined; householdMembers?: HouseholdMemberInput[] | undefined; coordinatorPersonId?: string | undefined },
) {
  const problems: InvalidParam[] = [];
  checkBsn(input.bsn, problems);
  checkHousehold(input.householdMembers, ctx.now(), problems);
  if (problems.length) throw invalid(problems);
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'resident_file.update', { may: 'manage' });
    const now = ctx.now();
    if (input.coordinatorPersonId !== undefined && input.coordinatorPersonId !== opened.file.coordinatorPersonId) {
      // A handover: the new coordinator must be a social worker; the old one keeps access only if on the plan.
      const roles = (await repo.rolesAndOrganisations(tx, ctx.tenant.id, [input.coordinatorPersonId])).get(input.coordinatorPersonId);
      if (!roles?.roles.includes('social_worker') || input.coordinatorPersonId === opened.file.residentPersonId) {
        throw invalid([{ name: 'coordinatorPersonId', code: 'invalid_value', reason: 'The coordinator is a social worker of this municipality.' }]);
      }
      await repo.removeParticipant(tx, ctx.tenant.id, fileId, input.coordinatorPersonId, now);
      await repo.updateFile(tx, ctx.tenant.id, fileId, { coordinatorPersonId: input.coordinatorPersonId, updatedAt: now });
      // Its own event, naming the new coordinator, so the resident's access log shows the hand-over.
      await auditFile(tx, ctx, opened, 'resident_file.handover', { type: 'person', id: input.coordinatorPersonId });
    }
    if (input.bsn !== undefined) await repo.updateFile(tx, ctx.tenant.id, fileId, { bsn: input.bsn, updatedAt: now });
    if (input.householdMembers) {
      await repo.replaceHouseholdMembers(tx, ctx.tenant.id, fileId, input.householdMembers.map((m) => ({ name: m.name, relation: m.relation, birthYear: m.birthYear ?? null })));
      await repo.updateFile(tx, ctx.tenant.id, fileId, { updatedAt: now });
    }
    await auditFile(tx, ctx, opened, 'resident_file.update');
    const file = (await repo.findFile(tx, ctx.tenant.id, fileId))!;
    const participation = await repo.findParticipation(tx, ctx.tenant.id, fileId, ctx.actor.personId);
    const access = fileAccess(ctx, { ...file, participation, consents: await repo.listConsents(tx, ctx.tenant.id, fileId) }, today(ctx));
    return presentFile(tx, ctx, { file, access });
  });
}

/** Files I coordinate or am on, with only what my access allows (the resident's name needs `identity`). */
export async function listMyFiles(deps: Deps, ctx: TenantContext) {
  return runInTenant(deps, ctx, async (tx) => {
    const files = await repo.filesOfPerson(tx, ctx.tenant.id, ctx.actor.personId);
    const items = [];
    for (const f of files) {
      const opened = await openFile(tx, ctx, f.id, 'resident_file.list', {}).catch(() => null);
      if (!opened || opened.access.scopes.size === 0) continue;
      await auditFile(tx, ctx, opened, 'resident_file.list');
      items.push(opened);
    }
    const names = await displayNames(tx, ctx.tenant.id, [...new Set(items.flatMap((o) => [o.file.residentPersonId, o.file.coordinatorPersonId]))]);
    const open = await repo.countOpenWishes(tx, ctx.tenant.id, items.filter((o) => o.access.relation === 'coordinator').map((o) => o.file.id));
    return {
      items: items.map((o) => ({
        id: o.file.id,
        relation: o.access.relation,
        residentDisplayName: o.access.scopes.has('identity') ? (names.get(o.file.residentPersonId) ?? null) : null,
        coordinatorDisplayName: names.get(o.file.coordinatorPersonId) ?? '',
        openWishes: o.access.relation === 'coordinator' ? (open.get(o.file.id) ?? 0) : null,
      })),
    };
  });
}

async function presentFile(tx: Tx, ctx: TenantContext, opened: OpenedFile) {
  const { file, access } = opened;
  const t = today(ctx);
  // After a handover the former coordinator gets the answer to their own change, and nothing more.
  const none = access.relation === 'none';
  const participants = none ? [] : await repo.listParticipants(tx, ctx.tenant.id, file.id);
  const consents = none ? [] : await repo.listConsents(tx, ctx.tenant.id, file.id);
  const household = access.scopes.has('household') ? await repo.listHouseholdMembers(tx, ctx.tenant.id, file.id) : null;
  const personIds = [file.residentPersonId, file.coordinatorPersonId, ...participants.map((p) => p.personId), ...consents.flatMap((c) => (c.recipientPersonId ? [c.recipientPersonId] : []))];
  const names = await displayNames(tx, ctx.tenant.id, [...new Set(personIds)]);
  const orgIds = [...participants.flatMap((p) => (p.organisationId ? [p.organisationId] : [])), ...consents.flatMap((c) => (c.recipientOrganisationId ? [c.recipientOrganisationId] : []))];
  const orgs = await repo.organisationsById(tx, ctx.tenant.id, [...new Set(orgIds)]);
  // The resident and the coordinator see every consent; a person on the plan sees the ones that concern them.
  const seesAllConsents = access.relation === 'resident' || access.relation === 'coordinator';
  const mine = (c: repo.ConsentRow) => c.recipientPersonId === ctx.actor.personId || (c.recipientOrganisationId !== null && ctx.actor.organisationIds.includes(c.recipientOrganisationId));
  return {
    id: file.id,
    myRelation: access.relation,
    myScopes: [...access.scopes].sort(),
    resident: access.scopes.has('identity')
      ? { personId: file.residentPersonId, displayName: names.get(file.residentPersonId) ?? '', bsn: file.bsn }
      : null,
    householdMembers: household,
    coordinator: { personId: file.coordinatorPersonId, displayName: names.get(file.coordinatorPersonId) ?? '' },
    participants: participants.map((p) => ({
      personId: p.personId,
      displayName: names.get(p.personId) ?? '',
      organisation: p.organisationId ? { id: p.organisationId, name: orgs.get(p.organisationId)?.name ?? '' } : null,
      addedAt: p.addedAt.toISOString(),
    })),
    consents: consents
      .filter((c) => seesAllConsents || mine(c))
      .map((c) => ({
        id: c.id,
        recipient: c.recipientPersonId
          ? { kind: 'person' as const, id: c.recipientPersonId, name: names.get(c.recipientPersonId) ?? '' }
          : { kind: 'organisation' as const, id: c.recipientOrganisationId!, name: orgs.get(c.recipientOrganisationId!)?.name ?? '' },
        scopes: c.scopes,
        purpose: c.purpose,
        validFrom: c.validFrom,
        validUntil: c.validUntil,
        withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
        inForce: consentInForce(c, t),
      })),
    createdAt: file.createdAt.toISOString(),
    updatedAt: file.updatedAt.toISOString(),
  };
}

// --- people on the plan ----------------------------------------------------------

/**
 * The coordinator looks for someone to put on the plan, or (`purpose`
 * 'coordinator') a social worker to hand the file to, by name (the term
 * travels in the body, never in a URL). People on the plan can take the file
 * over; for the plan they are left out, being on it already.
 */
export async function searchParticipantCandidates(deps: Deps, ctx: TenantContext, fileId: string, term: string, purpose: 'plan' | 'coordinator' = 'plan') {
  const trimmed = term.trim();
  if (trimmed.length < 2) throw invalid([{ name: 'q', code: 'too_short', reason: 'Type at least two letters of the name.' }]);
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'person.list', { may: 'manage' });
    const taken = new Set([opened.file.residentPersonId, opened.file.coordinatorPersonId]);
    if (purpose === 'plan') for (const p of await repo.listParticipants(tx, ctx.tenant.id, fileId)) taken.add(p.personId);
    const roles = purpose === 'coordinator' ? (['social_worker'] as const) : PARTICIPANT_ROLES;
    const rows = (await repo.participantCandidates(tx, ctx.tenant.id, trimmed, 25, roles)).filter((r) => !taken.has(r.personId)).slice(0, 20);
    await audit(tx, ctx, { action: 'person.list', purpose: 'household_plan', resourceType: 'resident_file', resourceId: fileId, subjectPersonId: null });
    return {
      items: rows.map((r) => ({
        personId: r.personId,
        displayName: `${r.givenName} ${r.familyName}`.trim(),
        roles: r.roles.filter((role) => (PARTICIPANT_ROLES as readonly string[]).includes(role)),
        organisation: r.organisation,
      })),
    };
  });
}

export async function addParticipant(deps: Deps, ctx: TenantContext, fileId: string, personId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'plan_participant.add', { may: 'manage' });
    const facts = (await repo.rolesAndOrganisations(tx, ctx.tenant.id, [personId])).get(personId);
    if (!facts) throw invalid([{ name: 'personId', code: 'invalid_value', reason: 'No such person in this municipality.' }]);
    if (personId === opened.file.residentPersonId || personId === opened.file.coordinatorPersonId) {
      throw invalid([{ name: 'personId', code: 'invalid_value', reason: 'The resident and the coordinator are on the plan already.' }]);
    }
    if (!facts.roles.some((r) => (PARTICIPANT_ROLES as readonly string[]).includes(r))) {
      throw invalid([{ name: 'personId', code: 'invalid_value', reason: 'Only social workers, professionals and volunteers can be put on a plan.' }]);
    }
    await repo.addParticipant(tx, {
      tenantId: ctx.tenant.id,
      fileId,
      personId,
      organisationId: facts.organisationIds[0] ?? null,
      addedByPersonId: ctx.actor.personId,
      addedAt: ctx.now(),
    });
    await auditFile(tx, ctx, opened, 'plan_participant.add', { type: 'plan_participant', id: personId });
    return presentFile(tx, ctx, opened);
  });
}

export async function removeParticipant(deps: Deps, ctx: TenantContext, fileId: string, personId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'plan_participant.remove', { may: 'manage' });
    if (!(await repo.removeParticipant(tx, ctx.tenant.id, fileId, personId, ctx.now()))) throw new AppError('not_found');
    await auditFile(tx, ctx, opened, 'plan_participant.remove', { type: 'plan_participant', id: personId });
    return presentFile(tx, ctx, opened);
  });
}

// --- consent -----------------------------------------------------------------------

export interface ConsentInput {
  recipient: { personId: string } | { organisationId: string };
  scopes: ConsentScope[];
  purpose: string;
  validFrom?: string | undefined;
  validUntil: string;
}

export async function recordConsent(deps: Deps, ctx: TenantContext, fileId: string, input: ConsentInput) {
  const t = today(ctx);
  const validFrom = input.validFrom ?? t;
  const { latest } = planDateRange(t);
  const problems: InvalidParam[] = [];
  if (validFrom < t) problems.push({ name: 'validFrom', code: 'invalid_value', reason: 'Consent cannot start in the past.' });
  if (input.validUntil < validFrom) problems.push({ name: 'validUntil', code: 'invalid_value', reason: 'Consent ends before it starts.' });
  if (input.validUntil > latest) problems.push({ name: 'validUntil', code: 'invalid_value', reason: 'Consent is given for at most five years.' });
  if (problems.length) throw invalid(problems);
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'consent.record', { may: 'recordConsent' });
    if ('personId' in input.recipient) {
      const known = (await repo.rolesAndOrganisations(tx, ctx.tenant.id, [input.recipient.personId])).has(input.recipient.personId);
      if (!known) throw invalid([{ name: 'recipient.personId', code: 'invalid_value', reason: 'No such person in this municipality.' }]);
    } else {
      const known = (await repo.organisationsById(tx, ctx.tenant.id, [input.recipient.organisationId])).has(input.recipient.organisationId);
      if (!known) throw invalid([{ name: 'recipient.organisationId', code: 'invalid_value', reason: 'No such organisation in this municipality.' }]);
    }
    const id = randomUUID();
    await repo.insertConsent(tx, {
      tenantId: ctx.tenant.id,
      id,
      fileId,
      recipientPersonId: 'personId' in input.recipient ? input.recipient.personId : null,
      recipientOrganisationId: 'organisationId' in input.recipient ? input.recipient.organisationId : null,
      scopes: [...new Set(input.scopes)].sort(),
      purpose: input.purpose,
      validFrom,
      validUntil: input.validUntil,
      recordedByPersonId: ctx.actor.personId,
      recordedAt: ctx.now(),
    });
    await consentAudit(tx, ctx, opened, 'consent.record', id);
    return presentFile(tx, ctx, opened);
  });
}

/** Withdrawal takes effect at once: access is decided from the consents on every request. */
export async function withdrawConsent(deps: Deps, ctx: TenantContext, fileId: string, consentId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'consent.withdraw', { may: 'withdrawConsent' });
    const consent = (await repo.listConsents(tx, ctx.tenant.id, fileId)).find((c) => c.id === consentId);
    if (!consent) throw new AppError('not_found');
    if (!(await repo.withdrawConsent(tx, ctx.tenant.id, fileId, consentId, ctx.actor.personId, ctx.now()))) {
      throw new AppError('conflict', undefined, { invalidParams: [{ name: 'consentId', code: 'invalid_value', reason: 'This consent was withdrawn already.' }] });
    }
    await consentAudit(tx, ctx, opened, 'consent.withdraw', consentId);
    return presentFile(tx, ctx, opened);
  });
}

/** Consent is the resident's: when the coordinator records it, it is on the resident's behalf. */
async function consentAudit(tx: Tx, ctx: TenantContext, opened: OpenedFile, action: AuditAction, consentId: string) {
  const resident = opened.file.residentPersonId;
  await audit(tx, ctx, {
    action,
    purpose: 'household_plan',
    resourceType: 'consent_record',
    resourceId: consentId,
    subjectPersonId: resident,
    onBehalfOfPersonId: resident === ctx.actor.personId ? null : resident,
  });
}

// --- who looked at my file ---------------------------------------------------------

/** Audit actions that concern a resident's file: what the resident's "who looked at my file" list shows. */
export const FILE_AUDIT_ACTIONS: readonly AuditAction[] = [
  'resident_file.create',
  'resident_file.read',
  'resident_file.list',
  'resident_file.update',
  'resident_file.handover',
  'plan_participant.add',
  'plan_participant.remove',
  'consent.record',
  'consent.withdraw',
  'household_plan.read',
  'household_plan.export',
  'household_plan.update',
  'household_plan.versions.read',
  'network_member.list',
  'network_member.create',
  'network_member.update',
  'network_member.delete',
  'outcome_measurement.create',
  'outcome_measurement.list',
  'outcome_trend.read',
  'resident_voice.create',
  'resident_voice.list',
  'resident_voice.answer',
  'listening_overview.read',
  'involvement.read',
  'involvement.contact',
];

export async function fileAccessLog(deps: Deps, ctx: TenantContext, fileId: string, limit: number) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'resident_file.access_log.read', { may: 'readAccessLog' });
    const events = await repo.fileAccessEvents(tx, ctx.tenant.id, opened.file.residentPersonId, FILE_AUDIT_ACTIONS, limit);
    const actorIds = [...new Set(events.flatMap((e) => (e.actor_person_id ? [e.actor_person_id] : [])))];
    const names = await displayNames(tx, ctx.tenant.id, actorIds);
    const facts = await repo.rolesAndOrganisations(tx, ctx.tenant.id, actorIds);
    const orgs = await repo.organisationsById(tx, ctx.tenant.id, [...new Set([...facts.values()].flatMap((f) => f.organisationIds))]);
    await auditFile(tx, ctx, opened, 'resident_file.access_log.read');
    return {
      items: events.map((e) => {
        const f = e.actor_person_id ? facts.get(e.actor_person_id) : undefined;
        return {
          occurredAt: new Date(e.occurred_at).toISOString(),
          actorDisplayName: e.actor_person_id ? (names.get(e.actor_person_id) ?? null) : null,
          actorRoles: (f?.roles ?? []).sort(),
          actorOrganisations: (f?.organisationIds ?? []).map((id) => orgs.get(id)?.name ?? '').filter(Boolean),
          action: e.action,
          purpose: e.purpose,
          outcome: e.outcome,
        };
      }),
    };
  });
}

// --- the household plan --------------------------------------------------------------

async function domainCodes(tx: Tx, ctx: TenantContext): Promise<Set<string>> {
  const s = await repo.readSettings(tx, ctx.tenant.id);
  return new Set((s.outcomeDomains ?? ZRM_2017_DOMAINS).map((d) => d.code));
}

/**
 * A plan version as the API shows it, with what each role added to it
 * ("Wat ieder bijdroeg", issue 6): the same need-to-know as the plan itself,
 * since it says nothing the plan does not.
 */
async function presentPlan(tx: Tx, ctx: TenantContext, file: repo.ResidentFileRow, row: repo.PlanVersionRow | null) {
  const content = (row?.content as PlanContent | undefined) ?? EMPTY_PLAN;
  const actions = actionsOf(content);
  const doers = new Set<string>();
  for (const a of actions) if ('personId' in a.who) doers.add(a.who.personId);
  const names = await displayNames(tx, ctx.tenant.id, [...new Set([...doers, ...(row ? [row.authorPersonId] : [])])]);
  const roles = await repo.rolesAndOrganisations(tx, ctx.tenant.id, [...doers]);
  return {
    fileId: file.id,
    version: row?.version ?? 0,
    reason: row?.reason ?? null,
    author: row ? { personId: row.authorPersonId, displayName: names.get(row.authorPersonId) ?? '' } : null,
    createdAt: row?.createdAt.toISOString() ?? null,
    goals: content.goals,
    actions: actions.map((a) => ({
      ...a,
      who: 'personId' in a.who ? { personId: a.who.personId, displayName: names.get(a.who.personId) ?? '' } : { helperName: a.who.helperName },
    })),
    reviewDates: content.reviewDates,
    domains: content.domains,
    contributions: contributionsByRole(
      { ...content, actions },
      { residentPersonId: file.residentPersonId, coordinatorPersonId: file.coordinatorPersonId, rolesOf: (id) => roles.get(id)?.roles ?? [] },
    ),
  };
}

/** The current plan, opened for one action (a read or an export) with the 'plan' scope; the caller audits. */
async function openCurrentPlan(tx: Tx, ctx: TenantContext, fileId: string, action: 'household_plan.read' | 'household_plan.export') {
  const opened = await openFile(tx, ctx, fileId, action, { scope: 'plan' });
  const row = await repo.latestPlanVersion(tx, ctx.tenant.id, fileId);
  return { opened, row };
}

export async function getPlan(deps: Deps, ctx: TenantContext, fileId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const { opened, row } = await openCurrentPlan(tx, ctx, fileId, 'household_plan.read');
    await auditFile(tx, ctx, opened, 'household_plan.read', { type: 'household_plan', id: fileId });
    return presentPlan(tx, ctx, opened.file, row);
  });
}

/**
 * The current plan as a tagged PDF in the caller's language, with the same
 * need-to-know as reading it and its own audit action. The resident's name
 * only for a reader with the 'identity' scope; never the BSN. The file name
 * carries no personal data. The drawing happens after the transaction, so
 * the transaction stays short.
 */
export async function exportPlanPdf(deps: Deps, ctx: TenantContext, fileId: string): Promise<{ pdf: Buffer; filename: string }> {
  const { content, version } = await runInTenant(deps, ctx, async (tx) => {
    const { opened, row } = await openCurrentPlan(tx, ctx, fileId, 'household_plan.export');
    const plan = await presentPlan(tx, ctx, opened.file, row);
    const mayIdentify = opened.access.scopes.has('identity');
    const names = await displayNames(tx, ctx.tenant.id, [opened.file.coordinatorPersonId, ...(mayIdentify ? [opened.file.residentPersonId] : [])]);
    const settings = await repo.readSettings(tx, ctx.tenant.id);
    const domainNames = new Map((settings.outcomeDomains ?? ZRM_2017_DOMAINS).map((d) => [d.code, ctx.locale === 'en' ? d.nameEn : d.nameNl]));
    await auditFile(tx, ctx, opened, 'household_plan.export', { type: 'household_plan', id: fileId });
    return {
      version: plan.version,
      content: planPdfContent(plan, ctx.locale, {
        residentName: mayIdentify ? (names.get(opened.file.residentPersonId) ?? null) : null,
        coordinatorName: names.get(opened.file.coordinatorPersonId) ?? '–',
        municipality: ctx.tenant.name,
        generatedAt: ctx.now(),
        domainNames,
      }),
    };
  });
  return { pdf: await renderPdf(content, { createdAt: ctx.now() }), filename: `plan-${fileId.slice(0, 8)}-v${version}.pdf` };
}

export async function getPlanVersion(deps: Deps, ctx: TenantContext, fileId: string, version: number) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'household_plan.read', { scope: 'plan' });
    const row = await repo.findPlanVersion(tx, ctx.tenant.id, fileId, version);
    if (!row) throw new AppError('not_found');
    await auditFile(tx, ctx, opened, 'household_plan.read', { type: 'household_plan', id: fileId });
    return presentPlan(tx, ctx, opened.file, row);
  });
}

export async function listPlanVersions(deps: Deps, ctx: TenantContext, fileId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'household_plan.versions.read', { scope: 'plan' });
    const rows = await repo.listPlanVersions(tx, ctx.tenant.id, fileId);
    const names = await displayNames(tx, ctx.tenant.id, [...new Set(rows.map((r) => r.authorPersonId))]);
    await auditFile(tx, ctx, opened, 'household_plan.versions.read', { type: 'household_plan', id: fileId });
    return {
      items: rows.map((r) => ({
        version: r.version,
        reason: r.reason,
        author: { personId: r.authorPersonId, displayName: names.get(r.authorPersonId) ?? '' },
        createdAt: r.createdAt.toISOString(),
      })),
    };
  });
}

/**
 * A new version of the plan. `basedOnVersion` must be the current one (409
 * otherwise: someone else changed it meanwhile). Everything is checked
 * before anything is written.
 */
export async function changePlan(deps: Deps, ctx: TenantContext, fileId: string, input: PlanInput & { basedOnVersion: number; reason: string }) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'household_plan.update', { may: 'changePlan' });
    await repo.lockFile(tx, ctx.tenant.id, fileId);
    const current = await repo.latestPlanVersion(tx, ctx.tenant.id, fileId);
    const currentVersion = current?.version ?? 0;
    if (input.basedOnVersion !== currentVersion) {
      throw new AppError('conflict', undefined, {
        invalidParams: [{ name: 'basedOnVersion', code: 'invalid_value', reason: 'The plan was changed meanwhile: reload it and make your change again.' }],
      });
    }
    const participants = await repo.listParticipants(tx, ctx.tenant.id, fileId);
    const onPlan = new Set([opened.file.residentPersonId, opened.file.coordinatorPersonId, ...participants.map((p) => p.personId)]);
    const t = today(ctx);
    const problems = checkPlan(input, { onPlan, domains: await domainCodes(tx, ctx), ...planDateRange(t), today: t });
    if (problems.length) throw invalid(problems);
    const row: repo.PlanVersionRow = {
      tenantId: ctx.tenant.id,
      fileId,
      version: currentVersion + 1,
      content: normalisePlan(input),
      reason: input.reason,
      authorPersonId: ctx.actor.personId,
      createdAt: ctx.now(),
    };
    await repo.insertPlanVersion(tx, row);
    await auditFile(tx, ctx, opened, 'household_plan.update', { type: 'household_plan', id: fileId });
    return presentPlan(tx, ctx, opened.file, row);
  });
}

// --- a referral from neighbour help --------------------------------------------

/**
 * The coach referred a neighbour-help request to formal support (issue 5,
 * "links"): the request hangs under the resident's plan, and the plan gets an
 * agreed formal action for the coach, as a new version with the reason. A
 * resident without a file gets one, coordinated by the coach. When the
 * resident's file is coordinated by someone else and the coach is not on its
 * plan, the coach sees nothing of it: the request is only linked, so its
 * coordinator finds it under the plan. Runs inside the caller's transaction.
 */
export async function planFromReferral(
  tx: Tx,
  ctx: TenantContext,
  input: { requestId: string; residentPersonId: string; category: string; reason: string },
): Promise<{ fileId: string | null; planVersion: number | null }> {
  const now = ctx.now();
  let file = await repo.findFileOfResident(tx, ctx.tenant.id, input.residentPersonId);
  // Only a social worker can coordinate a file: an administrator who refers starts none.
  if (!file && !ctx.actor.roles.includes('social_worker')) return { fileId: null, planVersion: null };
  if (!file) {
    const id = randomUUID();
    const created = await repo.insertFile(tx, {
      tenantId: ctx.tenant.id,
      id,
      residentPersonId: input.residentPersonId,
      bsn: null,
      coordinatorPersonId: ctx.actor.personId,
      createdByPersonId: ctx.actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    if (created) {
      await audit(tx, ctx, { action: 'resident_file.create', purpose: 'household_plan', resourceType: 'resident_file', resourceId: id, subjectPersonId: input.residentPersonId });
    }
    // Not created: a referral running at the same moment made the file and has committed it
    // (the insert waited for it); this one uses that file, as if it had been there all along.
    file = created ? await repo.findFile(tx, ctx.tenant.id, id) : await repo.findFileOfResident(tx, ctx.tenant.id, input.residentPersonId);
    if (!file) throw new Error('resident file neither created nor found');
  }
  if (await repo.linkHelpRequest(tx, { tenantId: ctx.tenant.id, fileId: file.id, requestId: input.requestId, linkedByPersonId: ctx.actor.personId, linkedAt: now })) {
    await audit(tx, ctx, { action: 'household_plan.update', purpose: 'household_plan', resourceType: 'plan_help_request', resourceId: file.id, subjectPersonId: input.residentPersonId });
  }
  // The plan changes only for someone who may change it (coordinator, or on the plan within consent).
  const [participation, consents] = [await repo.findParticipation(tx, ctx.tenant.id, file.id, ctx.actor.personId), await repo.listConsents(tx, ctx.tenant.id, file.id)];
  const access = fileAccess(ctx, { ...file, participation, consents }, today(ctx));
  if (!mayOnFile(access, 'changePlan')) return { fileId: null, planVersion: null };
  await repo.lockFile(tx, ctx.tenant.id, file.id);
  const current = await repo.latestPlanVersion(tx, ctx.tenant.id, file.id);
  const content = (current?.content as PlanContent | undefined) ?? EMPTY_PLAN;
  const due = dayInAmsterdam(new Date(now.getTime() + 14 * 86_400_000));
  const row: repo.PlanVersionRow = {
    tenantId: ctx.tenant.id,
    fileId: file.id,
    version: (current?.version ?? 0) + 1,
    content: {
      ...content,
      actions: [
        ...content.actions,
        { id: randomUUID(), goalId: null, who: { personId: ctx.actor.personId }, what: `Formele ondersteuning regelen (${input.category}): ${input.reason}`.slice(0, 500), dueOn: due, doneOn: null, formal: true },
      ],
    },
    reason: `Doorverwezen vanuit buurthulp: ${input.reason}`,
    authorPersonId: ctx.actor.personId,
    createdAt: now,
  };
  await repo.insertPlanVersion(tx, row);
  await audit(tx, ctx, { action: 'household_plan.update', purpose: 'household_plan', resourceType: 'household_plan', resourceId: file.id, subjectPersonId: input.residentPersonId });
  return { fileId: file.id, planVersion: row.version };
}
