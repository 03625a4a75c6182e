/** Household-plan storage, always within one municipality (RLS scope). The policy decides who sees what. */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client';
import {
  consentRecords,
  goalAttainments,
  householdMembers,
  householdPlanVersions,
  householdSettings,
  networkMembers,
  organisations,
  outcomeMeasurements,
  outcomeScores,
  persons,
  planHelpRequests,
  planParticipants,
  residentFiles,
  residentVoiceEntries,
  roleAssignments,
} from '../../db/schema/index';
import type { OutcomeDomain } from './household.domains';

export type ResidentFileRow = typeof residentFiles.$inferSelect;
export type ConsentRow = typeof consentRecords.$inferSelect;
export type ParticipantRow = typeof planParticipants.$inferSelect;
export type PlanVersionRow = typeof householdPlanVersions.$inferSelect;
export type NetworkMemberRow = typeof networkMembers.$inferSelect;
export type VoiceRow = typeof residentVoiceEntries.$inferSelect;

// --- settings -------------------------------------------------------------

export async function readSettings(q: Queryable, tenantId: string): Promise<{ fragmentationThreshold: number; outcomeDomains: OutcomeDomain[] | null }> {
  const [row] = await q.select().from(householdSettings).where(eq(householdSettings.tenantId, tenantId));
  return { fragmentationThreshold: row?.fragmentationThreshold ?? 5, outcomeDomains: row?.outcomeDomains ?? null };
}

export async function saveSettings(q: Queryable, tenantId: string, s: { fragmentationThreshold: number; outcomeDomains: OutcomeDomain[] | null }, now: Date) {
  await q
    .insert(householdSettings)
    .values({ tenantId, ...s, updatedAt: now })
    .onConflictDoUpdate({ target: householdSettings.tenantId, set: { ...s, updatedAt: now } });
}

// --- people ---------------------------------------------------------------

/** Roles and organisations of some persons of the municipality. */
export async function rolesAndOrganisations(q: Queryable, tenantId: string, ids: string[]) {
  const out = new Map<string, { roles: string[]; organisationIds: string[] }>();
  if (ids.length === 0) return out;
  const rows = await q
    .select({ personId: roleAssignments.personId, role: roleAssignments.role, organisationId: roleAssignments.organisationId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), inArray(roleAssignments.personId, ids)));
  for (const r of rows) {
    const e = out.get(r.personId) ?? { roles: [], organisationIds: [] };
    e.roles.push(r.role);
    if (r.organisationId) e.organisationIds.push(r.organisationId);
    out.set(r.personId, e);
  }
  return out;
}

export async function organisationsById(q: Queryable, tenantId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; kind: string }>();
  const rows = await q
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), inArray(organisations.id, ids)));
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}

// --- files ----------------------------------------------------------------

export async function findFile(q: Queryable, tenantId: string, id: string): Promise<ResidentFileRow | null> {
  const [row] = await q.select().from(residentFiles).where(and(eq(residentFiles.tenantId, tenantId), eq(residentFiles.id, id)));
  return row ?? null;
}

export async function findFileOfResident(q: Queryable, tenantId: string, residentPersonId: string): Promise<ResidentFileRow | null> {
  const [row] = await q
    .select()
    .from(residentFiles)
    .where(and(eq(residentFiles.tenantId, tenantId), eq(residentFiles.residentPersonId, residentPersonId)));
  return row ?? null;
}

/**
 * A new file, unless the resident has one already (one file per resident):
 * false then. On PostgreSQL a second writer waits for the first to commit and
 * then inserts nothing, instead of failing on the unique index.
 */
export async function insertFile(q: Queryable, row: typeof residentFiles.$inferInsert): Promise<boolean> {
  const rows = await q
    .insert(residentFiles)
    .values(row)
    .onConflictDoNothing({ target: [residentFiles.tenantId, residentFiles.residentPersonId] })
    .returning({ id: residentFiles.id });
  return rows.length > 0;
}

export async function updateFile(q: Queryable, tenantId: string, id: string, set: { bsn?: string | null; coordinatorPersonId?: string; updatedAt: Date }) {
  await q.update(residentFiles).set(set).where(and(eq(residentFiles.tenantId, tenantId), eq(residentFiles.id, id)));
}

/** Files the person coordinates or is on (not removed), most recently changed first, at most 200. */
export async function filesOfPerson(q: Queryable, tenantId: string, personId: string): Promise<ResidentFileRow[]> {
  return q
    .select()
    .from(residentFiles)
    .where(
      and(
        eq(residentFiles.tenantId, tenantId),
        sql`(${residentFiles.coordinatorPersonId} = ${personId} or exists (
              select 1 from plan_participants p where p.tenant_id = ${residentFiles.tenantId} and p.file_id = ${residentFiles.id}
                 and p.person_id = ${personId} and p.removed_at is null))`,
      ),
    )
    // Most recently changed first: with more than 200 files (the demo history gives a coordinator
    // hundreds) the plans someone works on now must not fall off the end of the list.
    .orderBy(desc(residentFiles.updatedAt), asc(residentFiles.id))
    .limit(200);
}

export async function listHouseholdMembers(q: Queryable, tenantId: string, fileId: string) {
  return q
    .select({ id: householdMembers.id, name: householdMembers.name, relation: householdMembers.relation, birthYear: householdMembers.birthYear })
    .from(householdMembers)
    .where(and(eq(householdMembers.tenantId, tenantId), eq(householdMembers.fileId, fileId)))
    .orderBy(asc(householdMembers.sortOrder));
}

export async function replaceHouseholdMembers(
  q: Queryable,
  tenantId: string,
  fileId: string,
  members: Array<{ name: string; relation: string; birthYear: number | null }>,
) {
  await q.delete(householdMembers).where(and(eq(householdMembers.tenantId, tenantId), eq(householdMembers.fileId, fileId)));
  if (members.length) {
    await q.insert(householdMembers).values(members.map((m, i) => ({ tenantId, fileId, id: randomUUID(), ...m, sortOrder: i })));
  }
}

// --- participants and consent --------------------------------------------

export async function listParticipants(q: Queryable, tenantId: string, fileId: string, includeRemoved = false): Promise<ParticipantRow[]> {
  const conditions = [eq(planParticipants.tenantId, tenantId), eq(planParticipants.fileId, fileId)];
  if (!includeRemoved) conditions.push(isNull(planParticipants.removedAt));
  return q.select().from(planParticipants).where(and(...conditions)).orderBy(asc(planParticipants.addedAt));
}

export async function findParticipation(q: Queryable, tenantId: string, fileId: string, personId: string): Promise<ParticipantRow | null> {
  const [row] = await q
    .select()
    .from(planParticipants)
    .where(and(eq(planParticipants.tenantId, tenantId), eq(planParticipants.fileId, fileId), eq(planParticipants.personId, personId), isNull(planParticipants.removedAt)));
  return row ?? null;
}

/** Puts a person on the plan, or back on it after a removal. */
export async function addParticipant(q: Queryable, row: Omit<ParticipantRow, 'removedAt'>): Promise<void> {
  await q
    .insert(planParticipants)
    .values({ ...row, removedAt: null })
    .onConflictDoUpdate({
      target: [planParticipants.tenantId, planParticipants.fileId, planParticipants.personId],
      set: { organisationId: row.organisationId, addedByPersonId: row.addedByPersonId, addedAt: row.addedAt, removedAt: null },
    });
}

export async function removeParticipant(q: Queryable, tenantId: string, fileId: string, personId: string, at: Date): Promise<boolean> {
  const rows = await q
    .update(planParticipants)
    .set({ removedAt: at })
    .where(and(eq(planParticipants.tenantId, tenantId), eq(planParticipants.fileId, fileId), eq(planParticipants.personId, personId), isNull(planParticipants.removedAt)))
    .returning({ personId: planParticipants.personId });
  return rows.length > 0;
}

export async function listConsents(q: Queryable, tenantId: string, fileId: string): Promise<ConsentRow[]> {
  return q
    .select()
    .from(consentRecords)
    .where(and(eq(consentRecords.tenantId, tenantId), eq(consentRecords.fileId, fileId)))
    .orderBy(asc(consentRecords.recordedAt), asc(consentRecords.id));
}

export async function insertConsent(q: Queryable, row: typeof consentRecords.$inferInsert): Promise<void> {
  await q.insert(consentRecords).values(row);
}

export async function withdrawConsent(q: Queryable, tenantId: string, fileId: string, id: string, by: string, at: Date): Promise<boolean> {
  const rows = await q
    .update(consentRecords)
    .set({ withdrawnAt: at, withdrawnByPersonId: by })
    .where(and(eq(consentRecords.tenantId, tenantId), eq(consentRecords.fileId, fileId), eq(consentRecords.id, id), isNull(consentRecords.withdrawnAt)))
    .returning({ id: consentRecords.id });
  return rows.length > 0;
}

// --- plan versions ----------------------------------------------------------

export async function latestPlanVersion(q: Queryable, tenantId: string, fileId: string): Promise<PlanVersionRow | null> {
  const [row] = await q
    .select()
    .from(householdPlanVersions)
    .where(and(eq(householdPlanVersions.tenantId, tenantId), eq(householdPlanVersions.fileId, fileId)))
    .orderBy(desc(householdPlanVersions.version))
    .limit(1);
  return row ?? null;
}

export async function findPlanVersion(q: Queryable, tenantId: string, fileId: string, version: number): Promise<PlanVersionRow | null> {
  const [row] = await q
    .select()
    .from(householdPlanVersions)
    .where(and(eq(householdPlanVersions.tenantId, tenantId), eq(householdPlanVersions.fileId, fileId), eq(householdPlanVersions.version, version)));
  return row ?? null;
}

export async function listPlanVersions(q: Queryable, tenantId: string, fileId: string) {
  return q
    .select({
      version: householdPlanVersions.version,
      reason: householdPlanVersions.reason,
      authorPersonId: householdPlanVersions.authorPersonId,
      createdAt: householdPlanVersions.createdAt,
    })
    .from(householdPlanVersions)
    .where(and(eq(householdPlanVersions.tenantId, tenantId), eq(householdPlanVersions.fileId, fileId)))
    .orderBy(desc(householdPlanVersions.version));
}

/** A new version; the primary key refuses a second writer of the same number. */
export async function insertPlanVersion(q: Queryable, row: PlanVersionRow): Promise<void> {
  await q.insert(householdPlanVersions).values(row);
}

/** Serialises plan changes of one file (the file row is the lock). */
export async function lockFile(q: Queryable, tenantId: string, fileId: string): Promise<void> {
  await q.select({ id: residentFiles.id }).from(residentFiles).where(and(eq(residentFiles.tenantId, tenantId), eq(residentFiles.id, fileId))).for('update');
}

// --- network map -----------------------------------------------------------

export async function listNetwork(q: Queryable, tenantId: string, fileId: string): Promise<NetworkMemberRow[]> {
  return q
    .select()
    .from(networkMembers)
    .where(and(eq(networkMembers.tenantId, tenantId), eq(networkMembers.fileId, fileId)))
    .orderBy(asc(networkMembers.circle), asc(networkMembers.createdAt), asc(networkMembers.id));
}

export async function findNetworkMember(q: Queryable, tenantId: string, fileId: string, id: string): Promise<NetworkMemberRow | null> {
  const [row] = await q
    .select()
    .from(networkMembers)
    .where(and(eq(networkMembers.tenantId, tenantId), eq(networkMembers.fileId, fileId), eq(networkMembers.id, id)));
  return row ?? null;
}

export async function insertNetworkMember(q: Queryable, row: typeof networkMembers.$inferInsert): Promise<void> {
  await q.insert(networkMembers).values(row);
}

export async function updateNetworkMember(q: Queryable, tenantId: string, id: string, set: Partial<typeof networkMembers.$inferInsert>): Promise<void> {
  await q.update(networkMembers).set(set).where(and(eq(networkMembers.tenantId, tenantId), eq(networkMembers.id, id)));
}

export async function deleteNetworkMember(q: Queryable, tenantId: string, id: string): Promise<void> {
  await q.delete(networkMembers).where(and(eq(networkMembers.tenantId, tenantId), eq(networkMembers.id, id)));
}

// --- outcomes ----------------------------------------------------------------

export async function insertMeasurement(
  q: Queryable,
  row: typeof outcomeMeasurements.$inferInsert,
  scores: Array<{ domain: string; score: number }>,
  goals: Array<{ goalId: string; attainment: number }>,
): Promise<void> {
  await q.insert(outcomeMeasurements).values(row);
  if (scores.length) await q.insert(outcomeScores).values(scores.map((s) => ({ tenantId: row.tenantId, measurementId: row.id, ...s })));
  if (goals.length) await q.insert(goalAttainments).values(goals.map((g) => ({ tenantId: row.tenantId, measurementId: row.id, ...g })));
}

/** All measurements of a file in date order, with their scores and goal attainments. */
export async function listMeasurements(q: Queryable, tenantId: string, fileId: string) {
  const rows = await q
    .select()
    .from(outcomeMeasurements)
    .where(and(eq(outcomeMeasurements.tenantId, tenantId), eq(outcomeMeasurements.fileId, fileId)))
    .orderBy(asc(outcomeMeasurements.measuredOn), asc(outcomeMeasurements.createdAt), asc(outcomeMeasurements.id));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const scores = await q
    .select()
    .from(outcomeScores)
    .where(and(eq(outcomeScores.tenantId, tenantId), inArray(outcomeScores.measurementId, ids)));
  const goals = await q
    .select()
    .from(goalAttainments)
    .where(and(eq(goalAttainments.tenantId, tenantId), inArray(goalAttainments.measurementId, ids)));
  return rows.map((r) => ({
    ...r,
    scores: scores.filter((s) => s.measurementId === r.id).map((s) => ({ domain: s.domain, score: s.score })),
    goals: goals.filter((g) => g.measurementId === r.id).map((g) => ({ goalId: g.goalId, attainment: g.attainment })),
  }));
}

// --- the resident's voice ---------------------------------------------------

export async function insertVoice(q: Queryable, row: typeof residentVoiceEntries.$inferInsert): Promise<void> {
  await q.insert(residentVoiceEntries).values(row);
}

export async function listVoice(q: Queryable, tenantId: string, fileId: string, openOnly: boolean): Promise<VoiceRow[]> {
  const conditions = [eq(residentVoiceEntries.tenantId, tenantId), eq(residentVoiceEntries.fileId, fileId)];
  if (openOnly) conditions.push(eq(residentVoiceEntries.kind, 'wish'), isNull(residentVoiceEntries.answeredAt));
  return q.select().from(residentVoiceEntries).where(and(...conditions)).orderBy(desc(residentVoiceEntries.createdAt), asc(residentVoiceEntries.id));
}

export async function findVoice(q: Queryable, tenantId: string, fileId: string, id: string): Promise<VoiceRow | null> {
  const [row] = await q
    .select()
    .from(residentVoiceEntries)
    .where(and(eq(residentVoiceEntries.tenantId, tenantId), eq(residentVoiceEntries.fileId, fileId), eq(residentVoiceEntries.id, id)));
  return row ?? null;
}

export async function answerVoice(q: Queryable, tenantId: string, id: string, answer: string, by: string, at: Date): Promise<void> {
  await q
    .update(residentVoiceEntries)
    .set({ answer, answeredByPersonId: by, answeredAt: at })
    .where(and(eq(residentVoiceEntries.tenantId, tenantId), eq(residentVoiceEntries.id, id)));
}

/** Open wishes of the whole municipality, oldest first, with the file's resident and coordinator. */
export async function openWishes(q: Queryable, tenantId: string, limit: number) {
  return queryRows<{ id: string; body: string; occasion: string; created_at: Date | string; resident_person_id: string; coordinator_person_id: string }>(
    q,
    sql`select v.id, v.body, v.occasion, v.created_at, f.resident_person_id, f.coordinator_person_id
          from resident_voice_entries v
          join resident_files f on f.tenant_id = v.tenant_id and f.id = v.file_id
         where v.tenant_id = ${tenantId} and v.kind = 'wish' and v.answered_at is null
         order by v.created_at, v.id
         limit ${limit}`,
  );
}

export async function countOpenWishes(q: Queryable, tenantId: string, fileIds: string[]): Promise<Map<string, number>> {
  if (fileIds.length === 0) return new Map();
  const rows = await q
    .select({ fileId: residentVoiceEntries.fileId, n: sql<number>`count(*)::int` })
    .from(residentVoiceEntries)
    .where(and(eq(residentVoiceEntries.tenantId, tenantId), inArray(residentVoiceEntries.fileId, fileIds), eq(residentVoiceEntries.kind, 'wish'), isNull(residentVoiceEntries.answeredAt)))
    .groupBy(residentVoiceEntries.fileId);
  return new Map(rows.map((r) => [r.fileId, r.n]));
}

// --- the file's access log ---------------------------------------------------

/** Audit events about the resident that concern their file (household-plan actions), newest first. */
export async function fileAccessEvents(q: Queryable, tenantId: string, residentPersonId: string, actions: readonly string[], limit: number) {
  return queryRows<{ occurred_at: Date | string; actor_person_id: string | null; on_behalf_of_person_id: string | null; action: string; purpose: string; outcome: string }>(
    q,
    sql`select occurred_at, actor_person_id, on_behalf_of_person_id, action, purpose, outcome
          from audit_events
         where tenant_id = ${tenantId} and subject_person_id = ${residentPersonId}
           and action in (${sql.join(actions.map((a) => sql`${a}`), sql`, `)})
         order by seq desc
         limit ${limit}`,
  );
}

// --- links to neighbour help (read-only on its tables) ------------------------

export async function helpRequestResident(q: Queryable, tenantId: string, requestId: string): Promise<string | null> {
  const [row] = await queryRows<{ resident_person_id: string }>(
    q,
    sql`select resident_person_id from help_requests where tenant_id = ${tenantId} and id = ${requestId}`,
  );
  return row?.resident_person_id ?? null;
}

/** Links a request to a plan; false when it hangs under a plan already. */
export async function linkHelpRequest(q: Queryable, row: { tenantId: string; fileId: string; requestId: string; linkedByPersonId: string; linkedAt: Date }): Promise<boolean> {
  const rows = await q.insert(planHelpRequests).values(row).onConflictDoNothing().returning({ requestId: planHelpRequests.requestId });
  return rows.length > 0;
}

export async function linkedHelpRequests(q: Queryable, tenantId: string, fileId: string) {
  return queryRows<{ id: string; status: string; schedule: string; category_code: string; name_nl: string; name_en: string; created_at: Date | string; linked_at: Date | string }>(
    q,
    sql`select r.id, r.status, r.schedule, c.code as category_code, c.name_nl, c.name_en, r.created_at, l.linked_at
          from plan_help_requests l
          join help_requests r on r.tenant_id = l.tenant_id and r.id = l.request_id
          join help_categories c on c.tenant_id = r.tenant_id and c.id = r.category_id
         where l.tenant_id = ${tenantId} and l.file_id = ${fileId}
         order by l.linked_at, r.id`,
  );
}

/** The resident's own help requests that hang under no plan yet (cancelled ones left out), newest first. */
export async function linkableHelpRequests(q: Queryable, tenantId: string, residentPersonId: string) {
  return queryRows<{ id: string; status: string; schedule: string; category_code: string; name_nl: string; name_en: string; created_at: Date | string }>(
    q,
    sql`select r.id, r.status, r.schedule, c.code as category_code, c.name_nl, c.name_en, r.created_at
          from help_requests r
          join help_categories c on c.tenant_id = r.tenant_id and c.id = r.category_id
         where r.tenant_id = ${tenantId} and r.resident_person_id = ${residentPersonId}
           and r.status <> 'cancelled'
           and not exists (select 1 from plan_help_requests l where l.tenant_id = r.tenant_id and l.request_id = r.id)
         order by r.created_at desc, r.id
         limit 50`,
  );
}

/** Volunteers with a confirmed match on a request under this plan: first name only, as neighbour help shows them. */
export async function volunteersOfLinkedRequests(q: Queryable, tenantId: string, fileId: string) {
  return queryRows<{ match_id: string; request_id: string; person_id: string; given_name: string; confirmed_at: Date | string | null }>(
    q,
    sql`select m.id as match_id, m.request_id, m.volunteer_person_id as person_id, p.given_name, m.confirmed_at
          from plan_help_requests l
          join help_matches m on m.tenant_id = l.tenant_id and m.request_id = l.request_id and m.state = 'confirmed'
          join persons p on p.tenant_id = m.tenant_id and p.id = m.volunteer_person_id
         where l.tenant_id = ${tenantId} and l.file_id = ${fileId}
         order by p.given_name, m.id`,
  );
}

/** Work contact details of staff (the coordinator), for "contact the coordinator". */
export async function staffContact(q: Queryable, tenantId: string, personId: string) {
  const [row] = await q
    .select({ email: persons.email, phone: persons.phone })
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.id, personId)));
  return row ?? null;
}

/** People holding one of `roles` (by default those who can be put on a plan) whose name contains `term`. */
export async function participantCandidates(q: Queryable, tenantId: string, term: string, limit: number, roles: readonly string[] = ['social_worker', 'professional', 'volunteer']) {
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return queryRows<{ personId: string; givenName: string; familyName: string; roles: string[]; organisation: string | null }>(
    q,
    sql`select p.id as "personId", p.given_name as "givenName", p.family_name as "familyName",
               array_agg(distinct r.role order by r.role) as roles,
               min(o.name) as organisation
          from persons p
          join role_assignments r on r.tenant_id = p.tenant_id and r.person_id = p.id
          left join organisations o on o.tenant_id = r.tenant_id and o.id = r.organisation_id
         where p.tenant_id = ${tenantId}
           and r.role in (${sql.join(roles.map((role) => sql`${role}`), sql`, `)})
           and (p.given_name || ' ' || p.family_name) ilike ${like}
         group by p.id, p.given_name, p.family_name
         order by p.given_name, p.family_name, p.id
         limit ${limit}`,
  );
}
