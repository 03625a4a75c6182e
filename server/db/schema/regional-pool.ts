/**
 * The regional pool (regionale pool): municipalities that agree to share
 * their willing volunteers for neighbour help. A municipality's admin joins a
 * pool; two municipalities share only when both joined the same one, and then
 * only volunteers who opted in and requests that opted in (ADR 0007).
 *
 * A pool's name and its member municipalities are not personal data and are
 * readable by every municipality. A volunteer who helps in a partner
 * municipality becomes a person there (same account) when they are first
 * proposed; `regional_volunteers` links that person to their home record,
 * where their offer, VOG and capacity stay.
 */
import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, check } from 'drizzle-orm/pg-core';
import { municipalities, persons } from './index';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const regionalPools = pgTable(
  'regional_pools',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    createdByTenantId: uuid('created_by_tenant_id')
      .notNull()
      .references(() => municipalities.id),
    createdAt: ts('created_at').notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('regional_pools_name_uq').on(sql`lower(${t.name})`), check('regional_pool_name_length', sql`char_length(${t.name}) between 2 and 80`)],
);

/** A municipality is in at most one pool. */
export const regionalPoolMembers = pgTable(
  'regional_pool_members',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => municipalities.id),
    poolId: uuid('pool_id')
      .notNull()
      .references(() => regionalPools.id),
    joinedAt: ts('joined_at').notNull().default(sql`now()`),
    joinedByPersonId: uuid('joined_by_person_id').notNull(),
    /** Sharing starts only once a municipality already in the pool accepted the newcomer (or it started the pool). */
    acceptedAt: ts('accepted_at'),
    acceptedByTenantId: uuid('accepted_by_tenant_id').references(() => municipalities.id),
  },
  (t) => [index('regional_pool_members_pool_idx').on(t.poolId)],
);

/** A volunteer from a partner municipality, as a person of this (host) municipality. */
export const regionalVolunteers = pgTable(
  'regional_volunteers',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    homeTenantId: uuid('home_tenant_id')
      .notNull()
      .references(() => municipalities.id),
    homePersonId: uuid('home_person_id').notNull(),
    createdAt: ts('created_at').notNull().default(sql`now()`),
    /** Suspended by this municipality's coordinator after a report: no longer proposed here. */
    suspendedAt: ts('suspended_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId] }),
    uniqueIndex('regional_volunteers_home_uq').on(t.tenantId, t.homeTenantId, t.homePersonId),
    index('regional_volunteers_home_idx').on(t.homeTenantId, t.homePersonId),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.homeTenantId, t.homePersonId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
  ],
);
