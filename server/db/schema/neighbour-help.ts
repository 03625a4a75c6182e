/**
 * Neighbour help (buurthulp): the municipality's own help categories, the
 * volunteers' offers with their screening (VOG), and residents' requests.
 * The exact address of a request lives in its own table so that no list or
 * matching query can select it by accident; matching only sees the PC4 area.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { municipalities, persons } from './index';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Per-municipality settings of neighbour help. */
export const neighbourHelpSettings = pgTable(
  'neighbour_help_settings',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => municipalities.id),
    /** A request without an accepted match after this many days lands with the coach. */
    stallAfterDays: integer('stall_after_days').notNull().default(5),
    /** How long a VOG is accepted after its date of issue. */
    vogValidMonths: integer('vog_valid_months').notNull().default(36),
  },
  (t) => [
    check('stall_after_days_range', sql`${t.stallAfterDays} between 1 and 60`),
    check('vog_valid_months_range', sql`${t.vogValidMonths} between 1 and 120`),
  ],
);

export const helpCategories = pgTable(
  'help_categories',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => municipalities.id),
    id: uuid('id').notNull(),
    /** Stable code, e.g. `company`, unique per municipality. */
    code: text('code').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    /** Help with vulnerable people: only volunteers with a valid VOG. */
    vulnerable: boolean('vulnerable').notNull().default(false),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('help_categories_code_uq').on(t.tenantId, t.code)],
);

export const volunteerProfiles = pgTable(
  'volunteer_profiles',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** Day parts as a bitmask: bit day*3+part, Monday = 0, morning = 0. */
    dayParts: integer('day_parts').notNull(),
    /** At most this many sessions a month, in tenths (10 = once a month). */
    sessionsPerMonthTenths: integer('sessions_per_month_tenths').notNull(),
    maxResidents: integer('max_residents').notNull().default(1),
    maxKm: integer('max_km').notNull(),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{nl}'::text[]`),
    gender: text('gender').notNull().default('unknown'),
    pc4: text('pc4').notNull(),
    regionalPool: boolean('regional_pool').notNull().default(false),
    /** Gift mode: no hours are kept or owed (the default; a time bank is opt-in). */
    giftMode: boolean('gift_mode').notNull().default(true),
    active: boolean('active').notNull().default(true),
    /** Set by a coordinator after an abuse report: not proposed to anyone while set. */
    suspendedAt: ts('suspended_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
    check('volunteer_day_parts_range', sql`${t.dayParts} between 1 and 2097151`),
    check('volunteer_sessions_range', sql`${t.sessionsPerMonthTenths} between 1 and 310`),
    check('volunteer_max_residents_range', sql`${t.maxResidents} between 1 and 20`),
    check('volunteer_max_km_range', sql`${t.maxKm} between 1 and 50`),
  ],
);

export const volunteerCategories = pgTable(
  'volunteer_categories',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    categoryId: uuid('category_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId, t.categoryId] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [volunteerProfiles.tenantId, volunteerProfiles.personId] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.categoryId], foreignColumns: [helpCategories.tenantId, helpCategories.id] }),
  ],
);

/** A certificate of conduct (VOG) as seen by a coordinator; the document itself is not stored. */
export const vogRecords = pgTable(
  'vog_records',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    recordedByPersonId: uuid('recorded_by_person_id').notNull(),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
    index('vog_records_person_idx').on(t.tenantId, t.personId, t.issuedOn),
  ],
);

export const helpRequests = pgTable(
  'help_requests',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** The resident who owns the request, also when staff posted it for them. */
    residentPersonId: uuid('resident_person_id').notNull(),
    createdByPersonId: uuid('created_by_person_id').notNull(),
    categoryId: uuid('category_id').notNull(),
    description: text('description').notNull(),
    /** once | weekly | fortnightly | monthly */
    schedule: text('schedule').notNull(),
    /** For `once`: the window in which the help is wanted. */
    windowStart: ts('window_start'),
    windowEnd: ts('window_end'),
    dayParts: integer('day_parts').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    pc4: text('pc4').notNull(),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    sameGender: boolean('same_gender').notNull().default(false),
    /** Asked by the resident, or implied by a vulnerable category. */
    vogRequired: boolean('vog_required').notNull().default(false),
    /** low | normal | high */
    urgency: text('urgency').notNull().default('normal'),
    /** open | matched | stalled | referred | closed | cancelled */
    status: text('status').notNull().default('open'),
    sensitive: boolean('sensitive').notNull().default(false),
    /** The resident's gender, asked only when they wish a volunteer of the same gender. */
    residentGender: text('resident_gender').notNull().default('unknown'),
    /** The resident accepts a volunteer from a neighbouring municipality (if the volunteer opted in too). */
    regionalPool: boolean('regional_pool').notNull().default(false),
    /** The coach widened the search: volunteers up to this many km beyond their own limit are shown to the coach (never proposed by the platform). */
    extraKm: integer('extra_km').notNull().default(0),
    /** Why the coach referred the request to formal support. */
    referralReason: text('referral_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    firstResponseAt: ts('first_response_at'),
    matchedAt: ts('matched_at'),
    closedAt: ts('closed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.residentPersonId], foreignColumns: [persons.tenantId, persons.id] }),
    foreignKey({ columns: [t.tenantId, t.createdByPersonId], foreignColumns: [persons.tenantId, persons.id] }),
    foreignKey({ columns: [t.tenantId, t.categoryId], foreignColumns: [helpCategories.tenantId, helpCategories.id] }),
    index('help_requests_resident_idx').on(t.tenantId, t.residentPersonId, t.createdAt),
    index('help_requests_status_idx').on(t.tenantId, t.status, t.createdAt),
    check('help_request_schedule', sql`${t.schedule} in ('once','weekly','fortnightly','monthly')`),
    check('help_request_status', sql`${t.status} in ('open','matched','stalled','referred','closed','cancelled')`),
    check('help_request_urgency', sql`${t.urgency} in ('low','normal','high')`),
    check('help_request_day_parts', sql`${t.dayParts} between 1 and 2097151`),
    check('help_request_duration', sql`${t.durationMinutes} between 15 and 480`),
    check('help_request_resident_gender', sql`${t.residentGender} in ('female','male','other','unknown')`),
    check('help_request_extra_km', sql`${t.extraKm} between 0 and 25`),
    check('help_request_window', sql`(${t.schedule} = 'once') = (${t.windowStart} is not null and ${t.windowEnd} is not null)`),
  ],
);

/** The exact address: read only when both sides accepted a match (and by the resident). */
export const helpRequestAddresses = pgTable(
  'help_request_addresses',
  {
    tenantId: uuid('tenant_id').notNull(),
    requestId: uuid('request_id').notNull(),
    postcode: text('postcode').notNull(),
    houseNumber: integer('house_number').notNull(),
    houseNumberAddition: text('house_number_addition'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.requestId] }),
    foreignKey({ columns: [t.tenantId, t.requestId], foreignColumns: [helpRequests.tenantId, helpRequests.id] }).onDelete('cascade'),
  ],
);
