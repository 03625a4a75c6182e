/**
 * Typed functions for each API endpoint the interface uses. Pages call these,
 * never `fetch` directly, so the contract lives in one place.
 */
import type { Locale } from '../../shared/roles';
import { request, setCsrfToken } from './client';
import type {
  Account,
  AccessLogEntry,
  AppConfig,
  AuditFilter,
  AuditPage,
  ChainVerification,
  EndReason,
  HelpCategory,
  HelpMatch,
  HelpRequest,
  HelpRequestList,
  HelpRequestStatus,
  MatchCandidate,
  MatchMessage,
  Municipality,
  NewHelpRequest,
  NewPerson,
  Organisation,
  OutboxMail,
  Person,
  PersonList,
  RoleInput,
  ResidentDeclineReason,
  Session,
  SuggestedRequest,
  VolunteerDeclineReason,
  VolunteerProfile,
  VolunteerProfileInput,
  WithdrawReason,
} from './types';

const municipalityPath = (code: string) => `/api/municipalities/${encodeURIComponent(code)}`;

export const getConfig = () => request<AppConfig>('GET', '/api/config');

export async function getSession(): Promise<Session> {
  const session = await request<Session>('GET', '/api/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signIn(email: string, password: string): Promise<Session> {
  const session = await request<Session>('POST', '/api/session', { body: { email, password } });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signOut(): Promise<void> {
  await request<void>('DELETE', '/api/session');
  setCsrfToken(null);
}

export const updateAccount = (changes: { locale: Locale }) =>
  request<Account>('PATCH', '/api/account', { body: changes });

export const requestPasswordReset = (email: string) =>
  request<Record<string, never>>('POST', '/api/password-resets', { body: { email } });

export const confirmPasswordReset = (token: string, password: string) =>
  request<void>('POST', '/api/password-resets/confirm', { body: { token, password } });

export const listMunicipalities = () => request<Municipality[]>('GET', '/api/municipalities');

export const getMe = (code: string) => request<Person>('GET', `${municipalityPath(code)}/me`);

export const updateMe = (code: string, changes: { givenName?: string; familyName?: string; phone?: string | null }) =>
  request<Person>('PATCH', `${municipalityPath(code)}/me`, { body: changes });

export const getMyAccessLog = (code: string) =>
  request<{ items: AccessLogEntry[] }>('GET', `${municipalityPath(code)}/me/access-log`);

/** Residents a coordinator can post for (social workers and admins), by name or e-mail, or one by id. */
export const searchResidents = (code: string, query: { q?: string; id?: string }) =>
  request<{ items: Array<{ id: string; displayName: string; email: string | null }> }>('GET', `${municipalityPath(code)}/neighbour-help/residents`, { query });

export const listPersons = (code: string, query: { q?: string; role?: string; limit?: number; offset?: number }) =>
  request<PersonList>('GET', `${municipalityPath(code)}/persons`, { query });

export const createPerson = (code: string, person: NewPerson) =>
  request<Person>('POST', `${municipalityPath(code)}/persons`, { body: person });

export const getPerson = (code: string, id: string) =>
  request<Person>('GET', `${municipalityPath(code)}/persons/${encodeURIComponent(id)}`);

export const replaceRoles = (code: string, id: string, roles: RoleInput[]) =>
  request<Person>('PUT', `${municipalityPath(code)}/persons/${encodeURIComponent(id)}/roles`, { body: { roles } });

export const listOrganisations = (code: string) =>
  request<Organisation[]>('GET', `${municipalityPath(code)}/organisations`);

export const listAuditEvents = (code: string, filter: AuditFilter & { limit?: number; before?: number }) =>
  request<AuditPage>('GET', `${municipalityPath(code)}/audit-events`, { query: { ...filter } });

export const verifyAuditChain = (code: string) =>
  request<ChainVerification>('POST', `${municipalityPath(code)}/audit-events/verify`);

export const getOutbox = () => request<{ items: OutboxMail[] }>('GET', '/api/outbox');

// Neighbour help (buurthulp)

export const listHelpCategories = (code: string) =>
  request<HelpCategory[]>('GET', `${municipalityPath(code)}/help-categories`);

/** Throws `not_found` while the volunteer has no offer yet. */
export const getMyVolunteerProfile = (code: string) =>
  request<VolunteerProfile>('GET', `${municipalityPath(code)}/me/volunteer-profile`);

export const saveMyVolunteerProfile = (code: string, profile: VolunteerProfileInput) =>
  request<VolunteerProfile>('PUT', `${municipalityPath(code)}/me/volunteer-profile`, { body: profile });

export const postHelpRequest = (code: string, helpRequest: NewHelpRequest) =>
  request<HelpRequest>('POST', `${municipalityPath(code)}/help-requests`, { body: helpRequest });

/** `mine: true` for the resident's own requests; `false` for all of them (coordinators), never with addresses. */
export const listHelpRequests = (
  code: string,
  query: { mine: boolean; status?: HelpRequestStatus; limit?: number; offset?: number },
) => request<HelpRequestList>('GET', `${municipalityPath(code)}/help-requests`, { query: { ...query, mine: String(query.mine) } });

export const getHelpRequest = (code: string, id: string) =>
  request<HelpRequest>('GET', `${municipalityPath(code)}/help-requests/${encodeURIComponent(id)}`);

export const cancelHelpRequest = (code: string, id: string) =>
  request<HelpRequest>('POST', `${municipalityPath(code)}/help-requests/${encodeURIComponent(id)}/cancel`);

// Neighbour help: matches (koppelingen)

const requestPath = (code: string, requestId: string) => `${municipalityPath(code)}/help-requests/${encodeURIComponent(requestId)}`;
const matchPath = (code: string, matchId: string) => `${municipalityPath(code)}/matches/${encodeURIComponent(matchId)}`;

/** The matches of one request: the resident side and coordinators. */
export const listRequestMatches = (code: string, requestId: string) =>
  request<HelpMatch[]>('GET', `${requestPath(code, requestId)}/matches`);

/** Asks the platform to propose volunteers again; `conflict` when the request is not open. */
export const findVolunteers = (code: string, requestId: string) =>
  request<{ proposed: number; matches: HelpMatch[] }>('POST', `${requestPath(code, requestId)}/find-volunteers`);

/** Coordinators: the engine's best volunteers with reasons; `widen` also looks beyond their own travel distance. */
export const listCandidates = (code: string, requestId: string, widen: boolean) =>
  request<MatchCandidate[]>('GET', `${requestPath(code, requestId)}/candidates`, { query: { widen: String(widen) } });

/** Coordinators: invite one volunteer for a request. */
export const inviteVolunteer = (code: string, requestId: string, volunteerPersonId: string) =>
  request<HelpMatch>('POST', `${requestPath(code, requestId)}/matches`, { body: { volunteerPersonId } });

/** The volunteer's own matches: proposals, current and past ones. */
export const listMyMatches = (code: string) => request<HelpMatch[]>('GET', `${municipalityPath(code)}/me/matches`);

export const listSuggestedRequests = (code: string) =>
  request<SuggestedRequest[]>('GET', `${municipalityPath(code)}/me/suggested-requests`);

/** "Ik wil helpen": the match starts as accepted by the volunteer. */
export const offerHelp = (code: string, requestId: string) =>
  request<HelpMatch & { municipality: { code: string; name: string } }>('POST', `${municipalityPath(code)}/me/suggested-requests/${encodeURIComponent(requestId)}/offer`);

export const getMatch = (code: string, matchId: string) => request<HelpMatch>('GET', matchPath(code, matchId));

/** Yes or no; a no needs a reason from the list of the person's side. */
export const decideMatch = (
  code: string,
  matchId: string,
  decision: { decision: 'accept' } | { decision: 'decline'; reason: VolunteerDeclineReason | ResidentDeclineReason },
) => request<HelpMatch>('POST', `${matchPath(code, matchId)}/decision`, { body: decision });

export const withdrawMatch = (code: string, matchId: string, reason: WithdrawReason) =>
  request<HelpMatch>('POST', `${matchPath(code, matchId)}/withdraw`, { body: { reason } });

export const endMatch = (code: string, matchId: string, reason: EndReason) =>
  request<HelpMatch>('POST', `${matchPath(code, matchId)}/end`, { body: { reason } });

export const reportNoShow = (code: string, matchId: string) => request<HelpMatch>('POST', `${matchPath(code, matchId)}/no-show`);

export const listMatchMessages = (code: string, matchId: string) =>
  request<MatchMessage[]>('GET', `${matchPath(code, matchId)}/messages`);

/** Returns all messages after sending; `rate_limited` (429) after too many in an hour. */
export const sendMatchMessage = (code: string, matchId: string, body: string) =>
  request<MatchMessage[]>('POST', `${matchPath(code, matchId)}/messages`, { body: { body } });

/** `happenedOn` as YYYY-MM-DD. */
export const recordMatchSession = (code: string, matchId: string, session: { happenedOn: string; minutes: number }) =>
  request<{ id: string; matchId: string; happenedOn: string; minutes: number }>('POST', `${matchPath(code, matchId)}/sessions`, { body: session });
