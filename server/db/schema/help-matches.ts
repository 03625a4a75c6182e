/**
 * Neighbour help, second part: matches (koppelingen) between a request and a
 * volunteer with their in-app messages, rotas for heavy recurring requests,
 * the coach's record of stalled requests, the resident's own network,
 * meet-ups, notifications, abuse reports and blocks, and the hours given.
 *
 * Nothing here holds an address. A match's `explanation` holds only the
 * engine's reasons (distance, day parts in common, deciding terms).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, persons } from './index';
import { helpRequests } from './neighbour-help';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A rota (rooster): one recurring request split over a small team; a coach approves it. */
export const helpRotas = pgTable(
  'help_rotas',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    requestId: uuid('request_id').notNull(),
    /** proposed | approved | cancelled */
    status: text('status').notNull(),
    /** The first session date; the calendar follows the request's schedule from here. */
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    proposedByPersonId: uuid('proposed_by_person_id').notNull(),
    approvedByPersonId: uuid('approved_by_person_id'),
    createdAt: ts('created_at').notNull(),
    approvedAt: ts('approved_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.requestId], foreignColumns: [helpRequests.tenantId, helpRequests.id] }),
    index('help_rotas_request_idx').on(t.tenantId, t.requestId),
    check('help_rota_status', sql`${t.status} in ('proposed','approved','cancelled')`),
  ],
);

export const helpMatches = pgTable(
  'help_matches',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    requestId: uuid('request_id').notNull(),
    volunteerPersonId: uuid('volunteer_person_id').notNull(),
    /** proposed | volunteer_accepted | confirmed | declined | withdrawn | ended (see neighbour-help.match-state.ts) */
    state: text('state').notNull(),
    /** engine | coach | volunteer | meetup: who put the pair forward. */
    origin: text('origin').notNull(),
    /** The share of the request this volunteer takes, in tenths of a session per month. */
    sessionsPerMonthTenths: integer('sessions_per_month_tenths').notNull(),
    /** Straight-line distance between the two PC4 areas, in metres. */
    distanceM: integer('distance_m').notNull(),
    /** Why the pair was proposed (the engine's explanation, no personal data). */
    explanation: jsonb('explanation').notNull(),
    rotaId: uuid('rota_id'),
    meetupId: uuid('meetup_id'),
    reason: text('reason'),
    /** volunteer | resident, for a decline. */
    declinedBy: text('declined_by'),
    noShows: integer('no_shows').notNull().default(0),
    createdByPersonId: uuid('created_by_person_id'),
    createdAt: ts('created_at').notNull(),
    volunteerAcceptedAt: ts('volunteer_accepted_at'),
    confirmedAt: ts('confirmed_at'),
    closedAt: ts('closed_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.requestId], foreignColumns: [helpRequests.tenantId, helpRequests.id] }),
    foreignKey({ columns: [t.tenantId, t.volunteerPersonId], foreignColumns: [persons.tenantId, persons.id] }),
    foreignKey({ columns: [t.tenantId, t.rotaId], foreignColumns: [helpRotas.tenantId, helpRotas.id] }),
    index('help_matches_request_idx').on(t.tenantId, t.requestId),
    index('help_matches_volunteer_idx').on(t.tenantId, t.volunteerPersonId, t.state),
    /** One live match per pair. */
    uniqueIndex('help_matches_live_pair_uq')
      .on(t.tenantId, t.requestId, t.volunteerPersonId)
      .where(sql`state in ('proposed','volunteer_accepted','confirmed')`),
    check('help_match_state', sql`${t.state} in ('proposed','volunteer_accepted','confirmed','declined','withdrawn','ended')`),
    check('help_match_origin', sql`${t.origin} in ('engine','coach','volunteer','meetup')`),
    check('help_match_sessions', sql`${t.sessionsPerMonthTenths} between 1 and 310`),
    check('help_match_no_shows', sql`${t.noShows} >= 0`),
  ],
);

export const matchMessages = pgTable(
  'match_messages',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    matchId: uuid('match_id').notNull(),
    senderPersonId: uuid('sender_person_id').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.matchId], foreignColumns: [helpMatches.tenantId, helpMatches.id] }).onDelete('cascade'),
    index('match_messages_match_idx').on(t.tenantId, t.matchId, t.createdAt),
    index('match_messages_sender_idx').on(t.tenantId, t.senderPersonId, t.createdAt),
    check('match_message_length', sql`char_length(${t.body}) between 1 and 2000`),
  ],
);

/** A stall: a request that landed with the coach, and how it ended. */
export const helpRequestStalls = pgTable(
  'help_request_stalls',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    requestId: uuid('request_id').notNull(),
    /** no_match_in_time | no_candidates | needs_rota (no one volunteer can carry a recurring request) | sensitive */
    cause: text('cause').notNull(),
    detectedAt: ts('detected_at').notNull(),
    /** matched | rota | network | referred | cancelled */
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    resolvedAt: ts('resolved_at'),
    resolvedByPersonId: uuid('resolved_by_person_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.requestId], foreignColumns: [helpRequests.tenantId, helpRequests.id] }),
    /** At most one open stall per request. */
    uniqueIndex('help_request_stalls_open_uq').on(t.tenantId, t.requestId).where(sql`resolved_at is null`),
    check('help_stall_cause', sql`${t.cause} in ('no_match_in_time','no_candidates','needs_rota','sensitive')`),
    check('help_stall_outcome', sql`${t.outcome} is null or ${t.outcome} in ('matched','rota','network','referred','cancelled')`),
  ],
);

/** People around the resident who might help first (recorded with the request, with the resident). */
export const helpRequestNetworkContacts = pgTable(
  'help_request_network_contacts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    requestId: uuid('request_id').notNull(),
    /** A first name or a description ("my neighbour at number 12"); no contact details. */
    name: text('name').notNull(),
    /** family | friend | neighbour | colleague | other */
    relation: text('relation').notNull(),
    /** not_asked | asked | will_help | cannot_help */
    status: text('status').notNull().default('not_asked'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.requestId], foreignColumns: [helpRequests.tenantId, helpRequests.id] }).onDelete('cascade'),
    index('help_network_request_idx').on(t.tenantId, t.requestId),
    check('help_network_relation', sql`${t.relation} in ('family','friend','neighbour','colleague','other')`),
    check('help_network_status', sql`${t.status} in ('not_asked','asked','will_help','cannot_help')`),
  ],
);

/** Hours given: a session that took place, recorded by the volunteer or the coach. */
export const helpSessions = pgTable(
  'help_sessions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    matchId: uuid('match_id').notNull(),
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
    recordedByPersonId: uuid('recorded_by_person_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.matchId], foreignColumns: [helpMatches.tenantId, helpMatches.id] }),
    index('help_sessions_match_idx').on(t.tenantId, t.matchId, t.happenedOn),
    check('help_session_minutes', sql`${t.minutes} between 5 and 720`),
  ],
);

/** Meet-ups (ontmoetingen): a café, a communal meal, organised by an organisation. */
export const meetups = pgTable(
  'meetups',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    title: text('title').notNull(),
    /** The public venue, e.g. "Buurthuis De Schakel, Bankastraat 2". Never a resident's home. */
    place: text('place').notNull(),
    pc4: text('pc4').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    notes: text('notes').notNull().default(''),
    createdByPersonId: uuid('created_by_person_id').notNull(),
    cancelledAt: ts('cancelled_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    index('meetups_starts_idx').on(t.tenantId, t.startsAt),
    check('meetup_capacity', sql`${t.capacity} between 1 and 500`),
    check('meetup_times', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const meetupSignups = pgTable(
  'meetup_signups',
  {
    tenantId: uuid('tenant_id').notNull(),
    meetupId: uuid('meetup_id').notNull(),
    personId: uuid('person_id').notNull(),
    signedUpAt: ts('signed_up_at').notNull(),
    cancelledAt: ts('cancelled_at'),
    /** null until the organiser keeps attendance. */
    attended: boolean('attended'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetupId, t.personId] }),
    foreignKey({ columns: [t.tenantId, t.meetupId], foreignColumns: [meetups.tenantId, meetups.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
    index('meetup_signups_person_idx').on(t.tenantId, t.personId),
  ],
);

/** In-app notifications; e-mail goes through the mailer with a cap per person. */
export const notifications = pgTable(
  'notifications',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    /** e.g. match.proposed, match.confirmed, message.received, rota.approved, meetup.reminder */
    kind: text('kind').notNull(),
    /** Ids only (match, request, meet-up): the text is composed in the reader's language. */
    refId: uuid('ref_id'),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
    /** none (not handled yet) | immediate | pending_digest | digest | skipped (no e-mail wanted or no address). */
    emailed: text('emailed').notNull().default('none'),
    emailedAt: ts('emailed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
    index('notifications_person_idx').on(t.tenantId, t.personId, t.createdAt),
    check('notification_emailed', sql`${t.emailed} in ('none','immediate','digest','pending_digest','skipped')`),
  ],
);

export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** immediate | digest | off */
    email: text('email').notNull().default('immediate'),
    /** At most this many e-mails a week; the rest waits for the digest. */
    maxEmailsPerWeek: integer('max_emails_per_week').notNull().default(3),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
    check('notification_email_mode', sql`${t.email} in ('immediate','digest','off')`),
    check('notification_cap', sql`${t.maxEmailsPerWeek} between 0 and 50`),
  ],
);

export const abuseReports = pgTable(
  'abuse_reports',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    reporterPersonId: uuid('reporter_person_id').notNull(),
    subjectPersonId: uuid('subject_person_id').notNull(),
    matchId: uuid('match_id'),
    /** harassment | no_show | unsafe | inappropriate | other */
    category: text('category').notNull(),
    details: text('details').notNull().default(''),
    createdAt: ts('created_at').notNull(),
    /** open | dismissed | warned | suspended */
    status: text('status').notNull().default('open'),
    handledByPersonId: uuid('handled_by_person_id'),
    handledAt: ts('handled_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.reporterPersonId], foreignColumns: [persons.tenantId, persons.id] }),
    foreignKey({ columns: [t.tenantId, t.subjectPersonId], foreignColumns: [persons.tenantId, persons.id] }),
    index('abuse_reports_status_idx').on(t.tenantId, t.status, t.createdAt),
    check('abuse_category', sql`${t.category} in ('harassment','no_show','unsafe','inappropriate','other')`),
    check('abuse_status', sql`${t.status} in ('open','dismissed','warned','suspended')`),
  ],
);

/** A person blocked by another: never matched or messaged again. */
export const personBlocks = pgTable(
  'person_blocks',
  {
    tenantId: uuid('tenant_id').notNull(),
    blockerPersonId: uuid('blocker_person_id').notNull(),
    blockedPersonId: uuid('blocked_person_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.blockerPersonId, t.blockedPersonId] }),
    foreignKey({ columns: [t.tenantId, t.blockerPersonId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.blockedPersonId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
    check('person_block_not_self', sql`${t.blockerPersonId} <> ${t.blockedPersonId}`),
  ],
);
