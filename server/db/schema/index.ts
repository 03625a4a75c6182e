/**
 * The database schema. Tenant-owned tables carry `tenant_id` first in their
 * primary and foreign keys (ready for sharding by municipality); row-level
 * security (migration 0001) is the second wall behind the application's
 * checks. Global tables (accounts, sessions, throttles, outbox) hold no
 * tenant data: an account is only a credential, the person records that
 * carry personal data live per municipality.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
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

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const municipalities = pgTable('municipalities', {
  id: uuid('id').primaryKey(),
  /** CBS municipality code, e.g. GM0505 for Dordrecht. */
  cbsCode: text('cbs_code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey(),
  /** Lower-cased. */
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash'),
  locale: text('locale').notNull().default('nl'),
  createdAt: ts('created_at').notNull().defaultNow(),
  passwordChangedAt: ts('password_changed_at'),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value; the cookie value itself is never stored. */
    idHash: text('id_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/** Failed sign-in counters per e-mail (hashed), whether or not the account exists. */
export const signInThrottles = pgTable('sign_in_throttles', {
  keyHash: text('key_hash').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: ts('window_started_at').notNull(),
  lockedUntil: ts('locked_until'),
});

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('password_reset_tokens_account_idx').on(t.accountId)],
);

/** Demo/default mail transport: messages land here and the demo shows them. */
export const outboxMessages = pgTable('outbox_messages', {
  id: uuid('id').primaryKey(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
  createdAt: ts('created_at').notNull(),
});

/** Security events that belong to no municipality (sign-in, reset). No personal data. */
export const securityEvents = pgTable(
  'security_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: ts('occurred_at').notNull(),
    accountId: uuid('account_id'),
    kind: text('kind').notNull(),
    requestId: text('request_id').notNull(),
  },
  (t) => [index('security_events_account_idx').on(t.accountId)],
);

export const organisations = pgTable(
  'organisations',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => municipalities.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const persons = pgTable(
  'persons',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => municipalities.id),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('persons_tenant_account_uq').on(t.tenantId, t.accountId),
    uniqueIndex('persons_tenant_email_uq').on(t.tenantId, t.email),
    index('persons_account_idx').on(t.accountId),
  ],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    role: text('role').notNull(),
    organisationId: uuid('organisation_id'),
    grantedAt: ts('granted_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId, t.role] }),
    foreignKey({
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }),
  ],
);

/**
 * Append-only audit log (NEN 7513 fields), hash-chained per municipality:
 * hash = sha256(prevHash + canonical(event)). UPDATE and DELETE are refused
 * by a trigger (migration 0001); `npm run audit:verify` recomputes the chain.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => municipalities.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: uuid('id').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    actorAccountId: uuid('actor_account_id'),
    actorPersonId: uuid('actor_person_id'),
    onBehalfOfPersonId: uuid('on_behalf_of_person_id'),
    action: text('action').notNull(),
    subjectPersonId: uuid('subject_person_id'),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    purpose: text('purpose').notNull(),
    outcome: text('outcome').notNull(),
    requestId: text('request_id').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    index('audit_events_subject_idx').on(t.tenantId, t.subjectPersonId, t.seq),
    index('audit_events_action_idx').on(t.tenantId, t.action, t.seq),
  ],
);

/** The head of each municipality's audit chain; locked FOR UPDATE while appending. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => municipalities.id),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  lastHash: text('last_hash').notNull(),
});

/** Marks one-off data loads (demo data) so a second start adds nothing. */
export const dataLoads = pgTable('data_loads', {
  name: text('name').primaryKey(),
  loadedAt: ts('loaded_at').notNull().default(sql`now()`),
});
export * from './neighbour-help';
export * from './help-matches';
export * from './regional-pool';
export * from './household';
export * from './effects';
export * from './dashboards';
