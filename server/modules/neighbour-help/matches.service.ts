/**
 * Matches (koppelingen): the platform proposes volunteers for a request
 * (from the one matching engine), the volunteer accepts or declines with a
 * reason, the resident (or staff on their behalf) accepts or declines, and
 * only then do both see each other's contact details (and the volunteer the
 * address). Before that they talk through in-app messages.
 *
 * Who is who on a match:
 * - the volunteer side: the match's volunteer;
 * - the resident side: the request's resident, whoever posted it for them,
 *   and coordinators (social worker, admin) acting on the resident's behalf.
 */
import type { InvalidParam } from '../../../shared/errors';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Tx } from '../../db/client';
import type { Deps } from '../../http/env';
import { AuditedDenial, runInTenant } from '../../http/tenant';
import { inTenant } from '../../db/tenant-scope';
import { audit } from '../../audit/audit.service';
import { findPc4 } from '../geo/pc4';
import { notify } from '../notifications/notifications.repository';
import * as nhRepo from './neighbour-help.repository';
import * as repo from './matches.repository';
import * as coachRepo from './coach.repository';
import { bothAttended } from '../meetups/meetups.repository';
import { candidatesForRequest, candidatesForVolunteer, openCity, volunteerNames, volunteerRows, type CityInput } from './matches.proposals';
import { fillRegionalContact, volunteerHere } from './regional-pool.service';
import * as poolRepo from './regional-pool.repository';
import {
  contactRevealed,
  holdsCapacity,
  mayMessage,
  transition,
  type MatchEvent,
  type MatchSnapshot,
  type MatchState,
} from './neighbour-help.match-state';
import { mayActForResident, mayNeighbourHelp } from './neighbour-help.policy';
import { SESSIONS_TENTHS, dayPartCodes, type Schedule } from './neighbour-help.rules';
import type { Explanation } from '../matching/matching.types';

/** The platform asks this many volunteers at once for a request; the first to be accepted by the resident gets it. */
export const AUTO_PROPOSALS = 3;
/** In-app messages a person may send per hour, over all matches. */
export const MESSAGES_PER_HOUR = 30;

const invalid = (params: InvalidParam[]) => new AppError('validation_failed', undefined, { invalidParams: params });
const conflict = (reason: string, name = 'state') =>
  new AppError('conflict', undefined, { invalidParams: [{ name, code: 'invalid_value', reason }] });

const isCoordinator = (ctx: TenantContext) => mayNeighbourHelp(ctx, 'listAllRequests');

type Side = 'volunteer' | 'resident' | 'coordinator';

/** Which side the actor is on for this match, or null for an outsider. */
function sideOf(ctx: TenantContext, m: repo.MatchRow, r: nhRepo.HelpRequestRow): Side | null {
  if (m.volunteerPersonId === ctx.actor.personId) return 'volunteer';
  if (r.residentPersonId === ctx.actor.personId || r.createdByPersonId === ctx.actor.personId) return 'resident';
  if (isCoordinator(ctx)) return 'coordinator';
  return null;
}

const cityInput = (tx: Tx, ctx: TenantContext): Promise<CityInput> => openCity(tx, ctx.tenant.id, ctx.now());

/** The reasons as the interface shows them: facts and deciding terms, nothing personal. */
function presentReasons(e: Explanation | Record<string, unknown>) {
  const x = e as Partial<Explanation> & { origin?: string };
  return {
    km: x.km ?? null,
    kmRank: x.kmRank ?? null,
    candidates: x.candidates ?? null,
    dayPartsInCommon: typeof x.dayPartOverlap === 'number' ? dayPartCodes(x.dayPartOverlap) : [],
    skillsMatched: x.skillsMatched ?? 0,
    skillsWished: x.skillsWished ?? 0,
    continuity: x.continuity ?? false,
    decidedBy: x.decidedBy ?? [],
  };
}

async function loadRequest(tx: Tx, ctx: TenantContext, requestId: string) {
  const r = await nhRepo.findHelpRequest(tx, ctx.tenant.id, requestId);
  if (!r) throw new AppError('not_found');
  return r;
}

/**
 * One proposal to one volunteer (the engine's or the coach's, in a rota or
 * not) and their notification. A volunteer from the regional pool becomes a
 * person here first. Returns the match id. Runs inside the caller's
 * transaction; the caller audits.
 */
export async function proposeTo(
  tx: Tx,
  ctx: TenantContext,
  city: CityInput,
  requestId: string,
  m: { volunteerPersonId: string; sessionsPerMonth: number; km: number; explanation: unknown },
  origin: 'engine' | 'coach',
  now: Date,
  rotaId: string | null = null,
): Promise<string> {
  const volunteerPersonId = await volunteerHere(tx, ctx, city, m.volunteerPersonId);
  const id = await repo.insertMatch(tx, {
    tenantId: ctx.tenant.id,
    requestId,
    volunteerPersonId,
    state: 'proposed',
    origin,
    sessionsPerMonthTenths: Math.max(1, Math.round(m.sessionsPerMonth * 10)),
    distanceM: Math.round(m.km * 1000),
    explanation: m.explanation ?? {},
    rotaId,
    createdByPersonId: ctx.actor.personId,
    createdAt: now,
    updatedAt: now,
  });
  await notify(tx, ctx.tenant.id, [volunteerPersonId], 'match.proposed', id, now);
  return id;
}

/**
 * The platform's own proposals for a request: up to {@link AUTO_PROPOSALS}
 * volunteers who can each take the whole request. A recurring request that
 * no single volunteer can carry is left for a rota (the coach). Returns the
 * number of proposals made. Runs inside the caller's transaction.
 */
export async function proposeAutomatically(tx: Tx, ctx: TenantContext, requestId: string): Promise<number> {
  const [request] = await repo.requestsForMatching(tx, ctx.tenant.id, requestId);
  if (!request) return 0;
  const row = await loadRequest(tx, ctx, requestId);
  // A sensitive request waits for the coach: the platform proposes nobody by itself.
  if ((row.status !== 'open' && row.status !== 'stalled') || row.sensitive) return 0;
  const live = (await repo.matchesOfRequest(tx, ctx.tenant.id, requestId)).filter((m) => m.state === 'proposed' || holdsCapacity(m.state as MatchState));
  const room = AUTO_PROPOSALS - live.length;
  if (room <= 0) return 0;
  const city = await cityInput(tx, ctx);
  const candidates = (await candidatesForRequest(tx, city, request, AUTO_PROPOSALS * 2)).filter((c) => c.coversWholeRequest);
  const now = ctx.now();
  let made = 0;
  for (const c of candidates.slice(0, room)) {
    await proposeTo(tx, ctx, city, requestId, c, 'engine', now);
    made++;
  }
  if (made > 0) {
    await audit(tx, ctx, { action: 'help_match.propose', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: request.residentPersonId });
  }
  return made;
}

/** A coordinator (or the resident side) asks the platform to look again. */
export async function findVolunteers(deps: Deps, ctx: TenantContext, requestId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const r = await loadRequest(tx, ctx, requestId);
    if (!mayActForResident(ctx, r)) {
      throw new AuditedDenial({ action: 'help_match.propose', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    }
    if (r.status !== 'open' && r.status !== 'stalled') throw conflict('Only an open request looks for volunteers.', 'status');
    const proposed = await proposeAutomatically(tx, ctx, requestId);
    return { proposed, matches: await presentRequestMatches(tx, ctx, r) };
  });
}

/** The engine's ranked candidates for a request, with reasons (coordinators only; nothing is stored). */
export async function requestCandidates(deps: Deps, ctx: TenantContext, requestId: string, widen: boolean) {
  if (!isCoordinator(ctx)) throw new AppError('forbidden');
  return runInTenant(deps, ctx, async (tx) => {
    const r = await loadRequest(tx, ctx, requestId);
    const [request] = await repo.requestsForMatching(tx, ctx.tenant.id, requestId);
    const city = await cityInput(tx, ctx);
    const list = request ? await candidatesForRequest(tx, city, request, 10, { widen }) : [];
    const names = await volunteerNames(tx, city, list.map((c) => c.volunteerPersonId));
    await audit(tx, ctx, { action: 'help_request.candidates.read', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    return list.map((c) => ({
      volunteerPersonId: c.volunteerPersonId,
      givenName: names.get(c.volunteerPersonId) ?? '',
      sessionsPerMonth: c.sessionsPerMonth,
      coversWholeRequest: c.coversWholeRequest,
      beyondOwnDistance: c.beyondOwnDistance,
      homeMunicipality: c.homeMunicipality,
      reasons: presentReasons(c.explanation),
    }));
  });
}

/**
 * A coordinator invites one volunteer for a request (origin `coach`), or the
 * resident side invites a volunteer they met at a meet-up (origin `meetup`).
 * The hard rules still hold; a coordinator's widened search may reach a
 * volunteer beyond their own distance, who can still decline.
 */
export async function inviteVolunteer(
  deps: Deps,
  ctx: TenantContext,
  requestId: string,
  input: { volunteerPersonId: string; meetupId?: string | undefined },
) {
  return runInTenant(deps, ctx, async (tx) => {
    const r = await loadRequest(tx, ctx, requestId);
    const coordinator = isCoordinator(ctx);
    const residentSide = r.residentPersonId === ctx.actor.personId || r.createdByPersonId === ctx.actor.personId;
    if (!coordinator && !(residentSide && input.meetupId)) {
      throw new AuditedDenial({ action: 'help_match.invite', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    }
    if (r.status !== 'open' && r.status !== 'stalled' && r.status !== 'matched') throw conflict('This request is closed.', 'status');
    if (input.meetupId) {
      const met = await bothAttended(tx, ctx.tenant.id, input.meetupId, r.residentPersonId, input.volunteerPersonId);
      if (!met) throw invalid([{ name: 'meetupId', code: 'invalid_value', reason: 'You did not both attend this meet-up.' }]);
    }
    const [request] = await repo.requestsForMatching(tx, ctx.tenant.id, requestId);
    if (!request) throw new AppError('not_found');
    const tried = await repo.volunteersTriedOn(tx, ctx.tenant.id, requestId);
    const city = await cityInput(tx, ctx);
    const [c] = await candidatesForRequest(tx, city, request, 1, {
      widen: coordinator,
      onlyVolunteer: input.volunteerPersonId,
      ignoreNoShows: coordinator,
      includeTried: coordinator,
    });
    // By the id the engine knows them by here (a volunteer of the pool may have been named by their home id).
    const live = (await repo.matchesOfRequest(tx, ctx.tenant.id, requestId)).some(
      (m) => (m.volunteerPersonId === input.volunteerPersonId || m.volunteerPersonId === c?.volunteerPersonId) && (m.state === 'proposed' || holdsCapacity(m.state as MatchState)),
    );
    if (live) throw conflict('This volunteer already has this request.', 'volunteerPersonId');
    if (!c || (tried.has(c.volunteerPersonId) && !coordinator)) {
      throw invalid([{ name: 'volunteerPersonId', code: 'invalid_value', reason: 'This volunteer cannot take this request (offer, distance, VOG, day parts, language or limit).' }]);
    }
    const now = ctx.now();
    const volunteerPersonId = await volunteerHere(tx, ctx, city, c.volunteerPersonId);
    const id = await repo.insertMatch(tx, {
      tenantId: ctx.tenant.id,
      requestId,
      volunteerPersonId,
      state: 'proposed',
      origin: input.meetupId ? 'meetup' : 'coach',
      sessionsPerMonthTenths: Math.max(1, Math.round(c.sessionsPerMonth * 10)),
      distanceM: Math.round(c.km * 1000),
      explanation: c.explanation,
      meetupId: input.meetupId ?? null,
      createdByPersonId: ctx.actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    await notify(tx, ctx.tenant.id, [volunteerPersonId], 'match.proposed', id, now);
    await audit(tx, ctx, { action: 'help_match.invite', purpose: 'neighbour_help', resourceType: 'help_match', resourceId: id, subjectPersonId: r.residentPersonId });
    return presentMatch(tx, ctx, (await repo.findMatch(tx, ctx.tenant.id, id))!, r, coordinator ? 'coordinator' : 'resident');
  });
}

/** The matches of one request, as the resident side or a coordinator sees them. */
export async function listRequestMatches(deps: Deps, ctx: TenantContext, requestId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const r = await loadRequest(tx, ctx, requestId);
    if (!mayActForResident(ctx, r)) {
      throw new AuditedDenial({ action: 'help_match.list', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    }
    await audit(tx, ctx, { action: 'help_match.list', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: requestId, subjectPersonId: r.residentPersonId });
    return presentRequestMatches(tx, ctx, r);
  });
}

async function presentRequestMatches(tx: Tx, ctx: TenantContext, r: nhRepo.HelpRequestRow) {
  const side: Side = r.residentPersonId === ctx.actor.personId || r.createdByPersonId === ctx.actor.personId ? 'resident' : 'coordinator';
  const matches = await repo.matchesOfRequest(tx, ctx.tenant.id, r.id);
  return presentMatches(tx, ctx, matches.map((m) => ({ m, r, side })));
}

/** A volunteer's own matches: proposals waiting for an answer, and the live and past ones. */
export async function myMatches(deps: Deps, ctx: TenantContext) {
  if (!mayNeighbourHelp(ctx, 'manageOwnVolunteerProfile')) throw new AppError('forbidden');
  return runInTenant(deps, ctx, async (tx) => {
    const rows = await repo.matchesOfVolunteer(tx, ctx.tenant.id, ctx.actor.personId);
    await audit(tx, ctx, { action: 'help_match.list', purpose: 'neighbour_help', resourceType: 'help_match', subjectPersonId: ctx.actor.personId });
    return presentMatches(tx, ctx, rows.map(({ match, request }) => ({ m: match, r: request, side: 'volunteer' as const })));
  });
}

/** Open requests this volunteer could take, best first, with reasons; no personal details. */
export async function suggestedRequests(deps: Deps, ctx: TenantContext) {
  if (!mayNeighbourHelp(ctx, 'manageOwnVolunteerProfile')) throw new AppError('forbidden');
  const own = await runInTenant(deps, ctx, async (tx) => {
    const list = await candidatesForVolunteer(tx, await cityInput(tx, ctx), ctx.actor.personId, 10);
    const out = await presentSuggestions(tx, ctx, list);
    await audit(tx, ctx, { action: 'help_request.suggestions.read', purpose: 'neighbour_help', resourceType: 'help_request', subjectPersonId: null });
    return { out, partners: await poolRepo.partners(tx) };
  });
  // Requests of partner municipalities in the regional pool, each read in its own municipality's scope.
  const regional = [];
  for (const partner of own.partners) {
    regional.push(...(await inTenant(deps.database.db, partner.id, async (tx) => {
      const found = await poolVolunteerIn(tx, ctx, partner);
      if (!found) return [];
      const list = await candidatesForVolunteer(tx, found.city, found.volunteerId, 5);
      // Recorded where the requests live: by the account, as the volunteer may not be a person there yet.
      await audit(tx, { ...found.ctx, actor: { ...ctx.actor, personId: null } }, { action: 'help_request.suggestions.read', purpose: 'neighbour_help', resourceType: 'help_request', subjectPersonId: null });
      return presentSuggestions(tx, found.ctx, list);
    })));
  }
  return [...own.out, ...regional];
}

type VolunteerCandidates = Awaited<ReturnType<typeof candidatesForVolunteer>>;

async function presentSuggestions(tx: Tx, ctx: TenantContext, list: VolunteerCandidates) {
  const categories = await categoriesOf(tx, ctx);
  const requests = await nhRepo.findHelpRequests(tx, ctx.tenant.id, list.map((c) => c.requestId));
  const out = [];
  for (const c of list) {
    const r = requests.get(c.requestId);
    if (!r) continue;
    out.push({
      requestId: r.id,
      ...publicRequest(ctx, r, categories),
      municipality: { code: ctx.tenant.code, name: ctx.tenant.name },
      sessionsPerMonth: c.sessionsPerMonth,
      coversWholeRequest: c.coversWholeRequest,
      reasons: presentReasons(c.explanation),
    });
  }
  return out;
}

/**
 * The volunteer (of the actor's municipality) as a partner municipality sees
 * them through the pool, inside that partner's scope; null when they are not
 * in the pool there (not opted in, suspended there, or no shared pool).
 */
async function poolVolunteerIn(tx: Tx, ctx: TenantContext, partner: { id: string; code: string; name: string }) {
  const city = await openCity(tx, partner.id, ctx.now());
  const row = (await volunteerRows(tx, city)).find((v) => v.home?.tenantId === ctx.tenant.id && v.home.personId === ctx.actor.personId);
  if (!row) return null;
  const here: TenantContext = { ...ctx, tenant: partner, actor: { ...ctx.actor, personId: row.personId, roles: ['volunteer'], organisationIds: [] } };
  return { city, volunteerId: row.personId, ctx: here };
}

/** A volunteer offers to help with a suggested request: the match starts as accepted by the volunteer. */
export async function offerHelp(deps: Deps, ctx: TenantContext, requestId: string) {
  if (!mayNeighbourHelp(ctx, 'manageOwnVolunteerProfile')) throw new AppError('forbidden');
  const partners = await runInTenant(deps, ctx, async (tx) =>
    (await nhRepo.findHelpRequest(tx, ctx.tenant.id, requestId)) ? null : poolRepo.partners(tx),
  );
  if (partners) {
    // Not a request of this municipality: perhaps of a partner in the regional pool.
    for (const partner of partners) {
      const made = await inTenant(deps.database.db, partner.id, async (tx) => {
        if (!(await nhRepo.findHelpRequest(tx, partner.id, requestId))) return null;
        const found = await poolVolunteerIn(tx, ctx, partner);
        if (!found) throw new AppError('not_found');
        return offerIn(tx, found.ctx, found.city, requestId, found.volunteerId);
      });
      if (made) return made;
    }
    throw new AppError('not_found');
  }
  return runInTenant(deps, ctx, async (tx) => offerIn(tx, ctx, await cityInput(tx, ctx), requestId, ctx.actor.personId));
}

async function offerIn(tx: Tx, ctx: TenantContext, city: CityInput, requestId: string, volunteerId: string) {
  const r = await loadRequest(tx, ctx, requestId);
  const list = await candidatesForVolunteer(tx, city, volunteerId, 1000);
  const c = list.find((x) => x.requestId === requestId);
  if (!c) throw invalid([{ name: 'requestId', code: 'invalid_value', reason: 'This request does not fit your offer, or you already answered it.' }]);
  const now = ctx.now();
  // A volunteer of a partner municipality becomes a person here when they first offer.
  const volunteerPersonId = await volunteerHere(tx, ctx, city, volunteerId, { bySelf: true });
  const actorCtx: TenantContext = { ...ctx, actor: { ...ctx.actor, personId: volunteerPersonId } };
  const id = await repo.insertMatch(tx, {
    tenantId: ctx.tenant.id,
    requestId,
    volunteerPersonId,
    state: 'volunteer_accepted',
    origin: 'volunteer',
    sessionsPerMonthTenths: Math.max(1, Math.round(c.sessionsPerMonth * 10)),
    distanceM: Math.round(c.km * 1000),
    explanation: c.explanation,
    createdByPersonId: volunteerPersonId,
    createdAt: now,
    volunteerAcceptedAt: now,
    updatedAt: now,
  });
  if (!r.firstResponseAt) await repo.updateRequest(tx, ctx.tenant.id, requestId, { firstResponseAt: now });
  await notify(tx, ctx.tenant.id, [r.residentPersonId], 'match.volunteer_accepted', id, now);
  await audit(tx, actorCtx, { action: 'help_match.offer', purpose: 'neighbour_help', resourceType: 'help_match', resourceId: id, subjectPersonId: r.residentPersonId });
  const view = await presentMatch(tx, actorCtx, (await repo.findMatch(tx, ctx.tenant.id, id))!, await loadRequest(tx, ctx, requestId), 'volunteer');
  return { ...view, municipality: { code: ctx.tenant.code, name: ctx.tenant.name } };
}

async function loadMatchFor(tx: Tx, ctx: TenantContext, matchId: string, action: 'help_match.read' | 'help_match.decide' | 'help_match.withdraw' | 'help_match.end' | 'help_match.no_show' | 'match_message.list' | 'match_message.send' | 'help_session.record', lock = false) {
  const m = lock ? await repo.findMatchForUpdate(tx, ctx.tenant.id, matchId) : await repo.findMatch(tx, ctx.tenant.id, matchId);
  if (!m) throw new AppError('not_found');
  const r = await loadRequest(tx, ctx, m.requestId);
  const side = sideOf(ctx, m, r);
  if (!side) throw new AuditedDenial({ action, purpose: 'neighbour_help', resourceType: 'help_match', resourceId: matchId, subjectPersonId: r.residentPersonId });
  return { m, r, side };
}

export async function getMatch(deps: Deps, ctx: TenantContext, matchId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const { m, r, side } = await loadMatchFor(tx, ctx, matchId, 'help_match.read');
    await audit(tx, ctx, { action: 'help_match.read', purpose: 'neighbour_help', resourceType: 'help_match', resourceId: matchId, subjectPersonId: r.residentPersonId });
    if (contactRevealed(m.state as MatchState)) {
      await audit(tx, ctx, { action: 'help_match.contact.read', purpose: 'neighbour_help', resourceType: 'help_match', resourceId: matchId, subjectPersonId: side === 'volunteer' ? r.residentPersonId : m.volunteerPersonId });
    }
    return presentMatch(tx, ctx, m, r, side);
  });
}

/** The volunteer or the resident side answers a proposal. */
export async function decide(deps: Deps, ctx: TenantContext, matchId: string, input: { decision: 'accept' | 'decline'; reason?: string | undefined }) {
  return runInTenant(deps, ctx, async (tx) => {
    const { m, r, side } = await loadMatchFor(tx, ctx, matchId, 'help_match.decide', true);
    const asVolunteer = side === 'volunteer';
    if (input.decision === 'decline' && !input.reason) throw invalid([{ name: 'reason', code: 'required', reason: 'Say why, so the coach can learn from it.' }]);
    let event: MatchEvent;
    if (asVolunteer) {
      event = input.decision === 'accept' ? { type: 'volunteer_accept' } : { type: 'volunteer_decline', reason: input.reason as never };
      if (input.decision === 'decline' && !VOLUNTEER_REASONS.has(input.reason!)) throw invalid([{ name: 'reason', code: 'invalid_value', reason: 'Not a reason a volunteer can give.' }]);
    } else {
      event = input.decision === 'accept' ? { type: 'resident_accept' } : { type: 'resident_decline', reason: input.reason as never };
      if (input.decision === 'decline' && !RESIDENT_REASONS.has(input.reason!)) throw invalid([{ name: 'reason', code: 'invalid_value', reason: 'Not a reason a resident can give.' }]);
    }
    // A volunteer of a partner municipality whose pool, opt-in or offer ended, or who was suspended
    // at home or here, can no longer be accepted: nothing changes, the coach can withdraw the match.
    if (input.decision === 'accept' && !(await poolRepo.regionalVolunteerOk(tx, m.volunteerPersonId))) {
      throw conflict('This volunteer can no longer help in this municipality.', 'volunteer');
    }
    let next = apply(m, event);
    // In an approved rota the coach said yes for the resident: a member's yes confirms their part.
    const rota = m.rotaId ? await coachRepo.findRota(tx, ctx.tenant.id, m.rotaId) : null;
    if (rota?.status === 'approved' && next.state === 'volunteer_accepted') next = apply({ ...m, state: next.state }, { type: 'resident_accept' });
    const now = ctx.now();
    await repo.updateMatch(tx, ctx.tenant.id, matchId, {
      state: next.state,
      reason: next.reason,
      declinedBy: next.declinedBy,
      updatedAt: now,
      ...(next.state === 'volunteer_accepted' ? { volunteerAcceptedAt: now } : {}),
      ...(next.state === 'confirmed' ? { confirmedAt: now, volunteerAcceptedAt: m.volunteerAcceptedAt ?? now } : {}),
      ...(next.state === 'declined' ? { closedAt: now } : {}),
    });
    if (next.state === 'volunteer_accepted') {
      if (!r.firstResponseAt) await repo.updateRequest(tx, ctx.tenant.id, r.id, { firstResponseAt: now, updatedAt: now });
      await notify(tx, ctx.tenant.id, [r.residentPersonId], 'match.volunteer_accepted', matchId, now);
    } else if (next.state === 'confirmed') {
      await onConfirmed(tx, ctx, r, m, now);
    } else if (next.state === 'declined') {
      await notify(tx, ctx.tenant.id, [asVolunteer ? r.residentPersonId : m.volunteerPersonId], 'match.declined', matchId, now);
      if (rota?.approvedByPersonId) await notify(tx, ctx.tenant.id, [rota.approvedByPersonId], 'rota.gap', rota.id, now);
      else if (asVolunteer) await proposeAutomatically(tx, ctx, r.id);
    }
    await audit(tx, ctx, {
      action: 'help_match.decide',
      purpose: 'neighbour_help',
      resourceType: 'help_match',
      resourceId: matchId,
      subjectPersonId: r.residentPersonId,
      onBehalfOfPersonId: side === 'coordinator' ? r.residentPersonId : null,
    });
    return presentMatch(tx, ctx, (await repo.findMatch(tx, ctx.tenant.id, matchId))!, await loadRequest(tx, ctx, r.id), side);
  });
}

const VOLUNTEER_REASONS = new Set(['no_time', 'too_far', 'not_my_kind_of_help', 'personal', 'other']);
const RESIDENT_REASONS = new Set(['prefer_someone_else', 'no_longer_needed', 'personal', 'other']);

function apply(m: repo.MatchRow, e: MatchEvent): MatchSnapshot {
  const result = transition({ state: m.state as MatchState, noShows: m.noShows, reason: m.reason, declinedBy: m.declinedBy as MatchSnapshot['declinedBy'] }, e);
  if (!result.ok) throw conflict(`Not possible while the match is ${m.state}.`);
  return result.next;
}

/** Both said yes: the request is matched; outside a rota, the other open proposals are withdrawn. */
async function onConfirmed(tx: Tx, ctx: TenantContext, r: nhRepo.HelpRequestRow, m: repo.MatchRow, now: Date) {
  // A volunteer of a partner municipality: their contact details arrive now, for the contact card.
  await fillRegionalContact(tx, ctx, m.volunteerPersonId);
  await repo.updateRequest(tx, ctx.tenant.id, r.id, { status: 'matched', matchedAt: r.matchedAt ?? now, firstResponseAt: r.firstResponseAt ?? now, updatedAt: now });
  await repo.resolveOpenStall(tx, ctx.tenant.id, r.id, { outcome: m.rotaId ? 'rota' : 'matched', note: null, at: now, by: ctx.actor.personId });
  await notify(tx, ctx.tenant.id, [r.residentPersonId, m.volunteerPersonId], 'match.confirmed', m.id, now);
  if (m.rotaId) return;
  for (const other of await repo.matchesOfRequest(tx, ctx.tenant.id, r.id)) {
    if (other.id === m.id || other.rotaId || (other.state !== 'proposed' && other.state !== 'volunteer_accepted')) continue;
    await repo.updateMatch(tx, ctx.tenant.id, other.id, { state: 'withdrawn', reason: 'other_match_confirmed', closedAt: now, updatedAt: now });
    await notify(tx, ctx.tenant.id, [other.volunteerPersonId], 'match.withdrawn', other.id, now);
  }
}

/** A coordinator withdraws a proposal that is not confirmed yet. */
export async function withdraw(deps: Deps, ctx: TenantContext, matchId: string, reason: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const { m, r, side } = await loadMatchFor(tx, ctx, matchId, 'help_match.withdraw', true);
    if (side !== 'coordinator') {
      throw new AuditedDenial({ action: 'help_match.withdraw', purpose: 'neighbour_help', resourceType: 'help_match', resourceId: matchId, subjectPersonId: r.residentPersonId });
    }
    const next = apply(m, { type: 'withdraw', reason: reason as never });
    const now = ctx.now();
    await repo.updateMatch(tx, ctx.tenant.id, matchId, { state: next.state, reason: next.reason, closedAt: now, updatedAt: now });
    await notify(tx, ctx.tenant.id, [m.volunteerPersonId], 'match.withdrawn', matchId, now);
    await audit(tx, ctx, { action: 'help_match.withdraw', purpose: 'neighbour_help', resourceType: 'help_match', resourceId: matchId, subjectPersonId: r.residentPersonId });
    return presentMatch(tx, ctx, (await repo.findMatch(tx, ctx.tenant.id, matchId))!, r, side);
  });
}

/** Either side (or a coordinator) ends a confirmed match, with a reason. */
export async function endMatch(deps: Deps, ctx: TenantContext, matchId: string, reason: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const { m, r, side } = await loadMatchFor(tx, ctx, matchId, 'help_match.end', true);
    const next = apply(m, { type: 'end', reason: reason as never });
    const now = ctx.now();
    await repo.updateMatch(tx, ctx.tenant.id, matchId, { state: next.state, reason: next.reason, closedAt: now, updatedAt: now });
    const stillConfirmed = (await repo.matchesOfRequest(tx, ctx.tenant.id, r.id)).some((x) => x.state === 'confirmed');
    if (!stillConfirmed && r.status === 'matched') {
      const done = reason === 'help_completed' || reason === 'referred_to_formal_care';
      await repo.updateRequest(tx, ctx.tenant.id, r.id, {
        status: reason === 'referred_to_formal_care' ? 'referred' : done ? 'closed' : 'open',
        updatedAt: now,
        ...(done ? { closedAt: now } : {}),
      });
    }
    await notify(tx, ctx.tenant.id, [side === 'volunteer' ? r.residentPersonId : m.volunteerPersonId], 'match.ended', matchId, now);
    const rota = m.rotaId ? await coachRepo.findRota(tx, ctx.tenant.id, m.rotaId) : null;
    if (rota?.status === 'approved' && rota.approvedByPersonId && reason !== 'help_completed') {
      await notify(tx, ctx.tenant.id, [rota.approvedByPersonId], 'rota.gap', rota.id, now);
    }
    await audit(tx, ctx, { action: 'help_match.end', purpose: 'neighbour_help', resourceType: 'help_match', resourceId: matchId, subjectPersonId: r.residentPersonId });
    return presentMatch(tx, ctx, (await repo.findMatch(tx, ctx.tenant.id, matchId))!, await loadRequest(tx, ctx, r.id), side);
  });
}

/** The resident side reports that the volunteer did not come; it counts against proposing them again. */
export async function reportNoShow(deps: Deps, ctx: TenantContext, matchId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const { m, r, side } = await loadMatchFor(tx, ctx, matchId, 'help_match.no_show', true);
    if (side === 'volunteer') {
      throw new AuditedDenial({ action: 'help_match.no_show', purpose: 'neighbour_help', resourceType: 'help_match', resourceId: matchId, subjectPersonId: r.residentPersonId });
    }
    const next = apply(m, { type: 'report_no_show' });
    await repo.updateMatch(tx, ctx.tenant.id, matchId, { noShows: next.noShows, updatedAt: ctx.now() });
    await audit(tx, ctx, { action: 'help_match.no_show', purpose: 'neighbour_help', resourceType: 'help_match', resourceId: matchId, subjectPersonId: m.volunteerPersonId });
    return presentMatch(tx, ctx, (await repo.findMatch(tx, ctx.tenant.id, matchId))!, r, side);
  });
}

export async function listMessages(deps: Deps, ctx: TenantContext, matchId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const { m, r, side } = await loadMatchFor(tx, ctx, matchId, 'match_message.list');
    await audit(tx, ctx, { action: 'match_message.list', purpose: 'neighbour_help', resourceType: 'help_match', resourceId: matchId, subjectPersonId: r.residentPersonId });
    return presentMessages(tx, ctx, m, r, side);
  });
}

async function presentMessages(tx: Tx, ctx: TenantContext, m: repo.MatchRow, r: nhRepo.HelpRequestRow, side: Side) {
  const rows = await repo.listMessages(tx, ctx.tenant.id, m.id);
  const names = await counterpartNames(tx, ctx, m, r, side);
  return rows.map((x) => {
    const from: 'volunteer' | 'resident' | 'coordinator' =
      x.senderPersonId === m.volunteerPersonId ? 'volunteer' : x.senderPersonId === r.residentPersonId ? 'resident' : 'coordinator';
    return {
      id: x.id,
      from,
      mine: x.senderPersonId === ctx.actor.personId,
      senderName: from === 'volunteer' ? names.volunteer : from === 'resident' ? names.resident : null,
      body: x.body,
      createdAt: x.createdAt.toISOString(),
    };
  });
}

export async function sendMessage(deps: Deps, ctx: TenantContext, id: string, body: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const { m, r, side } = await loadMatchFor(tx, ctx, id, 'match_message.send');
    if (!mayMessage(m.state as MatchState)) throw conflict('Messages are closed for this match.');
    const now = ctx.now();
    const sent = await repo.countMessagesSince(tx, ctx.tenant.id, ctx.actor.personId, new Date(now.getTime() - 3600_000));
    if (sent >= MESSAGES_PER_HOUR) throw new AppError('rate_limited', undefined, { retryAfter: 3600 });
    await repo.insertMessage(tx, { tenantId: ctx.tenant.id, matchId: id, senderPersonId: ctx.actor.personId, body, createdAt: now });
    const to = side === 'volunteer' ? [r.residentPersonId] : [m.volunteerPersonId];
    await notify(tx, ctx.tenant.id, to, 'message.received', id, now);
    await audit(tx, ctx, { action: 'match_message.send', purpose: 'neighbour_help', resourceType: 'help_match', resourceId: id, subjectPersonId: r.residentPersonId });
    return presentMessages(tx, ctx, m, r, side);
  });
}

/** The volunteer (or a coordinator) records a session that took place: the hours given. */
export async function recordSession(deps: Deps, ctx: TenantContext, id: string, input: { happenedOn: string; minutes: number }) {
  return runInTenant(deps, ctx, async (tx) => {
    const { m, r, side } = await loadMatchFor(tx, ctx, id, 'help_session.record');
    if (side === 'resident') {
      throw new AuditedDenial({ action: 'help_session.record', purpose: 'neighbour_help', resourceType: 'help_match', resourceId: id, subjectPersonId: r.residentPersonId });
    }
    if (m.state !== 'confirmed' && m.state !== 'ended') throw conflict('Only a confirmed match has sessions.');
    const today = ctx.now().toISOString().slice(0, 10);
    const since = (m.confirmedAt ?? m.createdAt).toISOString().slice(0, 10);
    if (input.happenedOn > today) throw invalid([{ name: 'happenedOn', code: 'invalid_value', reason: 'A session in the future cannot be recorded yet.' }]);
    if (input.happenedOn < since) throw invalid([{ name: 'happenedOn', code: 'invalid_value', reason: 'This date is before the match started.' }]);
    const sessionId = await repo.insertSession(tx, { tenantId: ctx.tenant.id, matchId: id, happenedOn: input.happenedOn, minutes: input.minutes, recordedByPersonId: ctx.actor.personId, createdAt: ctx.now() });
    await audit(tx, ctx, { action: 'help_session.record', purpose: 'neighbour_help', resourceType: 'help_session', resourceId: sessionId, subjectPersonId: r.residentPersonId });
    return { id: sessionId, matchId: id, happenedOn: input.happenedOn, minutes: input.minutes };
  });
}

type Category = Awaited<ReturnType<typeof nhRepo.listCategories>>[number];

/** What anyone on a match may see of the request before contact is revealed: no name, no address. */
function publicRequest(ctx: TenantContext, r: nhRepo.HelpRequestRow, categories: Map<string, Category>) {
  const c = categories.get(r.categoryId);
  return {
    category: { id: r.categoryId, code: c?.code ?? '', name: c ? (ctx.locale === 'en' ? c.nameEn : c.nameNl) : '' },
    description: r.description,
    schedule: r.schedule as Schedule,
    requestSessionsPerMonth: SESSIONS_TENTHS[r.schedule as Schedule] / 10,
    window: r.windowStart && r.windowEnd ? { start: r.windowStart.toISOString(), end: r.windowEnd.toISOString() } : null,
    dayParts: dayPartCodes(r.dayParts),
    durationMinutes: r.durationMinutes,
    languages: r.languages,
    pc4: r.pc4,
    place: findPc4(r.pc4)?.place ?? null,
    urgency: r.urgency,
    requestStatus: r.status,
  };
}

/**
 * Names by need-to-know: the resident side sees the volunteer's first name
 * once the volunteer said yes; the volunteer sees the resident's first name
 * only when both said yes; coordinators see both.
 */
function namesVisible(m: repo.MatchRow, side: Side) {
  return { volunteer: side !== 'resident' || m.volunteerAcceptedAt !== null, resident: side !== 'volunteer' || contactRevealed(m.state as MatchState) };
}

/** The first names `side` may see on this match, from names read for it (or for a whole list). */
function namesOn(m: repo.MatchRow, r: nhRepo.HelpRequestRow, side: Side, names: Map<string, string>) {
  const visible = namesVisible(m, side);
  return {
    volunteer: visible.volunteer ? (names.get(m.volunteerPersonId) ?? null) : null,
    resident: visible.resident ? (names.get(r.residentPersonId) ?? null) : null,
  };
}

async function counterpartNames(tx: Tx, ctx: TenantContext, m: repo.MatchRow, r: nhRepo.HelpRequestRow, side: Side) {
  const visible = namesVisible(m, side);
  const names = await repo.givenNames(tx, ctx.tenant.id, [...(visible.volunteer ? [m.volunteerPersonId] : []), ...(visible.resident ? [r.residentPersonId] : [])]);
  return namesOn(m, r, side, names);
}

const categoriesOf = async (tx: Tx, ctx: TenantContext) => new Map((await nhRepo.listCategories(tx, ctx.tenant.id, true)).map((c) => [c.id, c]));

/** A match to present, with its request and the side the viewer is on. */
interface MatchItem {
  m: repo.MatchRow;
  r: nhRepo.HelpRequestRow;
  side: Side;
}

/** Everything presenting matches reads from the database, read once for a whole list. */
interface MatchLookups {
  categories: Map<string, Category>;
  /** First names of the people some match in the list may name. */
  names: Map<string, string>;
  /** Home municipality of regional volunteers whose name some match may show. */
  homes: Map<string, string>;
  /** Contact details of both sides of the confirmed matches. */
  contacts: Awaited<ReturnType<typeof repo.contactsOf>>;
  /** Addresses of the requests of the confirmed matches. */
  addresses: Awaited<ReturnType<typeof nhRepo.findAddresses>>;
  /** Sessions of the confirmed and ended matches. */
  sessions: Map<string, repo.SessionRow[]>;
}

const hasSessions = (state: MatchState) => state === 'confirmed' || state === 'ended';

/** Reads what `items` need in one query per kind, however many matches there are. */
async function lookupsFor(tx: Tx, ctx: TenantContext, items: MatchItem[]): Promise<MatchLookups> {
  const tenantId = ctx.tenant.id;
  const nameIds = new Set<string>();
  const volunteerIds = new Set<string>();
  for (const { m, r, side } of items) {
    const visible = namesVisible(m, side);
    if (visible.volunteer) {
      nameIds.add(m.volunteerPersonId);
      volunteerIds.add(m.volunteerPersonId);
    }
    if (visible.resident) nameIds.add(r.residentPersonId);
  }
  const revealed = items.filter(({ m }) => contactRevealed(m.state as MatchState));
  return {
    categories: await categoriesOf(tx, ctx),
    names: await repo.givenNames(tx, tenantId, [...nameIds]),
    homes: await poolRepo.homesOf(tx, tenantId, [...volunteerIds]),
    contacts: await repo.contactsOf(tx, tenantId, [...new Set(revealed.flatMap(({ m, r }) => [m.volunteerPersonId, r.residentPersonId]))]),
    addresses: await nhRepo.findAddresses(tx, tenantId, [...new Set(revealed.map(({ r }) => r.id))]),
    sessions: await repo.sessionsOfMatches(tx, tenantId, items.filter(({ m }) => hasSessions(m.state as MatchState)).map(({ m }) => m.id)),
  };
}

/** Matches as their viewers may see them, with a fixed number of queries for the whole list. */
async function presentMatches(tx: Tx, ctx: TenantContext, items: MatchItem[]): Promise<MatchView[]> {
  if (items.length === 0) return [];
  const lookups = await lookupsFor(tx, ctx, items);
  return items.map((item) => matchView(ctx, item, lookups));
}

/** One match as `side` may see it. */
async function presentMatch(tx: Tx, ctx: TenantContext, m: repo.MatchRow, r: nhRepo.HelpRequestRow, side: Side): Promise<MatchView> {
  return matchView(ctx, { m, r, side }, await lookupsFor(tx, ctx, [{ m, r, side }]));
}

/** One match as `side` may see it, from what was read beforehand: no database here. */
function matchView(ctx: TenantContext, { m, r, side }: MatchItem, lookups: MatchLookups) {
  const state = m.state as MatchState;
  const names = namesOn(m, r, side, lookups.names);
  const home = names.volunteer === null ? undefined : lookups.homes.get(m.volunteerPersonId);
  let contact = null;
  if (contactRevealed(state)) {
    const v = lookups.contacts.get(m.volunteerPersonId);
    const res = lookups.contacts.get(r.residentPersonId);
    const address = lookups.addresses.get(r.id) ?? null;
    contact = {
      volunteer: v ? { name: `${v.givenName} ${v.familyName}`, email: v.email, phone: v.phone } : null,
      resident: res ? { name: `${res.givenName} ${res.familyName}`, email: res.email, phone: res.phone, address } : null,
    };
  }
  const actions: string[] = [];
  if (side === 'volunteer' && state === 'proposed') actions.push('accept', 'decline');
  if (side !== 'volunteer' && state === 'volunteer_accepted') actions.push('accept', 'decline');
  if (side === 'coordinator' && (state === 'proposed' || state === 'volunteer_accepted')) actions.push('withdraw');
  if (state === 'confirmed') actions.push('end');
  if (side !== 'volunteer' && state === 'confirmed') actions.push('report_no_show');
  if (side !== 'resident' && (state === 'confirmed' || state === 'ended')) actions.push('record_session');
  if (mayMessage(state)) actions.push('message');
  const sessions = hasSessions(state) ? (lookups.sessions.get(m.id) ?? []) : [];
  return {
    id: m.id,
    requestId: r.id,
    state,
    origin: m.origin as 'engine' | 'coach' | 'volunteer' | 'meetup',
    viewerSide: side,
    sessionsPerMonth: m.sessionsPerMonthTenths / 10,
    km: Math.round(m.distanceM / 100) / 10,
    reasons: presentReasons(m.explanation as Explanation),
    // Why someone said no stays with them and the coach: the other side only learns that it was a no.
    reason: m.state === 'declined' && side !== 'coordinator' && m.declinedBy !== side ? null : m.reason,
    declinedBy: m.declinedBy,
    noShows: side === 'volunteer' ? 0 : m.noShows,
    rotaId: m.rotaId,
    volunteerGivenName: names.volunteer,
    volunteerHomeMunicipality: home ?? null,
    residentGivenName: names.resident,
    volunteerPersonId: side === 'resident' && !m.volunteerAcceptedAt ? null : m.volunteerPersonId,
    request: publicRequest(ctx, r, lookups.categories),
    contact,
    hoursGiven: Math.round(sessions.reduce((s, x) => s + x.minutes, 0) / 6) / 10,
    sessions,
    allowedActions: actions,
    createdAt: m.createdAt.toISOString(),
    volunteerAcceptedAt: m.volunteerAcceptedAt?.toISOString() ?? null,
    confirmedAt: m.confirmedAt?.toISOString() ?? null,
    closedAt: m.closedAt?.toISOString() ?? null,
  };
}

export type MatchView = ReturnType<typeof matchView>;
