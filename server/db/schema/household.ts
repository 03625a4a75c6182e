/**
 * One plan around the resident (issue 5): the resident's file with their
 * household and consent records, the people on the plan, the household plan
 * kept as numbered versions, the network map, self-sufficiency
 * measurements and the resident's own voice.
 *
 * Need-to-know (ADR 0006): the file is read through its coordinator, its
 * resident, or a person on the plan within a valid consent; the repository
 * only stores, the policy decides.
 */
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities, organisations, persons } from './index';
import { helpRequests } from './neighbour-help';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Per-municipality settings; a municipality without a row uses the defaults. */
export const householdSettings = pgTable(
  'household_settings',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => municipalities.id),
    /** Warn when more distinct professionals and organisations than this were involved in 12 months. */
    fragmentationThreshold: integer('fragmentation_threshold').notNull().default(5),
    /** The life domains of self-sufficiency measurements; null: the 13 domains of the ZRM 2017. */
    outcomeDomains: jsonb('outcome_domains').$type<Array<{ code: string; nameNl: string; nameEn: string }>>(),
    updatedAt: ts('updated_at'),
  },
  (t) => [check('household_fragmentation_threshold_range', sql`${t.fragmentationThreshold} between 1 and 100`)],
);

/** A resident's file: one per resident per municipality, with one coordinator. */
export const residentFiles = pgTable(
  'resident_files',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    residentPersonId: uuid('resident_person_id').notNull(),
    /** Citizen service number, optional; 11-proof checked before it is stored. */
    bsn: text('bsn'),
    coordinatorPersonId: uuid('coordinator_person_id').notNull(),
    createdByPersonId: uuid('created_by_person_id').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('resident_files_resident_uq').on(t.tenantId, t.residentPersonId),
    index('resident_files_coordinator_idx').on(t.tenantId, t.coordinatorPersonId),
    foreignKey({ columns: [t.tenantId, t.residentPersonId], foreignColumns: [persons.tenantId, persons.id] }),
    foreignKey({ columns: [t.tenantId, t.coordinatorPersonId], foreignColumns: [persons.tenantId, persons.id] }),
    foreignKey({ columns: [t.tenantId, t.createdByPersonId], foreignColumns: [persons.tenantId, persons.id] }),
    check('resident_file_bsn_format', sql`${t.bsn} is null or ${t.bsn} ~ '^[0-9]{9}$'`),
  ],
);

/** The people the resident lives with. */
export const householdMembers = pgTable(
  'household_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    fileId: uuid('file_id').notNull(),
    name: text('name').notNull(),
    /** partner | child | parent | sibling | other */
    relation: text('relation').notNull(),
    birthYear: integer('birth_year'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [residentFiles.tenantId, residentFiles.id] }).onDelete('cascade'),
    index('household_members_file_idx').on(t.tenantId, t.fileId),
    check('household_member_relation', sql`${t.relation} in ('partner','child','parent','sibling','other')`),
  ],
);

/** The people on the plan (besides the resident and the coordinator). Removal ends access at once. */
export const planParticipants = pgTable(
  'plan_participants',
  {
    tenantId: uuid('tenant_id').notNull(),
    fileId: uuid('file_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** The organisation they work for on this plan (professionals). */
    organisationId: uuid('organisation_id'),
    addedByPersonId: uuid('added_by_person_id').notNull(),
    addedAt: ts('added_at').notNull(),
    removedAt: ts('removed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.fileId, t.personId] }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [residentFiles.tenantId, residentFiles.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    index('plan_participants_person_idx').on(t.tenantId, t.personId),
  ],
);

/** What the resident agreed to share, with whom (a person or an organisation), why, until when. */
export const consentRecords = pgTable(
  'consent_records',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    fileId: uuid('file_id').notNull(),
    recipientPersonId: uuid('recipient_person_id'),
    recipientOrganisationId: uuid('recipient_organisation_id'),
    /** Parts of the file: identity, household, plan, network, outcomes, voice. */
    scopes: text('scopes').array().notNull(),
    purpose: text('purpose').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    recordedByPersonId: uuid('recorded_by_person_id').notNull(),
    recordedAt: ts('recorded_at').notNull(),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnByPersonId: uuid('withdrawn_by_person_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [residentFiles.tenantId, residentFiles.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.recipientPersonId], foreignColumns: [persons.tenantId, persons.id] }),
    foreignKey({ columns: [t.tenantId, t.recipientOrganisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    index('consent_records_file_idx').on(t.tenantId, t.fileId),
    check('consent_one_recipient', sql`(${t.recipientPersonId} is null) <> (${t.recipientOrganisationId} is null)`),
    check('consent_period', sql`${t.validUntil} >= ${t.validFrom}`),
    check('consent_scopes_nonempty', sql`cardinality(${t.scopes}) > 0`),
  ],
);

/** Every version of the plan, never changed afterwards; the highest version is the current plan. */
export const householdPlanVersions = pgTable(
  'household_plan_versions',
  {
    tenantId: uuid('tenant_id').notNull(),
    fileId: uuid('file_id').notNull(),
    version: integer('version').notNull(),
    /** Goals, actions, review dates and chosen domains (household.plan.ts: PlanContent). */
    content: jsonb('content').notNull(),
    reason: text('reason').notNull(),
    authorPersonId: uuid('author_person_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.fileId, t.version] }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [residentFiles.tenantId, residentFiles.id] }).onDelete('cascade'),
    check('household_plan_version_positive', sql`${t.version} >= 1`),
  ],
);

/** The people and organisations around the resident (netwerkkaart). */
export const networkMembers = pgTable(
  'network_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    fileId: uuid('file_id').notNull(),
    /** household | family | friends | neighbours | volunteers | professionals | organisations */
    circle: text('circle').notNull(),
    name: text('name').notNull(),
    personId: uuid('person_id'),
    organisationId: uuid('organisation_id'),
    /** For the organisations circle: housing_corporation, school, police, care_provider, ... */
    organisationKind: text('organisation_kind'),
    supportKinds: text('support_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** 1 light, 2 moderate, 3 strong. */
    strength: integer('strength').notNull(),
    involvedSince: date('involved_since', { mode: 'string' }),
    involvedUntil: date('involved_until', { mode: 'string' }),
    /** A neighbour-help request this member helps with (its volunteers). */
    helpRequestId: uuid('help_request_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [residentFiles.tenantId, residentFiles.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    foreignKey({ columns: [t.tenantId, t.helpRequestId], foreignColumns: [helpRequests.tenantId, helpRequests.id] }),
    index('network_members_file_idx').on(t.tenantId, t.fileId),
    check('network_member_circle', sql`${t.circle} in ('household','family','friends','neighbours','volunteers','professionals','organisations')`),
    check('network_member_strength', sql`${t.strength} between 1 and 3`),
    check('network_member_period', sql`${t.involvedUntil} is null or ${t.involvedSince} is null or ${t.involvedUntil} >= ${t.involvedSince}`),
  ],
);

/** One self-sufficiency measurement: by a professional, or the resident's own. */
export const outcomeMeasurements = pgTable(
  'outcome_measurements',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    fileId: uuid('file_id').notNull(),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    /** professional | resident */
    source: text('source').notNull(),
    /** The resident's own mark for their situation, 1-10. */
    residentScore: integer('resident_score'),
    planVersion: integer('plan_version').notNull(),
    recordedByPersonId: uuid('recorded_by_person_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [residentFiles.tenantId, residentFiles.id] }).onDelete('cascade'),
    index('outcome_measurements_file_idx').on(t.tenantId, t.fileId, t.measuredOn),
    check('outcome_measurement_source', sql`${t.source} in ('professional','resident')`),
    check('outcome_resident_score', sql`${t.residentScore} is null or ${t.residentScore} between 1 and 10`),
  ],
);

/** A domain's score in a measurement: 1 acute problems ... 5 fully self-sufficient. */
export const outcomeScores = pgTable(
  'outcome_scores',
  {
    tenantId: uuid('tenant_id').notNull(),
    measurementId: uuid('measurement_id').notNull(),
    domain: text('domain').notNull(),
    score: integer('score').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.measurementId, t.domain] }),
    foreignKey({ columns: [t.tenantId, t.measurementId], foreignColumns: [outcomeMeasurements.tenantId, outcomeMeasurements.id] }).onDelete('cascade'),
    check('outcome_score_scale', sql`${t.score} between 1 and 5`),
  ],
);

/** Goal attainment in a measurement (Goal Attainment Scaling: -2 much less ... +2 much more than expected). */
export const goalAttainments = pgTable(
  'goal_attainments',
  {
    tenantId: uuid('tenant_id').notNull(),
    measurementId: uuid('measurement_id').notNull(),
    goalId: uuid('goal_id').notNull(),
    attainment: integer('attainment').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.measurementId, t.goalId] }),
    foreignKey({ columns: [t.tenantId, t.measurementId], foreignColumns: [outcomeMeasurements.tenantId, outcomeMeasurements.id] }).onDelete('cascade'),
    check('goal_attainment_scale', sql`${t.attainment} between -2 and 2`),
  ],
);

/** Feedback and wishes in the resident's own words, with the answer once given. */
export const residentVoiceEntries = pgTable(
  'resident_voice_entries',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    fileId: uuid('file_id').notNull(),
    /** feedback | wish */
    kind: text('kind').notNull(),
    /** contact | review | other */
    occasion: text('occasion').notNull(),
    body: text('body').notNull(),
    recordedByPersonId: uuid('recorded_by_person_id').notNull(),
    createdAt: ts('created_at').notNull(),
    answer: text('answer'),
    answeredByPersonId: uuid('answered_by_person_id'),
    answeredAt: ts('answered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [residentFiles.tenantId, residentFiles.id] }).onDelete('cascade'),
    index('resident_voice_file_idx').on(t.tenantId, t.fileId, t.createdAt),
    index('resident_voice_open_idx').on(t.tenantId, t.kind, t.answeredAt),
    check('resident_voice_kind', sql`${t.kind} in ('feedback','wish')`),
    check('resident_voice_occasion', sql`${t.occasion} in ('contact','review','other')`),
    check('resident_voice_answer', sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
  ],
);

/** A neighbour-help request that hangs under a plan; its volunteers show in the network map. */
export const planHelpRequests = pgTable(
  'plan_help_requests',
  {
    tenantId: uuid('tenant_id').notNull(),
    fileId: uuid('file_id').notNull(),
    requestId: uuid('request_id').notNull(),
    linkedByPersonId: uuid('linked_by_person_id').notNull(),
    linkedAt: ts('linked_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.fileId, t.requestId] }),
    uniqueIndex('plan_help_requests_request_uq').on(t.tenantId, t.requestId),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [residentFiles.tenantId, residentFiles.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.requestId], foreignColumns: [helpRequests.tenantId, helpRequests.id] }),
  ],
);
