/**
 * Storage of the effect calculator: municipal tariffs (append-only history)
 * and saved calculations with their versions. The only SQL of the module.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { effectCalculationVersions, effectCalculations, effectTariffs, persons } from '../../db/schema/index';

const authorName = sql<string>`${persons.givenName} || ' ' || ${persons.familyName}`;

export interface TariffRow {
  id: string;
  shortVar: string;
  unit: string | null;
  priceCents: number;
  validFrom: string;
  source: string;
  createdAt: Date;
  createdByName: string;
}

/** Every tariff version, per short_var newest first (by date, then by when it was entered). */
export async function listTariffs(q: Queryable, tenantId: string): Promise<TariffRow[]> {
  return q
    .select({
      id: effectTariffs.id,
      shortVar: effectTariffs.shortVar,
      unit: effectTariffs.unit,
      priceCents: effectTariffs.priceCents,
      validFrom: effectTariffs.validFrom,
      source: effectTariffs.source,
      createdAt: effectTariffs.createdAt,
      createdByName: authorName,
    })
    .from(effectTariffs)
    .innerJoin(persons, and(eq(persons.tenantId, effectTariffs.tenantId), eq(persons.id, effectTariffs.createdByPersonId)))
    .where(eq(effectTariffs.tenantId, tenantId))
    .orderBy(asc(effectTariffs.shortVar), desc(effectTariffs.validFrom), desc(effectTariffs.createdAt), asc(effectTariffs.id));
}

export async function insertTariff(q: Queryable, row: typeof effectTariffs.$inferInsert): Promise<void> {
  await q.insert(effectTariffs).values(row);
}

export interface CalculationHead {
  id: string;
  scope: 'case' | 'programme';
  title: string;
  currentVersion: number;
  createdAt: Date;
  updatedAt: Date;
  createdByName: string;
}

const headColumns = {
  id: effectCalculations.id,
  scope: sql<'case' | 'programme'>`${effectCalculations.scope}`,
  title: effectCalculations.title,
  currentVersion: effectCalculations.currentVersion,
  createdAt: effectCalculations.createdAt,
  updatedAt: effectCalculations.updatedAt,
  createdByName: authorName,
};

/** The municipality's calculations, most recently changed first, with the input of their current version. */
export async function listCalculations(q: Queryable, tenantId: string): Promise<Array<CalculationHead & { input: unknown }>> {
  return q
    .select({ ...headColumns, input: effectCalculationVersions.input })
    .from(effectCalculations)
    .innerJoin(persons, and(eq(persons.tenantId, effectCalculations.tenantId), eq(persons.id, effectCalculations.createdByPersonId)))
    .innerJoin(
      effectCalculationVersions,
      and(
        eq(effectCalculationVersions.tenantId, effectCalculations.tenantId),
        eq(effectCalculationVersions.calculationId, effectCalculations.id),
        eq(effectCalculationVersions.version, effectCalculations.currentVersion),
      ),
    )
    .where(eq(effectCalculations.tenantId, tenantId))
    .orderBy(desc(effectCalculations.updatedAt), asc(effectCalculations.id));
}

/** One calculation's head row; `forUpdate` locks it while a new version is written. */
export async function findCalculation(q: Queryable, tenantId: string, id: string, forUpdate = false): Promise<CalculationHead | null> {
  const query = q
    .select(headColumns)
    .from(effectCalculations)
    .innerJoin(persons, and(eq(persons.tenantId, effectCalculations.tenantId), eq(persons.id, effectCalculations.createdByPersonId)))
    .where(and(eq(effectCalculations.tenantId, tenantId), eq(effectCalculations.id, id)));
  const [row] = forUpdate ? await query.for('update', { of: effectCalculations }) : await query;
  return row ?? null;
}

export interface VersionRow {
  version: number;
  input: unknown;
  reason: string;
  createdAt: Date;
  authorName: string;
}

/** Every version of a calculation, newest first. */
export async function listVersions(q: Queryable, tenantId: string, calculationId: string): Promise<VersionRow[]> {
  return q
    .select({
      version: effectCalculationVersions.version,
      input: effectCalculationVersions.input,
      reason: effectCalculationVersions.reason,
      createdAt: effectCalculationVersions.createdAt,
      authorName,
    })
    .from(effectCalculationVersions)
    .innerJoin(persons, and(eq(persons.tenantId, effectCalculationVersions.tenantId), eq(persons.id, effectCalculationVersions.authorPersonId)))
    .where(and(eq(effectCalculationVersions.tenantId, tenantId), eq(effectCalculationVersions.calculationId, calculationId)))
    .orderBy(desc(effectCalculationVersions.version));
}

export async function insertCalculation(q: Queryable, row: typeof effectCalculations.$inferInsert): Promise<void> {
  await q.insert(effectCalculations).values(row);
}

export async function insertVersion(q: Queryable, row: typeof effectCalculationVersions.$inferInsert): Promise<void> {
  await q.insert(effectCalculationVersions).values(row);
}

/** Moves the head to a new version (the caller holds the row lock). */
export async function updateHead(q: Queryable, tenantId: string, id: string, set: { scope: string; title: string; currentVersion: number; updatedAt: Date }): Promise<void> {
  await q.update(effectCalculations).set(set).where(and(eq(effectCalculations.tenantId, tenantId), eq(effectCalculations.id, id)));
}
