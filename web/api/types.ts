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

// Neighbour help (buurthulp)

/** `mon:morning` … `sun:evening`, as in the server's rules. */
export type DayPart = `${'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'}:${'morning' | 'afternoon' | 'evening'}`;
export type HelpSchedule = 'once' | 'weekly' | 'fortnightly' | 'monthly';
export type HelpUrgency = 'low' | 'normal' | 'high';
export type HelpRequestStatus = 'open' | 'matched' | 'stalled' | 'referred' | 'closed' | 'cancelled';
export type VolunteerGender = 'female' | 'male' | 'other' | 'unknown';

export interface HelpCategory {
  id: string;
  code: string;
  /** In the language of the request. */
  name: string;
  /** Help with vulnerable people: a volunteer always needs a valid VOG. */
  vulnerable: boolean;
}

export interface HelpRequestSummary {
  id: string;
  residentPersonId: string;
  residentDisplayName: string;
  category: { id: string; code: string; name: string };
  schedule: HelpSchedule;
  sessionsPerMonth: number;
  pc4: string;
  place: string | null;
  urgency: HelpUrgency;
  /** One of HelpRequestStatus; kept open so a new server status does not break a page. */
  status: string;
  vogRequired: boolean;
  postedOnBehalf: boolean;
  createdAt: string;
}

export interface HelpRequest extends HelpRequestSummary {
  description: string;
  /** Only for a one-off request. */
  window: { start: string; end: string } | null;
  dayParts: DayPart[];
  durationMinutes: number;
  languages: string[];
  sameGender: boolean;
  /** Only the resident sees their own address, until both sides agree to a match. */
  address: { postcode: string; houseNumber: number; houseNumberAddition: string | null } | null;
}

export interface HelpRequestList {
  items: HelpRequestSummary[];
  total: number;
}

export interface NewHelpRequest {
  /** Staff posting on behalf of a resident. */
  residentPersonId?: string;
  categoryId: string;
  description: string;
  schedule: HelpSchedule;
  /** ISO 8601 with offset; required for `once`, refused otherwise. */
  window?: { start: string; end: string };
  dayParts: DayPart[];
  durationMinutes: number;
  postcode: string;
  houseNumber: number;
  houseNumberAddition?: string;
  languages?: string[];
  sameGender?: boolean;
  /** Required with `sameGender`. */
  residentGender?: 'female' | 'male' | 'other';
  regionalPool?: boolean;
  needsVog?: boolean;
  urgency?: HelpUrgency;
}

export interface VogStatus {
  issuedOn: string | null;
  validUntil: string | null;
  valid: boolean;
}

export interface VolunteerProfile {
  personId: string;
  categoryIds: string[];
  skills: string[];
  dayParts: DayPart[];
  sessionsPerMonth: number;
  maxResidents: number;
  maxKm: number;
  languages: string[];
  gender: VolunteerGender;
  pc4: string;
  place: string | null;
  regionalPool: boolean;
  giftMode: boolean;
  active: boolean;
  vog: VogStatus;
  updatedAt: string;
}

/** The whole offer: PUT replaces it, so fields left out fall back to the server's defaults. */
export interface VolunteerProfileInput {
  categoryIds: string[];
  skills: string[];
  dayParts: DayPart[];
  sessionsPerMonth: number;
  maxResidents: number;
  maxKm: number;
  languages: string[];
  gender: VolunteerGender;
  /** Four digits are enough. */
  postcode: string;
  regionalPool: boolean;
  giftMode: boolean;
  active: boolean;
}
