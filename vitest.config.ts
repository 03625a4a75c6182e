/**
 * Test projects: unit (pure logic, no database), integration on PGlite,
 * integration on PostgreSQL (when TEST_PG_URL is set: scripts/test.sh starts
 * a server), and end-to-end in Chromium. Each integration project migrates
 * one template in its global setup; test files copy it.
 */
import { defineConfig } from 'vitest/config';

const integration = (name: string, db: 'pglite' | 'postgres') => ({
  test: {
    name,
    include: ['server/**/*.int.test.ts', 'test/**/*.int.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    env: { TEST_DB: db },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

const e2e = { testTimeout: 90_000, hookTimeout: 120_000, fileParallelism: false };

/** About half of the end-to-end time (measured in session 3); the rest runs in lane a. */
const E2E_LANE_B = [
  'e2e/neighbour-help-match.e2e.ts',
  'e2e/notifications-and-safety.e2e.ts',
  'e2e/regional-pool.e2e.ts',
  'e2e/neighbour-help-volunteer.e2e.ts',
  'e2e/effects.e2e.ts',
  'e2e/admin-users.e2e.ts',
  'e2e/sign-in-and-home.e2e.ts',
  'e2e/wrong-password.e2e.ts',
  'e2e/access-log.e2e.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      integration('int-pglite', 'pglite'),
      ...(process.env.TEST_PG_URL ? [integration('int-postgres', 'postgres')] : []),
      // End-to-end in two lanes that run side by side (each file has its own server and browser;
      // within a lane one file at a time). A new spec joins lane a unless it is listed for b.
      {
        test: {
          name: 'e2e-a',
          include: ['e2e/**/*.e2e.ts'],
          exclude: E2E_LANE_B,
          ...e2e,
        },
      },
      {
        test: {
          name: 'e2e-b',
          include: E2E_LANE_B,
          ...e2e,
        },
      },
    ],
  },
});
