/**
 * Meet-up storage, always within one municipality (RLS scope). Seats are
 * counted from active sign-ups (not withdrawn) in the same query that reads
 * the meet-up, so a list never needs a second round trip per row.
 */
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client';
import { meetupSignups, meetups, organisations, persons, roleAssignments } from '../../db/schema/index';

export type MeetupRow = typeof meetups.$inferSelect;
export interface MySignup {
  signedUpAt: Date;
  cancelledAt: Date | null;
  attended: boolean | null;
}
export type MeetupWithCounts = MeetupRow & { signedUp: number; organisationName: string; mySignup: MySignup | null };

const activeSignups = sql<number>`(select count(*)::int from meetup_signups s
  where s.tenant_id = ${meetups.tenantId} and s.meetup_id = ${meetups.id} and s.cancelled_at is null)`;

function selectWithCounts(q: Queryable, personId: string) {
  return q
    .select({
      meetup: meetups,
      signedUp: activeSignups,
      organisationName: organisations.name,
      signedUpAt: meetupSignups.signedUpAt,
      signupCancelledAt: meetupSignups.cancelledAt,
      attended: meetupSignups.attended,
    })
    .from(meetups)
    .innerJoin(organisations, and(eq(organisations.tenantId, meetups.tenantId), eq(organisations.id, meetups.organisationId)))
    .leftJoin(
      meetupSignups,
      and(eq(meetupSignups.tenantId, meetups.tenantId), eq(meetupSignups.meetupId, meetups.id), eq(meetupSignups.personId, personId)),
    );
}

type Joined = Awaited<ReturnType<ReturnType<typeof selectWithCounts>['execute']>>[number];

const toMeetup = (r: Joined): MeetupWithCounts => ({
  ...r.meetup,
  signedUp: Number(r.signedUp),
  organisationName: r.organisationName,
  mySignup: r.signedUpAt ? { signedUpAt: r.signedUpAt, cancelledAt: r.signupCancelledAt, attended: r.attended } : null,
});

/** One meet-up with its seat count and the asking person's own sign-up. */
export async function findMeetup(q: Queryable, tenantId: string, id: string, personId: string): Promise<MeetupWithCounts | null> {
  const [row] = await selectWithCounts(q, personId).where(and(eq(meetups.tenantId, tenantId), eq(meetups.id, id)));
  return row ? toMeetup(row) : null;
}

/** Locks the meet-up row until commit, so two last-seat sign-ups cannot both win. */
export async function lockMeetup(q: Queryable, tenantId: string, id: string): Promise<boolean> {
  const rows = await q
    .select({ id: meetups.id })
    .from(meetups)
    .where(and(eq(meetups.tenantId, tenantId), eq(meetups.id, id)))
    .for('update');
  return rows.length > 0;
}

export async function listMeetups(
  q: Queryable,
  tenantId: string,
  f: { personId: string; now: Date; past: boolean; mine: boolean; organisationId?: string | undefined; limit: number; offset: number },
): Promise<{ total: number; items: MeetupWithCounts[] }> {
  const conditions: SQL[] = [eq(meetups.tenantId, tenantId), f.past ? lte(meetups.endsAt, f.now) : gt(meetups.endsAt, f.now)];
  if (f.organisationId) conditions.push(eq(meetups.organisationId, f.organisationId));
  if (f.mine) conditions.push(isNotNull(meetupSignups.personId), isNull(meetupSignups.cancelledAt));
  const where = and(...conditions);
  const [total] = await q
    .select({ n: count() })
    .from(meetups)
    .leftJoin(
      meetupSignups,
      and(eq(meetupSignups.tenantId, meetups.tenantId), eq(meetupSignups.meetupId, meetups.id), eq(meetupSignups.personId, f.personId)),
    )
    .where(where);
  const rows = await selectWithCounts(q, f.personId)
    .where(where)
    .orderBy(f.past ? desc(meetups.startsAt) : asc(meetups.startsAt), asc(meetups.id))
    .limit(f.limit)
    .offset(f.offset);
  return { total: total?.n ?? 0, items: rows.map(toMeetup) };
}

export async function insertMeetup(q: Queryable, row: typeof meetups.$inferInsert): Promise<void> {
  await q.insert(meetups).values(row);
}

export async function updateMeetup(
  q: Queryable,
  tenantId: string,
  id: string,
  patch: Partial<Pick<MeetupRow, 'title' | 'place' | 'pc4' | 'startsAt' | 'endsAt' | 'capacity' | 'notes' | 'cancelledAt'>> & { updatedAt: Date },
): Promise<void> {
  await q.update(meetups).set(patch).where(and(eq(meetups.tenantId, tenantId), eq(meetups.id, id)));
}

/** Signs a person up, or signs them up again after they withdrew (attendance starts afresh). */
export async function upsertSignup(q: Queryable, tenantId: string, meetupId: string, personId: string, now: Date): Promise<void> {
  await q
    .insert(meetupSignups)
    .values({ tenantId, meetupId, personId, signedUpAt: now, cancelledAt: null, attended: null })
    .onConflictDoUpdate({
      target: [meetupSignups.tenantId, meetupSignups.meetupId, meetupSignups.personId],
      set: { signedUpAt: now, cancelledAt: null, attended: null },
    });
}

export async function withdrawSignup(q: Queryable, tenantId: string, meetupId: string, personId: string, now: Date): Promise<void> {
  await q
    .update(meetupSignups)
    .set({ cancelledAt: now })
    .where(and(eq(meetupSignups.tenantId, tenantId), eq(meetupSignups.meetupId, meetupId), eq(meetupSignups.personId, personId)));
}

/** Everyone with an active sign-up, with the name the organiser needs at the door and whether they volunteer. */
export async function listSignups(q: Queryable, tenantId: string, meetupId: string) {
  const rows = await q
    .select({
      personId: meetupSignups.personId,
      givenName: persons.givenName,
      familyName: persons.familyName,
      signedUpAt: meetupSignups.signedUpAt,
      attended: meetupSignups.attended,
      volunteer: sql<boolean>`exists (select 1 from role_assignments r
        where r.tenant_id = ${meetupSignups.tenantId} and r.person_id = ${meetupSignups.personId} and r.role = 'volunteer')`,
    })
    .from(meetupSignups)
    .innerJoin(persons, and(eq(persons.tenantId, meetupSignups.tenantId), eq(persons.id, meetupSignups.personId)))
    .where(and(eq(meetupSignups.tenantId, tenantId), eq(meetupSignups.meetupId, meetupId), isNull(meetupSignups.cancelledAt)))
    .orderBy(asc(persons.givenName), asc(persons.familyName), asc(meetupSignups.personId));
  return rows.map((r) => ({ ...r, volunteer: Boolean(r.volunteer) }));
}

/** Sets attendance (true, false, or null for "not kept yet") on active sign-ups only. */
export async function setAttendance(
  q: Queryable,
  tenantId: string,
  meetupId: string,
  marks: ReadonlyArray<{ personId: string; attended: boolean | null }>,
): Promise<void> {
  for (const m of marks) {
    await q
      .update(meetupSignups)
      .set({ attended: m.attended })
      .where(
        and(
          eq(meetupSignups.tenantId, tenantId),
          eq(meetupSignups.meetupId, meetupId),
          eq(meetupSignups.personId, m.personId),
          isNull(meetupSignups.cancelledAt),
        ),
      );
  }
}

/** Volunteers (by role) marked as attended, except one person: id and first name only. */
export async function attendedVolunteers(q: Queryable, tenantId: string, meetupId: string, exceptPersonId: string) {
  return q
    .select({ personId: meetupSignups.personId, givenName: persons.givenName })
    .from(meetupSignups)
    .innerJoin(persons, and(eq(persons.tenantId, meetupSignups.tenantId), eq(persons.id, meetupSignups.personId)))
    .innerJoin(
      roleAssignments,
      and(eq(roleAssignments.tenantId, meetupSignups.tenantId), eq(roleAssignments.personId, meetupSignups.personId), eq(roleAssignments.role, 'volunteer')),
    )
    .where(
      and(
        eq(meetupSignups.tenantId, tenantId),
        eq(meetupSignups.meetupId, meetupId),
        eq(meetupSignups.attended, true),
        isNull(meetupSignups.cancelledAt),
        sql`${meetupSignups.personId} <> ${exceptPersonId}`,
      ),
    )
    .orderBy(asc(persons.givenName), asc(meetupSignups.personId));
}

/** The organisations a person organises for: those of their social-worker and professional roles. */
export async function organiserOrganisationIds(q: Queryable, tenantId: string, personId: string, roles: readonly string[]): Promise<string[]> {
  const rows = await q
    .select({ organisationId: roleAssignments.organisationId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.tenantId, tenantId),
        eq(roleAssignments.personId, personId),
        inArray(roleAssignments.role, [...roles]),
        isNotNull(roleAssignments.organisationId),
      ),
    );
  return [...new Set(rows.map((r) => r.organisationId).filter((id): id is string => id !== null))];
}

export async function organisationExists(q: Queryable, tenantId: string, id: string): Promise<boolean> {
  const rows = await q
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.id, id)));
  return rows.length > 0;
}

/** Both people were marked present at this meet-up: they met, so one may start a help match with the other. */
export async function bothAttended(q: Queryable, tenantId: string, meetupId: string, a: string, b: string): Promise<boolean> {
  const rows = await q
    .select({ personId: meetupSignups.personId })
    .from(meetupSignups)
    .where(
      and(
        eq(meetupSignups.tenantId, tenantId),
        eq(meetupSignups.meetupId, meetupId),
        eq(meetupSignups.attended, true),
        isNull(meetupSignups.cancelledAt),
        sql`${meetupSignups.personId} in (${a}, ${b})`,
      ),
    );
  return a !== b && new Set(rows.map((r) => r.personId)).size === 2;
}

/**
 * Reminders for meet-ups that start within a day: one in-app notification
 * per person signed up, once (a second run adds nothing). Returns how many.
 */
export async function insertDueReminders(q: Queryable, tenantId: string, now: Date): Promise<number> {
  const until = new Date(now.getTime() + 86_400_000);
  const rows = await queryRows<{ id: string }>(
    q,
    sql`insert into notifications (tenant_id, id, person_id, kind, ref_id, created_at)
        select s.tenant_id, gen_random_uuid(), s.person_id, 'meetup.reminder', s.meetup_id, ${now}
          from meetup_signups s
          join meetups m on m.tenant_id = s.tenant_id and m.id = s.meetup_id
         where s.tenant_id = ${tenantId} and s.cancelled_at is null and m.cancelled_at is null
           and m.starts_at > ${now} and m.starts_at <= ${until}
           and not exists (select 1 from notifications n
                            where n.tenant_id = s.tenant_id and n.person_id = s.person_id
                              and n.kind = 'meetup.reminder' and n.ref_id = s.meetup_id)
        returning id`,
  );
  return rows.length;
}
