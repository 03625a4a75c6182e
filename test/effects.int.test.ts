/**
 * The effect calculator end to end through the API (issue 6): the
 * hand-computed case of effects.calculator.test.ts gives the same cents
 * through storage and HTTP; a tariff change is kept as history and changes
 * only the lines that use it; bad input writes nothing; roles and the other
 * municipality are refused; the CSV export carries the figures and the PDF
 * export is tagged.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { inTenant } from '../server/db/tenant-scope';
import { handCase } from '../server/modules/effects/effects.test-support';
import { A, B } from './fixtures';
import { createTestEnv, signedIn, type Agent, type TestEnv } from './harness';

const base = `/api/municipalities/${A.code}`;
const { tariffs: handTariffs, ...handInput } = handCase;
/** The hand-computed case, described without a name. */
const input = { ...handInput, title: 'Alleenwonende oudere, buurthulp 2024' };

interface Line {
  line: { id: string };
  cents: number;
  unitPrice: { cents: number; source: string; priceYear: number; validFrom?: string };
}
interface Result {
  costs: Line[];
  reference: Line[];
  totals: { costCents: number; avoidedCents: number; netCents: number; ratio: number | null };
  byPayer: Array<{ payer: string; costCents: number; avoidedCents: number; netCents: number }>;
  sensitivity: { low: { netCents: number }; high: { netCents: number } };
  sources: Array<{ source: string; priceYear: number }>;
}
interface Calculation {
  id: string;
  version: number;
  title: string;
  versions: Array<{ version: number; reason: string }>;
  result: Result;
  explanations: Array<{ figure: string; text: string }>;
}
interface Problem {
  code: string;
  invalidParams?: Array<{ name: string; code: string }>;
}

async function count(env: TestEnv, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.database.db, sql.raw(`select count(*)::int as n from ${table}`));
  return row?.n ?? -1;
}

/** Every row the calculator could write, so "nothing written" is one comparison. */
async function written(env: TestEnv): Promise<number[]> {
  return Promise.all(['effect_tariffs', 'effect_calculations', 'effect_calculation_versions', 'audit_events'].map((t) => count(env, t)));
}

describe('the effect calculator through the API', () => {
  let env: TestEnv;
  let policy: Agent;
  let worker: Agent;
  let resident: Agent;
  let adminB: Agent;
  let calculationId = '';

  beforeAll(async () => {
    env = await createTestEnv();
    policy = await signedIn(env.app, A.policyOfficer.email);
    worker = await signedIn(env.app, A.socialWorker.email);
    resident = await signedIn(env.app, A.resident.email);
    adminB = await signedIn(env.app, B.admin.email);
  });
  afterAll(() => env.close());

  it("keeps the municipality's tariffs, every version", async () => {
    for (const t of handTariffs!) {
      const res = await policy.post(`${base}/effect-tariffs`, { ...t, source: 'Tarievenlijst Wmo (synthetisch)' });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const list = (await (await worker.get(`${base}/effect-tariffs`)).json()) as Array<{ shortVar: string; priceCents: number; validFrom: string; createdByName: string }>;
    expect(list.map((t) => [t.shortVar, t.validFrom, t.priceCents])).toEqual([
      ['coordinator_hour', '2024-01-01', 6850],
      ['homecare_household', '2025-01-01', 4000],
      ['homecare_household', '2024-01-01', 3840],
      ['homecare_household', '2023-01-01', 3690],
    ]);
  });

  it('previews the hand-computed case with the same cents, explained in Dutch, and stores nothing', async () => {
    const before = await written(env);
    const res = await policy.post(`${base}/effect-calculations/preview`, input);
    expect(res.status, await res.clone().text()).toBe(200);
    const { result, explanations } = (await res.json()) as { result: Result; explanations: Calculation['explanations'] };
    expect(result.costs.map((c) => c.cents)).toEqual([123300, 30000, 12350]);
    expect(result.reference.map((r) => r.cents)).toEqual([119808, 66953, 185890, 140027, 31795, 125861]);
    expect(result.totals).toMatchObject({ costCents: 165650, avoidedCents: 670334, netCents: 504684 });
    expect(result.totals.ratio).toBeCloseTo(4.0467, 4);
    expect(result.sensitivity.low.netCents).toBe(102483);
    expect(result.sensitivity.high.netCents).toBe(1031411);
    expect(result.byPayer.find((p) => p.payer === 'municipality_wmo')).toMatchObject({ costCents: 153300, avoidedCents: 372651, netCents: 219351 });
    expect(result.reference[0]!.unitPrice).toMatchObject({ cents: 3840, source: 'tarief gemeente (Tarievenlijst Wmo (synthetisch))', validFrom: '2024-01-01' });
    expect(result.reference[1]!.unitPrice).toMatchObject({ cents: 6867, source: 'Kostenhandleiding Zorginstituut', priceYear: 2024 });
    expect(explanations.find((e) => e.figure === 'total.net')!.text.replace(/\u00a0/g, ' ')).toBe('Het netto effect is € 6.703,34 − € 1.656,50 = € 5.046,84: de hulp bespaart meer dan zij kost.');
    expect(await written(env)).toEqual(before);
  });

  it('explains in English to someone whose language is English', async () => {
    expect((await policy.patch('/api/account', { locale: 'en' })).status).toBe(200);
    try {
      const res = await policy.post(`${base}/effect-calculations/preview`, input);
      const { explanations } = (await res.json()) as { explanations: Calculation['explanations'] };
      expect(explanations.find((e) => e.figure === 'total.net')!.text).toContain('The net effect is €6,703.34 − €1,656.50 = €5,046.84');
    } finally {
      await policy.patch('/api/account', { locale: 'nl' });
    }
  });

  it('saves the calculation as version 1 and gives back the same numbers with sources and price years', async () => {
    const res = await policy.post(`${base}/effect-calculations`, { input });
    expect(res.status, await res.clone().text()).toBe(201);
    const saved = (await res.json()) as Calculation;
    calculationId = saved.id;
    expect(saved.version).toBe(1);
    expect(saved.versions).toEqual([expect.objectContaining({ version: 1, reason: 'Eerste versie' })]);
    const got = (await (await worker.get(`${base}/effect-calculations/${calculationId}`)).json()) as Calculation;
    expect(got.result.totals).toMatchObject({ costCents: 165650, avoidedCents: 670334, netCents: 504684 });
    expect(got.result.sources).toEqual(
      expect.arrayContaining([
        { source: 'Kostenhandleiding Zorginstituut', priceYear: 2024 },
        { source: 'tarief gemeente (Tarievenlijst Wmo (synthetisch))', priceYear: 2024 },
        { source: 'begroting welzijnsorganisatie', priceYear: 2024 },
      ]),
    );
    const list = (await (await worker.get(`${base}/effect-calculations`)).json()) as Array<{ id: string; totals: { netCents: number } }>;
    expect(list).toEqual([expect.objectContaining({ id: calculationId, totals: expect.objectContaining({ netCents: 504684 }) })]);
    const [event] = await queryRows<{ action: string; purpose: string }>(
      env.database.db,
      sql`select action, purpose from audit_events where tenant_id = ${A.id} and resource_id = ${calculationId} order by seq`,
    );
    expect(event).toEqual({ action: 'effect_calculation.create', purpose: 'effect_measurement' });
  });

  it('keeps a tariff change as history and changes only the lines that use it', async () => {
    const before = (await (await policy.get(`${base}/effect-calculations/${calculationId}`)).json()) as Calculation;
    const res = await policy.post(`${base}/effect-tariffs`, { shortVar: 'homecare_household', price: 39, validFrom: '2024-06-01', source: 'Tarievenlijst Wmo juli (synthetisch)' });
    expect(res.status).toBe(201);
    const tariffs = (await res.json()) as Array<{ shortVar: string; priceCents: number }>;
    expect(tariffs.filter((t) => t.shortVar === 'homecare_household').map((t) => t.priceCents)).toEqual([4000, 3900, 3840, 3690]);
    const after = (await (await policy.get(`${base}/effect-calculations/${calculationId}`)).json()) as Calculation;
    // r1: 0,3 × 2 h × 52 weeks = 31,2 × € 39,00 = € 1.216,80
    expect(after.result.reference.map((r) => r.cents)).toEqual([121680, 66953, 185890, 140027, 31795, 125861]);
    expect(after.result.costs.map((c) => c.cents)).toEqual(before.result.costs.map((c) => c.cents));
    expect(after.result.totals.netCents).toBe(504684 + (121680 - 119808));
    expect(after.result.reference[0]!.unitPrice).toMatchObject({ cents: 3900, validFrom: '2024-06-01', source: 'tarief gemeente (Tarievenlijst Wmo juli (synthetisch))' });
  });

  it('saves a change as a new version with its reason, and refuses a change based on an old version', async () => {
    const changed = { ...input, reference: input.reference.map((r) => (r.id === 'r4' ? { ...r, probability: 0.1 } : r)) };
    const res = await policy.put(`${base}/effect-calculations/${calculationId}`, { basedOnVersion: 1, reason: 'Kans op opname bijgesteld na overleg', input: changed });
    expect(res.status, await res.clone().text()).toBe(200);
    const v2 = (await res.json()) as Calculation;
    expect(v2.version).toBe(2);
    expect(v2.versions.map((v) => [v.version, v.reason])).toEqual([
      [2, 'Kans op opname bijgesteld na overleg'],
      [1, 'Eerste versie'],
    ]);
    // r4: 0,1 × 90 × € 311,17 = € 2.800,53
    expect(v2.result.reference.find((r) => r.line.id === 'r4')!.cents).toBe(280053);
    const stale = await policy.put(`${base}/effect-calculations/${calculationId}`, { basedOnVersion: 1, reason: 'Te laat', input });
    expect(stale.status).toBe(409);
    expect(await count(env, 'effect_calculation_versions')).toBe(2);
  });

  it('refuses bad input with every field at fault and writes nothing', async () => {
    const before = await written(env);
    const bad = {
      ...input,
      title: 'Mevrouw Jansen, jansen@example.org',
      reference: input.reference.map((r, i) => (i === 0 ? { ...r, probability: 1.5 } : i === 1 ? { ...r, price: { shortVar: 'no_such_unit' } } : r)),
      costs: input.costs.map((c, i) => (i === 0 ? { ...c, quantity: -1 } : c)),
    };
    const titleOnly = await policy.post(`${base}/effect-calculations`, { input: bad });
    expect(titleOnly.status).toBe(400);
    expect(titleOnly.headers.get('content-type')).toContain('application/problem+json');
    expect(((await titleOnly.json()) as Problem).invalidParams!.map((p) => p.name)).toContain('input.title');

    const res = await policy.post(`${base}/effect-calculations`, { input: { ...bad, title: 'Programma buurthulp' } });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Problem;
    expect(problem.code).toBe('validation_failed');
    expect(problem.invalidParams!.map((p) => p.name).sort()).toEqual(['input.costs.0.quantity', 'input.reference.0.probability', 'input.reference.1.price.shortVar']);

    const preview = await policy.post(`${base}/effect-calculations/preview`, { ...bad, title: 'Programma buurthulp' });
    expect(((await preview.json()) as Problem).invalidParams!.map((p) => p.name).sort()).toEqual(['costs.0.quantity', 'reference.0.probability', 'reference.1.price.shortVar']);

    const update = await policy.put(`${base}/effect-calculations/${calculationId}`, { basedOnVersion: 2, reason: 'Fout', input: { ...bad, title: 'Programma buurthulp' } });
    expect(update.status).toBe(400);
    const tariff = await policy.post(`${base}/effect-tariffs`, { shortVar: 'eviction', price: 6000.123, validFrom: '2024-02-30', source: 'x' });
    expect(tariff.status).toBe(400);
    expect(((await tariff.json()) as Problem).invalidParams!.map((p) => p.name).sort()).toEqual(['price', 'validFrom']);
    const noUnit = await policy.post(`${base}/effect-tariffs`, { shortVar: 'eviction', price: 6000, validFrom: '2024-01-01', source: 'Corporatie (synthetisch)' });
    expect(((await noUnit.json()) as Problem).invalidParams).toEqual([expect.objectContaining({ name: 'unit', code: 'required' })]);
    expect(await written(env)).toEqual(before);
  });

  it('exports the CSV as an attachment whose name carries no personal data', async () => {
    const res = await worker.get(`${base}/effect-calculations/${calculationId}/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="effectberekening-${A.code}-${calculationId.slice(0, 8)}-v2.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.startsWith('sectie;')).toBe(true);
    expect(text).toContain('referentie;r1;Huishoudelijke hulp;');
    expect(text).toMatch(/totaal;kosten;.*;1656,50\r\n/);
  });

  it('exports a tagged PDF in the Dutch of the account as an attachment whose name carries no personal data, and audits it', async () => {
    const res = await worker.get(`${base}/effect-calculations/${calculationId}/export.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="effectberekening-${A.code}-${calculationId.slice(0, 8)}-v2.pdf"`);
    const raw = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw.includes('/StructTreeRoot'), 'structure tree').toBe(true);
    expect(raw.includes('/Lang (nl-NL)'), 'document language').toBe(true);
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
    const events = await queryRows<{ action: string; purpose: string }>(
      env.database.db,
      sql`select action, purpose from audit_events where tenant_id = ${A.id} and resource_id = ${calculationId} and action like 'effect_calculation.export%' order by seq`,
    );
    expect(events.at(-1)).toEqual({ action: 'effect_calculation.export_pdf', purpose: 'effect_measurement' });
  });

  it('lets social workers read but not change, and refuses everyone else', async () => {
    expect((await worker.post(`${base}/effect-calculations/preview`, input)).status).toBe(403);
    expect((await worker.post(`${base}/effect-calculations`, { input })).status).toBe(403);
    expect((await worker.post(`${base}/effect-tariffs`, { shortVar: 'homecare_household', price: 1, validFrom: '2024-01-01', source: 'x' })).status).toBe(403);
    for (const path of ['/effect-calculations', `/effect-calculations/${calculationId}`, `/effect-calculations/${calculationId}/export.csv`, `/effect-calculations/${calculationId}/export.pdf`, '/effect-tariffs', '/effect-prices']) {
      const res = await resident.get(`${base}${path}`);
      expect(res.status, path).toBe(403);
    }
  });

  it("shows another municipality nothing of A's calculations", async () => {
    expect((await adminB.get(`/api/municipalities/${B.code}/effect-calculations/${calculationId}`)).status).toBe(404);
    expect((await adminB.get(`/api/municipalities/${B.code}/effect-calculations/${calculationId}/export.csv`)).status).toBe(404);
    expect((await adminB.get(`/api/municipalities/${B.code}/effect-calculations/${calculationId}/export.pdf`)).status).toBe(404);
    expect(await (await adminB.get(`/api/municipalities/${B.code}/effect-calculations`)).json()).toEqual([]);
    expect(await (await adminB.get(`/api/municipalities/${B.code}/effect-tariffs`)).json()).toEqual([]);
    expect((await adminB.get(`${base}/effect-calculations/${calculationId}`)).status).toBe(403);
  });

  it('keeps the history in the database too: the app role cannot change or delete a tariff or a version', async () => {
    await expect(inTenant(env.database.db, A.id, (tx) => tx.execute(sql`update effect_tariffs set price_cents = 1`))).rejects.toThrow();
    await expect(inTenant(env.database.db, A.id, (tx) => tx.execute(sql`delete from effect_calculation_versions`))).rejects.toThrow();
    expect(await count(env, 'effect_tariffs')).toBe(5);
  });
});
