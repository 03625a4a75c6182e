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
  HelpCategory,
  HelpRequest,
  HelpRequestList,
  HelpRequestStatus,
  Municipality,
  NewHelpRequest,
  NewPerson,
  Organisation,
  OutboxMail,
  Person,
  PersonList,
  RoleInput,
  Session,
  VolunteerProfile,
  VolunteerProfileInput,
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
