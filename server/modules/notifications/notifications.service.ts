/**
 * Notifications: in-app (listed and marked read by their person) and by
 * e-mail through the mailer port. E-mail is capped per person (default three
 * in seven days); what does not fit waits for the weekly digest, so nobody
 * is flooded. A person chooses immediate, weekly digest, or no e-mail.
 *
 * E-mails never carry personal data or details of a request: only how many
 * new notifications there are and where to read them.
 */
import type { Locale } from '../../../shared/roles';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { inTenant } from '../../db/tenant-scope';
import type { Deps } from '../../http/env';
import { runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { listMunicipalityIds } from '../system/municipalities.repository';
import * as repo from './notifications.repository';
import { insertDueReminders } from '../meetups/meetups.repository';

const WEEK_MS = 7 * 86_400_000;

export async function myNotifications(deps: Deps, ctx: TenantContext, countOnly: boolean) {
  return runInTenant(deps, ctx, async (tx) => {
    const list = await repo.listForPerson(tx, ctx.tenant.id, ctx.actor.personId, countOnly ? 0 : 50);
    if (!countOnly) {
      await audit(tx, ctx, { action: 'notification.list', purpose: 'self_service', resourceType: 'notification', subjectPersonId: ctx.actor.personId });
    }
    return {
      unread: list.unread,
      items: list.items.map((n) => ({ id: n.id, kind: n.kind, refId: n.refId, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
    };
  });
}

export async function markMyNotificationsRead(deps: Deps, ctx: TenantContext, ids: string[] | undefined) {
  return runInTenant(deps, ctx, async (tx) => {
    const marked = await repo.markRead(tx, ctx.tenant.id, ctx.actor.personId, ids ?? null, ctx.now());
    return { marked };
  });
}

export async function getMyPreferences(deps: Deps, ctx: TenantContext) {
  return runInTenant(deps, ctx, async (tx) => {
    const p = await repo.readPreferences(tx, ctx.tenant.id, ctx.actor.personId);
    return { email: p.email as 'immediate' | 'digest' | 'off', maxEmailsPerWeek: p.maxEmailsPerWeek };
  });
}

export async function saveMyPreferences(deps: Deps, ctx: TenantContext, input: { email: 'immediate' | 'digest' | 'off'; maxEmailsPerWeek: number }) {
  if (!ctx.actor.personId) throw new AppError('forbidden');
  return runInTenant(deps, ctx, async (tx) => {
    await repo.savePreferences(tx, ctx.tenant.id, ctx.actor.personId, input, ctx.now());
    await audit(tx, ctx, { action: 'notification.preferences.update', purpose: 'self_service', resourceType: 'notification_preferences', resourceId: ctx.actor.personId, subjectPersonId: ctx.actor.personId });
    return input;
  });
}

const TEXT: Record<Locale, { subject: string; digestSubject: string; body: (n: number, url: string) => string; digest: (n: number, url: string) => string }> = {
  nl: {
    subject: 'Nieuwe melding in samenspel',
    digestSubject: 'Uw weekoverzicht van samenspel',
    body: (n, url) =>
      `U heeft ${n === 1 ? 'een nieuwe melding' : `${n} nieuwe meldingen`} in samenspel.\n\nLog in om te lezen wat er is: ${url}/meldingen\n\nMinder e-mail? Kies bij Meldingen hoe vaak u e-mail wilt krijgen.`,
    digest: (n, url) =>
      `Deze week ${n === 1 ? 'was er een melding' : `waren er ${n} meldingen`} voor u in samenspel die u nog niet heeft gelezen.\n\nLog in om ze te lezen: ${url}/meldingen\n\nU krijgt deze e-mail één keer per week. U kunt dat veranderen bij Meldingen.`,
  },
  en: {
    subject: 'New notification in samenspel',
    digestSubject: 'Your weekly summary from samenspel',
    body: (n, url) =>
      `You have ${n === 1 ? 'a new notification' : `${n} new notifications`} in samenspel.\n\nSign in to read them: ${url}/meldingen\n\nLess e-mail? Choose how often you get e-mail under Notifications.`,
    digest: (n, url) =>
      `This week you had ${n === 1 ? 'one notification' : `${n} notifications`} in samenspel that you have not read yet.\n\nSign in to read them: ${url}/meldingen\n\nYou get this e-mail once a week. You can change that under Notifications.`,
  },
};

/**
 * Sends what is due, for every municipality: immediate e-mails within each
 * person's weekly cap, the rest to the digest; the digest once its oldest
 * notification waited a week. Returns the number of e-mails sent.
 */
export async function deliverNotifications(deps: Deps, now: Date): Promise<number> {
  let sent = 0;
  for (const tenantId of await listMunicipalityIds(deps.database.db)) {
    const outgoing = await inTenant(deps.database.db, tenantId, async (tx) => {
      await repo.skipRead(tx, tenantId);
      const mails: Array<{ to: string; subject: string; text: string }> = [];
      for (const p of await repo.pendingByPerson(tx, tenantId)) {
        const mode = p.mode ?? 'immediate';
        const cap = p.cap ?? repo.DEFAULT_MAX_EMAILS_PER_WEEK;
        const text = TEXT[p.locale === 'en' ? 'en' : 'nl'];
        if (!p.email || mode === 'off') {
          await repo.markEmailed(tx, tenantId, p.personId, ['none', 'pending_digest'], 'skipped', null);
          continue;
        }
        let waiting = p.waiting;
        let oldest = p.oldestWaiting ? new Date(p.oldestWaiting) : null;
        if (p.fresh > 0) {
          const room = mode === 'immediate' && (await repo.emailsSince(tx, tenantId, p.personId, new Date(now.getTime() - WEEK_MS))) < cap;
          if (room) {
            mails.push({ to: p.email, subject: text.subject, text: text.body(p.fresh + p.waiting, deps.config.publicUrl) });
            await repo.markEmailed(tx, tenantId, p.personId, ['none', 'pending_digest'], 'immediate', now);
            continue;
          }
          await repo.markEmailed(tx, tenantId, p.personId, ['none'], 'pending_digest', null);
          waiting += p.fresh;
          oldest ??= now;
        }
        if (waiting > 0 && oldest && oldest.getTime() <= now.getTime() - WEEK_MS) {
          mails.push({ to: p.email, subject: text.digestSubject, text: text.digest(waiting, deps.config.publicUrl) });
          await repo.markEmailed(tx, tenantId, p.personId, ['pending_digest'], 'digest', now);
        }
      }
      return mails;
    });
    for (const m of outgoing) {
      await deps.mailer.send(m);
      sent++;
    }
  }
  return sent;
}

/** Meet-up reminders for every municipality (a day ahead, once per person); e-mailed by the next delivery. */
export async function remindMeetups(deps: Deps, now: Date): Promise<number> {
  let made = 0;
  for (const tenantId of await listMunicipalityIds(deps.database.db)) {
    made += await inTenant(deps.database.db, tenantId, (tx) => insertDueReminders(tx, tenantId, now));
  }
  return made;
}
