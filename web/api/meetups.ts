/**
 * Meet-ups (ontmoetingen) in the API, as the interface uses them: types and
 * one typed function per endpoint. Kept apart from endpoints.ts so the
 * neighbour-help pages and these grow without stepping on each other.
 */
import { request } from './client';

export type MeetupStatus = 'open' | 'full' | 'ongoing' | 'past' | 'cancelled';

export interface Meetup {
  id: string;
  organisation: { id: string; name: string };
  title: string;
  place: string;
  pc4: string;
  area: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  signedUp: number;
  seatsLeft: number;
  notes: string;
  status: MeetupStatus;
  cancelledAt: string | null;
  /** The signed-in person's own sign-up; nobody else's is ever sent. */
  mySignup: { signedUpAt: string; attended: boolean | null } | null;
  /** May change it, see who signed up and keep attendance. */
  canManage: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MeetupList {
  items: Meetup[];
  total: number;
}

export interface MeetupInput {
  organisationId?: string;
  title: string;
  place: string;
  postcode: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  notes: string;
}

export interface MeetupSignup {
  personId: string;
  displayName: string;
  volunteer: boolean;
  signedUpAt: string;
  attended: boolean | null;
}

const meetupsPath = (code: string) => `/api/municipalities/${encodeURIComponent(code)}/meetups`;
const meetupPath = (code: string, id: string) => `${meetupsPath(code)}/${encodeURIComponent(id)}`;

export const listMeetups = (code: string, query: { past?: boolean; mine?: boolean; limit?: number; offset?: number } = {}) =>
  request<MeetupList>('GET', meetupsPath(code), {
    query: { past: String(query.past ?? false), mine: String(query.mine ?? false), limit: query.limit, offset: query.offset },
  });

export const getMeetup = (code: string, id: string) => request<Meetup>('GET', meetupPath(code, id));

export const createMeetup = (code: string, meetup: MeetupInput) => request<Meetup>('POST', meetupsPath(code), { body: meetup });

export const updateMeetup = (code: string, id: string, changes: Partial<Omit<MeetupInput, 'organisationId'>>) =>
  request<Meetup>('PATCH', meetupPath(code, id), { body: changes });

export const cancelMeetup = (code: string, id: string) => request<Meetup>('POST', `${meetupPath(code, id)}/cancel`);

/** Throws `conflict` with invalidParams seatsLeft (full), cancelledAt or startsAt. */
export const signUpForMeetup = (code: string, id: string) => request<Meetup>('POST', `${meetupPath(code, id)}/signup`);

export const withdrawFromMeetup = (code: string, id: string) => request<Meetup>('DELETE', `${meetupPath(code, id)}/signup`);

export const listMeetupSignups = (code: string, id: string) =>
  request<{ items: MeetupSignup[] }>('GET', `${meetupPath(code, id)}/signups`);

export const keepMeetupAttendance = (code: string, id: string, attendance: Array<{ personId: string; attended: boolean | null }>) =>
  request<{ items: MeetupSignup[] }>('PUT', `${meetupPath(code, id)}/attendance`, { body: { attendance } });

export const listMetVolunteers = (code: string, id: string) =>
  request<{ meetupId: string; volunteers: Array<{ personId: string; givenName: string }> }>('GET', `${meetupPath(code, id)}/met-volunteers`);
