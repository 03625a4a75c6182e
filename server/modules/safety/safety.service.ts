/**
 * Safety in neighbour help: anyone on a match can report the other person
 * and block them; a coordinator handles reports (dismiss, warn, or suspend a
 * volunteer, who is then proposed to nobody). A block ends the match at once
 * and the two are never matched or messaged again.
 *
 * A report names a match, not a person id typed by the reporter: one can
 * only report someone one actually dealt with.
 */
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Deps } from '../../http/env';
import { AuditedDenial, runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { notify } from '../notifications/notifications.repository';
import * as matchRepo from '../neighbour-help/matches.repository';
import * as nhRepo from '../neighbour-help/neighbour-help.repository';
import { mayNeighbourHelp } from '../neighbour-help/neighbour-help.policy';
import * as repo from './safety.repository';

/** Reports a person may file in a day. */
export const REPORTS_PER_DAY = 5;

export const ABUSE_CATEGORIES = ['harassment', 'no_show', 'unsafe', 'inappropriate', 'other'] as const;
export const REPORT_OUTCOMES = ['dismissed', 'warned', 'suspended'] as const;

/** The match and who the actor is on it; the other person is the one reported or blocked. */
async function otherParty(tx: Parameters<Parameters<typeof runInTenant>[2]>[0], ctx: TenantContext, matchId: string, action: 'abuse_report.create' | 'person_block.create') {
  const m = await matchRepo.findMatch(tx, ctx.tenant.id, matchId);
  if (!m) throw new AppError('not_found');
  const r = await nhRepo.findHelpRequest(tx, ctx.tenant.id, m.requestId);
  if (!r) throw new AppError('not_found');
  const me = ctx.actor.personId;
  if (m.volunteerPersonId === me) return { m, r, other: r.residentPersonId };
  if (r.residentPersonId === me) return { m, r, other: m.volunteerPersonId };
  throw new AuditedDenial({ action, purpose: 'neighbour_help', resourceType: 'help_match', resourceId: matchId, subjectPersonId: r.residentPersonId });
}

export async function reportAbuse(
  deps: Deps,
  ctx: TenantContext,
  input: { matchId: string; category: (typeof ABUSE_CATEGORIES)[number]; details?: string | undefined },
) {
  return runInTenant(deps, ctx, async (tx) => {
    const { other } = await otherParty(tx, ctx, input.matchId, 'abuse_report.create');
    const today = await repo.reportsSince(tx, ctx.tenant.id, ctx.actor.personId, new Date(ctx.now().getTime() - 86_400_000));
    if (today >= REPORTS_PER_DAY) throw new AppError('rate_limited', undefined, { retryAfter: 86_400 });
    const id = await repo.insertReport(tx, {
      tenantId: ctx.tenant.id,
      reporterPersonId: ctx.actor.personId,
      subjectPersonId: other,
      matchId: input.matchId,
      category: input.category,
      details: input.details ?? '',
      createdAt: ctx.now(),
    });
    await audit(tx, ctx, { action: 'abuse_report.create', purpose: 'neighbour_help', resourceType: 'abuse_report', resourceId: id, subjectPersonId: other });
    return { id, category: input.category, status: 'open' as const, createdAt: ctx.now().toISOString() };
  });
}

/** Open (or all) reports for coordinators, newest first, with first names and the match. */
export async function listReports(deps: Deps, ctx: TenantContext, status: 'open' | 'all') {
  if (!mayNeighbourHelp(ctx, 'listAllRequests')) throw new AppError('forbidden');
  return runInTenant(deps, ctx, async (tx) => {
    const rows = await repo.listReports(tx, ctx.tenant.id, status === 'open');
    const names = await matchRepo.givenNames(tx, ctx.tenant.id, [...new Set(rows.flatMap((r) => [r.reporterPersonId, r.subjectPersonId]))]);
    const volunteers = await repo.withVolunteerProfile(tx, ctx.tenant.id, [...new Set(rows.map((r) => r.subjectPersonId))]);
    await audit(tx, ctx, { action: 'abuse_report.list', purpose: 'neighbour_help', resourceType: 'abuse_report' });
    return rows.map((r) => ({
      id: r.id,
      matchId: r.matchId,
      category: r.category,
      details: r.details,
      status: r.status,
      reporter: { personId: r.reporterPersonId, givenName: names.get(r.reporterPersonId) ?? '' },
      subject: { personId: r.subjectPersonId, givenName: names.get(r.subjectPersonId) ?? '', isVolunteer: volunteers.has(r.subjectPersonId) },
      createdAt: r.createdAt.toISOString(),
      handledAt: r.handledAt?.toISOString() ?? null,
    }));
  });
}

/** A coordinator decides on a report; `suspended` stops a volunteer from being proposed and withdraws their open proposals. */
export async function handleReport(deps: Deps, ctx: TenantContext, id: string, outcome: (typeof REPORT_OUTCOMES)[number]) {
  if (!mayNeighbourHelp(ctx, 'listAllRequests')) throw new AppError('forbidden');
  return runInTenant(deps, ctx, async (tx) => {
    const report = await repo.findReport(tx, ctx.tenant.id, id);
    if (!report) throw new AppError('not_found');
    if (report.status !== 'open') {
      throw new AppError('conflict', undefined, { invalidParams: [{ name: 'status', code: 'invalid_value', reason: 'This report was already handled.' }] });
    }
    if (outcome === 'suspended' && !(await repo.withVolunteerProfile(tx, ctx.tenant.id, [report.subjectPersonId])).has(report.subjectPersonId)) {
      throw new AppError('validation_failed', undefined, {
        invalidParams: [{ name: 'outcome', code: 'invalid_value', reason: 'Only a volunteer can be suspended; this person has no offer.' }],
      });
    }
    const now = ctx.now();
    await repo.setReportOutcome(tx, ctx.tenant.id, id, outcome, ctx.actor.personId, now);
    if (outcome === 'suspended') {
      await repo.suspendVolunteer(tx, ctx.tenant.id, report.subjectPersonId, now);
      for (const { match } of await matchRepo.matchesOfVolunteer(tx, ctx.tenant.id, report.subjectPersonId, ['proposed', 'volunteer_accepted'])) {
        await matchRepo.updateMatch(tx, ctx.tenant.id, match.id, { state: 'withdrawn', reason: 'volunteer_unavailable', closedAt: now, updatedAt: now });
      }
    }
    await audit(tx, ctx, { action: 'abuse_report.handle', purpose: 'neighbour_help', resourceType: 'abuse_report', resourceId: id, subjectPersonId: report.subjectPersonId });
    return { id, status: outcome };
  });
}

/** Block the other person of a match: the match ends (or is withdrawn) and they never meet through samenspel again. */
export async function blockOnMatch(deps: Deps, ctx: TenantContext, matchId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const { m, r, other } = await otherParty(tx, ctx, matchId, 'person_block.create');
    const now = ctx.now();
    await repo.insertBlock(tx, ctx.tenant.id, ctx.actor.personId, other, now);
    if (m.state === 'confirmed') {
      await matchRepo.updateMatch(tx, ctx.tenant.id, m.id, { state: 'ended', reason: 'safety_concern', closedAt: now, updatedAt: now });
      if (r.status === 'matched' && !(await matchRepo.matchesOfRequest(tx, ctx.tenant.id, r.id)).some((x) => x.id !== m.id && x.state === 'confirmed')) {
        await matchRepo.updateRequest(tx, ctx.tenant.id, r.id, { status: 'open', updatedAt: now });
      }
    } else if (m.state === 'proposed' || m.state === 'volunteer_accepted') {
      await matchRepo.updateMatch(tx, ctx.tenant.id, m.id, { state: 'withdrawn', reason: 'blocked', closedAt: now, updatedAt: now });
    }
    // The other person learns only that the match stopped, not that they were blocked.
    await notify(tx, ctx.tenant.id, [other], m.state === 'confirmed' ? 'match.ended' : 'match.withdrawn', m.id, now);
    await audit(tx, ctx, { action: 'person_block.create', purpose: 'neighbour_help', resourceType: 'person_block', resourceId: m.id, subjectPersonId: other });
    return { blocked: true };
  });
}

export async function myBlocks(deps: Deps, ctx: TenantContext) {
  return runInTenant(deps, ctx, async (tx) => {
    const rows = await repo.blocksBy(tx, ctx.tenant.id, ctx.actor.personId);
    const names = await matchRepo.givenNames(tx, ctx.tenant.id, rows.map((b) => b.blockedPersonId));
    await audit(tx, ctx, { action: 'person_block.list', purpose: 'self_service', resourceType: 'person_block', subjectPersonId: ctx.actor.personId });
    return rows.map((b) => ({ personId: b.blockedPersonId, givenName: names.get(b.blockedPersonId) ?? '', createdAt: b.createdAt.toISOString() }));
  });
}

export async function unblock(deps: Deps, ctx: TenantContext, personId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    if (!(await repo.deleteBlock(tx, ctx.tenant.id, ctx.actor.personId, personId))) throw new AppError('not_found');
    await audit(tx, ctx, { action: 'person_block.delete', purpose: 'self_service', resourceType: 'person_block', subjectPersonId: personId });
    return { blocked: false };
  });
}
