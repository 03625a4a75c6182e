/** The one query behind the neighbour-help figures (see figures.service.ts for the definitions). */
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client';

export interface FigureRow {
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
}

export async function readFigures(q: Queryable, tenantId: string, p: { start: Date; end: Date; from: string; to: string }): Promise<FigureRow> {
  const { start, end, from, to } = p;
  const [row] = await queryRows<FigureRow>(
      q,
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
  return row!;
}
