/**
 * Knowledge at the front of the chain, and the links to neighbour help.
 *
 * A social worker or professional who meets a resident (at the desk, through
 * neighbour help) may see whether the resident has a plan, who coordinates
 * it and how to reach them, and which organisations are involved: nothing of
 * the plan's content (ADR 0006). Each look is audited and shows in the
 * resident's own access log.
 */
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Deps } from '../../http/env';
import { AuditedDenial, runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { displayNames } from '../persons/persons.repository';
import { auditFile, invalid, openFile } from './household.access';
import { mayHousehold } from './household.policy';
import * as repo from './household.repository';

export async function involvement(deps: Deps, ctx: TenantContext, personId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const facts = (await repo.rolesAndOrganisations(tx, ctx.tenant.id, [personId])).get(personId);
    const isResident = facts?.roles.includes('resident') ?? false;
    const file = isResident ? await repo.findFileOfResident(tx, ctx.tenant.id, personId) : null;
    // A look by someone without the right is refused with the same 403 whoever is asked about,
    // and recorded (outcome denied), so it shows in the resident's "who looked at my file".
    if (!mayHousehold(ctx, 'readInvolvement')) {
      throw new AuditedDenial({
        action: 'involvement.read',
        purpose: 'household_plan',
        resourceType: 'resident_file',
        resourceId: file?.id ?? null,
        subjectPersonId: isResident ? personId : null,
      });
    }
    if (!isResident) throw new AppError('not_found');
    await audit(tx, ctx, { action: 'involvement.read', purpose: 'household_plan', resourceType: 'resident_file', resourceId: file?.id ?? null, subjectPersonId: personId });
    if (!file) return { hasPlan: false, coordinator: null, organisations: [], peopleInvolved: 0 };
    const participants = await repo.listParticipants(tx, ctx.tenant.id, file.id);
    const coordinatorFacts = (await repo.rolesAndOrganisations(tx, ctx.tenant.id, [file.coordinatorPersonId])).get(file.coordinatorPersonId);
    const coordinatorOrg = coordinatorFacts?.organisationIds[0] ?? null;
    const orgIds = [...new Set([...(coordinatorOrg ? [coordinatorOrg] : []), ...participants.flatMap((p) => (p.organisationId ? [p.organisationId] : []))])];
    const orgs = await repo.organisationsById(tx, ctx.tenant.id, orgIds);
    const names = await displayNames(tx, ctx.tenant.id, [file.coordinatorPersonId]);
    const contact = await repo.staffContact(tx, ctx.tenant.id, file.coordinatorPersonId);
    return {
      hasPlan: true,
      coordinator: {
        personId: file.coordinatorPersonId,
        displayName: names.get(file.coordinatorPersonId) ?? '',
        organisation: coordinatorOrg ? (orgs.get(coordinatorOrg)?.name ?? null) : null,
        email: contact?.email ?? null,
        phone: contact?.phone ?? null,
      },
      organisations: orgIds.map((id) => ({ name: orgs.get(id)?.name ?? '', kind: orgs.get(id)?.kind ?? 'other' })),
      peopleInvolved: participants.length + 1,
    };
  });
}

/** Hangs a neighbour-help request of the same resident under the plan (the coordinator). */
export async function linkHelpRequest(deps: Deps, ctx: TenantContext, fileId: string, requestId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'household_plan.update', { may: 'manage' });
    const resident = await repo.helpRequestResident(tx, ctx.tenant.id, requestId);
    if (resident !== opened.file.residentPersonId) {
      throw invalid([{ name: 'requestId', code: 'invalid_value', reason: "No help request of this plan's resident with this id." }]);
    }
    if (!(await repo.linkHelpRequest(tx, { tenantId: ctx.tenant.id, fileId, requestId, linkedByPersonId: ctx.actor.personId, linkedAt: ctx.now() }))) {
      throw new AppError('conflict', undefined, { invalidParams: [{ name: 'requestId', code: 'already_taken', reason: 'This request hangs under a plan already.' }] });
    }
    await auditFile(tx, ctx, opened, 'household_plan.update', { type: 'plan_help_request', id: requestId });
    return presentLinked(tx, ctx, fileId);
  });
}

type RequestRow = Awaited<ReturnType<typeof repo.linkableHelpRequests>>[number];

/** A help request as the plan lists it, linked or linkable: the category named in the reader's language. */
function presentRequestRow(ctx: TenantContext, r: RequestRow) {
  return {
    requestId: r.id,
    status: r.status,
    schedule: r.schedule,
    category: { code: r.category_code, name: ctx.locale === 'en' ? r.name_en : r.name_nl },
    createdAt: new Date(r.created_at).toISOString(),
  };
}

async function presentLinked(tx: Parameters<typeof repo.linkedHelpRequests>[0], ctx: TenantContext, fileId: string) {
  const rows = await repo.linkedHelpRequests(tx, ctx.tenant.id, fileId);
  return { items: rows.map((r) => ({ ...presentRequestRow(ctx, r), linkedAt: new Date(r.linked_at).toISOString() })) };
}

export async function listLinkedHelpRequests(deps: Deps, ctx: TenantContext, fileId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'household_plan.read', { scope: 'plan' });
    await auditFile(tx, ctx, opened, 'household_plan.read', { type: 'plan_help_request', id: fileId });
    return presentLinked(tx, ctx, fileId);
  });
}

/**
 * The resident's own help requests that hang under no plan yet, so the
 * coordinator can link them (the coordinator only, like linking itself).
 * Audited as a read of the file (it shows in the resident's access log).
 */
export async function listLinkableHelpRequests(deps: Deps, ctx: TenantContext, fileId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'household_plan.read', { may: 'manage' });
    const rows = await repo.linkableHelpRequests(tx, ctx.tenant.id, opened.file.residentPersonId);
    await auditFile(tx, ctx, opened, 'household_plan.read', { type: 'help_request', id: fileId });
    return { items: rows.map((r) => presentRequestRow(ctx, r)) };
  });
}
