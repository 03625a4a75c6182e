/**
 * Runs work inside one municipality: a transaction in which PostgreSQL's
 * row-level security only shows that municipality's rows. The role switch
 * and the tenant setting are transaction-local (`set_config(..., true)`), so
 * a pooled connection never carries them into the next request.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client';

export function inTenant<T>(db: Db, tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'samenspel_app', true), set_config('app.tenant_id', ${tenantId}, true)`,
    );
    return work(tx);
  });
}

/** Work that is not tenant-scoped (sign-in, demo loading, migrations' aftermath). */
export function inSystem<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(work);
}
