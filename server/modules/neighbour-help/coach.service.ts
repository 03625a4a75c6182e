/**
 * The coach (a social worker in the background): a queue of requests that
 * stalled, with suggested next steps, and what the coach can do about them:
 * split a heavy recurring request into a rota, widen the distance, ask the
 * resident's own network first, invite volunteers, or refer to formal
 * support. Every stall is recorded with how it ended, for the figures.
 *
 * A request stalls when (in this order): it is flagged sensitive; it has no
 * confirmed match after the municipality's deadline (default 5 days); no
 * volunteer can take it at all; or it is recurring and no single volunteer
 * can carry it (it needs a rota). Detection runs when the queue is read and
 * on a timer (see main.ts), and is idempotent: one open stall per request.
 */
import type { InvalidParam } from '../../../shared/errors';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Tx } from '../../db/client';
import type { Deps } from '../../http/env';
import { AuditedDenial, runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { inTenant } from '../../db/tenant-scope';
import { listMunicipalityIds } from '../system/municipalities.repository';
import { findPc4 } from '../geo/pc4';
import { displayNames } from '../persons/persons.repository';
import { notify } from '../notifications/notifications.repository';
import * as nhRepo from './neighbour-help.repository';
import * as matchRepo from './matches.repository';
import * as repo from './coach.repository';
import { candidatesForRequest, openCity, rotaForRequest, volunteerNames, type CityInput } from './matches.proposals';
import { proposeTo } from './matches.service';
import { planFromReferral } from '../household/household.service';
import { mayActForResident, mayNeighbourHelp } from './neighbour-help.policy';
import { SESSIONS_TENTHS, type Schedule } from './neighbour-help.rules';
import { assignCalendar, sessionDates } from './rota.calendar';

/** How far the coach's "widen the distance" looks beyond each volunteer's own limit, at least. */
export const WIDEN_KM = 3;
/** Calendar entries shown for a rota. */
export const CALENDAR_LENGTH = 12;

const invalid = (params: InvalidParam[]) => new AppError('validation_failed', undefined, { invalidParams: params });
const conflict = (reason: string, name = 'status') => new AppError('conflict', undefined, { invalidParams: [{ name, code: 'invalid_value', reason }] });

function requireCoordinator(ctx: TenantContext): void {
  if (!mayNeighbourHelp(ctx, 'listAllRequests')) throw new AppError('forbidden');
}

const city = openCity;

const LIVE = new Set(['proposed', 'volunteer_accepted', 'confirmed']);

/** Finds new stalls in one municipality; returns how many were opened. Inside the caller's transaction. */
export async function detectStalls(tx: Tx, tenantId: string, now: Date): Promise<number> {
  const settings = await nhRepo.readSettings(tx, tenantId);
  const c = await city(tx, tenantId, now);
  const deadline = now.getTime() - settings.stallAfterDays * 86_400_000;
  let opened = 0;
  let coaches: string[] | undefined;
  for (const r of await repo.stallCandidates(tx, tenantId)) {
    if (r.openStall || r.confirmed > 0 || r.approvedRota > 0) continue;
    let cause: repo.StallCause | null = null;
    if (r.sensitive) cause = 'sensitive';
    else if (new Date(r.createdAt).getTime() <= deadline) cause = 'no_match_in_time';
    else if (r.recentLive === 0) {
      const [request] = await matchRepo.requestsForMatching(tx, tenantId, r.id);
      const candidates = request ? await candidatesForRequest(tx, c, request, 5, { includeTried: true }) : [];
      if (candidates.length === 0) cause = 'no_candidates';
      else if (r.schedule !== 'once' && !candidates.some((x) => x.coversWholeRequest)) cause = 'needs_rota';
    }
    if (!cause) continue;
    if (await repo.openStall(tx, { tenantId, requestId: r.id, cause, detectedAt: now })) {
      await matchRepo.updateRequest(tx, tenantId, r.id, { status: 'stalled', updatedAt: now });
      coaches ??= await repo.coachesOf(tx, tenantId);
      await notify(tx, tenantId, coaches, 'request.stalled', r.id, now);
      opened++;
    }
  }
  return opened;
}

type Suggestion =
  | { step: 'split_into_rota'; members: number; complete: boolean }
  | { step: 'widen_distance'; extraKm: number; candidates: number }
  | { step: 'ask_network'; contacts: number; notAsked: number }
  | { step: 'invite_volunteers'; candidates: number }
  | { step: 'refer_formal' };

/** What the coach could do next for one request, most promising first. */
async function suggestionsFor(tx: Tx, c: CityInput, request: matchRepo.RequestForMatching, network: { total: number; notAsked: number } | undefined): Promise<Suggestion[]> {
  const out: Suggestion[] = [];
  const near = await candidatesForRequest(tx, c, request, 10, { includeTried: false });
  if (request.schedule !== 'once' && !near.some((x) => x.coversWholeRequest)) {
    const rota = await rotaForRequest(tx, c, request);
    if (rota.members.length >= 2) out.push({ step: 'split_into_rota', members: rota.members.length, complete: rota.complete });
  }
  if (!network || network.notAsked > 0 || network.total === 0) out.push({ step: 'ask_network', contacts: network?.total ?? 0, notAsked: network?.notAsked ?? 0 });
  if (near.length > 0) out.push({ step: 'invite_volunteers', candidates: near.length });
  const extraKm = Math.max(request.extraKm, WIDEN_KM);
  const wide = await candidatesForRequest(tx, c, { ...request, extraKm }, 10, { widen: true });
  const beyond = wide.filter((x) => x.beyondOwnDistance).length;
  if (beyond > 0) out.push({ step: 'widen_distance', extraKm, candidates: beyond });
  out.push({ step: 'refer_formal' });
  return out;
}

type Category = Awaited<ReturnType<typeof nhRepo.listCategories>>[number];

/** One request as the coach sees it: why it is stuck (if it is), its matches, and the next steps. */
async function coachingItem(
  tx: Tx,
  ctx: TenantContext,
  c: CityInput,
  categories: Map<string, Category>,
  r: nhRepo.HelpRequestRow,
  stall: repo.StallRow | null,
  network: { total: number; notAsked: number } | undefined,
  residentDisplayName: string,
) {
  const [forMatching] = await matchRepo.requestsForMatching(tx, ctx.tenant.id, r.id);
  const matches = await matchRepo.matchesOfRequest(tx, ctx.tenant.id, r.id);
  const category = categories.get(r.categoryId);
  const open = r.status === 'open' || r.status === 'stalled';
  return {
    stallId: stall?.id ?? null,
    cause: (stall?.cause ?? null) as repo.StallCause | null,
    detectedAt: stall?.detectedAt.toISOString() ?? null,
    daysWaiting: Math.floor((ctx.now().getTime() - r.createdAt.getTime()) / 86_400_000),
    request: {
      id: r.id,
      residentPersonId: r.residentPersonId,
      residentDisplayName,
      category: { id: r.categoryId, code: category?.code ?? '', name: category ? (ctx.locale === 'en' ? category.nameEn : category.nameNl) : '' },
      description: r.description,
      schedule: r.schedule as Schedule,
      sessionsPerMonth: SESSIONS_TENTHS[r.schedule as Schedule] / 10,
      pc4: r.pc4,
      place: findPc4(r.pc4)?.place ?? null,
      urgency: r.urgency,
      status: r.status,
      sensitive: r.sensitive,
      extraKm: r.extraKm,
      createdAt: r.createdAt.toISOString(),
    },
    liveMatches: matches.filter((m) => LIVE.has(m.state)).length,
    declinedMatches: matches.filter((m) => m.state === 'declined').length,
    suggestions: open && forMatching ? await suggestionsFor(tx, c, forMatching, network) : [],
  };
}

/** The coach's queue: open stalls, oldest first, each with the request (never an address) and suggested next steps. */
export async function coachQueue(deps: Deps, ctx: TenantContext) {
  requireCoordinator(ctx);
  return runInTenant(deps, ctx, async (tx) => {
    await detectStalls(tx, ctx.tenant.id, ctx.now());
    const stalls = await repo.openStalls(tx, ctx.tenant.id);
    const c = await city(tx, ctx.tenant.id, ctx.now());
    const categories = new Map((await nhRepo.listCategories(tx, ctx.tenant.id, true)).map((x) => [x.id, x]));
    const network = await repo.countNetworkContacts(tx, ctx.tenant.id, stalls.map((s) => s.requestId));
    const requests = await nhRepo.findHelpRequests(tx, ctx.tenant.id, stalls.map((s) => s.requestId));
    const names = await displayNames(tx, ctx.tenant.id, [...new Set([...requests.values()].map((r) => r.residentPersonId))]);
    const items = [];
    for (const s of stalls) {
      const r = requests.get(s.requestId);
      if (r) items.push(await coachingItem(tx, ctx, c, categories, r, s, network.get(r.id), names.get(r.residentPersonId) ?? ''));
    }
    await audit(tx, ctx, { action: 'coach.queue.read', purpose: 'neighbour_help', resourceType: 'help_request_stall' });
    return items;
  });
}

/** One request as the coach sees it, whether or not it is in the queue (coordinators). */
export async function requestCoaching(deps: Deps, ctx: TenantContext, requestId: string) {
  requireCoordinator(ctx);
  return runInTenant(deps, ctx, async (tx) => {
    await detectStalls(tx, ctx.tenant.id, ctx.now());
    const r = await nhRepo.findHelpRequest(tx, ctx.tenant.id, requestId);
    if (!r) throw new AppError('not_found');
    const stall = (await repo.stallsOfRequest(tx, ctx.tenant.id, requestId)).find((s) => !s.resolvedAt) ?? null;
    const categories = new Map((await nhRepo.listCategories(tx, ctx.tenant.id, true)).map((x) => [x.id, x]));
    const network = await repo.countNetworkContacts(tx, ctx.tenant.id, [requestId]);
    const names = await displayNames(tx, ctx.tenant.id, [r.residentPersonId]);
    await audit(tx, ctx, { action: 'help_request.read', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    return coachingItem(tx, ctx, await city(tx, ctx.tenant.id, ctx.now()), categories, r, stall, network.get(requestId), names.get(r.residentPersonId) ?? '');
  });
}

/** Stalls of one request and how each ended (coordinators). */
export async function requestStalls(deps: Deps, ctx: TenantContext, requestId: string) {
  requireCoordinator(ctx);
  return runInTenant(deps, ctx, async (tx) => {
    const r = await nhRepo.findHelpRequest(tx, ctx.tenant.id, requestId);
    if (!r) throw new AppError('not_found');
    await audit(tx, ctx, { action: 'help_request.stalls.read', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    return (await repo.stallsOfRequest(tx, ctx.tenant.id, requestId)).map((s) => ({
      id: s.id,
      cause: s.cause,
      detectedAt: s.detectedAt.toISOString(),
      outcome: s.outcome,
      outcomeNote: s.outcomeNote,
      resolvedAt: s.resolvedAt?.toISOString() ?? null,
    }));
  });
}

/** The coach widens the search or marks a request as sensitive. */
export async function updateCoaching(deps: Deps, ctx: TenantContext, requestId: string, input: { extraKm?: number | undefined; sensitive?: boolean | undefined }) {
  requireCoordinator(ctx);
  return runInTenant(deps, ctx, async (tx) => {
    const r = await nhRepo.findHelpRequest(tx, ctx.tenant.id, requestId);
    if (!r) throw new AppError('not_found');
    if (r.status === 'closed' || r.status === 'cancelled' || r.status === 'referred') throw conflict('This request is closed.');
    await matchRepo.updateRequest(tx, ctx.tenant.id, requestId, {
      ...(input.extraKm !== undefined ? { extraKm: input.extraKm } : {}),
      ...(input.sensitive !== undefined ? { sensitive: input.sensitive } : {}),
      updatedAt: ctx.now(),
    });
    await audit(tx, ctx, { action: 'help_request.coaching.update', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    return { id: requestId, extraKm: input.extraKm ?? r.extraKm, sensitive: input.sensitive ?? r.sensitive };
  });
}

async function withdrawOpenProposals(tx: Tx, ctx: TenantContext, requestId: string, now: Date): Promise<void> {
  for (const m of await matchRepo.matchesOfRequest(tx, ctx.tenant.id, requestId)) {
    if (m.state !== 'proposed' && m.state !== 'volunteer_accepted') continue;
    await matchRepo.updateMatch(tx, ctx.tenant.id, m.id, { state: 'withdrawn', reason: 'coach_decision', closedAt: now, updatedAt: now });
    await notify(tx, ctx.tenant.id, [m.volunteerPersonId], 'match.withdrawn', m.id, now);
  }
}

/** Refer to formal support with a reason: the request leaves neighbour help, the stall ends as referred. */
export async function referToFormalCare(deps: Deps, ctx: TenantContext, requestId: string, reason: string) {
  requireCoordinator(ctx);
  return runInTenant(deps, ctx, async (tx) => {
    const r = await nhRepo.findHelpRequest(tx, ctx.tenant.id, requestId);
    if (!r) throw new AppError('not_found');
    if (r.status === 'closed' || r.status === 'cancelled' || r.status === 'referred') throw conflict('This request is closed.');
    const now = ctx.now();
    await withdrawOpenProposals(tx, ctx, requestId, now);
    await matchRepo.updateRequest(tx, ctx.tenant.id, requestId, { status: 'referred', referralReason: reason, closedAt: now, updatedAt: now });
    if (!(await repo.stallsOfRequest(tx, ctx.tenant.id, requestId)).some((s) => !s.resolvedAt)) {
      await repo.openStall(tx, { tenantId: ctx.tenant.id, requestId, cause: r.sensitive ? 'sensitive' : 'no_match_in_time', detectedAt: now });
    }
    await matchRepo.resolveOpenStall(tx, ctx.tenant.id, requestId, { outcome: 'referred', note: reason, at: now, by: ctx.actor.personId });
    await audit(tx, ctx, { action: 'help_request.refer', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    // One plan around the resident: the referral lands in their household plan (issue 5).
    const category = (await nhRepo.findCategories(tx, ctx.tenant.id, [r.categoryId]))[0]?.nameNl ?? '';
    const plan = await planFromReferral(tx, ctx, { requestId, residentPersonId: r.residentPersonId, category, reason });
    return { id: requestId, status: 'referred' as const, plan };
  });
}

/** The resident's own network answered it: closed, resolved informally. Only from the coach's queue. */
export async function resolveByNetwork(deps: Deps, ctx: TenantContext, requestId: string, note: string | undefined) {
  requireCoordinator(ctx);
  return runInTenant(deps, ctx, async (tx) => {
    const r = await nhRepo.findHelpRequest(tx, ctx.tenant.id, requestId);
    if (!r) throw new AppError('not_found');
    if (!(await repo.stallsOfRequest(tx, ctx.tenant.id, requestId)).some((s) => !s.resolvedAt)) throw conflict('Only a request in the coach queue.');
    const now = ctx.now();
    await withdrawOpenProposals(tx, ctx, requestId, now);
    await matchRepo.updateRequest(tx, ctx.tenant.id, requestId, { status: 'closed', closedAt: now, updatedAt: now });
    await matchRepo.resolveOpenStall(tx, ctx.tenant.id, requestId, { outcome: 'network', note: note ?? null, at: now, by: ctx.actor.personId });
    await audit(tx, ctx, { action: 'help_request.resolve_network', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    return { id: requestId, status: 'closed' as const };
  });
}

/** People around the resident who might help first (the resident side and coordinators). */
export async function listNetwork(deps: Deps, ctx: TenantContext, requestId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const r = await nhRepo.findHelpRequest(tx, ctx.tenant.id, requestId);
    if (!r) throw new AppError('not_found');
    if (!mayActForResident(ctx, r)) {
      throw new AuditedDenial({ action: 'network_contact.list', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    }
    await audit(tx, ctx, { action: 'network_contact.list', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    return presentNetwork(await repo.networkContacts(tx, ctx.tenant.id, requestId));
  });
}

export const RELATIONS = ['family', 'friend', 'neighbour', 'colleague', 'other'] as const;
export const CONTACT_STATUSES = ['not_asked', 'asked', 'will_help', 'cannot_help'] as const;
type Relation = (typeof RELATIONS)[number];
type ContactStatus = (typeof CONTACT_STATUSES)[number];

const presentNetwork = (rows: Awaited<ReturnType<typeof repo.networkContacts>>) =>
  rows.map((x) => ({ ...x, relation: x.relation as Relation, status: x.status as ContactStatus, updatedAt: x.updatedAt.toISOString() }));

export async function addNetworkContact(deps: Deps, ctx: TenantContext, requestId: string, input: { name: string; relation: Relation }) {
  return runInTenant(deps, ctx, async (tx) => {
    const r = await nhRepo.findHelpRequest(tx, ctx.tenant.id, requestId);
    if (!r) throw new AppError('not_found');
    if (!mayActForResident(ctx, r)) {
      throw new AuditedDenial({ action: 'network_contact.create', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    }
    if ((await repo.networkContacts(tx, ctx.tenant.id, requestId)).length >= 20) throw invalid([{ name: 'name', code: 'invalid_value', reason: 'At most 20 people per request.' }]);
    const id = await repo.insertNetworkContact(tx, { tenantId: ctx.tenant.id, requestId, name: input.name, relation: input.relation, now: ctx.now() });
    await audit(tx, ctx, { action: 'network_contact.create', purpose: 'neighbour_help', resourceType: 'help_request_network_contact', resourceId: id, subjectPersonId: r.residentPersonId });
    return { id, name: input.name, relation: input.relation, status: 'not_asked' as ContactStatus, updatedAt: ctx.now().toISOString() };
  });
}

export async function updateNetworkContact(deps: Deps, ctx: TenantContext, requestId: string, contactId: string, status: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const r = await nhRepo.findHelpRequest(tx, ctx.tenant.id, requestId);
    if (!r) throw new AppError('not_found');
    if (!mayActForResident(ctx, r)) {
      throw new AuditedDenial({ action: 'network_contact.update', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    }
    if (!(await repo.updateNetworkContact(tx, ctx.tenant.id, requestId, contactId, status, ctx.now()))) throw new AppError('not_found');
    await audit(tx, ctx, { action: 'network_contact.update', purpose: 'neighbour_help', resourceType: 'help_request_network_contact', resourceId: contactId, subjectPersonId: r.residentPersonId });
    return presentNetwork(await repo.networkContacts(tx, ctx.tenant.id, requestId));
  });
}

// ---------------------------------------------------------------- rotas

/** Monday of the week after `now`: where a new rota's calendar starts by default. */
export function nextMonday(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + (7 - ((d.getUTCDay() + 6) % 7)));
  return d.toISOString().slice(0, 10);
}

/** The engine's rota for a heavy recurring request, with a calendar preview (coordinators; nothing stored). */
export async function rotaProposal(deps: Deps, ctx: TenantContext, requestId: string) {
  requireCoordinator(ctx);
  return runInTenant(deps, ctx, async (tx) => {
    const r = await nhRepo.findHelpRequest(tx, ctx.tenant.id, requestId);
    if (!r) throw new AppError('not_found');
    if (r.schedule === 'once') throw invalid([{ name: 'schedule', code: 'invalid_value', reason: 'A one-off request has no rota.' }]);
    const [forMatching] = await matchRepo.requestsForMatching(tx, ctx.tenant.id, requestId);
    const c = await city(tx, ctx.tenant.id, ctx.now());
    const proposal = await rotaForRequest(tx, c, forMatching!);
    const names = await volunteerNames(tx, c, proposal.members.map((m) => m.volunteerId));
    const startsOn = nextMonday(ctx.now());
    const demand = SESSIONS_TENTHS[r.schedule as Schedule];
    const calendar = assignCalendar(
      sessionDates(r.schedule as Schedule, r.dayParts, startsOn, CALENDAR_LENGTH),
      proposal.members.map((m) => ({ id: m.volunteerId, tenths: Math.round(m.sessionsPerMonth * 10) })),
      demand,
    );
    await audit(tx, ctx, { action: 'rota.proposal.read', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    return {
      requestId,
      startsOn,
      demandSessions: proposal.demandSessions,
      coveredSessions: proposal.coveredSessions,
      complete: proposal.complete,
      members: proposal.members.map((m) => ({ volunteerPersonId: m.volunteerId, givenName: names.get(m.volunteerId) ?? '', sessionsPerMonth: m.sessionsPerMonth, km: m.km, known: m.known })),
      calendar: calendar.map((e) => ({ ...e, givenName: e.memberId ? (names.get(e.memberId) ?? '') : null })),
    };
  });
}

/**
 * The coach approves a rota (the proposed one, or changed): each member is
 * asked through a match of the rota. The coach approves on the resident's
 * behalf, so a member's yes confirms their part at once.
 */
export async function approveRota(
  deps: Deps,
  ctx: TenantContext,
  requestId: string,
  input: { startsOn: string; members: Array<{ volunteerPersonId: string; sessionsPerMonth: number }> },
) {
  requireCoordinator(ctx);
  return runInTenant(deps, ctx, async (tx) => {
    const r = await nhRepo.findHelpRequest(tx, ctx.tenant.id, requestId);
    if (!r) throw new AppError('not_found');
    if (r.schedule === 'once') throw invalid([{ name: 'schedule', code: 'invalid_value', reason: 'A one-off request has no rota.' }]);
    if (r.status !== 'open' && r.status !== 'stalled') throw conflict('Only an open request gets a rota.');
    if (await repo.approvedRotaOf(tx, ctx.tenant.id, requestId)) throw conflict('This request already has a rota; refill it instead.', 'rota');
    const today = ctx.now().toISOString().slice(0, 10);
    const problems: InvalidParam[] = [];
    if (input.startsOn < today) problems.push({ name: 'startsOn', code: 'invalid_value', reason: 'The rota cannot start in the past.' });
    const seen = new Set<string>();
    input.members.forEach((m, i) => {
      if (seen.has(m.volunteerPersonId)) problems.push({ name: `members.${i}.volunteerPersonId`, code: 'invalid_value', reason: 'This volunteer is in the rota twice.' });
      seen.add(m.volunteerPersonId);
    });
    const demand = SESSIONS_TENTHS[r.schedule as Schedule];
    const total = input.members.reduce((s, m) => s + Math.round(m.sessionsPerMonth * 10), 0);
    if (total > demand) problems.push({ name: 'members', code: 'invalid_value', reason: 'Together the members give more than the request asks.' });
    const [forMatching] = await matchRepo.requestsForMatching(tx, ctx.tenant.id, requestId);
    const c = await city(tx, ctx.tenant.id, ctx.now());
    const feasible = [];
    for (const [i, m] of input.members.entries()) {
      const [candidate] = await candidatesForRequest(tx, c, forMatching!, 1, { onlyVolunteer: m.volunteerPersonId, includeTried: true });
      if (!candidate) problems.push({ name: `members.${i}.volunteerPersonId`, code: 'invalid_value', reason: 'This volunteer cannot take this request.' });
      else if (Math.round(m.sessionsPerMonth * 10) > Math.round(candidate.sessionsPerMonth * 10)) {
        problems.push({ name: `members.${i}.sessionsPerMonth`, code: 'invalid_value', reason: 'More than this volunteer has room for.' });
      } else feasible.push({ ...m, km: candidate.km, explanation: candidate.explanation });
    }
    if (problems.length) throw invalid(problems);
    const now = ctx.now();
    const rotaId = await repo.insertRota(tx, {
      tenantId: ctx.tenant.id,
      requestId,
      status: 'approved',
      startsOn: input.startsOn,
      proposedByPersonId: ctx.actor.personId,
      approvedByPersonId: ctx.actor.personId,
      createdAt: now,
      approvedAt: now,
      updatedAt: now,
    });
    await withdrawOpenProposals(tx, ctx, requestId, now);
    for (const m of feasible) await addRotaMember(tx, ctx, c, r, rotaId, m, now);
    await matchRepo.updateRequest(tx, ctx.tenant.id, requestId, { status: 'open', updatedAt: now });
    await matchRepo.resolveOpenStall(tx, ctx.tenant.id, requestId, { outcome: 'rota', note: null, at: now, by: ctx.actor.personId });
    await notify(tx, ctx.tenant.id, [r.residentPersonId], 'rota.approved', rotaId, now);
    await audit(tx, ctx, { action: 'rota.approve', purpose: 'neighbour_help', resourceType: 'help_rota', resourceId: rotaId, subjectPersonId: r.residentPersonId, onBehalfOfPersonId: r.residentPersonId });
    return presentRota(tx, ctx, (await repo.findRota(tx, ctx.tenant.id, rotaId))!, r, 'coordinator');
  });
}

async function addRotaMember(
  tx: Tx,
  ctx: TenantContext,
  c: CityInput,
  r: nhRepo.HelpRequestRow,
  rotaId: string,
  m: { volunteerPersonId: string; sessionsPerMonth: number; km: number; explanation: unknown },
  now: Date,
): Promise<void> {
  await proposeTo(tx, ctx, c, r.id, m, 'coach', now, rotaId);
}

type RotaViewer = 'coordinator' | 'resident' | 'member';

/** The rota and its calendar: members by first name (need-to-know), gaps as open dates. */
async function presentRota(tx: Tx, ctx: TenantContext, rota: repo.RotaRow, r: nhRepo.HelpRequestRow, viewer: RotaViewer) {
  const matches = (await matchRepo.matchesOfRequest(tx, ctx.tenant.id, r.id)).filter((m) => m.rotaId === rota.id);
  const live = matches.filter((m) => LIVE.has(m.state));
  const names = await matchRepo.givenNames(tx, ctx.tenant.id, live.map((m) => m.volunteerPersonId));
  const visible = (m: matchRepo.MatchRow) =>
    viewer === 'coordinator' || (viewer === 'resident' && m.state !== 'proposed') || (viewer === 'member' && (m.state === 'confirmed' || m.volunteerPersonId === ctx.actor.personId));
  const demand = SESSIONS_TENTHS[r.schedule as Schedule];
  const covered = live.reduce((s, m) => s + m.sessionsPerMonthTenths, 0);
  const today = ctx.now().toISOString().slice(0, 10);
  const from = rota.startsOn > today ? rota.startsOn : today;
  const calendar = assignCalendar(
    sessionDates(r.schedule as Schedule, r.dayParts, from, CALENDAR_LENGTH),
    live.map((m) => ({ id: m.id, tenths: m.sessionsPerMonthTenths })),
    demand,
  );
  const byMatch = new Map(live.map((m) => [m.id, m]));
  return {
    id: rota.id,
    requestId: r.id,
    status: rota.status,
    startsOn: rota.startsOn,
    demandSessions: demand / 10,
    coveredSessions: covered / 10,
    gapSessions: Math.max(0, demand - covered) / 10,
    members: matches.map((m) => ({
      matchId: viewer === 'coordinator' || m.volunteerPersonId === ctx.actor.personId ? m.id : null,
      givenName: visible(m) ? (names.get(m.volunteerPersonId) ?? null) : null,
      state: m.state,
      sessionsPerMonth: m.sessionsPerMonthTenths / 10,
      mine: m.volunteerPersonId === ctx.actor.personId,
    })),
    calendar: calendar.map((e) => {
      const m = e.memberId ? byMatch.get(e.memberId) : undefined;
      return {
        date: e.date,
        dayPart: e.dayPart,
        open: !m,
        confirmed: m?.state === 'confirmed',
        givenName: m && visible(m) ? (names.get(m.volunteerPersonId) ?? null) : null,
        mine: m?.volunteerPersonId === ctx.actor.personId,
      };
    }),
    approvedAt: rota.approvedAt?.toISOString() ?? null,
  };
}

async function loadRotaFor(tx: Tx, ctx: TenantContext, rotaId: string, action: 'rota.read' | 'rota.refill') {
  const rota = await repo.findRota(tx, ctx.tenant.id, rotaId);
  if (!rota) throw new AppError('not_found');
  const r = (await nhRepo.findHelpRequest(tx, ctx.tenant.id, rota.requestId))!;
  let viewer: RotaViewer | null = null;
  if (mayNeighbourHelp(ctx, 'listAllRequests')) viewer = 'coordinator';
  else if (r.residentPersonId === ctx.actor.personId || r.createdByPersonId === ctx.actor.personId) viewer = 'resident';
  else {
    const mine = (await matchRepo.matchesOfRequest(tx, ctx.tenant.id, r.id)).some((m) => m.rotaId === rotaId && m.volunteerPersonId === ctx.actor.personId && LIVE.has(m.state));
    if (mine) viewer = 'member';
  }
  if (!viewer) throw new AuditedDenial({ action, purpose: 'neighbour_help', resourceType: 'help_rota', resourceId: rotaId, subjectPersonId: r.residentPersonId });
  return { rota, r, viewer };
}

export async function getRota(deps: Deps, ctx: TenantContext, rotaId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const { rota, r, viewer } = await loadRotaFor(tx, ctx, rotaId, 'rota.read');
    await audit(tx, ctx, { action: 'rota.read', purpose: 'neighbour_help', resourceType: 'help_rota', resourceId: rotaId, subjectPersonId: r.residentPersonId });
    return presentRota(tx, ctx, rota, r, viewer);
  });
}

/** Fills the gap a member left: the others stay as they are; new members are asked. */
export async function refillRota(deps: Deps, ctx: TenantContext, rotaId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const { rota, r, viewer } = await loadRotaFor(tx, ctx, rotaId, 'rota.refill');
    if (viewer !== 'coordinator') throw new AuditedDenial({ action: 'rota.refill', purpose: 'neighbour_help', resourceType: 'help_rota', resourceId: rotaId, subjectPersonId: r.residentPersonId });
    if (rota.status !== 'approved') throw conflict('This rota is not active.', 'rota');
    const live = (await matchRepo.matchesOfRequest(tx, ctx.tenant.id, r.id)).filter((m) => m.rotaId === rotaId && LIVE.has(m.state));
    const demand = SESSIONS_TENTHS[r.schedule as Schedule];
    if (live.reduce((s, m) => s + m.sessionsPerMonthTenths, 0) >= demand) throw conflict('This rota has no gap.', 'rota');
    const [forMatching] = await matchRepo.requestsForMatching(tx, ctx.tenant.id, r.id);
    const c = await city(tx, ctx.tenant.id, ctx.now());
    const proposal = await rotaForRequest(
      tx,
      c,
      forMatching!,
      live.map((m) => ({ volunteerId: m.volunteerPersonId, sessionsPerMonth: m.sessionsPerMonthTenths / 10 })),
    );
    const now = ctx.now();
    const added = proposal.members.filter((m) => !m.kept);
    if (added.length === 0) throw conflict('No volunteer can fill this gap now. Try widening the distance or ask the network.', 'rota');
    for (const m of added) {
      const [candidate] = await candidatesForRequest(tx, c, forMatching!, 1, { onlyVolunteer: m.volunteerId, includeTried: true });
      await addRotaMember(tx, ctx, c, r, rotaId, { volunteerPersonId: m.volunteerId, sessionsPerMonth: m.sessionsPerMonth, km: m.km, explanation: candidate?.explanation ?? {} }, now);
    }
    await audit(tx, ctx, { action: 'rota.refill', purpose: 'neighbour_help', resourceType: 'help_rota', resourceId: rotaId, subjectPersonId: r.residentPersonId, onBehalfOfPersonId: r.residentPersonId });
    return presentRota(tx, ctx, rota, r, viewer);
  });
}

/** The active rota of a request, if any (the resident side, coordinators, members). */
export async function rotaOfRequest(deps: Deps, ctx: TenantContext, requestId: string) {
  const rotaId = await runInTenant(deps, ctx, async (tx) => (await repo.approvedRotaOf(tx, ctx.tenant.id, requestId))?.id ?? null);
  if (!rotaId) throw new AppError('not_found');
  return getRota(deps, ctx, rotaId);
}

/** Stall detection for every municipality, for the periodic job in main.ts; returns the stalls opened. */
export async function detectStallsEverywhere(deps: Deps, now: Date): Promise<number> {
  let opened = 0;
  for (const tenantId of await listMunicipalityIds(deps.database.db)) {
    opened += await inTenant(deps.database.db, tenantId, (tx) => detectStalls(tx, tenantId, now));
  }
  return opened;
}
