/**
 * Runs once per test project: migrates one database and loads the demo data
 * into it, so that every test file starts from a copy of the same template
 * instead of migrating again (PGlite: a data-dir dump; PostgreSQL: a
 * template database).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../server/db/client';
import { loadDemoData } from '../server/demo/seed';
import { PGLITE_TEMPLATE_FILE, TEMPLATE_DB, TEST_NOW, adminUrl } from './db-config';

export default async function setup(project: TestProject): Promise<void> {
  // The project's env (TEST_DB) reaches its test workers, not this process.
  if (project.config.env.TEST_DB !== 'postgres') {
    mkdirSync(path.dirname(PGLITE_TEMPLATE_FILE), { recursive: true });
    const client = new PGlite();
    const database = await openDatabase({ pglite: client });
    await database.migrate();
    await loadDemoData(database.db, () => TEST_NOW);
    const dump = await client.dumpDataDir('none');
    writeFileSync(PGLITE_TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
    await client.close();
    return;
  }
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: adminUrl(TEMPLATE_DB), poolSize: 1 });
  await database.migrate();
  await loadDemoData(database.db, () => TEST_NOW);
  await database.close();
}
