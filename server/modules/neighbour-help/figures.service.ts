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
import { queryRows } from '../../db/client';
import type { Deps } from '../../http/env';
import { runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { sql } from 'drizzle-orm';

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
    const [row] = await queryRows<{
      requests: number;
      stalled: number;
      informal: number;
      referred: number;
      first_response_h: number | null;
      match_h: number | null;
      matches: number;
      active_volunteers: number;
      minutes: number;
      meetups: number;
      attendance: number;
    }>(
      tx,
      sql`with period_requests as (
            select r.* from help_requests r
             where r.tenant_id = ${tenantId} and r.created_at >= ${start} and r.created_at < ${end}
          )
          select
            (select count(*)::int from period_requests) as requests,
            (select count(*)::int from period_requests r
              where exists (select 1 from help_request_stalls s where s.tenant_id = r.tenant_id and s.request_id = r.id)) as stalled,
            (select count(*)::int from period_requests r
              where r.matched_at is not null
                 or exists (select 1 from help_request_stalls s where s.tenant_id = r.tenant_id and s.request_id = r.id and s.outcome = 'network')) as informal,
            (select count(*)::int from period_requests r where r.status = 'referred') as referred,
            (select percentile_cont(0.5) within group (order by extract(epoch from (r.first_response_at - r.created_at)) / 3600)
               from period_requests r where r.first_response_at is not null)::float8 as first_response_h,
            (select percentile_cont(0.5) within group (order by extract(epoch from (r.matched_at - r.created_at)) / 3600)
               from period_requests r where r.matched_at is not null)::float8 as match_h,
            (select count(*)::int from help_matches m
              where m.tenant_id = ${tenantId} and m.confirmed_at >= ${start} and m.confirmed_at < ${end}) as matches,
            (select count(distinct m.volunteer_person_id)::int from help_matches m
              where m.tenant_id = ${tenantId} and m.confirmed_at is not null and m.confirmed_at < ${end}
                and (m.closed_at is null or m.closed_at >= ${start})) as active_volunteers,
            (select coalesce(sum(s.minutes), 0)::int from help_sessions s
              where s.tenant_id = ${tenantId} and s.happened_on >= ${from}::date and s.happened_on <= ${to}::date) as minutes,
            (select count(*)::int from meetups u
              where u.tenant_id = ${tenantId} and u.cancelled_at is null and u.starts_at >= ${start} and u.starts_at < ${end}) as meetups,
            (select count(*)::int from meetup_signups g join meetups u on u.tenant_id = g.tenant_id and u.id = g.meetup_id
              where g.tenant_id = ${tenantId} and g.attended and u.starts_at >= ${start} and u.starts_at < ${end}) as attendance`,
    );
    await audit(tx, ctx, { action: 'neighbour_help.figures.read', purpose: 'neighbour_help', resourceType: 'neighbour_help_figures' });
    const r = row!;
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
