/**
 * Neighbour help (buurthulp), first part: the municipality's help
 * categories, a volunteer's offer profile with VOG screening, and residents'
 * help requests (posted by themselves or by staff on their behalf). Matching,
 * rotas, the coach's queue and meet-ups build on this (issue 3, continued).
 */
import { randomUUID } from 'node:crypto';
import type { InvalidParam } from '../../../shared/errors';
import type { Locale } from '../../../shared/roles';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Tx } from '../../db/client';
import type { Deps } from '../../http/env';
import { AuditedDenial, runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { findPc4, normalisePostcode } from '../geo/pc4';
import { displayNames, rolesOf } from '../persons/persons.repository';
import * as repo from './neighbour-help.repository';
import * as matchRepo from './matches.repository';
import { proposeAutomatically } from './matches.service';
import { notify } from '../notifications/notifications.repository';
import { mayNeighbourHelp, mayReadRequest, maySeeAddress, type NeighbourHelpAction } from './neighbour-help.policy';
import {
  SESSIONS_TENTHS,
  dayPartCodes,
  dayPartMask,
  windowDayParts,
  isVogValid,
  vogValidUntil,
  type DayPartCode,
  type Schedule,
  type Urgency,
} from './neighbour-help.rules';

/** At most this many requests per person per hour (residents and staff alike). */
export const REQUESTS_PER_HOUR = 10;

const invalid = (params: InvalidParam[]) => new AppError('validation_failed', undefined, { invalidParams: params });

function authorise(ctx: TenantContext, action: NeighbourHelpAction): void {
  if (!mayNeighbourHelp(ctx, action)) throw new AppError('forbidden');
}

const categoryName = (c: { nameNl: string; nameEn: string }, locale: Locale) => (locale === 'en' ? c.nameEn : c.nameNl);

export async function listCategories(deps: Deps, ctx: TenantContext) {
  authorise(ctx, 'listCategories');
  const rows = await runInTenant(deps, ctx, (tx) => repo.listCategories(tx, ctx.tenant.id));
  return rows.map((c) => ({ id: c.id, code: c.code, name: categoryName(c, ctx.locale), vulnerable: c.vulnerable }));
}

/** A pc4 area of this municipality from a postcode (4 digits, or 4 digits + 2 letters). */
function areaInMunicipality(ctx: TenantContext, postcode: string, field: string) {
  const trimmed = postcode.trim();
  const pc4 = /^[1-9][0-9]{3}$/.test(trimmed) ? trimmed : normalisePostcode(trimmed)?.slice(0, 4);
  const area = pc4 ? findPc4(pc4) : null;
  if (!pc4 || !area) throw invalid([{ name: field, code: 'invalid_format', reason: 'Not a known Dutch postcode.' }]);
  if (area.municipality !== ctx.tenant.name) {
    throw invalid([{ name: field, code: 'invalid_value', reason: 'This postcode is not in this municipality.' }]);
  }
  return area;
}

export interface VolunteerProfileInput {
  categoryIds: string[];
  skills: string[];
  dayParts: DayPartCode[];
  sessionsPerMonth: number;
  maxResidents: number;
  maxKm: number;
  languages: string[];
  gender: 'female' | 'male' | 'other' | 'unknown';
  postcode: string;
  regionalPool: boolean;
  giftMode: boolean;
  active: boolean;
}

async function presentProfile(tx: Parameters<typeof repo.findVolunteerProfile>[0], ctx: TenantContext, personId: string) {
  const profile = await repo.findVolunteerProfile(tx, ctx.tenant.id, personId);
  if (!profile) return null;
  const settings = await repo.readSettings(tx, ctx.tenant.id);
  const issuedOn = await repo.latestVog(tx, ctx.tenant.id, personId);
  const area = findPc4(profile.pc4);
  return {
    personId,
    categoryIds: profile.categoryIds,
    skills: profile.skills,
    dayParts: dayPartCodes(profile.dayParts),
    sessionsPerMonth: profile.sessionsPerMonthTenths / 10,
    maxResidents: profile.maxResidents,
    maxKm: profile.maxKm,
    languages: profile.languages,
    gender: profile.gender,
    pc4: profile.pc4,
    place: area?.place ?? null,
    regionalPool: profile.regionalPool,
    giftMode: profile.giftMode,
    active: profile.active,
    vog: {
      issuedOn,
      validUntil: issuedOn ? vogValidUntil(issuedOn, settings.vogValidMonths) : null,
      valid: isVogValid(issuedOn, settings.vogValidMonths, ctx.now()),
    },
    updatedAt: profile.updatedAt.toISOString(),
  };
}

export async function getMyVolunteerProfile(deps: Deps, ctx: TenantContext) {
  authorise(ctx, 'manageOwnVolunteerProfile');
  return runInTenant(deps, ctx, async (tx) => {
    const view = await presentProfile(tx, ctx, ctx.actor.personId);
    if (!view) throw new AppError('not_found');
    await audit(tx, ctx, { action: 'volunteer_profile.read', purpose: 'self_service', resourceType: 'volunteer_profile', resourceId: ctx.actor.personId, subjectPersonId: ctx.actor.personId });
    return view;
  });
}

export async function saveMyVolunteerProfile(deps: Deps, ctx: TenantContext, input: VolunteerProfileInput) {
  authorise(ctx, 'manageOwnVolunteerProfile');
  const area = areaInMunicipality(ctx, input.postcode, 'postcode');
  return runInTenant(deps, ctx, async (tx) => {
    const unique = [...new Set(input.categoryIds)];
    const found = await repo.findCategories(tx, ctx.tenant.id, unique);
    const known = new Set(found.filter((c) => c.active).map((c) => c.id));
    const problems: InvalidParam[] = input.categoryIds.flatMap((id, i) =>
      known.has(id) ? [] : [{ name: `categoryIds.${i}`, code: 'invalid_value' as const, reason: 'No such category.' }],
    );
    if (problems.length) throw invalid(problems);
    await repo.upsertVolunteerProfile(
      tx,
      {
        tenantId: ctx.tenant.id,
        personId: ctx.actor.personId,
        dayParts: dayPartMask(input.dayParts),
        sessionsPerMonthTenths: Math.round(input.sessionsPerMonth * 10),
        maxResidents: input.maxResidents,
        maxKm: input.maxKm,
        skills: input.skills,
        languages: input.languages,
        gender: input.gender,
        pc4: area.pc4,
        regionalPool: input.regionalPool,
        giftMode: input.giftMode,
        active: input.active,
      },
      unique,
      ctx.now(),
    );
    await audit(tx, ctx, { action: 'volunteer_profile.update', purpose: 'self_service', resourceType: 'volunteer_profile', resourceId: ctx.actor.personId, subjectPersonId: ctx.actor.personId });
    const view = await presentProfile(tx, ctx, ctx.actor.personId);
    if (!view) throw new AppError('internal');
    return view;
  });
}

/** A coordinator records that they saw a VOG and its date of issue. */
export async function recordVog(deps: Deps, ctx: TenantContext, personId: string, issuedOn: string) {
  authorise(ctx, 'recordVog');
  if (issuedOn > ctx.now().toISOString().slice(0, 10)) {
    throw invalid([{ name: 'issuedOn', code: 'invalid_value', reason: 'A VOG cannot be issued in the future.' }]);
  }
  return runInTenant(deps, ctx, async (tx) => {
    const roles = (await rolesOf(tx, ctx.tenant.id, [personId])).get(personId);
    if (!roles) throw new AppError('not_found');
    if (!roles.includes('volunteer')) {
      throw invalid([{ name: 'personId', code: 'invalid_value', reason: 'Only volunteers get a VOG recorded.' }]);
    }
    const id = await repo.insertVogRecord(tx, { tenantId: ctx.tenant.id, personId, issuedOn, recordedByPersonId: ctx.actor.personId, recordedAt: ctx.now() });
    await audit(tx, ctx, { action: 'vog.record', purpose: 'neighbour_help', resourceType: 'vog_record', resourceId: id, subjectPersonId: personId });
    const settings = await repo.readSettings(tx, ctx.tenant.id);
    return { id, personId, issuedOn, validUntil: vogValidUntil(issuedOn, settings.vogValidMonths), valid: isVogValid(issuedOn, settings.vogValidMonths, ctx.now()) };
  });
}

export interface HelpRequestInput {
  residentPersonId?: string | undefined;
  categoryId: string;
  description: string;
  schedule: Schedule;
  window?: { start: string; end: string } | undefined;
  /** Optional for a one-off request: then the day parts follow from the window. */
  dayParts?: DayPartCode[] | undefined;
  durationMinutes: number;
  postcode: string;
  houseNumber: number;
  houseNumberAddition?: string | undefined;
  languages?: string[] | undefined;
  sameGender?: boolean | undefined;
  /** Asked only with `sameGender`: the resident's own gender. */
  residentGender?: 'female' | 'male' | 'other' | undefined;
  regionalPool?: boolean | undefined;
  needsVog?: boolean | undefined;
  urgency?: Urgency | undefined;
}

export async function postHelpRequest(deps: Deps, ctx: TenantContext, input: HelpRequestInput) {
  const residentId = input.residentPersonId ?? ctx.actor.personId;
  const onBehalf = residentId !== ctx.actor.personId;
  authorise(ctx, onBehalf ? 'postRequestOnBehalf' : 'postOwnRequest');
  const postcode = normalisePostcode(input.postcode);
  if (!postcode) throw invalid([{ name: 'postcode', code: 'invalid_format', reason: 'A Dutch postcode such as 3311 AB.' }]);
  const area = areaInMunicipality(ctx, postcode, 'postcode');
  const now = ctx.now();
  const window = checkWindow(input, now);
  const dayParts = input.dayParts?.length ? dayPartMask(input.dayParts) : window ? windowDayParts(window.start, window.end) : 0;
  if (dayParts === 0) {
    throw invalid([{ name: 'dayParts', code: 'required', reason: window ? 'The window covers no morning, afternoon or evening.' : 'Choose at least one day part.' }]);
  }
  if (input.sameGender && !input.residentGender) {
    throw invalid([{ name: 'residentGender', code: 'required', reason: 'To find someone of the same gender we need to know yours.' }]);
  }
  const id = randomUUID();
  return runInTenant(deps, ctx, async (tx) => {
    const recent = await repo.countRequestsCreatedSince(tx, ctx.tenant.id, ctx.actor.personId, new Date(now.getTime() - 3600_000));
    if (recent >= REQUESTS_PER_HOUR) throw new AppError('rate_limited', undefined, { retryAfter: 3600 });
    if (onBehalf) {
      const roles = (await rolesOf(tx, ctx.tenant.id, [residentId])).get(residentId);
      if (!roles) throw invalid([{ name: 'residentPersonId', code: 'invalid_value', reason: 'No such person in this municipality.' }]);
      if (!roles.includes('resident')) throw invalid([{ name: 'residentPersonId', code: 'invalid_value', reason: 'This person is not a resident.' }]);
    }
    const [category] = await repo.findCategories(tx, ctx.tenant.id, [input.categoryId]);
    if (!category || !category.active) throw invalid([{ name: 'categoryId', code: 'invalid_value', reason: 'No such category.' }]);
    const values = {
      tenantId: ctx.tenant.id,
      id,
      residentPersonId: residentId,
      createdByPersonId: ctx.actor.personId,
      categoryId: category.id,
      description: input.description,
      schedule: input.schedule,
      windowStart: window?.start ?? null,
      windowEnd: window?.end ?? null,
      dayParts,
      durationMinutes: input.durationMinutes,
      pc4: area.pc4,
      languages: input.languages ?? [],
      sameGender: input.sameGender ?? false,
      residentGender: input.residentGender ?? 'unknown',
      regionalPool: input.regionalPool ?? false,
      vogRequired: category.vulnerable || (input.needsVog ?? false),
      urgency: input.urgency ?? 'normal',
      status: 'open',
      sensitive: false,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertHelpRequest(tx, values, { postcode, houseNumber: input.houseNumber, houseNumberAddition: input.houseNumberAddition ?? null });
    await audit(tx, ctx, {
      action: 'help_request.create',
      purpose: 'neighbour_help',
      resourceType: 'help_request',
      resourceId: id,
      subjectPersonId: residentId,
      onBehalfOfPersonId: onBehalf ? residentId : null,
    });
    await proposeAutomatically(tx, ctx, id);
    return presentRequest(tx, ctx, (await repo.findHelpRequest(tx, ctx.tenant.id, id))!);
  });
}

function checkWindow(input: HelpRequestInput, now: Date): { start: Date; end: Date } | null {
  if (input.schedule !== 'once') {
    if (input.window) throw invalid([{ name: 'window', code: 'invalid_value', reason: 'Only a one-off request has a window.' }]);
    return null;
  }
  if (!input.window) throw invalid([{ name: 'window', code: 'required', reason: 'A one-off request needs a date and time window.' }]);
  const start = new Date(input.window.start);
  const end = new Date(input.window.end);
  const problems: InvalidParam[] = [];
  if (start.getTime() < now.getTime() - 3600_000) problems.push({ name: 'window.start', code: 'invalid_value', reason: 'The window starts in the past.' });
  if (start.getTime() > now.getTime() + 180 * 86_400_000) problems.push({ name: 'window.start', code: 'invalid_value', reason: 'At most six months ahead.' });
  if (end.getTime() <= start.getTime()) problems.push({ name: 'window.end', code: 'invalid_value', reason: 'The window ends before it starts.' });
  if (end.getTime() - start.getTime() > 31 * 86_400_000) problems.push({ name: 'window.end', code: 'invalid_value', reason: 'A window of at most 31 days.' });
  if (problems.length) throw invalid(problems);
  return { start, end };
}

export async function listHelpRequests(
  deps: Deps,
  ctx: TenantContext,
  f: { mine: boolean; status?: string | undefined; limit: number; offset: number },
) {
  const all = !f.mine && mayNeighbourHelp(ctx, 'listAllRequests');
  if (!f.mine && !all) throw new AppError('forbidden');
  return runInTenant(deps, ctx, async (tx) => {
    const page = await repo.listHelpRequests(tx, ctx.tenant.id, {
      residentPersonId: all ? undefined : ctx.actor.personId,
      status: f.status,
      limit: f.limit,
      offset: f.offset,
    });
    await audit(tx, ctx, { action: 'help_request.list', purpose: 'neighbour_help', resourceType: 'help_request', subjectPersonId: all ? null : ctx.actor.personId });
    const categories = new Map((await repo.listCategories(tx, ctx.tenant.id, true)).map((c) => [c.id, c]));
    const names = await displayNames(tx, ctx.tenant.id, [...new Set(page.items.map((r) => r.residentPersonId))]);
    return { total: page.total, items: page.items.map((r) => summarise(r, ctx.locale, categories, names)) };
  });
}

export async function getHelpRequest(deps: Deps, ctx: TenantContext, id: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const r = await repo.findHelpRequest(tx, ctx.tenant.id, id);
    if (!r) throw new AppError('not_found');
    if (!mayReadRequest(ctx, r)) {
      throw new AuditedDenial({ action: 'help_request.read', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: id, subjectPersonId: r.residentPersonId });
    }
    await audit(tx, ctx, { action: 'help_request.read', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: id, subjectPersonId: r.residentPersonId });
    return presentRequest(tx, ctx, r);
  });
}

export async function cancelHelpRequest(deps: Deps, ctx: TenantContext, id: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const r = await repo.findHelpRequest(tx, ctx.tenant.id, id);
    if (!r) throw new AppError('not_found');
    if (!mayReadRequest(ctx, r)) {
      throw new AuditedDenial({ action: 'help_request.cancel', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: id, subjectPersonId: r.residentPersonId });
    }
    if (r.status === 'cancelled' || r.status === 'closed') {
      throw new AppError('conflict', undefined, { invalidParams: [{ name: 'status', code: 'invalid_value', reason: 'The request is already closed.' }] });
    }
    const now = ctx.now();
    await repo.setRequestStatus(tx, ctx.tenant.id, id, 'cancelled', now);
    for (const m of await matchRepo.matchesOfRequest(tx, ctx.tenant.id, id)) {
      if (m.state === 'proposed' || m.state === 'volunteer_accepted') {
        await matchRepo.updateMatch(tx, ctx.tenant.id, m.id, { state: 'withdrawn', reason: 'request_cancelled', closedAt: now, updatedAt: now });
      } else if (m.state === 'confirmed') {
        await matchRepo.updateMatch(tx, ctx.tenant.id, m.id, { state: 'ended', reason: 'resident_stopped', closedAt: now, updatedAt: now });
      } else continue;
      await notify(tx, ctx.tenant.id, [m.volunteerPersonId], m.state === 'confirmed' ? 'match.ended' : 'match.withdrawn', m.id, now);
    }
    await matchRepo.resolveOpenStall(tx, ctx.tenant.id, id, { outcome: 'cancelled', note: null, at: now, by: ctx.actor.personId });
    await audit(tx, ctx, { action: 'help_request.cancel', purpose: 'neighbour_help', resourceType: 'help_request', resourceId: id, subjectPersonId: r.residentPersonId });
    return presentRequest(tx, ctx, (await repo.findHelpRequest(tx, ctx.tenant.id, id))!);
  });
}

type Category = Awaited<ReturnType<typeof repo.listCategories>>[number];

function summarise(r: repo.HelpRequestRow, locale: Locale, categories: Map<string, Category>, names: Map<string, string>) {
  const c = categories.get(r.categoryId);
  return {
    id: r.id,
    residentPersonId: r.residentPersonId,
    residentDisplayName: names.get(r.residentPersonId) ?? '',
    category: { id: r.categoryId, code: c?.code ?? '', name: c ? categoryName(c, locale) : '' },
    schedule: r.schedule as Schedule,
    sessionsPerMonth: SESSIONS_TENTHS[r.schedule as Schedule] / 10,
    pc4: r.pc4,
    place: findPc4(r.pc4)?.place ?? null,
    urgency: r.urgency as Urgency,
    status: r.status,
    vogRequired: r.vogRequired,
    postedOnBehalf: r.createdByPersonId !== r.residentPersonId,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The full view of one request, inside the caller's transaction. */
async function presentRequest(tx: Tx, ctx: TenantContext, r: repo.HelpRequestRow) {
  {
    const categories = new Map((await repo.listCategories(tx, ctx.tenant.id, true)).map((c) => [c.id, c]));
    const names = await displayNames(tx, ctx.tenant.id, [r.residentPersonId]);
    const address = maySeeAddress(ctx, r) ? await repo.findAddress(tx, ctx.tenant.id, r.id) : null;
    return {
      ...summarise(r, ctx.locale, categories, names),
      description: r.description,
      window: r.windowStart && r.windowEnd ? { start: r.windowStart.toISOString(), end: r.windowEnd.toISOString() } : null,
      dayParts: dayPartCodes(r.dayParts),
      durationMinutes: r.durationMinutes,
      languages: r.languages,
      sameGender: r.sameGender,
      regionalPool: r.regionalPool,
      address,
    };
  }
}

/**
 * Coordinators find the resident they post for (at the desk, on the phone):
 * residents only, by name or e-mail, at most ten, or one by id.
 */
export async function searchResidents(deps: Deps, ctx: TenantContext, f: { q?: string | undefined; id?: string | undefined }) {
  authorise(ctx, 'postRequestOnBehalf');
  return runInTenant(deps, ctx, async (tx) => {
    const items = await repo.findResidents(tx, ctx.tenant.id, f);
    await audit(tx, ctx, { action: 'person.list', purpose: 'neighbour_help', resourceType: 'person', resourceId: f.id ?? null, subjectPersonId: f.id ?? null });
    return { items };
  });
}
