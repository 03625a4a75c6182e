/**
 * Sign-in, sign-out, the session view, and password reset.
 *
 * Guessing is slowed three ways: a per-address rate limit (in the route), a
 * per-e-mail failure counter with a temporary lockout that applies whether or
 * not the account exists (so the answer reveals nothing), and argon2id.
 */
import { randomBytes } from 'node:crypto';
import type { Locale, Role } from '../../../shared/roles';
import type { RequestContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Deps } from '../../http/env';
import { sha256 } from '../../http/middleware';
import * as repo from './auth.repository';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './auth.password';

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_DURATION_MS = 15 * 60_000;
export const RESET_TOKEN_TTL_MS = 60 * 60_000;
export const INVITE_TOKEN_TTL_MS = 72 * 60 * 60_000;

export interface SessionView {
  account: { id: string; email: string; locale: Locale };
  memberships: Array<{
    municipality: { id: string; code: string; name: string };
    personId: string;
    displayName: string;
    roles: Array<{ role: Role; organisationId: string | null }>;
  }>;
  csrfToken: string;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

const throttleKey = (email: string): string => sha256(`sign-in:${normaliseEmail(email)}`);

export async function signIn(
  deps: Deps,
  ctx: RequestContext,
  input: { email: string; password: string; previousSessionHash: string | null },
): Promise<{ token: string; view: SessionView }> {
  const { db } = deps.database;
  const now = ctx.now();
  const key = throttleKey(input.email);
  const throttle = await repo.readThrottle(db, key);
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    throw new AppError('too_many_attempts', undefined, {
      retryAfter: Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }
  const account = await repo.findAccountByEmail(db, normaliseEmail(input.email));
  const ok = await verifyPassword(account?.passwordHash ?? null, input.password);
  if (!account || !ok) {
    const { lockedUntil } = await repo.recordSignInFailure(db, key, now, {
      windowMs: LOCKOUT_WINDOW_MS,
      threshold: LOCKOUT_THRESHOLD,
      lockMs: LOCKOUT_DURATION_MS,
    });
    await repo.recordSecurityEvent(db, {
      occurredAt: now,
      accountId: account?.id ?? null,
      kind: lockedUntil && lockedUntil > now ? 'sign_in_locked' : 'sign_in_failed',
      requestId: ctx.requestId,
    });
    throw new AppError('invalid_credentials');
  }
  // A lock set by a parallel failure while this password was being checked still counts.
  const latest = await repo.readThrottle(db, key);
  if (latest?.lockedUntil && latest.lockedUntil > now) {
    throw new AppError('too_many_attempts', undefined, {
      retryAfter: Math.ceil((latest.lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }

  // A new session id at every sign-in (no fixation); the old one is dropped.
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    if (input.previousSessionHash) await repo.deleteSession(tx, input.previousSessionHash);
    if (latest) await repo.clearThrottle(tx, key);
    await repo.insertSession(tx, {
      idHash: sha256(token),
      accountId: account.id,
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.config.sessionTtlMs),
    });
    await repo.recordSecurityEvent(tx, { occurredAt: now, accountId: account.id, kind: 'sign_in', requestId: ctx.requestId });
  });
  const view = await sessionView(deps, {
    accountId: account.id,
    email: account.email,
    locale: account.locale === 'en' ? 'en' : 'nl',
    csrfToken,
  });
  return { token, view };
}

export async function signOut(deps: Deps, ctx: RequestContext, sessionHash: string, accountId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    await repo.deleteSession(tx, sessionHash);
    await repo.recordSecurityEvent(tx, { occurredAt: ctx.now(), accountId, kind: 'sign_out', requestId: ctx.requestId });
  });
}

export async function sessionView(
  deps: Deps,
  s: { accountId: string; email: string; locale: Locale; csrfToken: string },
): Promise<SessionView> {
  const rows = await repo.findMemberships(deps.database.db, s.accountId);
  const byTenant = new Map<string, SessionView['memberships'][number]>();
  for (const r of rows) {
    let m = byTenant.get(r.municipalityId);
    if (!m) {
      m = {
        municipality: { id: r.municipalityId, code: r.code, name: r.name },
        personId: r.personId,
        displayName: `${r.givenName} ${r.familyName}`,
        roles: [],
      };
      byTenant.set(r.municipalityId, m);
    }
    if (r.role) m.roles.push({ role: r.role, organisationId: r.organisationId });
  }
  return {
    account: { id: s.accountId, email: s.email, locale: s.locale },
    memberships: [...byTenant.values()],
    csrfToken: s.csrfToken,
  };
}

export async function updateLocale(deps: Deps, accountId: string, locale: Locale) {
  await repo.updateAccountLocale(deps.database.db, accountId, locale);
  const account = await repo.findAccountById(deps.database.db, accountId);
  if (!account) throw new AppError('not_found');
  return { id: account.id, email: account.email, locale };
}

const RESET_MAIL: Record<Locale, { subject: string; text: (link: string, invite: boolean) => string }> = {
  nl: {
    subject: 'Uw wachtwoord voor samenspel',
    text: (link, invite) =>
      [
        'Hallo,',
        '',
        invite
          ? 'Er is een account voor u gemaakt bij samenspel. Kies een wachtwoord via deze link:'
          : 'U heeft gevraagd om een nieuw wachtwoord. Kies een nieuw wachtwoord via deze link:',
        link,
        '',
        invite ? 'De link werkt 3 dagen en maar één keer.' : 'De link werkt 1 uur en maar één keer.',
        'Heeft u dit niet gevraagd? Dan hoeft u niets te doen.',
      ].join('\n'),
  },
  en: {
    subject: 'Your samenspel password',
    text: (link, invite) =>
      [
        'Hello,',
        '',
        invite
          ? 'An account has been created for you on samenspel. Choose a password with this link:'
          : 'You asked for a new password. Choose a new password with this link:',
        link,
        '',
        invite ? 'The link works for 3 days and only once.' : 'The link works for 1 hour and only once.',
        'Did you not ask for this? Then you need not do anything.',
      ].join('\n'),
  },
};

/**
 * Sends a one-time link to set a password. The token travels in the URL
 * fragment, which browsers never send to a server, so it stays out of logs.
 */
export async function sendPasswordLink(
  deps: Deps,
  ctx: RequestContext,
  account: { id: string; email: string; locale: string },
  invite: boolean,
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  await repo.insertResetToken(deps.database.db, {
    tokenHash: sha256(token),
    accountId: account.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + (invite ? INVITE_TOKEN_TTL_MS : RESET_TOKEN_TTL_MS)),
  });
  const locale: Locale = account.locale === 'en' ? 'en' : 'nl';
  const link = `${deps.config.publicUrl}/wachtwoord-herstellen#token=${token}`;
  await deps.mailer.send({ to: account.email, subject: RESET_MAIL[locale].subject, text: RESET_MAIL[locale].text(link, invite) });
  await repo.recordSecurityEvent(deps.database.db, {
    occurredAt: now,
    accountId: account.id,
    kind: invite ? 'invite_sent' : 'reset_requested',
    requestId: ctx.requestId,
  });
}

/** Always succeeds from the caller's point of view: the answer does not reveal accounts. */
export async function requestPasswordReset(deps: Deps, ctx: RequestContext, email: string): Promise<void> {
  const account = await repo.findAccountByEmail(deps.database.db, normaliseEmail(email));
  if (account) await sendPasswordLink(deps, ctx, account, false);
}

export async function confirmPasswordReset(deps: Deps, ctx: RequestContext, token: string, password: string): Promise<void> {
  const now = ctx.now();
  const passwordHashPromise = hashPassword(password);
  await deps.database.db.transaction(async (tx) => {
    const accountId = await repo.consumeResetToken(tx, sha256(token), now);
    if (!accountId) throw new AppError('reset_token_invalid');
    const account = await repo.findAccountById(tx, accountId);
    if (!account) throw new AppError('reset_token_invalid');
    const policy = checkPasswordPolicy(password, account.email);
    if (policy) {
      throw new AppError('validation_failed', undefined, {
        invalidParams: [{ name: 'password', code: policy, reason: 'The password does not meet the policy.' }],
      });
    }
    await repo.setPassword(tx, accountId, await passwordHashPromise, now);
    await repo.invalidateResetTokens(tx, accountId, now);
    // Everyone signed in with the old password is signed out.
    await repo.deleteSessionsOfAccount(tx, accountId);
    await repo.recordSecurityEvent(tx, { occurredAt: now, accountId, kind: 'password_reset', requestId: ctx.requestId });
  });
}
