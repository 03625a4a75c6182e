import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, signedIn, type TestEnv } from './harness';
import { A } from './fixtures';

describe('harness', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.close());

  it('signs in a demo administrator and reads the health check', async () => {
    const admin = await signedIn(env.app, A.admin.email);
    expect((await admin.get('/api/health')).status).toBe(200);
    const me = await admin.get(`/api/municipalities/${A.code}/me`);
    expect(me.status).toBe(200);
  });
});
