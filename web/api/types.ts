/**
 * Shapes of the samenspel HTTP API as the web interface uses them.
 * They mirror the API contract; dates travel as ISO 8601 strings.
 */
import type { Locale, OrganisationKind, Role } from '../../shared/roles';

export interface AppConfig {
  demoMode: boolean;
  version: string;
}

export interface Account {
  id: string;
  email: string;
  locale: Locale;
}

export interface Municipality {
  id: string;
  /** CBS code, e.g. GM0505; used in API paths. */
  code: string;
  name: string;
}

export interface RoleAssignment {
  role: Role;
  organisationId: string | null;
}

export interface Membership {
  municipality: Municipality;
  personId: string;
  displayName: string;
  roles: RoleAssignment[];
}

export interface Session {
  account: Account;
  memberships: Membership[];
  csrfToken: string;
}

export interface PersonRole {
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
}

export interface Person {
  id: string;
  givenName: string;
  familyName: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  roles: PersonRole[];
  hasAccount: boolean;
  createdAt: string;
}

export interface AccessLogEntry {
  occurredAt: string;
  actorDisplayName: string | null;
  actorRoles: string[];
  action: string;
  purpose: string;
}

export interface PersonSummary {
  id: string;
  displayName: string;
  email: string | null;
  roles: string[];
}

export interface PersonList {
  items: PersonSummary[];
  total: number;
}

/** What the admin sends to give someone a role; organisationId only for professionals. */
export interface RoleInput {
  role: Role;
  organisationId?: string;
}

export interface NewPerson {
  givenName: string;
  familyName: string;
  email?: string;
  phone?: string;
  roles: RoleInput[];
  invite?: boolean;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface AuditEvent {
  seq: number;
  occurredAt: string;
  actorDisplayName: string | null;
  action: string;
  subjectDisplayName: string | null;
  purpose: string | null;
  outcome: string;
  requestId: string | null;
}

export interface AuditPage {
  items: AuditEvent[];
  nextBefore: number | null;
}

export interface AuditFilter {
  action?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive. */
  to?: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  brokenAtSeq: number | null;
}

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}
