/**
 * Outcome dashboards (issue 6, ADR 0009): policy officers and admins see the
 * whole municipality, a professional sees only the plans coordinated from
 * their own organisation. Nobody sees a record: every figure is a sum of
 * cells with ten residents or more (dashboards.repository.ts).
 */
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Tx } from '../../db/client';
import { inTenant } from '../../db/tenant-scope';
import type { Deps } from '../../http/env';
import { runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { findPc4 } from '../geo/pc4';
import { ZRM_2017_DOMAINS, type OutcomeDomain } from '../household/household.domains';
import { readSettings as readHouseholdSettings } from '../household/household.repository';
import { listCategories } from '../neighbour-help/neighbour-help.repository';
import { listMunicipalityIds } from '../system/municipalities.repository';
import { MIN_RESIDENTS, filterValues, listOrganisations, lastRefresh, recomputeCells, recordRefresh, sumPublishedCells, type CellFilter } from './dashboards.repository';
import { holdBack } from './dashboards.suppression';
import { AREA_METRICS, presentFigures, type DashboardFigures } from './dashboards.present';

const FULL_VIEW = new Set(['policy_officer', 'admin']);

export interface DashboardQuery {
  from?: string | undefined;
  to?: string | undefined;
  pc4?: string | undefined;
  category?: string | undefined;
  organisation?: string | undefined;
}

export interface DashboardView extends DashboardFigures {
  minimumGroup: number;
  refreshedAt: string | null;
  /** The filters applied (organisation forced for a professional). */
  filters: { from: string; to: string; pc4: string | null; category: string | null; organisation: string | null };
  /** Which parts the filter leaves meaningful: plans have no help category, requests no organisation. */
  applies: { requests: boolean; plans: boolean; meetups: boolean };
  options: {
    quarters: string[];
    areas: Array<{ pc4: string; place: string | null; lat: number | null; lon: number | null }>;
    categories: Array<{ code: string; nameNl: string; nameEn: string }>;
    organisations: Array<{ id: string; name: string }>;
    domains: OutcomeDomain[];
    /** False for a professional: the organisation is always their own. */
    organisationChoice: boolean;
  };
}

/** "2026-Q3" to the quarter's first day, or null. */
export function quarterStart(q: string): string | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(q);
  if (!m) return null;
  const month = (Number(m[2]) - 1) * 3 + 1;
  return `${m[1]}-${String(month).padStart(2, '0')}-01`;
}

/** A quarter's first day to "2026-Q3". */
export function quarterLabel(start: string): string {
  const month = Number(start.slice(5, 7));
  return `${start.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The first day of the quarter `offset` quarters from the one holding `day` (YYYY-MM-DD). */
export function shiftQuarter(day: string, offset: number): string {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + offset;
  const year = y + Math.floor(q / 4);
  const qq = ((q % 4) + 4) % 4;
  return `${year}-${String(qq * 3 + 1).padStart(2, '0')}-01`;
}

const amsterdamDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);

function invalid(name: string, reason: string): never {
  throw new AppError('validation_failed', undefined, { invalidParams: [{ name, code: 'invalid_value', reason }] });
}

function allowedOrganisation(ctx: TenantContext): string | null | 'none' {
  if (ctx.actor.roles.some((r) => FULL_VIEW.has(r))) return null;
  if (ctx.actor.roles.includes('professional') && ctx.actor.organisationIds.length > 0) return ctx.actor.organisationIds[0]!;
  return 'none';
}

/** The quarters from..to, inclusive, as first days. */
function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let q = from; q <= to && out.length < 41; q = shiftQuarter(q, 1)) out.push(q);
  return out;
}

export async function readDashboard(deps: Deps, ctx: TenantContext, query: DashboardQuery): Promise<DashboardView> {
  const own = allowedOrganisation(ctx);
  if (own === 'none') throw new AppError('forbidden');
  const today = amsterdamDay(ctx.now());
  const toQ = query.to === undefined ? shiftQuarter(today, 0) : (quarterStart(query.to) ?? invalid('to', 'Give a quarter like 2026-Q3.'));
  const fromQ = query.from === undefined ? shiftQuarter(toQ, -3) : (quarterStart(query.from) ?? invalid('from', 'Give a quarter like 2026-Q1.'));
  if (toQ < fromQ) invalid('to', 'The period ends before it starts.');
  if (quartersBetween(fromQ, toQ).length > 40) invalid('from', 'Choose at most ten years.');
  if (query.pc4 !== undefined && !/^[1-9]\d{3}$/.test(query.pc4)) invalid('pc4', 'Give the four digits of a postcode area.');
  if (own !== null && query.organisation !== undefined && query.organisation !== own) throw new AppError('forbidden');
  const chosen = (['pc4', 'category', 'organisation'] as const).filter((k) => query[k] !== undefined);
  if (chosen.length > 1 || (own !== null && chosen.some((k) => k !== 'organisation'))) {
    // One table at a time: figures of two crossed filters could be subtracted from each other.
    invalid(chosen[1] ?? chosen[0]!, 'Choose one of area, category or organisation at a time.');
  }
  const tenantId = ctx.tenant.id;

  return runInTenant(deps, ctx, async (tx) => {
    const categories = await listCategories(tx, tenantId, true);
    const orgs = await listOrganisations(tx, tenantId);
    const settings = await readHouseholdSettings(tx, tenantId);
    const refresh = await lastRefresh(tx, tenantId);
    const values = await filterValues(tx, tenantId);
    if (query.category !== undefined && !categories.some((c) => c.code === query.category)) invalid('category', 'Not one of the help categories of this municipality.');
    const organisation = own ?? query.organisation ?? null;
    if (organisation !== null && !orgs.some((o) => o.id === organisation)) invalid('organisation', 'Not one of the organisations of this municipality.');

    const filters = { pc4: query.pc4 ?? null, category: query.category ?? null, organisation };
    const table: CellFilter =
      organisation !== null
        ? { fromQuarter: fromQ, toQuarter: toQ, dim: 'organisation', value: organisation }
        : filters.pc4 !== null
          ? { fromQuarter: fromQ, toQuarter: toQ, dim: 'pc4', value: filters.pc4 }
          : filters.category !== null
            ? { fromQuarter: fromQ, toQuarter: toQ, dim: 'category', value: filters.category }
            : { fromQuarter: fromQ, toQuarter: toQ, dim: 'total', value: '', areaMetrics: AREA_METRICS };
    const rows = await sumPublishedCells(tx, tenantId, table);
    const domains = settings.outcomeDomains ?? [...ZRM_2017_DOMAINS];
    const quarters = quartersBetween(fromQ, toQ);
    const areaCodes = table.dim === 'total' ? values.pc4 : [];
    const figures = presentFigures(rows, quarters, areaCodes, domains.map((d) => d.code));
    await audit(tx, ctx, { action: 'dashboard.read', purpose: 'effect_measurement', resourceType: 'dashboard' });
    return {
      ...figures,
      trend: figures.trend.map((t) => ({ ...t, quarter: quarterLabel(t.quarter) })),
      minimumGroup: MIN_RESIDENTS,
      refreshedAt: refresh?.refreshedAt.toISOString() ?? null,
      filters: { from: quarterLabel(fromQ), to: quarterLabel(toQ), pc4: filters.pc4, category: filters.category, organisation },
      applies: { requests: table.dim !== 'organisation', plans: table.dim !== 'category', meetups: table.dim !== 'category' },
      options: {
        quarters: values.quarters.map(quarterLabel),
        areas: values.pc4.map((pc4) => {
          const a = findPc4(pc4);
          return { pc4, place: a?.place ?? null, lat: a?.lat ?? null, lon: a?.lon ?? null };
        }),
        categories: categories.map((c) => ({ code: c.code, nameNl: c.nameNl, nameEn: c.nameEn })),
        organisations: own === null ? orgs : orgs.filter((o) => o.id === own),
        domains,
        organisationChoice: own === null,
      },
    };
  });
}

/** Recomputes one municipality's cells in its own transaction; returns the cell count. */
export async function recompute(tx: Tx, tenantId: string, now: Date, onMetric?: (metric: string, ms: number) => void): Promise<number> {
  const started = Date.now();
  const cells = await recomputeCells(tx, tenantId, amsterdamDay(now), (sizes) => holdBack(sizes, MIN_RESIDENTS), onMetric);
  await recordRefresh(tx, tenantId, now, Date.now() - started, cells);
  return cells;
}

/** A policy officer or admin asks for fresh figures now. */
export async function refreshDashboard(deps: Deps, ctx: TenantContext): Promise<{ refreshedAt: string; cells: number }> {
  if (!ctx.actor.roles.some((r) => FULL_VIEW.has(r))) throw new AppError('forbidden');
  const now = ctx.now();
  return runInTenant(deps, ctx, async (tx) => {
    const cells = await recompute(tx, ctx.tenant.id, now);
    await audit(tx, ctx, { action: 'dashboard.refresh', purpose: 'effect_measurement', resourceType: 'dashboard' });
    return { refreshedAt: now.toISOString(), cells };
  });
}

/** The scheduler's run over every municipality (main.ts); one transaction per municipality. */
export async function refreshAllDashboards(deps: Pick<Deps, 'database'>, now: Date): Promise<void> {
  for (const tenantId of await listMunicipalityIds(deps.database.db)) {
    await inTenant(deps.database.db, tenantId, (tx) => recompute(tx, tenantId, now));
  }
}

