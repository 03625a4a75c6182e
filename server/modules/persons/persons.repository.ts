/** Person records and their roles, always within one municipality (RLS scope). */
import { and, asc, count, eq, exists, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { accounts, organisations, persons, roleAssignments } from '../../db/schema/index';
import type { Role } from '../../../shared/roles';

export interface PersonRecord {
  id: string;
  givenName: string;
  familyName: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  hasAccount: boolean;
  createdAt: Date;
  roles: Array<{ role: Role; organisationId: string | null; organisationName: string | null }>;
}

export async function findPerson(q: Queryable, tenantId: string, id: string): Promise<PersonRecord | null> {
  const [p] = await q
    .select()
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.id, id)));
  if (!p) return null;
  const roles = await q
    .select({ role: roleAssignments.role, organisationId: roleAssignments.organisationId, organisationName: organisations.name })
    .from(roleAssignments)
    .leftJoin(
      organisations,
      and(eq(organisations.tenantId, roleAssignments.tenantId), eq(organisations.id, roleAssignments.organisationId)),
    )
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.personId, id)))
    .orderBy(asc(roleAssignments.role));
  return {
    id: p.id,
    givenName: p.givenName,
    familyName: p.familyName,
    displayName: `${p.givenName} ${p.familyName}`,
    email: p.email,
    phone: p.phone,
    hasAccount: p.accountId !== null,
    createdAt: p.createdAt,
    roles: roles as PersonRecord['roles'],
  };
}

export async function listPersons(
  q: Queryable,
  tenantId: string,
  f: { q?: string | undefined; role?: Role | undefined; limit: number; offset: number },
) {
  const conditions = [eq(persons.tenantId, tenantId)];
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conditions.push(
      or(
        ilike(persons.givenName, pattern),
        ilike(persons.familyName, pattern),
        ilike(persons.email, pattern),
        ilike(sql`${persons.givenName} || ' ' || ${persons.familyName}`, pattern),
      )!,
    );
  }
  if (f.role) {
    conditions.push(
      exists(
        q
          .select({ one: sql`1` })
          .from(roleAssignments)
          .where(
            and(
              eq(roleAssignments.tenantId, persons.tenantId),
              eq(roleAssignments.personId, persons.id),
              eq(roleAssignments.role, f.role),
            ),
          ),
      ),
    );
  }
  const where = and(...conditions);
  const [total] = await q.select({ n: count() }).from(persons).where(where);
  const page = await q
    .select({ id: persons.id, givenName: persons.givenName, familyName: persons.familyName, email: persons.email })
    .from(persons)
    .where(where)
    .orderBy(asc(persons.familyName), asc(persons.givenName), asc(persons.id))
    .limit(f.limit)
    .offset(f.offset);
  const ids = page.map((p) => p.id);
  const roles = ids.length
    ? await q
        .select({ personId: roleAssignments.personId, role: roleAssignments.role })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.tenantId, tenantId), inArray(roleAssignments.personId, ids)))
    : [];
  return {
    total: total?.n ?? 0,
    items: page.map((p) => ({
      id: p.id,
      displayName: `${p.givenName} ${p.familyName}`,
      email: p.email,
      roles: roles.filter((r) => r.personId === p.id).map((r) => r.role).sort(),
    })),
  };
}

export async function insertPerson(
  q: Queryable,
  row: { tenantId: string; id: string; accountId: string | null; givenName: string; familyName: string; email: string | null; phone: string | null; now: Date },
): Promise<void> {
  const { now, ...rest } = row;
  await q.insert(persons).values({ ...rest, createdAt: now, updatedAt: now });
}

export async function updatePerson(
  q: Queryable,
  tenantId: string,
  id: string,
  patch: { givenName?: string; familyName?: string; phone?: string | null; updatedAt: Date },
): Promise<void> {
  await q.update(persons).set(patch).where(and(eq(persons.tenantId, tenantId), eq(persons.id, id)));
}

export async function replaceRoles(
  q: Queryable,
  tenantId: string,
  personId: string,
  roles: Array<{ role: Role; organisationId: string | null }>,
  now: Date,
): Promise<void> {
  await q.delete(roleAssignments).where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.personId, personId)));
  if (roles.length) {
    await q.insert(roleAssignments).values(roles.map((r) => ({ tenantId, personId, ...r, grantedAt: now })));
  }
}

export async function emailTakenInTenant(q: Queryable, tenantId: string, email: string): Promise<boolean> {
  const [row] = await q
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.email, email)));
  return row !== undefined;
}

export async function findOrCreateAccount(q: Queryable, email: string, id: string): Promise<{ id: string; email: string; locale: string; created: boolean }> {
  const [existing] = await q.select().from(accounts).where(eq(accounts.email, email));
  if (existing) return { id: existing.id, email: existing.email, locale: existing.locale, created: false };
  await q.insert(accounts).values({ id, email, passwordHash: null });
  return { id, email, locale: 'nl', created: true };
}

export async function existingOrganisationIds(q: Queryable, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await q
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), inArray(organisations.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function displayNames(q: Queryable, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: persons.id, givenName: persons.givenName, familyName: persons.familyName })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), inArray(persons.id, ids)));
  return new Map(rows.map((r) => [r.id, `${r.givenName} ${r.familyName}`]));
}

export async function rolesOf(q: Queryable, tenantId: string, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await q
    .select({ personId: roleAssignments.personId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), inArray(roleAssignments.personId, ids)));
  for (const r of rows) out.set(r.personId, [...(out.get(r.personId) ?? []), r.role]);
  return out;
}
