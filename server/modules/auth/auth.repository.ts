/**
 * Accounts, sessions, sign-in throttles and reset tokens. These tables are
 * global (an account is a credential, not a tenant's record), so these
 * queries run outside any tenant scope.
 */
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import {
  accounts,
  municipalities,
  passwordResetTokens,
  persons,
  roleAssignments,
  securityEvents,
  sessions,
  signInThrottles,
} from '../../db/schema/index';
import type { Locale, Role } from '../../../shared/roles';
import type { SessionInfo } from '../../http/env';

export async function findSession(q: Queryable, idHash: string, now: Date): Promise<SessionInfo | null> {
  const [row] = await q
    .select({
      idHash: sessions.idHash,
      accountId: sessions.accountId,
      csrfToken: sessions.csrfToken,
      email: accounts.email,
      locale: accounts.locale,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
  if (!row) return null;
  return { ...row, locale: row.locale === 'en' ? 'en' : 'nl' };
}

export async function insertSession(
  q: Queryable,
  s: { idHash: string; accountId: string; csrfToken: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q.insert(sessions).values(s);
}

export async function deleteSession(q: Queryable, idHash: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteSessionsOfAccount(q: Queryable, accountId: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.accountId, accountId));
}

export async function deleteExpiredSessions(q: Queryable, now: Date): Promise<void> {
  await q.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function findAccountByEmail(q: Queryable, email: string) {
  const [row] = await q.select().from(accounts).where(eq(accounts.email, email));
  return row ?? null;
}

export async function findAccountById(q: Queryable, id: string) {
  const [row] = await q.select().from(accounts).where(eq(accounts.id, id));
  return row ?? null;
}

export async function updateAccountLocale(q: Queryable, id: string, locale: Locale): Promise<void> {
  await q.update(accounts).set({ locale }).where(eq(accounts.id, id));
}

export async function setPassword(q: Queryable, id: string, passwordHash: string, at: Date): Promise<void> {
  await q.update(accounts).set({ passwordHash, passwordChangedAt: at }).where(eq(accounts.id, id));
}

export interface MembershipRow {
  municipalityId: string;
  code: string;
  name: string;
  personId: string;
  givenName: string;
  familyName: string;
  role: Role | null;
  organisationId: string | null;
}

/** The account's person records and roles in every municipality. */
export async function findMemberships(q: Queryable, accountId: string): Promise<MembershipRow[]> {
  const rows = await q
    .select({
      municipalityId: municipalities.id,
      code: municipalities.cbsCode,
      name: municipalities.name,
      personId: persons.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      role: roleAssignments.role,
      organisationId: roleAssignments.organisationId,
    })
    .from(persons)
    .innerJoin(municipalities, eq(municipalities.id, persons.tenantId))
    .leftJoin(
      roleAssignments,
      and(eq(roleAssignments.tenantId, persons.tenantId), eq(roleAssignments.personId, persons.id)),
    )
    .where(eq(persons.accountId, accountId))
    .orderBy(municipalities.name, roleAssignments.role);
  return rows as MembershipRow[];
}

/** One municipality's membership of an account, looked up by CBS code. */
export async function findMembershipByCode(q: Queryable, accountId: string, code: string) {
  const rows = await q
    .select({
      municipalityId: municipalities.id,
      name: municipalities.name,
      personId: persons.id,
      role: roleAssignments.role,
      organisationId: roleAssignments.organisationId,
    })
    .from(municipalities)
    .leftJoin(persons, and(eq(persons.tenantId, municipalities.id), eq(persons.accountId, accountId)))
    .leftJoin(
      roleAssignments,
      and(eq(roleAssignments.tenantId, persons.tenantId), eq(roleAssignments.personId, persons.id)),
    )
    .where(eq(municipalities.cbsCode, code));
  return rows;
}

export async function readThrottle(q: Queryable, keyHash: string) {
  const [row] = await q.select().from(signInThrottles).where(eq(signInThrottles.keyHash, keyHash));
  return row ?? null;
}

/**
 * Counts one failed sign-in in a single statement, so that failures sent in
 * parallel cannot overwrite each other's count. A window older than
 * `windowMs` starts again at 1; reaching `threshold` sets `locked_until`.
 */
export async function recordSignInFailure(
  q: Queryable,
  keyHash: string,
  now: Date,
  rule: { windowMs: number; threshold: number; lockMs: number },
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const lockUntil = new Date(now.getTime() + rule.lockMs);
  const t = signInThrottles;
  const expired = sql`${t.windowStartedAt} <= ${windowStart}`;
  const next = sql`(case when ${expired} then 1 else ${t.failures} + 1 end)`;
  const [row] = await q
    .insert(t)
    .values({ keyHash, failures: 1, windowStartedAt: now, lockedUntil: rule.threshold <= 1 ? lockUntil : null })
    .onConflictDoUpdate({
      target: t.keyHash,
      set: {
        failures: next,
        windowStartedAt: sql`(case when ${expired} then ${now} else ${t.windowStartedAt} end)`,
        lockedUntil: sql`(case when ${next} >= ${rule.threshold} then ${lockUntil} else ${t.lockedUntil} end)`,
      },
    })
    .returning({ failures: t.failures, lockedUntil: t.lockedUntil });
  return row ?? { failures: 1, lockedUntil: null };
}

export async function clearThrottle(q: Queryable, keyHash: string): Promise<void> {
  await q.delete(signInThrottles).where(eq(signInThrottles.keyHash, keyHash));
}

export async function insertResetToken(
  q: Queryable,
  t: { tokenHash: string; accountId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q.insert(passwordResetTokens).values(t);
}

/** Marks a valid token used and returns its account; null if unknown, used or expired. */
export async function consumeResetToken(q: Queryable, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await q
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    )
    .returning({ accountId: passwordResetTokens.accountId });
  return row?.accountId ?? null;
}

export async function invalidateResetTokens(q: Queryable, accountId: string, now: Date): Promise<void> {
  await q
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.accountId, accountId), isNull(passwordResetTokens.usedAt)));
}

export async function recordSecurityEvent(
  q: Queryable,
  e: { occurredAt: Date; accountId: string | null; kind: string; requestId: string },
): Promise<void> {
  await q.insert(securityEvents).values(e);
}

export const countSessions = async (q: Queryable, accountId: string): Promise<number> => {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(eq(sessions.accountId, accountId));
  return row?.n ?? 0;
};
