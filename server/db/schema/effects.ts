/**
 * The effect calculator's storage (issue 6): per municipality, its own
 * tariffs and its saved calculations. Both keep every change: a tariff is
 * never updated in place (a new price is a new row, even for the same date),
 * and a calculation's input is kept as numbered versions, each with a reason.
 * Migration 0013 grants the app role only SELECT and INSERT on the history
 * tables, so the database itself refuses an update or a delete.
 *
 * No personal data: a calculation describes a case or a programme without
 * names; the API refuses titles and labels that look like an e-mail address
 * or a citizen service number.
 */
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities, persons } from './index';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A municipal tariff version: a price for a short_var (of the Kostenhandleiding or the municipality's own) from a date. */
export const effectTariffs = pgTable(
  'effect_tariffs',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => municipalities.id),
    id: uuid('id').notNull(),
    shortVar: text('short_var').notNull(),
    /** What one unit is; required in the API when the Kostenhandleiding does not know the short_var. */
    unit: text('unit'),
    priceCents: integer('price_cents').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** Where the price comes from, e.g. "Tarievenlijst Wmo 2024". */
    source: text('source').notNull(),
    createdByPersonId: uuid('created_by_person_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('effect_tariffs_short_var_idx').on(t.tenantId, t.shortVar, t.validFrom, t.createdAt),
    foreignKey({ columns: [t.tenantId, t.createdByPersonId], foreignColumns: [persons.tenantId, persons.id] }),
    check('effect_tariff_price_positive', sql`${t.priceCents} > 0`),
    check('effect_tariff_short_var_format', sql`${t.shortVar} ~ '^[a-z][a-z0-9_]*$'`),
  ],
);

/** A saved calculation: its current title and scope; the input lives in its versions. */
export const effectCalculations = pgTable(
  'effect_calculations',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => municipalities.id),
    id: uuid('id').notNull(),
    /** case | programme */
    scope: text('scope').notNull(),
    title: text('title').notNull(),
    currentVersion: integer('current_version').notNull(),
    createdByPersonId: uuid('created_by_person_id').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('effect_calculations_updated_idx').on(t.tenantId, t.updatedAt),
    foreignKey({ columns: [t.tenantId, t.createdByPersonId], foreignColumns: [persons.tenantId, persons.id] }),
    check('effect_calculation_scope', sql`${t.scope} in ('case','programme')`),
    check('effect_calculation_version_positive', sql`${t.currentVersion} >= 1`),
  ],
);

/** Every version of a calculation's input (the full EffectInput without tariffs), with why it changed. */
export const effectCalculationVersions = pgTable(
  'effect_calculation_versions',
  {
    tenantId: uuid('tenant_id').notNull(),
    calculationId: uuid('calculation_id').notNull(),
    version: integer('version').notNull(),
    input: jsonb('input').notNull(),
    reason: text('reason').notNull(),
    authorPersonId: uuid('author_person_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.calculationId, t.version] }),
    foreignKey({ columns: [t.tenantId, t.calculationId], foreignColumns: [effectCalculations.tenantId, effectCalculations.id] }),
    foreignKey({ columns: [t.tenantId, t.authorPersonId], foreignColumns: [persons.tenantId, persons.id] }),
    check('effect_calculation_versions_positive', sql`${t.version} >= 1`),
  ],
);
