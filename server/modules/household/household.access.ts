/**
 * The one door to a resident's file for every household service: load the
 * file, the caller's place on it and the consents in force, decide with the
 * policy, and refuse with an audited denial (ADR 0006). Runs inside the
 * caller's transaction, so the decision uses the state of this very moment.
 */
import type { AuditAction } from '../../../shared/audit';
import type { InvalidParam } from '../../../shared/errors';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Tx } from '../../db/client';
import { audit } from '../../audit/audit.service';
import { AuditedDenial } from '../../http/tenant';
import * as repo from './household.repository';
import { dayInAmsterdam, fileAccess, mayOnFile, type ConsentScope, type FileAccess, type FileAction } from './household.policy';

/** Today in the Netherlands (YYYY-MM-DD): the day consents and plan dates are compared with. */
export const today = (ctx: TenantContext): string => dayInAmsterdam(ctx.now());

export const invalid = (params: InvalidParam[]) => new AppError('validation_failed', undefined, { invalidParams: params });

export interface OpenedFile {
  file: repo.ResidentFileRow;
  access: FileAccess;
}

/**
 * Opens a file for one action: `scope` is the part that will be shown,
 * `may` the action that will be taken. Unknown file: 404. Not allowed: 403,
 * and the refusal is recorded (outcome `denied`) after the rollback.
 */
export async function openFile(
  tx: Tx,
  ctx: TenantContext,
  fileId: string,
  auditAction: AuditAction,
  need: { scope?: ConsentScope; anyScope?: boolean; may?: FileAction },
): Promise<OpenedFile> {
  const file = await repo.findFile(tx, ctx.tenant.id, fileId);
  if (!file) throw new AppError('not_found');
  const [participation, consents] = await Promise.all([
    repo.findParticipation(tx, ctx.tenant.id, fileId, ctx.actor.personId),
    repo.listConsents(tx, ctx.tenant.id, fileId),
  ]);
  const access = fileAccess(ctx, { ...file, participation, consents }, today(ctx));
  const allowed =
    access.relation !== 'none' &&
    (need.scope === undefined || access.scopes.has(need.scope)) &&
    (!need.anyScope || access.scopes.size > 0) &&
    (need.may === undefined || mayOnFile(access, need.may));
  if (!allowed) {
    throw new AuditedDenial({ action: auditAction, purpose: 'household_plan', resourceType: 'resident_file', resourceId: fileId, subjectPersonId: file.residentPersonId });
  }
  return { file, access };
}

/** The audit event of a successful read or change of a file, on the resident's behalf when someone else acts. */
export async function auditFile(tx: Tx, ctx: TenantContext, opened: OpenedFile, action: AuditAction, resource?: { type: string; id: string }) {
  await audit(tx, ctx, {
    action,
    purpose: 'household_plan',
    resourceType: resource?.type ?? 'resident_file',
    resourceId: resource?.id ?? opened.file.id,
    subjectPersonId: opened.file.residentPersonId,
  });
}
