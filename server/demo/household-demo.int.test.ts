/**
 * The household demo (issue 5): loaded on top of the main demo data, the
 * Dordrecht resident sees her own plan, network and outcomes, the social
 * worker coordinates it, the uninvolved professional is refused, and a
 * second load adds nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import { A } from '../../test/fixtures';
import { createTestEnv, signedIn, type TestEnv } from '../../test/harness';
import { DEMO_FILE_ID, loadHouseholdDemo } from './household-demo';

const base = `/api/municipalities/${A.code}`;

describe('the household demo', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
    expect(await loadHouseholdDemo(env.database.db, () => env.clock.now)).toBe(true);
  });
  afterAll(() => env.close());

  it("shows the Dordrecht resident her own plan with two versions, ten people on the map, three measurements and an open wish", async () => {
    const resident = await signedIn(env.app, A.resident.email);
    const file = (await (await resident.get(`${base}/me/resident-file`)).json()) as { id: string; myRelation: string; coordinator: { personId: string } };
    expect(file).toMatchObject({ id: DEMO_FILE_ID, myRelation: 'resident', coordinator: { personId: A.socialWorker.id } });
    const versions = (await (await resident.get(`${base}/resident-files/${DEMO_FILE_ID}/plan/versions`)).json()) as { items: unknown[] };
    expect(versions.items).toHaveLength(2);
    const network = (await (await resident.get(`${base}/resident-files/${DEMO_FILE_ID}/network`)).json()) as { members: unknown[]; fragmentation: { total: number } };
    expect(network.members).toHaveLength(10);
    expect(network.fragmentation.total).toBeGreaterThan(0);
    const trend = (await (await resident.get(`${base}/resident-files/${DEMO_FILE_ID}/outcomes/trend`)).json()) as { domains: Array<{ code: string; points: unknown[] }> };
    expect(trend.domains.find((d) => d.code === 'social_network')?.points).toHaveLength(3);
    const open = (await (await resident.get(`${base}/resident-files/${DEMO_FILE_ID}/voice?open=true`)).json()) as { items: unknown[] };
    expect(open.items).toHaveLength(1);
  });

  it('lets the social worker coordinate it and refuses the uninvolved professional', async () => {
    const worker = await signedIn(env.app, A.socialWorker.email);
    const list = (await (await worker.get(`${base}/resident-files`)).json()) as { items: Array<{ id: string; relation: string; openWishes: number | null }> };
    expect(list.items).toContainEqual(expect.objectContaining({ id: DEMO_FILE_ID, relation: 'coordinator', openWishes: 1 }));
    const professional = await signedIn(env.app, A.professional.email);
    expect((await professional.get(`${base}/resident-files/${DEMO_FILE_ID}`)).status).toBe(403);
  });

  it('adds nothing on a second load', async () => {
    expect(await loadHouseholdDemo(env.database.db, () => env.clock.now)).toBe(false);
    const [row] = await queryRows<{ n: number }>(env.database.db, sql`select count(*)::int as n from resident_files where id = ${DEMO_FILE_ID}`);
    expect(row?.n).toBe(1);
  });
});
