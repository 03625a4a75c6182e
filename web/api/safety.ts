/**
 * Notifications (meldingen), abuse reports and blocks in the API, as the
 * interface uses them: types and one typed function per endpoint. The
 * server sends a notification as a kind and an id only; the interface
 * writes the text in the reader's language (see components/notifications.ts).
 */
import { request } from './client';

export const NOTIFICATION_KINDS = [
  'match.proposed',
  'match.volunteer_accepted',
  'match.confirmed',
  'match.declined',
  'match.withdrawn',
  'match.ended',
  'message.received',
  'rota.approved',
  'rota.gap',
  'request.stalled',
  'meetup.reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  /** The match for match.* and message.received, the rota for rota.*. */
  refId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  unread: number;
  items: AppNotification[];
}

export type EmailChoice = 'immediate' | 'digest' | 'off';
export const EMAIL_CHOICES: readonly EmailChoice[] = ['immediate', 'digest', 'off'];
/** The server accepts 0..50 e-mails a week. */
export const MAX_EMAILS_PER_WEEK = 50;

export interface NotificationPreferences {
  email: EmailChoice;
  maxEmailsPerWeek: number;
}

export const ABUSE_CATEGORIES = ['harassment', 'no_show', 'unsafe', 'inappropriate', 'other'] as const;
export type AbuseCategory = (typeof ABUSE_CATEGORIES)[number];
export const REPORT_OUTCOMES = ['dismissed', 'warned', 'suspended'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];
/** The server's limit on the free text of a report. */
export const REPORT_DETAILS_MAX = 2000;

export interface AbuseReport {
  id: string;
  matchId: string | null;
  category: AbuseCategory;
  details: string;
  /** `open`, or the outcome once handled. */
  status: 'open' | ReportOutcome;
  reporter: { personId: string; givenName: string };
  /** `isVolunteer`: only a volunteer can be suspended. */
  subject: { personId: string; givenName: string; isVolunteer: boolean };
  createdAt: string;
  handledAt: string | null;
}

export interface Block {
  personId: string;
  givenName: string;
  createdAt: string;
}

const base = (code: string) => `/api/municipalities/${encodeURIComponent(code)}`;

export const listNotifications = (code: string) => request<NotificationList>('GET', `${base(code)}/me/notifications`);

/** Only the number of unread notifications: cheap enough to call on every navigation. */
export const countUnreadNotifications = async (code: string) =>
  (await request<NotificationList>('GET', `${base(code)}/me/notifications`, { query: { countOnly: 'true' } })).unread;

/** Marks the given notifications read, or all of them when `ids` is left out. */
export const markNotificationsRead = (code: string, ids?: string[]) =>
  request<{ marked: number }>('POST', `${base(code)}/me/notifications/read`, { body: ids ? { ids } : {} });

export const getNotificationPreferences = (code: string) =>
  request<NotificationPreferences>('GET', `${base(code)}/me/notification-preferences`);

export const saveNotificationPreferences = (code: string, preferences: NotificationPreferences) =>
  request<NotificationPreferences>('PUT', `${base(code)}/me/notification-preferences`, { body: preferences });

/** Anyone on the match reports the other person. Throws `rate_limited` after five a day. */
export const reportAbuse = (code: string, report: { matchId: string; category: AbuseCategory; details?: string }) =>
  request<{ id: string; category: AbuseCategory; status: 'open'; createdAt: string }>('POST', `${base(code)}/abuse-reports`, { body: report });

/** For social workers and admins. */
export const listAbuseReports = (code: string, status: 'open' | 'all') =>
  request<AbuseReport[]>('GET', `${base(code)}/abuse-reports`, { query: { status } });

/** Throws `conflict` when someone else handled it first. */
export const handleAbuseReport = (code: string, id: string, outcome: ReportOutcome) =>
  request<{ id: string; status: ReportOutcome }>('POST', `${base(code)}/abuse-reports/${encodeURIComponent(id)}/handle`, { body: { outcome } });

/** Blocks the other person of the match: the match stops and the two are never matched again. */
export const blockOnMatch = (code: string, matchId: string) =>
  request<{ blocked: boolean }>('POST', `${base(code)}/matches/${encodeURIComponent(matchId)}/block`);

export const listMyBlocks = (code: string) => request<Block[]>('GET', `${base(code)}/me/blocks`);

export const unblock = (code: string, personId: string) =>
  request<{ blocked: boolean }>('DELETE', `${base(code)}/me/blocks/${encodeURIComponent(personId)}`);
