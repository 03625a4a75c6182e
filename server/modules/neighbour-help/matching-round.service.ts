/**
 * The city-wide matching round (koppelronde): the one matching engine's
 * `solve` over every open request that nobody is being asked for yet and
 * every volunteer with room, at once, instead of one request at a time.
 *
 * Each request the optimum gives to one volunteer who covers it whole becomes
 * a proposal (origin `engine`, with the engine's reasons), exactly as the
 * platform's own proposals: the volunteer is notified, both sides still say
 * yes before contact details appear. A request the optimum serves with a team
 * or only in part is not proposed: it is listed for the coach, who makes the
 * rota (a rota needs the coach's approval). Existing matches are never moved;
 * a volunteer's open proposals count against their room in the round.
 *
 * The hard rules hold as everywhere (the engine's), plus what only the
 * database knows, passed as exclusions per request: blocks between the two,
 * volunteers already tried on the request, the resident themself; volunteers
 * with repeated no-shows are left out.
 */
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Deps } from '../../http/env';
import { runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { solve } from '../matching/matching.engine';
import type { MatchRequest } from '../matching/matching.types';
import * as repo from './matches.repository';
import * as nhRepo from './neighbour-help.repository';
import { NO_SHOW_LIMIT, openCity, toRequest, toVolunteer, volunteerRows } from './matches.proposals';
import { proposeTo } from './matches.service';
import { mayNeighbourHelp } from './neighbour-help.policy';

/** A request the optimum serves with more than one volunteer, or only in part: the coach makes a rota. */
export interface RoundTeam {
  requestId: string;
  categoryName: string;
  pc4: string;
  members: number;
  coveredSessionsPerMonth: number;
  openSessionsPerMonth: number;
}

export interface RoundProposal {
  requestId: string;
  categoryName: string;
  pc4: string;
  sessionsPerMonth: number;
  km: number;
}

export interface MatchingRoundResult {
  /** Open requests nobody was being asked for, taken into the round. */
  requests: number;
  /** Volunteers with room the round could propose. */
  volunteers: number;
  proposals: RoundProposal[];
  teams: RoundTeam[];
  /** Requests the round could not serve at all. */
  unserved: number;
  /** Sessions per month the optimum serves in the round (proposals and teams). */
  servedSessionsPerMonth: number;
  requestedSessionsPerMonth: number;
}

/** Runs one round for the actor's municipality (social workers, admins). */
export async function runMatchingRound(deps: Deps, ctx: TenantContext): Promise<MatchingRoundResult> {
  if (!mayNeighbourHelp(ctx, 'listAllRequests')) throw new AppError('forbidden');
  return runInTenant(deps, ctx, async (tx) => {
    const tenantId = ctx.tenant.id;
    // One round at a time per municipality: a second waits and then sees the first's proposals as live.
    await repo.lockMatchingRound(tx, tenantId);
    const now = ctx.now();
    const city = await openCity(tx, tenantId, now);
    const rows = await repo.requestsForMatching(tx, tenantId);
    const known = await repo.matchingRoundContext(tx, tenantId);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const requests: MatchRequest[] = [];
    for (const r of rows) {
      if (known.live.has(r.id)) continue;
      const excluded = [...(known.tried.get(r.id) ?? []), ...(known.blocked.get(r.residentPersonId) ?? []), r.residentPersonId];
      const m = toRequest(r, city, known.known.get(r.residentPersonId) ?? [], excluded);
      if (m) requests.push(m);
    }
    // A proposal waiting for an answer holds no capacity elsewhere on the platform (three volunteers are
    // asked at once); in a round it does, so that one round never asks a volunteer for more than they offered.
    const volunteers = (await volunteerRows(tx, city))
      .filter((v) => v.recentNoShows < NO_SHOW_LIMIT)
      .flatMap((v) => {
        const waiting = known.proposed.get(v.personId);
        return toVolunteer(waiting ? { ...v, loadTenths: v.loadTenths + waiting.tenths, residents: v.residents + waiting.requests } : v, city) ?? [];
      })
      .filter((v) => v.existingSessionsPerMonth! < v.sessionsPerMonth && v.existingResidents! < v.maxResidents);
    const result = solve({ requests, volunteers });
    const categories = new Map((await nhRepo.listCategories(tx, tenantId, true)).map((c) => [c.id, ctx.locale === 'en' ? c.nameEn : c.nameNl]));

    const byRequest = new Map<string, typeof result.assignments>();
    for (const a of result.assignments) byRequest.set(a.requestId, [...(byRequest.get(a.requestId) ?? []), a]);
    const proposals: RoundProposal[] = [];
    const teams: RoundTeam[] = [];
    for (const req of requests) {
      const list = byRequest.get(req.id);
      if (!list) continue;
      const row = byId.get(req.id)!;
      const covered = Math.round(list.reduce((s, a) => s + a.sessionsPerMonth, 0) * 10) / 10;
      const where = { requestId: req.id, categoryName: categories.get(row.categoryId) ?? '', pc4: row.pc4 };
      const a = list[0]!;
      if (list.length > 1 || covered < req.sessionsPerMonth) {
        teams.push({ ...where, members: list.length, coveredSessionsPerMonth: covered, openSessionsPerMonth: req.sessionsPerMonth });
        continue;
      }
      await proposeTo(tx, ctx, city, req.id, { volunteerPersonId: a.volunteerId, sessionsPerMonth: a.sessionsPerMonth, km: a.km, explanation: a.explanation }, 'engine', now);
      await audit(tx, ctx, { action: 'help_match.propose', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: req.id, subjectPersonId: row.residentPersonId });
      proposals.push({ ...where, sessionsPerMonth: a.sessionsPerMonth, km: a.km });
    }
    // The round itself: no one resident's data, so no subject; the proposals above carry theirs.
    await audit(tx, ctx, { action: 'help_matching_round.run', purpose: 'neighbour_help', resourceType: 'municipality', resourceId: tenantId, subjectPersonId: null });
    const served = Math.round(result.totals.servedSessions * 10) / 10;
    return {
      requests: requests.length,
      volunteers: volunteers.length,
      proposals,
      teams,
      unserved: requests.length - byRequest.size,
      servedSessionsPerMonth: served,
      requestedSessionsPerMonth: Math.round(result.totals.requestedSessions * 10) / 10,
    };
  });
}
