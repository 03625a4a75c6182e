/**
 * `npm run audit:verify`: recomputes every municipality's audit hash chain
 * and exits 1 when a row was changed or deleted. Uses DATABASE_URL or the
 * embedded database in DATA_DIR, like the server.
 */
import { loadConfig } from '../config';
import { openDatabase, type Db } from '../db/client';
import { municipalities } from '../db/schema/index';
import { verifyTenantChain } from './audit.service';
import type { ChainVerdict } from './audit.chain';

export async function verifyAllChains(db: Db): Promise<Array<{ code: string; name: string; verdict: ChainVerdict }>> {
  const all = await db.select().from(municipalities).orderBy(municipalities.cbsCode);
  const out = [];
  for (const m of all) out.push({ code: m.cbsCode, name: m.name, verdict: await verifyTenantChain(db, m.id) });
  return out;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  await database.migrate();
  const results = await verifyAllChains(database.db);
  await database.close();
  let broken = 0;
  for (const r of results) {
    const v = r.verdict;
    if (v.ok) {
      process.stdout.write(`ok      ${r.code} ${r.name}: ${v.checked} events, chain intact\n`);
    } else {
      broken += 1;
      process.stdout.write(`BROKEN  ${r.code} ${r.name}: ${v.reason} at event ${v.brokenAtSeq} (${v.checked} events before it are intact)\n`);
    }
  }
  process.exit(broken === 0 ? 0 : 1);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\u0000')) {
  main().catch((err: unknown) => {
    process.stderr.write(`audit:verify failed: ${err instanceof Error ? err.name : 'unknown error'}\n`);
    process.exit(2);
  });
}
