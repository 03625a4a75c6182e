/**
 * Storage of matches (koppelingen), their messages and the hours given,
 * always within one municipality (RLS scope). Nothing here selects an
 * address: the address is read only by the service, for a confirmed match.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client';
import { helpMatches, helpRequestStalls, helpRequests, helpSessions, matchMessages, personBlocks, persons } from '../../db/schema/index';

export type MatchRow = typeof helpMatches.$inferSelect;

/** States in which a match still holds part of the volunteer's capacity. */
const HOLDING = sql`('volunteer_accepted','confirmed')`;

export interface VolunteerForMatching {
  personId: string;
  pc4: string;
  dayParts: number;
  sessionsPerMonthTenths: number;
  maxResidents: number;
  maxKm: number;
  skills: string[];
  languages: string[];
  gender: string;
  regionalPool: boolean;
  categoryIds: string[];
  latestVog: string | null;
  /** Tenths of a session per month already promised in live matches. */
  loadTenths: number;
  /** Distinct residents already helped in live matches. */
  residents: number;
  /** No-shows reported in the last six months. */
  recentNoShows: number;
}

/** Every volunteer who can be proposed at all: an active, unsuspended offer. One query. */
export async function volunteersForMatching(q: Queryable, tenantId: string, since: Date, onlyPersonId?: string): Promise<VolunteerForMatching[]> {
  return queryRows<VolunteerForMatching>(
    q,
    sql`select v.person_id as "personId", v.pc4, v.day_parts as "dayParts",
               v.sessions_per_month_tenths as "sessionsPerMonthTenths", v.max_residents as "maxResidents",
               v.max_km as "maxKm", v.skills, v.languages, v.gender, v.regional_pool as "regionalPool",
               coalesce((select array_agg(c.category_id::text order by c.category_id) from volunteer_categories c
                         where c.tenant_id = v.tenant_id and c.person_id = v.person_id), '{}') as "categoryIds",
               (select max(g.issued_on)::text from vog_records g where g.tenant_id = v.tenant_id and g.person_id = v.person_id) as "latestVog",
               coalesce((select sum(m.sessions_per_month_tenths)::int from help_matches m
                         where m.tenant_id = v.tenant_id and m.volunteer_person_id = v.person_id and m.state in ${HOLDING}), 0) as "loadTenths",
               (select count(distinct r.resident_person_id)::int from help_matches m
                  join help_requests r on r.tenant_id = m.tenant_id and r.id = m.request_id
                 where m.tenant_id = v.tenant_id and m.volunteer_person_id = v.person_id and m.state in ${HOLDING}) as "residents",
               coalesce((select sum(m.no_shows)::int from help_matches m
                         where m.tenant_id = v.tenant_id and m.volunteer_person_id = v.person_id and m.updated_at >= ${since}), 0) as "recentNoShows"
          from volunteer_profiles v
         where v.tenant_id = ${tenantId} and v.active and v.suspended_at is null
           ${onlyPersonId ? sql`and v.person_id = ${onlyPersonId}` : sql``}
         order by v.person_id`,
  );
}

export interface RequestForMatching {
  id: string;
  residentPersonId: string;
  categoryId: string;
  schedule: string;
  dayParts: number;
  pc4: string;
  languages: string[];
  sameGender: boolean;
  residentGender: string;
  regionalPool: boolean;
  vogRequired: boolean;
  urgency: string;
  createdAt: Date;
  extraKm: number;
  /** Tenths of a session per month already covered by live matches. */
  coveredTenths: number;
}

/** Requests still looking for help (open or with the coach), or one named request. */
export async function requestsForMatching(q: Queryable, tenantId: string, onlyId?: string): Promise<RequestForMatching[]> {
  const rows = await queryRows<RequestForMatching & { createdAt: string | Date }>(
    q,
    sql`select r.id, r.resident_person_id as "residentPersonId", r.category_id as "categoryId", r.schedule,
               r.day_parts as "dayParts", r.pc4, r.languages, r.same_gender as "sameGender",
               r.resident_gender as "residentGender", r.regional_pool as "regionalPool", r.vog_required as "vogRequired",
               r.urgency, r.created_at as "createdAt", r.extra_km as "extraKm",
               coalesce((select sum(m.sessions_per_month_tenths)::int from help_matches m
                         where m.tenant_id = r.tenant_id and m.request_id = r.id and m.state in ${HOLDING}), 0) as "coveredTenths"
          from help_requests r
         where r.tenant_id = ${tenantId}
           ${onlyId ? sql`and r.id = ${onlyId}` : sql`and r.status in ('open','stalled','matched') and not r.sensitive`}
         order by r.created_at, r.id`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

/** Volunteers who already helped this resident (a confirmed or ended match): preferred for continuity. */
export async function knownVolunteers(q: Queryable, tenantId: string, residentPersonId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`select distinct m.volunteer_person_id as id from help_matches m
          join help_requests r on r.tenant_id = m.tenant_id and r.id = m.request_id
         where m.tenant_id = ${tenantId} and r.resident_person_id = ${residentPersonId}
           and m.confirmed_at is not null and m.no_shows = 0`,
  );
  return rows.map((r) => r.id);
}

/** Person ids that must never meet this person: blocked by them or blocking them. */
export async function blockedAround(q: Queryable, tenantId: string, personId: string): Promise<Set<string>> {
  const rows = await q
    .select({ a: personBlocks.blockerPersonId, b: personBlocks.blockedPersonId })
    .from(personBlocks)
    .where(and(eq(personBlocks.tenantId, tenantId), sql`(${personBlocks.blockerPersonId} = ${personId} or ${personBlocks.blockedPersonId} = ${personId})`));
  return new Set(rows.map((r) => (r.a === personId ? r.b : r.a)));
}

/** Volunteers that already had a match on this request (live, declined or withdrawn): not proposed again. */
export async function volunteersTriedOn(q: Queryable, tenantId: string, requestId: string): Promise<Set<string>> {
  const rows = await q
    .select({ id: helpMatches.volunteerPersonId })
    .from(helpMatches)
    .where(and(eq(helpMatches.tenantId, tenantId), eq(helpMatches.requestId, requestId)));
  return new Set(rows.map((r) => r.id));
}

/** Requests this volunteer already had a match on. */
export async function requestsTriedBy(q: Queryable, tenantId: string, volunteerPersonId: string): Promise<Set<string>> {
  const rows = await q
    .select({ id: helpMatches.requestId })
    .from(helpMatches)
    .where(and(eq(helpMatches.tenantId, tenantId), eq(helpMatches.volunteerPersonId, volunteerPersonId)));
  return new Set(rows.map((r) => r.id));
}

/** Waits until no other matching round of this municipality runs (held to the end of the transaction). */
export async function lockMatchingRound(q: Queryable, tenantId: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`samenspel.matching_round.${tenantId}`}))`);
}

/**
 * For a city-wide matching round, in three queries: per request the
 * volunteers already tried on it and whether it has a live match (proposed
 * or holding capacity); per volunteer what their open proposals would take
 * (tenths of a session a month, requests); per resident the volunteers who
 * helped them before; per person everyone they blocked or who blocked them.
 */
export async function matchingRoundContext(q: Queryable, tenantId: string) {
  const matches = await q
    .select({ requestId: helpMatches.requestId, volunteerPersonId: helpMatches.volunteerPersonId, state: helpMatches.state, tenths: helpMatches.sessionsPerMonthTenths })
    .from(helpMatches)
    .where(eq(helpMatches.tenantId, tenantId));
  const tried = new Map<string, Set<string>>();
  const live = new Set<string>();
  const proposed = new Map<string, { tenths: number; requests: number }>();
  for (const m of matches) {
    if (m.state === 'proposed') {
      const p = proposed.get(m.volunteerPersonId) ?? { tenths: 0, requests: 0 };
      proposed.set(m.volunteerPersonId, { tenths: p.tenths + m.tenths, requests: p.requests + 1 });
    }
    if (!tried.has(m.requestId)) tried.set(m.requestId, new Set());
    tried.get(m.requestId)!.add(m.volunteerPersonId);
    if (m.state === 'proposed' || m.state === 'volunteer_accepted' || m.state === 'confirmed') live.add(m.requestId);
  }
  const knownRows = await queryRows<{ resident: string; volunteer: string }>(
    q,
    sql`select distinct r.resident_person_id as resident, m.volunteer_person_id as volunteer from help_matches m
          join help_requests r on r.tenant_id = m.tenant_id and r.id = m.request_id
         where m.tenant_id = ${tenantId} and m.confirmed_at is not null and m.no_shows = 0
         order by 1, 2`,
  );
  const known = new Map<string, string[]>();
  for (const k of knownRows) known.set(k.resident, [...(known.get(k.resident) ?? []), k.volunteer]);
  const blockRows = await q
    .select({ a: personBlocks.blockerPersonId, b: personBlocks.blockedPersonId })
    .from(personBlocks)
    .where(eq(personBlocks.tenantId, tenantId));
  const blocked = new Map<string, Set<string>>();
  for (const { a, b } of blockRows) {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      if (!blocked.has(x)) blocked.set(x, new Set());
      blocked.get(x)!.add(y);
    }
  }
  return { tried, live, proposed, known, blocked };
}

export async function insertMatch(q: Queryable, row: Omit<typeof helpMatches.$inferInsert, 'id'>): Promise<string> {
  const id = randomUUID();
  await q.insert(helpMatches).values({ ...row, id });
  return id;
}

/** One match, locked for the change that follows. */
export async function findMatchForUpdate(q: Queryable, tenantId: string, id: string): Promise<MatchRow | null> {
  const [row] = await q
    .select()
    .from(helpMatches)
    .where(and(eq(helpMatches.tenantId, tenantId), eq(helpMatches.id, id)))
    .for('update');
  return row ?? null;
}

export async function findMatch(q: Queryable, tenantId: string, id: string): Promise<MatchRow | null> {
  const [row] = await q.select().from(helpMatches).where(and(eq(helpMatches.tenantId, tenantId), eq(helpMatches.id, id)));
  return row ?? null;
}

export async function updateMatch(q: Queryable, tenantId: string, id: string, set: Partial<typeof helpMatches.$inferInsert>): Promise<void> {
  await q.update(helpMatches).set(set).where(and(eq(helpMatches.tenantId, tenantId), eq(helpMatches.id, id)));
}

export async function matchesOfRequest(q: Queryable, tenantId: string, requestId: string): Promise<MatchRow[]> {
  return q
    .select()
    .from(helpMatches)
    .where(and(eq(helpMatches.tenantId, tenantId), eq(helpMatches.requestId, requestId)))
    .orderBy(asc(helpMatches.createdAt), asc(helpMatches.id));
}

export async function matchesOfVolunteer(q: Queryable, tenantId: string, volunteerPersonId: string, states?: string[]) {
  const conditions = [eq(helpMatches.tenantId, tenantId), eq(helpMatches.volunteerPersonId, volunteerPersonId)];
  if (states) conditions.push(inArray(helpMatches.state, states));
  return q
    .select({ match: helpMatches, request: helpRequests })
    .from(helpMatches)
    .innerJoin(helpRequests, and(eq(helpRequests.tenantId, helpMatches.tenantId), eq(helpRequests.id, helpMatches.requestId)))
    .where(and(...conditions))
    .orderBy(desc(helpMatches.updatedAt), asc(helpMatches.id));
}

/** Names and contact details of people, for a confirmed match only. */
export async function contactsOf(q: Queryable, tenantId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { givenName: string; familyName: string; email: string | null; phone: string | null }>();
  const rows = await q
    .select({ id: persons.id, givenName: persons.givenName, familyName: persons.familyName, email: persons.email, phone: persons.phone })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), inArray(persons.id, ids)));
  return new Map(rows.map(({ id, ...rest }) => [id, rest]));
}

export async function givenNames(q: Queryable, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: persons.id, givenName: persons.givenName })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), inArray(persons.id, ids)));
  return new Map(rows.map((r) => [r.id, r.givenName]));
}

export async function insertMessage(q: Queryable, row: { tenantId: string; matchId: string; senderPersonId: string; body: string; createdAt: Date }): Promise<string> {
  const id = randomUUID();
  await q.insert(matchMessages).values({ ...row, id });
  return id;
}

export async function listMessages(q: Queryable, tenantId: string, matchId: string) {
  return q
    .select({ id: matchMessages.id, senderPersonId: matchMessages.senderPersonId, body: matchMessages.body, createdAt: matchMessages.createdAt })
    .from(matchMessages)
    .where(and(eq(matchMessages.tenantId, tenantId), eq(matchMessages.matchId, matchId)))
    .orderBy(asc(matchMessages.createdAt), asc(matchMessages.id))
    .limit(500);
}

export async function countMessagesSince(q: Queryable, tenantId: string, senderPersonId: string, since: Date): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(matchMessages)
    .where(and(eq(matchMessages.tenantId, tenantId), eq(matchMessages.senderPersonId, senderPersonId), sql`${matchMessages.createdAt} >= ${since}`));
  return row?.n ?? 0;
}

export async function insertSession(
  q: Queryable,
  row: { tenantId: string; matchId: string; happenedOn: string; minutes: number; recordedByPersonId: string; createdAt: Date },
): Promise<string> {
  const id = randomUUID();
  await q.insert(helpSessions).values({ ...row, id });
  return id;
}

export interface SessionRow {
  id: string;
  happenedOn: string;
  minutes: number;
}

/** The sessions of several matches in one query, latest first, by match id (a match without sessions is absent). */
export async function sessionsOfMatches(q: Queryable, tenantId: string, matchIds: string[]): Promise<Map<string, SessionRow[]>> {
  const out = new Map<string, SessionRow[]>();
  if (matchIds.length === 0) return out;
  const rows = await q
    .select({ matchId: helpSessions.matchId, id: helpSessions.id, happenedOn: helpSessions.happenedOn, minutes: helpSessions.minutes })
    .from(helpSessions)
    .where(and(eq(helpSessions.tenantId, tenantId), inArray(helpSessions.matchId, matchIds)))
    .orderBy(desc(helpSessions.happenedOn), asc(helpSessions.id));
  for (const { matchId, ...session } of rows) {
    const list = out.get(matchId);
    if (list) list.push(session);
    else out.set(matchId, [session]);
  }
  return out;
}

export async function updateRequest(q: Queryable, tenantId: string, id: string, set: Partial<typeof helpRequests.$inferInsert>): Promise<void> {
  await q.update(helpRequests).set(set).where(and(eq(helpRequests.tenantId, tenantId), eq(helpRequests.id, id)));
}

export type StallOutcome = 'matched' | 'rota' | 'network' | 'referred' | 'cancelled';

/** Closes the request's open stall, if any, with how it ended. */
export async function resolveOpenStall(
  q: Queryable,
  tenantId: string,
  requestId: string,
  end: { outcome: StallOutcome; note: string | null; at: Date; by: string },
): Promise<void> {
  await q
    .update(helpRequestStalls)
    .set({ outcome: end.outcome, outcomeNote: end.note, resolvedAt: end.at, resolvedByPersonId: end.by })
    .where(and(eq(helpRequestStalls.tenantId, tenantId), eq(helpRequestStalls.requestId, requestId), isNull(helpRequestStalls.resolvedAt)));
}
