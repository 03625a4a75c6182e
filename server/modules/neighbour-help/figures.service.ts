/**
 * The figures neighbour help must keep, per municipality and period (issue 3):
 * requests, matches, time to first response and to match, the share stalled,
 * resolved informally and referred to formal care, active volunteers, hours
 * given, and meet-up attendance. Counts only, no person in them; the
 * dashboards with small-number suppression come with the effects issue.
 *
 * Definitions (over requests posted in the period, unless said otherwise):
 * - time to first response: posting → the first volunteer's yes (median, hours);
 * - time to match: posting → the first confirmed match (median, hours);
 * - stalled: the request ever landed with the coach;
 * - resolved informally: it got a confirmed match, or the coach closed it
 *   because the resident's own network helped;
 * - referred: the coach referred it to formal support;
 * - matches: confirmed in the period; active volunteers: with a confirmed
 *   match that ran at some point in the period; hours given: sessions that
 *   took place in the period; meet-up attendance: people marked present at
 *   meet-ups that started in the period.
 */
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Deps } from '../../http/env';
import { runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { readFigures } from './figures.repository';

const FIGURE_ROLES = new Set(['social_worker', 'policy_officer', 'admin']);

export interface NeighbourHelpFigures {
  from: string;
  to: string;
  requests: number;
  matches: number;
  medianHoursToFirstResponse: number | null;
  medianHoursToMatch: number | null;
  shareStalled: number | null;
  shareResolvedInformally: number | null;
  shareReferred: number | null;
  activeVolunteers: number;
  hoursGiven: number;
  meetups: number;
  meetupAttendance: number;
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
const hours = (h: number | null) => (h === null ? null : Math.round(h * 10) / 10);

/** `from` and `to` are dates (YYYY-MM-DD), both inclusive. */
export async function figures(deps: Deps, ctx: TenantContext, from: string, to: string): Promise<NeighbourHelpFigures> {
  if (!ctx.actor.roles.some((r) => FIGURE_ROLES.has(r))) throw new AppError('forbidden');
  if (to < from) {
    throw new AppError('validation_failed', undefined, { invalidParams: [{ name: 'to', code: 'invalid_value', reason: 'The period ends before it starts.' }] });
  }
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000);
  const tenantId = ctx.tenant.id;
  return runInTenant(deps, ctx, async (tx) => {
    const row = await readFigures(tx, tenantId, { start, end, from, to });
    await audit(tx, ctx, { action: 'neighbour_help.figures.read', purpose: 'neighbour_help', resourceType: 'neighbour_help_figures' });
    const r = row;
    return {
      from,
      to,
      requests: r.requests,
      matches: r.matches,
      medianHoursToFirstResponse: hours(r.first_response_h),
      medianHoursToMatch: hours(r.match_h),
      shareStalled: share(r.stalled, r.requests),
      shareResolvedInformally: share(r.informal, r.requests),
      shareReferred: share(r.referred, r.requests),
      activeVolunteers: r.active_volunteers,
      hoursGiven: Math.round((r.minutes / 60) * 10) / 10,
      meetups: r.meetups,
      meetupAttendance: r.attendance,
    };
  });
}
