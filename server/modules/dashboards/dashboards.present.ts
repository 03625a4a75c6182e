/**
 * Turns the sums of safe cells into the dashboard's figures (pure). A figure
 * is null when no cell behind it had ten residents or more: "too few to
 * show" is never told apart from "none", so a null gives nothing away either.
 */
import type { Metric, SumRow } from './dashboards.repository';

export interface Share {
  key: string;
  n: number | null;
  share: number | null;
}

export interface DashboardFigures {
  requests: { total: number | null; outcomes: Share[]; stalledShare: number | null };
  timeToHelp: { n: number | null; meanDays: number | null; shareWithin14Days: number | null };
  domains: Array<{ domain: string; n: number | null; meanChange: number | null; shareImproved: number | null }>;
  goals: { n: number | null; meanAttainment: number | null; shareReached: number | null };
  fragmentation: { n: number | null; mean: number | null; shareAboveThreshold: number | null };
  meetups: { attendances: number | null };
  satisfaction: { n: number | null; mean: number | null; shareSevenOrMore: number | null };
  roles: Array<{ role: string; households: number | null; actionsDone: number | null; goalsServed: number | null }>;
  trend: Array<{ quarter: string; requests: number | null; informalShare: number | null; meanDaysToHelp: number | null }>;
  areas: Array<{ pc4: string; requests: number | null; informalShare: number | null; meanDaysToHelp: number | null }>;
}

export const REQUEST_OUTCOMES = ['informal', 'referred', 'ended', 'open'] as const;
export const CONTRIBUTION_ROLES = ['resident', 'network', 'volunteer', 'coordinator', 'social_worker', 'professional', 'other'] as const;
/** The metrics the map shows per area (requestsAt): the only ones worth reading per area. */
export const AREA_METRICS: Metric[] = ['request_outcome', 'time_to_help'];

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const ratio = (part: number, whole: number) => (whole > 0 ? round(part / whole, 3) : null);
const mean = (sum: number, n: number, digits = 2) => (n > 0 ? round(sum / n, digits) : null);
const orNull = (n: number) => (n > 0 ? n : null);

interface Sums {
  n: number;
  valueSum: number;
  valueN: number;
  extraSum: number;
}
const ZERO: Sums = { n: 0, valueSum: 0, valueN: 0, extraSum: 0 };

function add(a: Sums, r: SumRow): Sums {
  return { n: a.n + r.n, valueSum: a.valueSum + r.value_sum, valueN: a.valueN + r.value_n, extraSum: a.extraSum + r.extra_sum };
}

/** The part of a key before ':yes' / ':no' ('' for the plain 'yes' / 'no'). */
const base = (key: string) => key.replace(/:?(yes|no)$/, '');

class Index {
  private readonly map = new Map<string, Sums>();
  constructor(rows: SumRow[]) {
    for (const r of rows) {
      const ids = new Set([this.id(r.metric, r.key, r.quarter, r.pc4), this.id(r.metric, '*', r.quarter, r.pc4), this.id(r.metric, `${base(r.key)}*`, r.quarter, r.pc4)]);
      for (const k of ids) this.map.set(k, add(this.map.get(k) ?? ZERO, r));
    }
  }
  private id(metric: string, key: string, quarter: string | null, pc4: string | null) {
    return `${metric}|${key}|${quarter ?? '*'}|${pc4 ?? '*'}`;
  }
  /** Sums of a metric for one key, '*' for all keys, or 'finance*' for a domain's keys, in total or for one quarter or area. */
  get(metric: Metric, key = '*', at: { quarter?: string; pc4?: string } = {}): Sums {
    return this.map.get(this.id(metric, key, at.quarter ?? null, at.pc4 ?? null)) ?? ZERO;
  }
  /**
   * The share of 'yes' among 'yes' and 'no'; null unless both have cells to
   * show (a share of 0 % or 100 % would otherwise tell about the small cells
   * left out).
   */
  share(metric: Metric, prefix = '', at: { quarter?: string; pc4?: string } = {}): number | null {
    const sep = prefix === '' ? '' : ':';
    const yes = this.get(metric, `${prefix}${sep}yes`, at).n;
    const no = this.get(metric, `${prefix}${sep}no`, at).n;
    return yes > 0 && no > 0 ? ratio(yes, yes + no) : null;
  }
  keys(metric: Metric): string[] {
    const out = new Set<string>();
    for (const k of this.map.keys()) {
      const [m, key, q, p] = k.split('|');
      if (m === metric && !key!.endsWith('*') && q === '*' && p === '*') out.add(key!);
    }
    return [...out].sort();
  }
}

function requestsAt(ix: Index, at: { quarter?: string; pc4?: string }) {
  const all = ix.get('request_outcome', '*', at);
  const informal = ix.get('request_outcome', 'informal', at);
  const time = ix.get('time_to_help', '*', at);
  return {
    requests: orNull(all.n),
    informalShare: informal.n > 0 && informal.n < all.n ? ratio(informal.n, all.n) : null,
    meanDaysToHelp: mean(time.valueSum, time.valueN, 1),
  };
}

/**
 * `quarters` and `areas` list what the trend and the map cover; `domains`
 * lists the municipality's life domains in their order.
 */
export function presentFigures(rows: SumRow[], quarters: string[], areas: string[], domains: string[]): DashboardFigures {
  const ix = new Index(rows);
  const req = ix.get('request_outcome');
  const time = ix.get('time_to_help');
  const goals = ix.get('goal_attainment');
  const frag = ix.get('fragmentation');
  const meet = ix.get('meetup_reach');
  const sat = ix.get('satisfaction');
  const measured = new Set(ix.keys('domain_change').map(base));
  const domainOrder = [...domains, ...[...measured].filter((d) => !domains.includes(d)).sort()];
  return {
    requests: {
      total: orNull(req.n),
      outcomes: REQUEST_OUTCOMES.map((key) => {
        const s = ix.get('request_outcome', key);
        return { key, n: orNull(s.n), share: s.n > 0 && s.n < req.n ? ratio(s.n, req.n) : null };
      }),
      stalledShare: ix.share('request_stalled'),
    },
    timeToHelp: { n: orNull(time.n), meanDays: mean(time.valueSum, time.valueN, 1), shareWithin14Days: ix.share('time_to_help') },
    domains: domainOrder.map((domain) => {
      const s = ix.get('domain_change', `${domain}*`);
      return { domain, n: orNull(s.n), meanChange: mean(s.valueSum, s.valueN), shareImproved: ix.share('domain_change', domain) };
    }),
    goals: { n: orNull(goals.n), meanAttainment: mean(goals.valueSum, goals.valueN), shareReached: ix.share('goal_attainment') },
    fragmentation: { n: orNull(frag.n), mean: mean(frag.valueSum, frag.valueN, 1), shareAboveThreshold: ix.share('fragmentation') },
    meetups: { attendances: orNull(meet.n) },
    satisfaction: { n: orNull(sat.n), mean: mean(sat.valueSum, sat.valueN, 1), shareSevenOrMore: ix.share('satisfaction') },
    roles: CONTRIBUTION_ROLES.map((role) => {
      const s = ix.get('role_contribution', role);
      return { role, households: orNull(s.n), actionsDone: s.n > 0 ? s.valueSum : null, goalsServed: s.n > 0 ? s.extraSum : null };
    }),
    trend: quarters.map((quarter) => ({ quarter, ...requestsAt(ix, { quarter }) })),
    areas: areas.map((pc4) => ({ pc4, ...requestsAt(ix, { pc4 }) })),
  };
}
