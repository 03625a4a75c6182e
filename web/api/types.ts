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

// Neighbour help: matches (koppelingen)

export type MatchState = 'proposed' | 'volunteer_accepted' | 'confirmed' | 'declined' | 'withdrawn' | 'ended';
export type MatchSide = 'volunteer' | 'resident' | 'coordinator';
export type MatchAction = 'accept' | 'decline' | 'withdraw' | 'end' | 'report_no_show' | 'record_session' | 'message';
export type VolunteerDeclineReason = 'no_time' | 'too_far' | 'not_my_kind_of_help' | 'personal' | 'other';
export type ResidentDeclineReason = 'prefer_someone_else' | 'no_longer_needed' | 'personal' | 'other';
export type WithdrawReason = 'request_cancelled' | 'other_match_confirmed' | 'volunteer_unavailable' | 'coach_decision' | 'blocked';
export type EndReason = 'help_completed' | 'volunteer_stopped' | 'resident_stopped' | 'referred_to_formal_care' | 'safety_concern';

/** Why the engine proposed a pair: facts and deciding terms, nothing personal. */
export interface MatchReasons {
  km: number | null;
  /** 1 = nearest of the volunteers who fit. */
  kmRank: number | null;
  /** How many volunteers (or requests) fitted. */
  candidates: number | null;
  dayPartsInCommon: DayPart[];
  skillsMatched: number;
  skillsWished: number;
  /** The volunteer already helps this resident. */
  continuity: boolean;
  /** priority | continuity | team-size | travel | balance | capacity-elsewhere | only-candidate; kept open for new terms. */
  decidedBy: string[];
}

/** What anyone on a match sees of the request before both said yes: no name, no address. */
export interface PublicHelpRequest {
  category: { id: string; code: string; name: string };
  description: string;
  schedule: HelpSchedule;
  requestSessionsPerMonth: number;
  window: { start: string; end: string } | null;
  dayParts: DayPart[];
  durationMinutes: number;
  languages: string[];
  pc4: string;
  place: string | null;
  urgency: string;
  requestStatus: string;
}

export interface MatchContactPerson {
  name: string;
  email: string | null;
  phone: string | null;
}

export interface HelpMatch {
  id: string;
  requestId: string;
  state: MatchState;
  origin: 'engine' | 'coach' | 'volunteer' | 'meetup';
  viewerSide: MatchSide;
  sessionsPerMonth: number;
  km: number;
  reasons: MatchReasons;
  /** Why it was declined, withdrawn or ended. */
  reason: string | null;
  declinedBy: string | null;
  noShows: number;
  rotaId: string | null;
  /** For the resident side once the volunteer said yes. */
  volunteerGivenName: string | null;
  /** A volunteer from the regional pool: their own municipality. */
  volunteerHomeMunicipality: string | null;
  /** For the volunteer only once both said yes. */
  residentGivenName: string | null;
  volunteerPersonId: string | null;
  request: PublicHelpRequest;
  /** Only while the match is confirmed: both said yes. */
  contact: {
    volunteer: MatchContactPerson | null;
    resident:
      | (MatchContactPerson & { address: { postcode: string; houseNumber: number; houseNumberAddition: string | null } | null })
      | null;
  } | null;
  hoursGiven: number;
  sessions: { id: string; happenedOn: string; minutes: number }[];
  /** Kept as strings: a new server action must not break a page. */
  allowedActions: string[];
  createdAt: string;
  volunteerAcceptedAt: string | null;
  confirmedAt: string | null;
  closedAt: string | null;
}

export interface MatchMessage {
  id: string;
  from: MatchSide;
  mine: boolean;
  senderName: string | null;
  body: string;
  createdAt: string;
}

export interface MatchCandidate {
  volunteerPersonId: string;
  givenName: string;
  sessionsPerMonth: number;
  coversWholeRequest: boolean;
  /** Only found by looking further than the volunteer's own travel distance. */
  beyondOwnDistance: boolean;
  /** A volunteer from the regional pool: their own municipality. */
  homeMunicipality: string | null;
  reasons: MatchReasons;
}

export interface SuggestedRequest extends PublicHelpRequest {
  requestId: string;
  /** Where the request is: this municipality, or a partner in the regional pool. */
  municipality: { code: string; name: string };
  sessionsPerMonth: number;
  coversWholeRequest: boolean;
  reasons: MatchReasons;
}
