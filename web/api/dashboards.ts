/**
 * The outcome dashboard in the API (issue 6). Types mirror
 * server/modules/dashboards/dashboards.routes.ts. null means "too few to
 * show": no group behind the figure had at least `minimumGroup` residents.
 */
import { request } from './client';

type Num = number | null;

export interface OutcomeDashboard {
  minimumGroup: number;
  refreshedAt: string | null;
  filters: { from: string; to: string; pc4: string | null; category: string | null; organisation: string | null };
  applies: { requests: boolean; plans: boolean; meetups: boolean };
  requests: { total: Num; outcomes: Array<{ key: 'informal' | 'referred' | 'ended' | 'open'; n: Num; share: Num }>; stalledShare: Num };
  timeToHelp: { n: Num; meanDays: Num; shareWithin14Days: Num };
  domains: Array<{ domain: string; n: Num; meanChange: Num; shareImproved: Num }>;
  goals: { n: Num; meanAttainment: Num; shareReached: Num };
  fragmentation: { n: Num; mean: Num; shareAboveThreshold: Num };
  meetups: { attendances: Num };
  satisfaction: { n: Num; mean: Num; shareSevenOrMore: Num };
  roles: Array<{ role: ContributionRole; households: Num; actionsDone: Num; goalsServed: Num }>;
  trend: Array<{ quarter: string; requests: Num; informalShare: Num; meanDaysToHelp: Num }>;
  areas: Array<{ pc4: string; requests: Num; informalShare: Num; meanDaysToHelp: Num }>;
  options: {
    quarters: string[];
    areas: Array<{ pc4: string; place: string | null; lat: Num; lon: Num }>;
    categories: Array<{ code: string; nameNl: string; nameEn: string }>;
    organisations: Array<{ id: string; name: string }>;
    domains: Array<{ code: string; nameNl: string; nameEn: string }>;
    organisationChoice: boolean;
  };
}

export type ContributionRole = 'resident' | 'network' | 'volunteer' | 'coordinator' | 'social_worker' | 'professional' | 'other';

export interface DashboardQuery {
  from?: string;
  to?: string;
  pc4?: string;
  category?: string;
  organisation?: string;
}

const base = (code: string) => `/api/municipalities/${encodeURIComponent(code)}/dashboards`;

export const getOutcomeDashboard = (code: string, query: DashboardQuery) =>
  request<OutcomeDashboard>('GET', `${base(code)}/outcomes`, { query: { ...query } });

export const refreshOutcomeDashboard = (code: string) => request<{ refreshedAt: string; cells: number }>('POST', `${base(code)}/refresh`);
