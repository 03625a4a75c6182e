/**
 * The audit log: every read and change of personal data leaves exactly one
 * event with the NEN 7513 fields; residents see who looked at their data;
 * the hash chain finds changed and deleted rows; and the table refuses
 * UPDATE and DELETE even from its owner.
 *
 * Rows are read through the owner connection (env.database.db), which
 * bypasses row-level security: what is checked is what was really written.
 */
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { verifyAllChains } from '../server/audit/verify.cli';
import { A, B } from './fixtures';
import { createTestEnv, signedIn, type Agent, type TestEnv } from './harness';

interface AuditRow {
  tenant_id: string;
  seq: number;
  actor_account_id: string | null;
  actor_person_id: string | null;
  on_behalf_of_person_id: string | null;
  action: string;
  subject_person_id: string | null;
  resource_type: string;
  resource_id: string | null;
  purpose: string;
  outcome: string;
  request_id: string;
  occurred_at: Date | string;
}

const DAY = 24 * 3600_000;

/** Audit rows of every municipality written after `afterSeqs` (a snapshot of each chain's length). */
async function chainLengths(env: TestEnv): Promise<Map<string, number>> {
  const rows = await queryRows<{ tenant_id: string; n: number }>(
    env.database.db,
    sql`select tenant_id, coalesce(max(seq), 0)::int as n from audit_events group by tenant_id`,
  );
  return new Map(rows.map((r) => [r.tenant_id, r.n]));
}

async function eventsSince(env: TestEnv, before: Map<string, number>): Promise<AuditRow[]> {
  const rows = await queryRows<AuditRow>(env.database.db, sql`select * from audit_events order by tenant_id, seq`);
  return rows.filter((r) => Number(r.seq) > (before.get(r.tenant_id) ?? 0));
}

async function accountIdOf(agent: Agent): Promise<string> {
  return ((await (await agent.get('/api/session')).json()) as { account: { id: string } }).account.id;
}

/** Runs a statement with the append-only trigger switched off, as only the table owner can. */
async function tamper(env: TestEnv, statement: SQL): Promise<void> {
  const db = env.database.db;
  await db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
  }
}

async function lastSeqOf(env: TestEnv, tenantId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.database.db, sql`select max(seq)::int as n from audit_events where tenant_id = ${tenantId}`);
  return row!.n;
}

describe('audit events for reads and changes of personal data', () => {
  let env: TestEnv;
  let admin: Agent;
  let resident: Agent;
  beforeAll(async () => {
    env = await createTestEnv();
    admin = await signedIn(env.app, A.admin.email);
    resident = await signedIn(env.app, A.resident.email);
  });
  afterAll(() => env.close());

  it("writes exactly one event when an administrator reads someone's record, with who, whom, why and the request id", async () => {
    const adminAccountId = await accountIdOf(admin);
    const before = await chainLengths(env);
    const res = await admin.get(`/api/municipalities/${A.code}/persons/${A.otherResidentId}`);
    expect(res.status).toBe(200);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const events = await eventsSince(env, before);
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e).toMatchObject({
      tenant_id: A.id,
      actor_account_id: adminAccountId,
      actor_person_id: A.admin.id,
      on_behalf_of_person_id: null,
      action: 'person.read',
      subject_person_id: A.otherResidentId,
      resource_type: 'person',
      resource_id: A.otherResidentId,
      purpose: 'account_management',
      outcome: 'success',
      request_id: requestId,
    });
    expect(new Date(e.occurred_at).getTime()).toBe(env.clock.now.getTime());
  });

  it('writes person.update with purpose self_service when residents change their own record', async () => {
    const before = await chainLengths(env);
    const res = await resident.patch(`/api/municipalities/${A.code}/me`, { phone: '+31 6 1234 5678' });
    expect(res.status).toBe(200);
    const events = await eventsSince(env, before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'person.update',
      purpose: 'self_service',
      actor_person_id: A.resident.id,
      subject_person_id: A.resident.id,
      outcome: 'success',
      request_id: res.headers.get('x-request-id'),
    });
  });

  it("records a resident's attempt to read someone else's record as denied, and writes nothing else", async () => {
    const snapshot = () =>
      Promise.all([sql`select * from persons order by tenant_id, id`, sql`select * from role_assignments order by tenant_id, person_id, role`].map((q) => queryRows(env.database.db, q))).then(JSON.stringify);
    const data = await snapshot();
    const before = await chainLengths(env);

    const res = await resident.get(`/api/municipalities/${A.code}/persons/${A.otherResidentId}`);
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).not.toContain(A.otherResidentId);

    const events = await eventsSince(env, before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      tenant_id: A.id,
      action: 'person.read',
      actor_person_id: A.resident.id,
      subject_person_id: A.otherResidentId,
      outcome: 'denied',
      request_id: res.headers.get('x-request-id'),
    });
    expect(await snapshot()).toBe(data);
  });

  it("records a refused change of someone's roles as denied, and leaves the roles alone", async () => {
    const roles = () => queryRows(env.database.db, sql`select role from role_assignments where tenant_id = ${A.id} and person_id = ${A.otherResidentId}`).then(JSON.stringify);
    const rolesBefore = await roles();
    const before = await chainLengths(env);
    const res = await resident.put(`/api/municipalities/${A.code}/persons/${A.otherResidentId}/roles`, { roles: [{ role: 'admin' }] });
    expect(res.status).toBe(403);
    const events = await eventsSince(env, before);
    expect(events.map((e) => [e.action, e.outcome, e.subject_person_id])).toEqual([['person.roles.update', 'denied', A.otherResidentId]]);
    expect(await roles()).toBe(rolesBefore);
  });

  it("shows residents in their access log that the administrator read their record, by name and purpose", async () => {
    expect((await admin.get(`/api/municipalities/${A.code}/persons/${A.resident.id}`)).status).toBe(200);
    const res = await resident.get(`/api/municipalities/${A.code}/me/access-log`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<{ actorDisplayName: string; actorRoles: string[]; action: string; purpose: string; outcome: string; occurredAt: string }> };
    expect(items[0]).toEqual({
      occurredAt: env.clock.now.toISOString(),
      actorDisplayName: 'Bram Beheerder',
      actorRoles: ['admin'],
      action: 'person.read',
      purpose: 'account_management',
      outcome: 'success',
    });
  });

  it("keeps other people's events out of a resident's access log", async () => {
    // The administrator reads someone else: the resident's log must not grow by it.
    const first = (await (await resident.get(`/api/municipalities/${A.code}/me/access-log?limit=200`)).json()) as { items: unknown[] };
    expect((await admin.get(`/api/municipalities/${A.code}/persons/${A.otherResidentId}`)).status).toBe(200);
    const second = (await (await resident.get(`/api/municipalities/${A.code}/me/access-log?limit=200`)).json()) as { items: Array<{ action: string }> };
    // Only the resident's own previous access-log read was added.
    expect(second.items).toHaveLength(first.items.length + 1);
    expect(second.items[0]!.action).toBe('person.access_log.read');
  });
});

describe('audit log search', () => {
  let env: TestEnv;
  let admin: Agent;
  beforeAll(async () => {
    env = await createTestEnv();
    admin = await signedIn(env.app, A.admin.email);
  });
  afterAll(() => env.close());

  type Page = { items: Array<{ seq: number; action: string; occurredAt: string; actorDisplayName: string | null; subjectDisplayName: string | null; purpose: string; requestId: string }>; nextBefore: number | null };
  const search = async (query: string): Promise<Page> => {
    const res = await admin.get(`/api/municipalities/${A.code}/audit-events?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };

  it('filters by action, with names instead of ids', async () => {
    const read = await admin.get(`/api/municipalities/${A.code}/persons/${A.resident.id}`);
    const page = await search('action=person.read');
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.action === 'person.read')).toBe(true);
    expect(page.items[0]).toMatchObject({
      actorDisplayName: 'Bram Beheerder',
      subjectDisplayName: 'Ineke de Vries',
      purpose: 'account_management',
      requestId: read.headers.get('x-request-id'),
    });
  });

  it('filters by date, whole days inclusive', async () => {
    env.clock.advance(3 * DAY);
    admin = await signedIn(env.app, A.admin.email); // the earlier session has expired by now
    const day = env.clock.now.toISOString().slice(0, 10);
    const reads = [];
    for (const id of [A.resident.id, A.volunteer.id]) reads.push((await admin.get(`/api/municipalities/${A.code}/persons/${id}`)).headers.get('x-request-id'));

    const thatDay = await search(`from=${day}&to=${day}&limit=200`);
    expect(thatDay.items.every((i) => i.occurredAt.slice(0, 10) === day)).toBe(true);
    expect(thatDay.items.map((i) => i.requestId)).toEqual(expect.arrayContaining(reads));

    const earlier = await search(`to=${new Date(env.clock.now.getTime() - DAY).toISOString().slice(0, 10)}&limit=200`);
    expect(earlier.items.length).toBeGreaterThan(0);
    expect(earlier.items.every((i) => i.occurredAt.slice(0, 10) < day)).toBe(true);

    const later = await search(`from=${new Date(env.clock.now.getTime() + DAY).toISOString().slice(0, 10)}`);
    expect(later.items).toEqual([]);
  });

  it('pages newest first with before/nextBefore, without gaps or overlap', async () => {
    const expected = (
      await queryRows<{ seq: number }>(env.database.db, sql`select seq::int as seq from audit_events where tenant_id = ${A.id} and action = 'person.create' order by seq desc`)
    ).map((r) => r.seq);
    expect(expected.length).toBeGreaterThan(20);

    const seen: number[] = [];
    let query = 'action=person.create&limit=10';
    for (let pages = 0; pages < 50; pages += 1) {
      const page = await search(query);
      expect(page.items.length).toBeLessThanOrEqual(10);
      seen.push(...page.items.map((i) => i.seq));
      if (page.nextBefore === null) break;
      expect(page.nextBefore).toBe(page.items.at(-1)!.seq);
      query = `action=person.create&limit=10&before=${page.nextBefore}`;
    }
    expect(seen).toEqual(expected);
  });

  it('audits the search itself (privacy oversight)', async () => {
    const before = await chainLengths(env);
    await search('action=person.update');
    const events = await eventsSince(env, before);
    expect(events.map((e) => [e.action, e.purpose, e.actor_person_id])).toEqual([['audit.search', 'privacy_oversight', A.admin.id]]);
  });
});

describe('the hash chain', () => {
  let env: TestEnv;
  let admin: Agent;
  beforeEach(async () => {
    env = await createTestEnv();
    admin = await signedIn(env.app, A.admin.email);
    // Some real traffic on top of the demo data.
    await admin.get(`/api/municipalities/${A.code}/persons/${A.resident.id}`);
    await admin.get(`/api/municipalities/${A.code}/persons/${A.otherResidentId}`);
  });
  afterEach(() => env.close());

  const verify = async () => {
    const res = await admin.post(`/api/municipalities/${A.code}/audit-events/verify`);
    expect(res.status).toBe(200);
    return (await res.json()) as { ok: boolean; checked: number; brokenAtSeq: number | null; reason: string | null };
  };

  it('verifies an untouched chain', async () => {
    const length = await lastSeqOf(env, A.id);
    expect(await verify()).toEqual({ ok: true, checked: length, brokenAtSeq: null, reason: null });
    // The verification is itself audited and the chain stays intact.
    expect((await verify()).checked).toBe(length + 1);
  });

  it('reports a changed row as `changed` at its sequence number', async () => {
    await tamper(env, sql`update audit_events set purpose = 'self_service' where tenant_id = ${A.id} and seq = 10`);
    expect(await verify()).toEqual({ ok: false, checked: 9, brokenAtSeq: 10, reason: 'changed' });
  });

  it('reports a deleted row in the middle as `missing` at its sequence number', async () => {
    await tamper(env, sql`delete from audit_events where tenant_id = ${A.id} and seq = 12`);
    expect(await verify()).toMatchObject({ ok: false, brokenAtSeq: 12, reason: 'missing' });
  });

  it('reports a deleted newest row as `head_mismatch`', async () => {
    const last = await lastSeqOf(env, A.id);
    await tamper(env, sql`delete from audit_events where tenant_id = ${A.id} and seq = ${last}`);
    expect(await verify()).toEqual({ ok: false, checked: last - 1, brokenAtSeq: last, reason: 'head_mismatch' });
  });

  it('keeps reporting the break after the verification added its own event', async () => {
    await tamper(env, sql`update audit_events set outcome = 'denied' where tenant_id = ${A.id} and seq = 5`);
    await verify();
    expect(await verify()).toMatchObject({ ok: false, brokenAtSeq: 5, reason: 'changed' });
  });

  it('verifyAllChains (npm run audit:verify) reports the broken municipality and the other as intact', async () => {
    await tamper(env, sql`update audit_events set action = 'person.list' where tenant_id = ${A.id} and seq = 3`);
    const results = await verifyAllChains(env.database.db);
    const byCode = new Map(results.map((r) => [r.code, r.verdict]));
    expect([...byCode.keys()].sort()).toEqual([A.code, B.code].sort());
    expect(byCode.get(A.code)).toMatchObject({ ok: false, brokenAtSeq: 3, reason: 'changed' });
    expect(byCode.get(B.code)).toMatchObject({ ok: true, checked: await lastSeqOf(env, B.id) });
  });

  it("keeps the other municipality's chain intact in its administrator's view", async () => {
    await tamper(env, sql`delete from audit_events where tenant_id = ${A.id} and seq = 2`);
    const adminB = await signedIn(env.app, B.admin.email);
    const res = await adminB.post(`/api/municipalities/${B.code}/audit-events/verify`);
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('refuses UPDATE on audit_events, even for the table owner', async () => {
    const before = await queryRows(env.database.db, sql`select * from audit_events where tenant_id = ${A.id} and seq = 1`);
    await expect(env.database.db.execute(sql`update audit_events set purpose = 'self_service' where tenant_id = ${A.id} and seq = 1`)).rejects.toThrow();
    expect(await queryRows(env.database.db, sql`select * from audit_events where tenant_id = ${A.id} and seq = 1`)).toEqual(before);
    expect((await verify()).ok).toBe(true);
  });

  it('refuses DELETE and TRUNCATE on audit_events, even for the table owner', async () => {
    const count = async () => (await queryRows<{ n: number }>(env.database.db, sql`select count(*)::int as n from audit_events`))[0]!.n;
    const before = await count();
    await expect(env.database.db.execute(sql`delete from audit_events where tenant_id = ${A.id} and seq = 1`)).rejects.toThrow();
    await expect(env.database.db.execute(sql`truncate audit_events`)).rejects.toThrow();
    expect(await count()).toBe(before);
    expect((await verify()).ok).toBe(true);
  });

  it('seals concurrent events one after another: no gaps, no duplicates, the chain verifies', async () => {
    const before = await lastSeqOf(env, A.id);
    const targets = [A.resident.id, A.volunteer.id, A.socialWorker.id, A.professional.id, A.policyOfficer.id, A.mediator.id, A.arbiter.id, A.otherResidentId];
    const responses = await Promise.all(targets.map((id) => admin.get(`/api/municipalities/${A.code}/persons/${id}`)));
    expect(responses.map((r) => r.status)).toEqual(targets.map(() => 200));
    const seqs = (await queryRows<{ seq: number }>(env.database.db, sql`select seq::int as seq from audit_events where tenant_id = ${A.id} and seq > ${before} order by seq`)).map((r) => r.seq);
    expect(seqs).toEqual(targets.map((_, i) => before + i + 1));
    expect(await verify()).toMatchObject({ ok: true, checked: before + targets.length });
  });

  it('explains the refusal: the trigger names the table as append-only', async () => {
    const err = await env.database.db.execute(sql`delete from audit_events where seq = 1`).then(
      () => null,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(err).not.toBeNull();
    expect(`${err!.message} ${err!.cause?.message ?? ''}`).toMatch(/append-only/);
  });
});
