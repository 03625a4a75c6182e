/**
 * The coach (a social worker in the background) in the API, as the
 * interface uses it: the queue of stalled requests, rotas for heavy
 * recurring requests, the resident's own network, referral, candidates and
 * invitations, and the neighbour-help figures. Types mirror
 * server/modules/neighbour-help/coach.routes.ts; kept apart from
 * endpoints.ts so these pages grow without stepping on the others.
 */
import { request } from './client';
import type { DayPart, HelpSchedule } from './types';

export type StallCause = 'no_match_in_time' | 'no_candidates' | 'needs_rota' | 'sensitive';

export type CoachSuggestion =
  | { step: 'split_into_rota'; members: number; complete: boolean }
  | { step: 'widen_distance'; extraKm: number; candidates: number }
  | { step: 'ask_network'; contacts: number; notAsked: number }
  | { step: 'invite_volunteers'; candidates: number }
  | { step: 'refer_formal' };

export type CoachStep = CoachSuggestion['step'];

export interface CoachQueueItem {
  stallId: string;
  cause: StallCause;
  detectedAt: string;
  daysWaiting: number;
  request: {
    id: string;
    residentPersonId: string;
    residentDisplayName: string;
    category: { id: string; code: string; name: string };
    description: string;
    schedule: HelpSchedule;
    sessionsPerMonth: number;
    pc4: string;
    place: string | null;
    urgency: string;
    sensitive: boolean;
    extraKm: number;
    createdAt: string;
  };
  liveMatches: number;
  declinedMatches: number;
  suggestions: CoachSuggestion[];
}

export interface RequestStall {
  id: string;
  cause: StallCause | string;
  detectedAt: string;
  /** `rota`, `network`, `referred`, `matched`, … or null while open. */
  outcome: string | null;
  outcomeNote: string | null;
  resolvedAt: string | null;
}

export interface RotaProposal {
  requestId: string;
  startsOn: string;
  demandSessions: number;
  coveredSessions: number;
  complete: boolean;
  members: Array<{ volunteerPersonId: string; givenName: string; sessionsPerMonth: number; km: number; known: boolean }>;
  calendar: Array<{ date: string; dayPart: DayPart; memberId: string | null; givenName: string | null }>;
}

export interface RotaMember {
  /** For coordinators and for the member themself; null for others. */
  matchId: string | null;
  /** Null when the viewer may not see the name yet (a member who has not said yes). */
  givenName: string | null;
  state: string;
  sessionsPerMonth: number;
  mine: boolean;
}

export interface RotaCalendarEntry {
  date: string;
  dayPart: DayPart;
  open: boolean;
  confirmed: boolean;
  givenName: string | null;
  mine: boolean;
}

export interface Rota {
  id: string;
  requestId: string;
  status: string;
  startsOn: string;
  demandSessions: number;
  coveredSessions: number;
  gapSessions: number;
  members: RotaMember[];
  calendar: RotaCalendarEntry[];
  approvedAt: string | null;
}

export interface RotaApproval {
  startsOn: string;
  members: Array<{ volunteerPersonId: string; sessionsPerMonth: number }>;
}

export const RELATIONS = ['family', 'friend', 'neighbour', 'colleague', 'other'] as const;
export const CONTACT_STATUSES = ['not_asked', 'asked', 'will_help', 'cannot_help'] as const;
export type Relation = (typeof RELATIONS)[number];
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export interface NetworkContact {
  id: string;
  name: string;
  relation: Relation;
  status: ContactStatus;
  updatedAt: string;
}

export interface MatchReasons {
  km: number | null;
  kmRank: number | null;
  candidates: number | null;
  dayPartsInCommon: DayPart[];
  skillsMatched: number;
  skillsWished: number;
  continuity: boolean;
  decidedBy: string[];
}

export interface Candidate {
  volunteerPersonId: string;
  givenName: string;
  sessionsPerMonth: number;
  coversWholeRequest: boolean;
  beyondOwnDistance: boolean;
  /** A volunteer from the regional pool: their own municipality. */
  homeMunicipality: string | null;
  reasons: MatchReasons;
}

/** The little of a match the coach's page needs after an invitation. */
export interface InvitedMatch {
  id: string;
  state: string;
  volunteerPersonId: string | null;
}

/** The volunteer's own matches, as far as the rota pages need them. */
export interface MyMatch {
  id: string;
  state: string;
  rotaId: string | null;
  request: { category: { name: string }; schedule: HelpSchedule };
}

export interface NeighbourHelpFigures {
  from: string;
  to: string;
  requests: number;
  matches: number;
  medianHoursToFirstResponse: number | null;
  medianHoursToMatch: number | null;
  shareStalled: number | null;
  shareResolvedInformally: number | null;
  shareReferred: number | null;
  activeVolunteers: number;
  hoursGiven: number;
  meetups: number;
  meetupAttendance: number;
}

const base = (code: string) => `/api/municipalities/${encodeURIComponent(code)}`;
const requestPath = (code: string, id: string) => `${base(code)}/help-requests/${encodeURIComponent(id)}`;
const rotaPath = (code: string, id: string) => `${base(code)}/rotas/${encodeURIComponent(id)}`;

/** Reading the queue also finds new stalls (server side). */
export const getCoachQueue = (code: string) => request<CoachQueueItem[]>('GET', `${base(code)}/coach/queue`);

/** One request as the coach sees it; the stall fields are null when it is not in the queue. */
export type CoachingView = Omit<CoachQueueItem, 'stallId' | 'cause' | 'detectedAt'> & { stallId: string | null; cause: StallCause | null; detectedAt: string | null };

export const getCoaching = (code: string, id: string) => request<CoachingView>('GET', `${requestPath(code, id)}/coaching`);

export const listRequestStalls = (code: string, id: string) => request<RequestStall[]>('GET', `${requestPath(code, id)}/stalls`);

/** Throws `conflict` when the request is closed. */
export const updateCoaching = (code: string, id: string, changes: { extraKm?: number; sensitive?: boolean }) =>
  request<{ id: string; extraKm: number; sensitive: boolean }>('PATCH', `${requestPath(code, id)}/coaching`, { body: changes });

/** `reason`: 5 to 500 characters. Throws `conflict` when the request is closed. */
export const referRequest = (code: string, id: string, reason: string) =>
  request<{ id: string; status: 'referred' }>('POST', `${requestPath(code, id)}/refer`, { body: { reason } });

/** Throws `conflict` when the request is not in the coach's queue. */
export const resolveByNetwork = (code: string, id: string, note?: string) =>
  request<{ id: string; status: 'closed' }>('POST', `${requestPath(code, id)}/resolved-by-network`, { body: note ? { note } : {} });

export const listNetwork = (code: string, id: string) => request<NetworkContact[]>('GET', `${requestPath(code, id)}/network`);

export const addNetworkContact = (code: string, id: string, contact: { name: string; relation: Relation }) =>
  request<NetworkContact>('POST', `${requestPath(code, id)}/network`, { body: contact });

/** Answers with the whole network. */
export const updateNetworkContact = (code: string, id: string, contactId: string, status: ContactStatus) =>
  request<NetworkContact[]>('PATCH', `${requestPath(code, id)}/network/${encodeURIComponent(contactId)}`, { body: { status } });

export const getRotaProposal = (code: string, id: string) => request<RotaProposal>('GET', `${requestPath(code, id)}/rota-proposal`);

/** 400 with invalidParams (`startsOn`, `members.N.…`), 409 when the request already has a rota. */
export const approveRota = (code: string, id: string, approval: RotaApproval) =>
  request<Rota>('POST', `${requestPath(code, id)}/rotas`, { body: approval });

/** The active rota of a request; `not_found` when there is none. */
export const getRotaOfRequest = (code: string, id: string) => request<Rota>('GET', `${requestPath(code, id)}/rota`);

export const getRota = (code: string, rotaId: string) => request<Rota>('GET', rotaPath(code, rotaId));

/** 409 when there is no gap, or nobody can fill it now. */
export const refillRota = (code: string, rotaId: string) => request<Rota>('POST', `${rotaPath(code, rotaId)}/refill`);

export const listCandidates = (code: string, id: string, widen: boolean) =>
  request<Candidate[]>('GET', `${requestPath(code, id)}/candidates`, { query: { widen: String(widen) } });

/** 409 when already invited or the request is closed. */
export const inviteVolunteer = (code: string, id: string, volunteerPersonId: string) =>
  request<InvitedMatch>('POST', `${requestPath(code, id)}/matches`, { body: { volunteerPersonId } });

export const listMyMatches = (code: string) => request<MyMatch[]>('GET', `${base(code)}/me/matches`);

/** Both dates inclusive, YYYY-MM-DD. */
export const getNeighbourHelpFigures = (code: string, from: string, to: string) =>
  request<NeighbourHelpFigures>('GET', `${base(code)}/neighbour-help/figures`, { query: { from, to } });

/** What a city-wide matching round did (server/modules/neighbour-help/matching-round.service.ts). */
export interface MatchingRound {
  requests: number;
  volunteers: number;
  proposals: Array<{ requestId: string; categoryName: string; pc4: string; sessionsPerMonth: number; km: number }>;
  teams: Array<{ requestId: string; categoryName: string; pc4: string; members: number; coveredSessionsPerMonth: number; openSessionsPerMonth: number }>;
  unserved: number;
  servedSessionsPerMonth: number;
  requestedSessionsPerMonth: number;
}

/** Runs the engine over the whole municipality at once; makes proposals (coordinators). */
export const runMatchingRound = (code: string) => request<MatchingRound>('POST', `${base(code)}/matching-rounds`, { body: {} });
