/**
 * Outcome dashboards (issue 6, ADR 0009): figures are kept as cells, never
 * as records. Every record counted (a request, a life domain of a plan, a
 * measurement) is counted once in each of a metric's one-way tables: per
 * quarter in total, and per quarter by postcode area (PC4), by help category
 * and by organisation, where the metric has that dimension. A key splits
 * each table further: an outcome, a role, or whether a mark was met ('yes'
 * / 'no'; for a life domain 'finances:yes'), so the count behind a share is
 * a cell like any other.
 *
 * A cell is published only with at least ten distinct residents, and within
 * each table so many more cells are held back that the cells held back add
 * up to none or to ten residents or more (secondary suppression): the total
 * minus the published cells never shows a group under ten. A view reads
 * published cells only, from one table at a time.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './index';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const dashboardCells = pgTable(
  'dashboard_cells',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => municipalities.id),
    metric: text('metric').notNull(),
    /** First day of the quarter. */
    quarter: date('quarter', { mode: 'string' }).notNull(),
    /** 'total', 'pc4', 'category' or 'organisation'. */
    dim: text('dim').notNull(),
    /** The area, category code or organisation id; '' in the total and for "unknown". */
    value: text('value').notNull(),
    key: text('key').notNull(),
    /** Distinct residents (or households) in the cell: the suppression rule counts these. */
    residents: integer('residents').notNull(),
    /** Records in the cell (requests, plan domains, measurements, ...). */
    n: integer('n').notNull(),
    /** Sum of the metric's value over the records that have one. */
    valueSum: doublePrecision('value_sum').notNull().default(0),
    valueN: integer('value_n').notNull().default(0),
    /** A second sum where a metric needs one (role contributions: goals served). */
    extraSum: doublePrecision('extra_sum').notNull().default(0),
    /** Shown in views: enough residents, and not held back to protect another cell. */
    published: boolean('published').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.metric, t.dim, t.value, t.quarter, t.key] }),
    index('dashboard_cells_view_idx').on(t.tenantId, t.dim, t.value, t.quarter),
    check('dashboard_cells_dim', sql`${t.dim} in ('total','pc4','category','organisation')`),
    check('dashboard_cells_counts', sql`${t.residents} >= 1 and ${t.n} >= ${t.residents} and ${t.valueN} <= ${t.n}`),
  ],
);

/** When each municipality's cells were last computed. */
export const dashboardRefreshes = pgTable('dashboard_refreshes', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => municipalities.id),
  refreshedAt: ts('refreshed_at').notNull(),
  durationMs: integer('duration_ms').notNull(),
  cells: integer('cells').notNull(),
});
