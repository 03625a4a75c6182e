/**
 * Meet-ups (ontmoetingen): a café or a communal meal that an organisation
 * organises against loneliness. Organisers (social workers and
 * professionals for their own organisation, administrators for any) plan,
 * change and cancel them; residents and volunteers sign themselves up;
 * organisers keep attendance; and someone who was there can see which
 * volunteers were there too, so that a help match can start from a face
 * they already know (`metVolunteers`, for the neighbour-help module).
 *
 * Every read and change of personal data (sign-ups, attendance, who was
 * there) writes an audit event with purpose `neighbour_help` in the same
 * transaction; a refusal on a specific meet-up is an AuditedDenial.
 */
import { randomUUID } from 'node:crypto';
import type { InvalidParam } from '../../../shared/errors';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Tx } from '../../db/client';
import type { Deps } from '../../http/env';
import { AuditedDenial, runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import type { AuditAction } from '../../audit/audit.types';
import { findPc4 } from '../geo/pc4';
import { areaInMunicipality, postcodeProblem } from '../geo/postcode-area';
import * as repo from './meetups.repository';
import { ORGANISER_ROLES, mayManageMeetup, mayMeetup, mayOrganiseFor, mayReadMetVolunteers } from './meetups.policy';
import {
  attendanceRefusal,
  capacityRefusal,
  changeRefusal,
  meetupStatus,
  scheduleProblems,
  seatsLeft,
  signUpRefusal,
  withdrawRefusal,
  type MeetupFacts,
} from './meetups.rules';

const PURPOSE = 'neighbour_help' as const;
const invalid = (params: InvalidParam[]) => new AppError('validation_failed', undefined, { invalidParams: params });
const conflict = (param: InvalidParam) => new AppError('conflict', undefined, { invalidParams: [param] });
const denial = (action: AuditAction, meetupId: string, subjectPersonId: string | null = null) =>
  new AuditedDenial({ action, purpose: PURPOSE, resourceType: 'meetup', resourceId: meetupId, subjectPersonId });

export interface MeetupInput {
  organisationId?: string | undefined;
  title: string;
  place: string;
  postcode: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  notes?: string | undefined;
}

export type MeetupPatch = Partial<Omit<MeetupInput, 'organisationId'>>;

const facts = (m: repo.MeetupWithCounts): MeetupFacts => ({
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  capacity: m.capacity,
  cancelledAt: m.cancelledAt,
  signedUp: m.signedUp,
});

/** The meet-up as everyone sees it: seats, never who signed up; the caller's own sign-up only. */
function present(ctx: TenantContext, m: repo.MeetupWithCounts, canManage: boolean) {
  const mine = m.mySignup && !m.mySignup.cancelledAt ? m.mySignup : null;
  return {
    id: m.id,
    organisation: { id: m.organisationId, name: m.organisationName },
    title: m.title,
    place: m.place,
    pc4: m.pc4,
    area: findPc4(m.pc4)?.place ?? null,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    capacity: m.capacity,
    signedUp: m.signedUp,
    seatsLeft: seatsLeft(m),
    notes: m.notes,
    status: meetupStatus(facts(m), ctx.now()),
    cancelledAt: m.cancelledAt?.toISOString() ?? null,
    mySignup: mine ? { signedUpAt: mine.signedUpAt.toISOString(), attended: mine.attended } : null,
    canManage,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

export type MeetupView = ReturnType<typeof present>;

const ownOrganisations = (tx: Tx, ctx: TenantContext) =>
  repo.organiserOrganisationIds(tx, ctx.tenant.id, ctx.actor.personId, ORGANISER_ROLES);

async function load(tx: Tx, ctx: TenantContext, id: string): Promise<repo.MeetupWithCounts> {
  const m = await repo.findMeetup(tx, ctx.tenant.id, id, ctx.actor.personId);
  if (!m) throw new AppError('not_found');
  return m;
}

/** Loads a meet-up the caller must manage; otherwise an audited refusal. */
async function loadManaged(tx: Tx, ctx: TenantContext, id: string, action: AuditAction) {
  const m = await load(tx, ctx, id);
  if (!mayManageMeetup(ctx, m, await ownOrganisations(tx, ctx))) throw denial(action, id);
  return m;
}

function parseSchedule(input: { startsAt: string; endsAt: string }, now: Date) {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const problems = scheduleProblems({ startsAt, endsAt }, now);
  if (problems.length) throw invalid(problems);
  return { startsAt, endsAt };
}

export async function listMeetups(
  deps: Deps,
  ctx: TenantContext,
  f: { past: boolean; mine: boolean; organisationId?: string | undefined; limit: number; offset: number },
) {
  if (!mayMeetup(ctx, 'list')) throw new AppError('forbidden');
  return runInTenant(deps, ctx, async (tx) => {
    const page = await repo.listMeetups(tx, ctx.tenant.id, { ...f, personId: ctx.actor.personId, now: ctx.now() });
    const own = await ownOrganisations(tx, ctx);
    // The list carries the caller's own sign-ups: a read of their data.
    await audit(tx, ctx, { action: 'meetup.list', purpose: PURPOSE, resourceType: 'meetup', subjectPersonId: ctx.actor.personId });
    return { total: page.total, items: page.items.map((m) => present(ctx, m, mayManageMeetup(ctx, m, own))) };
  });
}

export async function getMeetup(deps: Deps, ctx: TenantContext, id: string) {
  if (!mayMeetup(ctx, 'list')) throw new AppError('forbidden');
  return runInTenant(deps, ctx, async (tx) => {
    const m = await load(tx, ctx, id);
    const own = await ownOrganisations(tx, ctx);
    await audit(tx, ctx, { action: 'meetup.read', purpose: PURPOSE, resourceType: 'meetup', resourceId: id, subjectPersonId: ctx.actor.personId });
    return present(ctx, m, mayManageMeetup(ctx, m, own));
  });
}

/**
 * Plans a meet-up. Staff organise for the organisation of their role (the
 * only one, when they leave it out); administrators name any organisation
 * of the municipality.
 */
export async function createMeetup(deps: Deps, ctx: TenantContext, input: MeetupInput) {
  if (!mayMeetup(ctx, 'create')) throw new AppError('forbidden');
  const now = ctx.now();
  // Every problem with the input at once, before anything is written.
  const problems = scheduleProblems({ startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) }, now);
  const postcode = postcodeProblem(input.postcode, ctx.tenant.name, 'postcode');
  if (postcode) problems.push(postcode);
  if (problems.length) throw invalid(problems);
  const area = areaInMunicipality(input.postcode, ctx.tenant.name, 'postcode');
  const id = randomUUID();
  return runInTenant(deps, ctx, async (tx) => {
    const own = await ownOrganisations(tx, ctx);
    const organisationId = input.organisationId ?? (own.length === 1 ? own[0] : undefined);
    if (!organisationId) {
      throw invalid([{ name: 'organisationId', code: 'required', reason: 'Name the organisation that organises the meet-up.' }]);
    }
    if (!mayOrganiseFor(ctx, organisationId, own)) throw new AppError('forbidden');
    if (!(await repo.organisationExists(tx, ctx.tenant.id, organisationId))) {
      throw invalid([{ name: 'organisationId', code: 'invalid_value', reason: 'No such organisation in this municipality.' }]);
    }
    await repo.insertMeetup(tx, {
      tenantId: ctx.tenant.id,
      id,
      organisationId,
      title: input.title,
      place: input.place,
      pc4: area.pc4,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      capacity: input.capacity,
      notes: input.notes ?? '',
      createdByPersonId: ctx.actor.personId,
      cancelledAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await audit(tx, ctx, { action: 'meetup.create', purpose: PURPOSE, resourceType: 'meetup', resourceId: id });
    return present(ctx, await load(tx, ctx, id), true);
  });
}

/** Changes what is given; a new time must lie in the future, the capacity not under the sign-ups. */
export async function updateMeetup(deps: Deps, ctx: TenantContext, id: string, patch: MeetupPatch) {
  const now = ctx.now();
  return runInTenant(deps, ctx, async (tx) => {
    const m = await loadManaged(tx, ctx, id, 'meetup.update');
    const refusal = changeRefusal(facts(m), now);
    if (refusal) throw conflict(refusal);
    const timesChanged = patch.startsAt !== undefined || patch.endsAt !== undefined;
    const schedule = timesChanged
      ? parseSchedule({ startsAt: patch.startsAt ?? m.startsAt.toISOString(), endsAt: patch.endsAt ?? m.endsAt.toISOString() }, now)
      : null;
    const area = patch.postcode !== undefined ? areaInMunicipality(patch.postcode, ctx.tenant.name, 'postcode') : null;
    if (patch.capacity !== undefined) {
      const tooSmall = capacityRefusal(patch.capacity, m.signedUp);
      if (tooSmall) throw conflict(tooSmall);
    }
    await repo.updateMeetup(tx, ctx.tenant.id, id, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.place !== undefined ? { place: patch.place } : {}),
      ...(area ? { pc4: area.pc4 } : {}),
      ...(schedule ?? {}),
      ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
      updatedAt: now,
    });
    await audit(tx, ctx, { action: 'meetup.update', purpose: PURPOSE, resourceType: 'meetup', resourceId: id });
    return present(ctx, await load(tx, ctx, id), true);
  });
}

/** Cancels (afgelasten) a meet-up; sign-ups stay, so the people can be told. */
export async function cancelMeetup(deps: Deps, ctx: TenantContext, id: string) {
  const now = ctx.now();
  return runInTenant(deps, ctx, async (tx) => {
    const m = await loadManaged(tx, ctx, id, 'meetup.cancel');
    const refusal = changeRefusal(facts(m), now);
    if (refusal) throw conflict(refusal);
    await repo.updateMeetup(tx, ctx.tenant.id, id, { cancelledAt: now, updatedAt: now });
    await audit(tx, ctx, { action: 'meetup.cancel', purpose: PURPOSE, resourceType: 'meetup', resourceId: id });
    return present(ctx, await load(tx, ctx, id), true);
  });
}

/** Signs the caller up. Signing up twice is not an error: the answer is the same meet-up. */
export async function signUp(deps: Deps, ctx: TenantContext, id: string) {
  return runInTenant(deps, ctx, async (tx) => {
    // Lock first: the seat count read below stays true until this transaction ends.
    if (!(await repo.lockMeetup(tx, ctx.tenant.id, id))) throw new AppError('not_found');
    const m = await load(tx, ctx, id);
    if (!mayMeetup(ctx, 'signUp')) throw denial('meetup.signup', id, ctx.actor.personId);
    const own = await ownOrganisations(tx, ctx);
    if (m.mySignup && !m.mySignup.cancelledAt) return present(ctx, m, mayManageMeetup(ctx, m, own));
    const refusal = signUpRefusal(facts(m), ctx.now());
    if (refusal) throw conflict(refusal);
    await repo.upsertSignup(tx, ctx.tenant.id, id, ctx.actor.personId, ctx.now());
    await audit(tx, ctx, { action: 'meetup.signup', purpose: PURPOSE, resourceType: 'meetup', resourceId: id, subjectPersonId: ctx.actor.personId });
    return present(ctx, await load(tx, ctx, id), mayManageMeetup(ctx, m, own));
  });
}

/** Withdraws the caller's sign-up until the meet-up starts. Not signed up: nothing to do. */
export async function withdrawSignup(deps: Deps, ctx: TenantContext, id: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const m = await load(tx, ctx, id);
    if (!mayMeetup(ctx, 'signUp')) throw denial('meetup.signup.cancel', id, ctx.actor.personId);
    const own = await ownOrganisations(tx, ctx);
    if (!m.mySignup || m.mySignup.cancelledAt) return present(ctx, m, mayManageMeetup(ctx, m, own));
    const refusal = withdrawRefusal(facts(m), ctx.now());
    if (refusal) throw conflict(refusal);
    await repo.withdrawSignup(tx, ctx.tenant.id, id, ctx.actor.personId, ctx.now());
    await audit(tx, ctx, { action: 'meetup.signup.cancel', purpose: PURPOSE, resourceType: 'meetup', resourceId: id, subjectPersonId: ctx.actor.personId });
    return present(ctx, await load(tx, ctx, id), mayManageMeetup(ctx, m, own));
  });
}

const presentSignup = (s: Awaited<ReturnType<typeof repo.listSignups>>[number]) => ({
  personId: s.personId,
  displayName: `${s.givenName} ${s.familyName}`,
  volunteer: s.volunteer,
  signedUpAt: s.signedUpAt.toISOString(),
  attended: s.attended,
});

/** Who signed up, with their attendance: for the organiser's organisation and administrators. */
export async function listSignups(deps: Deps, ctx: TenantContext, id: string) {
  return runInTenant(deps, ctx, async (tx) => {
    await loadManaged(tx, ctx, id, 'meetup.attendees.read');
    const rows = await repo.listSignups(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { action: 'meetup.attendees.read', purpose: PURPOSE, resourceType: 'meetup', resourceId: id });
    return { items: rows.map(presentSignup) };
  });
}

/**
 * Keeps attendance: for each person signed up, true (was there), false (was
 * not) or null (not kept yet). One audit event per person whose mark changed.
 */
export async function keepAttendance(
  deps: Deps,
  ctx: TenantContext,
  id: string,
  marks: ReadonlyArray<{ personId: string; attended: boolean | null }>,
) {
  return runInTenant(deps, ctx, async (tx) => {
    const m = await loadManaged(tx, ctx, id, 'meetup.attendance.update');
    const refusal = attendanceRefusal(facts(m), ctx.now());
    if (refusal) throw conflict(refusal);
    const current = new Map((await repo.listSignups(tx, ctx.tenant.id, id)).map((s) => [s.personId, s.attended]));
    const seen = new Set<string>();
    const problems: InvalidParam[] = [];
    marks.forEach((mark, i) => {
      if (!current.has(mark.personId)) problems.push({ name: `attendance.${i}.personId`, code: 'invalid_value', reason: 'This person has not signed up.' });
      else if (seen.has(mark.personId)) problems.push({ name: `attendance.${i}.personId`, code: 'invalid_value', reason: 'This person is named twice.' });
      seen.add(mark.personId);
    });
    if (problems.length) throw invalid(problems);
    const changed = marks.filter((mark) => current.get(mark.personId) !== mark.attended);
    await repo.setAttendance(tx, ctx.tenant.id, id, changed);
    for (const mark of changed) {
      await audit(tx, ctx, { action: 'meetup.attendance.update', purpose: PURPOSE, resourceType: 'meetup', resourceId: id, subjectPersonId: mark.personId });
    }
    return { items: (await repo.listSignups(tx, ctx.tenant.id, id)).map(presentSignup) };
  });
}

/**
 * The volunteers the caller met: for a person marked as attended, the other
 * attendees who volunteer, by person id and first name only. The
 * neighbour-help module starts a match (origin `meetup`) from these ids.
 * Anyone else is refused, and the refusal is audited.
 *
 * @example
 * const { volunteers } = await metVolunteers(deps, ctx, meetupId);
 * volunteers.map((v) => v.personId); // candidates for a match with ctx.actor
 */
export async function metVolunteers(deps: Deps, ctx: TenantContext, meetupId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const m = await load(tx, ctx, meetupId);
    const mine = m.mySignup && !m.mySignup.cancelledAt ? m.mySignup : null;
    if (!mayReadMetVolunteers(mine?.attended)) throw denial('meetup.attendees.read', meetupId);
    const volunteers = await repo.attendedVolunteers(tx, ctx.tenant.id, meetupId, ctx.actor.personId);
    // One event per volunteer shown, so each of them finds this read in their own access log.
    for (const v of volunteers) {
      await audit(tx, ctx, { action: 'meetup.attendees.read', purpose: PURPOSE, resourceType: 'meetup', resourceId: meetupId, subjectPersonId: v.personId });
    }
    if (volunteers.length === 0) {
      await audit(tx, ctx, { action: 'meetup.attendees.read', purpose: PURPOSE, resourceType: 'meetup', resourceId: meetupId });
    }
    return { meetupId, volunteers: volunteers.map((v) => ({ personId: v.personId, givenName: v.givenName })) };
  });
}
