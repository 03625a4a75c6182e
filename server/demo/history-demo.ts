/**
 * The demo's synthetic history for the outcome dashboards (issue 6), in the
 * main demo municipality (Dordrecht): 5,000 invented residents over the past
 * eight quarters. Loaded once, apart from the main demo load (like
 * household-demo.ts), so the integration tests keep their small world.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { dataLoads } from '../db/schema/index';
import { audit } from '../audit/audit.service';
import { areasOf } from '../modules/geo/pc4';
import { listCategories } from '../modules/neighbour-help/neighbour-help.repository';
import { DEMO_MUNICIPALITIES } from './demo-data';
import { createSyntheticStaff, generateHistory } from './history';

export const HISTORY_DEMO_LOAD = 'demo-history-v1';
export const HISTORY_DEMO_RESIDENTS = 5000;

export async function loadHistoryDemo(db: Db, now: () => Date): Promise<boolean> {
  const [done] = await db.select().from(dataLoads).where(eq(dataLoads.name, HISTORY_DEMO_LOAD));
  if (done) return false;
  const m = DEMO_MUNICIPALITIES.find((d) => d.cbsCode === 'GM0505');
  if (!m) return false;
  const at = now();
  return db.transaction(async (tx) => {
    await tx.insert(dataLoads).values({ name: HISTORY_DEMO_LOAD });
    const categories = await listCategories(tx, m.id);
    const org = (i: number) => m.organisations[i]?.id ?? null;
    // Their own coordinators: the demo's social worker and professional keep a short list of plans.
    const coordinators = await createSyntheticStaff(tx, {
      tenantId: m.id,
      seed: HISTORY_DEMO_LOAD,
      now: at,
      staff: [
        { role: 'social_worker', organisationId: null },
        { role: 'social_worker', organisationId: org(1) },
        { role: 'professional', organisationId: org(0) },
        { role: 'professional', organisationId: org(0) },
        { role: 'professional', organisationId: org(2) },
      ],
    });
    const added = await generateHistory(tx, {
      tenantId: m.id,
      seed: HISTORY_DEMO_LOAD,
      residents: HISTORY_DEMO_RESIDENTS,
      fileShare: 0.4,
      maxMeasurements: 4,
      quarters: 8,
      now: at,
      areas: areasOf(m.name).map((a) => a.pc4),
      categoryIds: categories.map((c) => c.id),
      coordinators,
      // One meet-up series per organisation, held by its first coordinator.
      meetupOrganisations: [...new Map(coordinators.flatMap((c) => (c.organisationId ? [[c.organisationId, c.personId] as const] : []))).entries()].map(
        ([organisationId, createdByPersonId]) => ({ organisationId, createdByPersonId }),
      ),
      domains: ['finances', 'social_network', 'mental_health', 'housing', 'daytime_activities'],
    });
    const ctx = { requestId: `seed:${HISTORY_DEMO_LOAD}`, locale: 'nl' as const, now: () => at, actor: null, tenant: { id: m.id, code: m.cbsCode, name: m.name } };
    await audit(tx, ctx, { action: 'demo.history_load', purpose: 'system_data_load', resourceType: 'municipality', resourceId: m.id });
    return added > 0;
  });
}
