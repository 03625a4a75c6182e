/**
 * The resident's voice: feedback and wishes in the resident's own words
 * after a contact or a plan review, recorded by the resident or by someone
 * on the plan on their behalf. Open wishes stay visible to the coordinator
 * and in the organisation's listening overview until they are answered.
 */
import { randomUUID } from 'node:crypto';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Tx } from '../../db/client';
import type { Deps } from '../../http/env';
import { runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { displayNames } from '../persons/persons.repository';
import { openFile, type OpenedFile } from './household.access';
import { mayHousehold } from './household.policy';
import * as repo from './household.repository';

export const VOICE_KINDS = ['feedback', 'wish'] as const;
export const VOICE_OCCASIONS = ['contact', 'review', 'other'] as const;

async function voiceAudit(tx: Tx, ctx: TenantContext, opened: OpenedFile, action: 'resident_voice.create' | 'resident_voice.list' | 'resident_voice.answer', id: string) {
  const resident = opened.file.residentPersonId;
  await audit(tx, ctx, {
    action,
    purpose: 'household_plan',
    resourceType: 'resident_voice',
    resourceId: id,
    subjectPersonId: resident,
    onBehalfOfPersonId: action === 'resident_voice.create' && resident !== ctx.actor.personId ? resident : null,
  });
}

async function present(tx: Tx, ctx: TenantContext, opened: OpenedFile, rows: repo.VoiceRow[]) {
  const ids = rows.flatMap((r) => [r.recordedByPersonId, ...(r.answeredByPersonId ? [r.answeredByPersonId] : [])]);
  const names = await displayNames(tx, ctx.tenant.id, [...new Set(ids)]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as (typeof VOICE_KINDS)[number],
    occasion: r.occasion as (typeof VOICE_OCCASIONS)[number],
    body: r.body,
    recordedBy: { personId: r.recordedByPersonId, displayName: names.get(r.recordedByPersonId) ?? '' },
    onBehalf: r.recordedByPersonId !== opened.file.residentPersonId,
    createdAt: r.createdAt.toISOString(),
    open: r.kind === 'wish' && r.answeredAt === null,
    answer:
      r.answer !== null && r.answeredAt !== null
        ? { text: r.answer, by: { personId: r.answeredByPersonId!, displayName: names.get(r.answeredByPersonId!) ?? '' }, at: r.answeredAt.toISOString() }
        : null,
  }));
}

export async function recordVoice(
  deps: Deps,
  ctx: TenantContext,
  fileId: string,
  input: { kind: (typeof VOICE_KINDS)[number]; occasion: (typeof VOICE_OCCASIONS)[number]; body: string },
) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'resident_voice.create', { may: 'recordVoice' });
    const id = randomUUID();
    await repo.insertVoice(tx, { tenantId: ctx.tenant.id, id, fileId, ...input, recordedByPersonId: ctx.actor.personId, createdAt: ctx.now() });
    await voiceAudit(tx, ctx, opened, 'resident_voice.create', id);
    const [entry] = await present(tx, ctx, opened, [(await repo.findVoice(tx, ctx.tenant.id, fileId, id))!]);
    return entry!;
  });
}

export async function listVoice(deps: Deps, ctx: TenantContext, fileId: string, openOnly: boolean) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'resident_voice.list', { scope: 'voice' });
    const rows = await repo.listVoice(tx, ctx.tenant.id, fileId, openOnly);
    await voiceAudit(tx, ctx, opened, 'resident_voice.list', fileId);
    return { items: await present(tx, ctx, opened, rows) };
  });
}

/** The coordinator answers; the answer is kept with the entry and closes an open wish. */
export async function answerVoice(deps: Deps, ctx: TenantContext, fileId: string, entryId: string, answer: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'resident_voice.answer', { may: 'manage' });
    const entry = await repo.findVoice(tx, ctx.tenant.id, fileId, entryId);
    if (!entry) throw new AppError('not_found');
    if (entry.answeredAt) {
      throw new AppError('conflict', undefined, { invalidParams: [{ name: 'entryId', code: 'invalid_value', reason: 'This has been answered already.' }] });
    }
    await repo.answerVoice(tx, ctx.tenant.id, entryId, answer, ctx.actor.personId, ctx.now());
    await voiceAudit(tx, ctx, opened, 'resident_voice.answer', entryId);
    const [out] = await present(tx, ctx, opened, [(await repo.findVoice(tx, ctx.tenant.id, fileId, entryId))!]);
    return out!;
  });
}

/**
 * The organisation's listening overview: every open wish of the
 * municipality, oldest first, in the resident's own words but without who
 * the resident is (ADR 0006). Each resident whose wish is shown gets an
 * audit event, so it appears in their own access log.
 */
export async function listeningOverview(deps: Deps, ctx: TenantContext) {
  if (!mayHousehold(ctx, 'readListeningOverview')) throw new AppError('forbidden');
  return runInTenant(deps, ctx, async (tx) => {
    const rows = await repo.openWishes(tx, ctx.tenant.id, 200);
    const names = await displayNames(tx, ctx.tenant.id, [...new Set(rows.map((r) => r.coordinator_person_id))]);
    // In id order, not list order: the audit log must not let anyone line events up with the wishes.
    for (const resident of [...new Set(rows.map((r) => r.resident_person_id))].sort()) {
      await audit(tx, ctx, { action: 'listening_overview.read', purpose: 'resident_voice', resourceType: 'resident_voice', subjectPersonId: resident });
    }
    const now = ctx.now().getTime();
    return {
      items: rows.map((r) => {
        const createdAt = new Date(r.created_at);
        return {
          id: r.id,
          body: r.body,
          occasion: r.occasion,
          createdAt: createdAt.toISOString(),
          daysOpen: Math.floor((now - createdAt.getTime()) / 86_400_000),
          coordinatorDisplayName: names.get(r.coordinator_person_id) ?? '',
        };
      }),
    };
  });
}
