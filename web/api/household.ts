/**
 * One plan around the resident (issue 5) in the API, as the interface uses
 * it: the resident's file with consent, the household plan and its
 * versions, the network map, outcomes, the resident's voice, the listening
 * overview and the household settings. Types mirror the zod schemas in
 * server/modules/household/*.routes.ts. Paths carry ids only, never a BSN
 * or a name; a BSN travels in a request body only.
 */
import { request } from './client';

const base = (code: string) => `/api/municipalities/${encodeURIComponent(code)}`;
const filePath = (code: string, fileId: string) => `${base(code)}/resident-files/${encodeURIComponent(fileId)}`;

export const CONSENT_SCOPES = ['identity', 'household', 'plan', 'network', 'outcomes', 'voice'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export type FileRelation = 'resident' | 'coordinator' | 'participant' | 'none';
export const HOUSEHOLD_RELATIONS = ['partner', 'child', 'parent', 'sibling', 'other'] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];

export interface PersonRef {
  personId: string;
  displayName: string;
}

export interface HouseholdMember {
  id: string;
  name: string;
  relation: string;
  birthYear: number | null;
}

export interface HouseholdMemberInput {
  name: string;
  relation: HouseholdRelation;
  birthYear?: number;
}

export interface Consent {
  id: string;
  recipient: { kind: 'person' | 'organisation'; id: string; name: string };
  scopes: string[];
  purpose: string;
  validFrom: string;
  validUntil: string;
  withdrawnAt: string | null;
  inForce: boolean;
}

export interface ResidentFile {
  id: string;
  myRelation: FileRelation;
  myScopes: ConsentScope[];
  /** Only with the `identity` scope. */
  resident: { personId: string; displayName: string; bsn: string | null } | null;
  /** Only with the `household` scope. */
  householdMembers: HouseholdMember[] | null;
  coordinator: PersonRef;
  participants: Array<PersonRef & { organisation: { id: string; name: string } | null; addedAt: string }>;
  consents: Consent[];
  createdAt: string;
  updatedAt: string;
}

export interface FileListItem {
  id: string;
  relation: string;
  residentDisplayName: string | null;
  coordinatorDisplayName: string;
  openWishes: number | null;
}

export type PlanWho = PersonRef | { helperName: string };
export type PlanWhoInput = { personId: string } | { helperName: string };

export interface Plan {
  fileId: string;
  version: number;
  reason: string | null;
  author: PersonRef | null;
  createdAt: string | null;
  goals: Array<{ id: string; text: string }>;
  actions: Array<{ id: string; goalId: string | null; who: PlanWho; what: string; dueOn: string | null; doneOn: string | null; formal: boolean }>;
  reviewDates: string[];
  domains: string[];
  /** What each role added to this version: per role with at least one action. */
  contributions: PlanContribution[];
}

export type ContributorRole = 'resident' | 'network' | 'coordinator' | 'social_worker' | 'professional' | 'volunteer' | 'other';

export interface PlanContribution {
  role: ContributorRole;
  done: number;
  open: number;
  goals: Array<{ id: string; text: string }>;
}

export interface PlanInput {
  basedOnVersion: number;
  reason: string;
  goals: Array<{ id?: string; text: string }>;
  actions: Array<{ id?: string; goalId?: string | null; who: PlanWhoInput; what: string; dueOn?: string | null; doneOn?: string | null; formal: boolean }>;
  reviewDates: string[];
  domains: string[];
}

export interface PlanVersionSummary {
  version: number;
  reason: string;
  author: PersonRef;
  createdAt: string;
}

export interface AccessLogEntry {
  occurredAt: string;
  actorDisplayName: string | null;
  actorRoles: string[];
  actorOrganisations: string[];
  action: string;
  purpose: string;
  outcome: string;
}

export const CIRCLES = ['household', 'family', 'friends', 'neighbours', 'volunteers', 'professionals', 'organisations'] as const;
export type Circle = (typeof CIRCLES)[number];
export const SUPPORT_KINDS = ['practical', 'emotional', 'care', 'company', 'information', 'financial', 'other'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const NETWORK_ORGANISATION_KINDS = ['housing_corporation', 'school', 'police', 'care_provider', 'welfare_organisation', 'municipality', 'employer', 'other'] as const;
export type NetworkOrganisationKind = (typeof NETWORK_ORGANISATION_KINDS)[number];

export interface NetworkMember {
  id: string;
  circle: Circle | string;
  name: string;
  person: { id: string; displayName: string } | null;
  organisation: { id: string; name: string } | null;
  organisationKind: string | null;
  supportKinds: string[];
  /** 1 light, 2 moderate, 3 strong. */
  strength: number;
  involvedSince: string | null;
  involvedUntil: string | null;
  helpRequestId: string | null;
  source: 'map';
  updatedAt: string;
}

export interface NetworkMemberInput {
  circle: Circle;
  name: string;
  personId?: string | null;
  organisationId?: string | null;
  organisationKind?: NetworkOrganisationKind | null;
  supportKinds: SupportKind[];
  strength: number;
  involvedSince?: string | null;
  involvedUntil?: string | null;
}

export interface NetworkMap {
  fileId: string;
  members: NetworkMember[];
  /** Volunteers with a confirmed match on a neighbour-help request under this plan. */
  fromNeighbourHelp: Array<{ matchId: string; circle: 'volunteers'; name: string; personId: string; helpRequestId: string; since: string | null }>;
  fragmentation: { professionals: number; organisations: number; total: number; threshold: number; warning: boolean; since: string };
}

export type MeasurementSource = 'professional' | 'resident';

export interface Measurement {
  id: string;
  measuredOn: string;
  source: MeasurementSource;
  residentScore: number | null;
  planVersion: number;
  recordedBy: PersonRef;
  scores: Array<{ domain: string; score: number }>;
  goals: Array<{ goalId: string; attainment: number }>;
}

export interface MeasurementInput {
  measuredOn: string;
  /** 1 acute problems … 5 fully self-sufficient. */
  scores: Array<{ domain: string; score: number }>;
  /** Goal attainment scaling, -2 to +2. */
  goals: Array<{ goalId: string; attainment: number }>;
  /** The resident's own mark, 1-10. */
  residentScore?: number;
}

export interface OutcomeTrend {
  fileId: string;
  scale: Array<{ score: number; code: string }>;
  domains: Array<{ code: string; name: string; inPlan: boolean; points: Array<{ measuredOn: string; score: number; source: MeasurementSource }> }>;
  goals: Array<{ goalId: string; text: string | null; points: Array<{ measuredOn: string; attainment: number; source: MeasurementSource }> }>;
  residentScore: Array<{ measuredOn: string; score: number; source: MeasurementSource }>;
}

export const VOICE_KINDS = ['feedback', 'wish'] as const;
export type VoiceKind = (typeof VOICE_KINDS)[number];
export const VOICE_OCCASIONS = ['contact', 'review', 'other'] as const;
export type VoiceOccasion = (typeof VOICE_OCCASIONS)[number];

export interface VoiceEntry {
  id: string;
  kind: VoiceKind;
  occasion: VoiceOccasion;
  body: string;
  recordedBy: PersonRef;
  onBehalf: boolean;
  createdAt: string;
  open: boolean;
  answer: { text: string; by: PersonRef; at: string } | null;
}

export interface OpenWish {
  id: string;
  body: string;
  occasion: string;
  createdAt: string;
  daysOpen: number;
  coordinatorDisplayName: string;
}

export interface HouseholdSettings {
  fragmentationThreshold: number;
  defaultDomains: boolean;
  domains: Array<{ code: string; name: string; nameNl: string; nameEn: string }>;
}

export interface ConsentInput {
  recipient: { personId: string } | { organisationId: string };
  scopes: ConsentScope[];
  purpose: string;
  validFrom?: string;
  validUntil: string;
}

// --- the file -------------------------------------------------------------------

export const listFiles = (code: string) => request<{ items: FileListItem[] }>('GET', `${base(code)}/resident-files`);

export const openFile = (code: string, body: { residentPersonId: string; bsn?: string; householdMembers?: HouseholdMemberInput[] }) =>
  request<ResidentFile>('POST', `${base(code)}/resident-files`, { body });

export const getFile = (code: string, fileId: string) => request<ResidentFile>('GET', filePath(code, fileId));

export const getMyFile = (code: string) => request<ResidentFile>('GET', `${base(code)}/me/resident-file`);

export const updateFile = (code: string, fileId: string, body: { bsn?: string | null; householdMembers?: HouseholdMemberInput[]; coordinatorPersonId?: string }) =>
  request<ResidentFile>('PATCH', filePath(code, fileId), { body });

export const addParticipant = (code: string, fileId: string, personId: string) =>
  request<ResidentFile>('POST', `${filePath(code, fileId)}/participants`, { body: { personId } });

export const removeParticipant = (code: string, fileId: string, personId: string) =>
  request<ResidentFile>('DELETE', `${filePath(code, fileId)}/participants/${encodeURIComponent(personId)}`);

export const recordConsent = (code: string, fileId: string, body: ConsentInput) =>
  request<ResidentFile>('POST', `${filePath(code, fileId)}/consents`, { body });

export const withdrawConsent = (code: string, fileId: string, consentId: string) =>
  request<ResidentFile>('POST', `${filePath(code, fileId)}/consents/${encodeURIComponent(consentId)}/withdraw`);

export const getFileAccessLog = (code: string, fileId: string, limit = 100) =>
  request<{ items: AccessLogEntry[] }>('GET', `${filePath(code, fileId)}/access-log`, { query: { limit } });

// --- the plan -------------------------------------------------------------------

export const getPlan = (code: string, fileId: string) => request<Plan>('GET', `${filePath(code, fileId)}/plan`);
/** A plain link: the browser downloads the plan as a tagged PDF (an attachment) with the session cookie. */
export const planPdfUrl = (code: string, fileId: string) => `${filePath(code, fileId)}/plan/export.pdf`;

export const changePlan = (code: string, fileId: string, body: PlanInput) => request<Plan>('PUT', `${filePath(code, fileId)}/plan`, { body });

export const listPlanVersions = (code: string, fileId: string) =>
  request<{ items: PlanVersionSummary[] }>('GET', `${filePath(code, fileId)}/plan/versions`);

export const getPlanVersion = (code: string, fileId: string, version: number) =>
  request<Plan>('GET', `${filePath(code, fileId)}/plan/versions/${version}`);

// --- network, outcomes, voice ---------------------------------------------------

export const getNetwork = (code: string, fileId: string) => request<NetworkMap>('GET', `${filePath(code, fileId)}/network`);

export const addNetworkMember = (code: string, fileId: string, body: NetworkMemberInput) =>
  request<NetworkMap>('POST', `${filePath(code, fileId)}/network`, { body });

export const updateNetworkMember = (code: string, fileId: string, memberId: string, body: Partial<NetworkMemberInput>) =>
  request<NetworkMap>('PATCH', `${filePath(code, fileId)}/network/${encodeURIComponent(memberId)}`, { body });

export const deleteNetworkMember = (code: string, fileId: string, memberId: string) =>
  request<NetworkMap>('DELETE', `${filePath(code, fileId)}/network/${encodeURIComponent(memberId)}`);

export const recordMeasurement = (code: string, fileId: string, body: MeasurementInput) =>
  request<Measurement>('POST', `${filePath(code, fileId)}/measurements`, { body });

export const listMeasurements = (code: string, fileId: string) => request<{ items: Measurement[] }>('GET', `${filePath(code, fileId)}/measurements`);

export const getOutcomeTrend = (code: string, fileId: string) => request<OutcomeTrend>('GET', `${filePath(code, fileId)}/outcomes/trend`);

export const recordVoice = (code: string, fileId: string, body: { kind: VoiceKind; occasion: VoiceOccasion; body: string }) =>
  request<VoiceEntry>('POST', `${filePath(code, fileId)}/voice`, { body });

export const listVoice = (code: string, fileId: string, openOnly = false) =>
  request<{ items: VoiceEntry[] }>('GET', `${filePath(code, fileId)}/voice`, { query: { open: openOnly ? 'true' : 'false' } });

export const answerVoice = (code: string, fileId: string, entryId: string, answer: string) =>
  request<VoiceEntry>('POST', `${filePath(code, fileId)}/voice/${encodeURIComponent(entryId)}/answer`, { body: { answer } });

export const listeningOverview = (code: string) => request<{ items: OpenWish[] }>('GET', `${base(code)}/listening-overview`);

export const getHouseholdSettings = (code: string) => request<HouseholdSettings>('GET', `${base(code)}/household-settings`);

export const saveHouseholdSettings = (
  code: string,
  body: { fragmentationThreshold: number; outcomeDomains: Array<{ code: string; nameNl: string; nameEn: string }> | null },
) => request<HouseholdSettings>('PUT', `${base(code)}/household-settings`, { body });

// --- pure helpers, mirrored from the server -------------------------------------

const BSN_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/**
 * The 11-proof of a BSN, as server/modules/household/household.bsn.ts does
 * it (the server is the judge; this only spares a round trip).
 *
 * @example bsnProblem('111222333') // null
 * @example bsnProblem('12345') // 'invalid_format'
 */
export function bsnProblem(value: string): 'invalid_format' | 'invalid' | null {
  if (!/^[0-9]{9}$/.test(value)) return 'invalid_format';
  if (value === '000000000') return 'invalid';
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * BSN_WEIGHTS[i]!;
  return sum % 11 === 0 ? null : 'invalid';
}

/** Knowledge at the front: whether a resident has a plan, who coordinates it, which organisations are involved; nothing of the plan. */
export interface Involvement {
  hasPlan: boolean;
  coordinator: { personId: string; displayName: string; organisation: string | null; email: string | null; phone: string | null } | null;
  organisations: Array<{ name: string; kind: string }>;
  peopleInvolved: number;
}

export const getInvolvement = (code: string, personId: string) =>
  request<Involvement>('GET', `${base(code)}/persons/${encodeURIComponent(personId)}/involvement`);

export interface ParticipantCandidate {
  personId: string;
  displayName: string;
  roles: string[];
  organisation: string | null;
}

/**
 * The coordinator finds people to put on the plan, or (`purpose` 'coordinator') social workers to
 * hand the file to; the name travels in the body, not in the URL.
 */
export const searchParticipantCandidates = (code: string, fileId: string, q: string, purpose: 'plan' | 'coordinator' = 'plan') =>
  request<{ items: ParticipantCandidate[] }>('POST', `${filePath(code, fileId)}/participant-candidates`, { body: purpose === 'plan' ? { q } : { q, for: purpose } });

export interface PlanHelpRequest {
  requestId: string;
  status: string;
  schedule: string;
  category: { code: string; name: string };
  createdAt: string;
}

/** Neighbour-help requests that hang under the plan (the 'plan' scope). */
export const listLinkedHelpRequests = (code: string, fileId: string) =>
  request<{ items: Array<PlanHelpRequest & { linkedAt: string }> }>('GET', `${filePath(code, fileId)}/help-requests`);

/** The resident's own requests that hang under no plan yet (the coordinator). */
export const listLinkableHelpRequests = (code: string, fileId: string) => request<{ items: PlanHelpRequest[] }>('GET', `${filePath(code, fileId)}/linkable-help-requests`);

export const linkHelpRequest = (code: string, fileId: string, requestId: string) =>
  request<{ items: Array<PlanHelpRequest & { linkedAt: string }> }>('POST', `${filePath(code, fileId)}/help-requests`, { body: { requestId } });
