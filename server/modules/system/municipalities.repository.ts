/** Creating a municipality (tenant): its row, the start of its audit chain, its neighbour-help defaults. */
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { municipalities } from '../../db/schema/index';
import { createAuditChain } from '../../audit/audit.repository';
import { initialiseNeighbourHelp } from '../neighbour-help/neighbour-help.repository';

export async function createMunicipality(q: Queryable, m: { id: string; cbsCode: string; name: string }): Promise<void> {
  await q.insert(municipalities).values(m);
  await createAuditChain(q, m.id);
  await initialiseNeighbourHelp(q, m.id);
}

export async function findMunicipalityByCode(q: Queryable, cbsCode: string) {
  const [row] = await q.select().from(municipalities).where(eq(municipalities.cbsCode, cbsCode));
  return row ?? null;
}

/** Every municipality's id, in a stable order: for jobs that visit each tenant in turn. */
export async function listMunicipalityIds(q: Queryable): Promise<string[]> {
  const rows = await q.select({ id: municipalities.id }).from(municipalities).orderBy(asc(municipalities.cbsCode));
  return rows.map((r) => r.id);
}
