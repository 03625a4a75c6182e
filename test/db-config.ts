/** Where the test databases come from: TEST_DB=pglite (default) or TEST_DB=postgres with TEST_PG_URL. */
import path from 'node:path';

export const TEMPLATE_DB = 'samenspel_test_template';
export const PGLITE_TEMPLATE_FILE = path.resolve('.test-work/pglite-template.tar');
/** The fixed "now" of the demo data in tests. */
export const TEST_NOW = new Date('2026-11-02T09:00:00Z');

export function testDbKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** The PostgreSQL server URL with another database name. */
export function adminUrl(database = 'postgres'): string {
  const base = process.env.TEST_PG_URL;
  if (!base) throw new Error('TEST_DB=postgres needs TEST_PG_URL (scripts/test.sh starts a server and sets it)');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}
