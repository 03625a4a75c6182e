/**
 * The effect calculator as a service (issue 6): municipal tariffs with their
 * history, a preview that computes without storing, and saved calculations
 * kept as versions with a reason. The pure core (`effects.calculator.ts` and
 * friends) does the arithmetic; this file adds the municipality's stored
 * tariffs, the policy, one transaction per change and its audit event.
 *
 * Policy (deny by default): policy officers and administrators change and
 * preview; social workers may read; everyone else is refused. Nothing here
 * is personal data: a calculation describes a case without names.
 */
import { randomUUID } from 'node:crypto';
import type { TenantContext } from '../../core/context';
import { hasRole } from '../../core/context';
import { AppError } from '../../core/errors';
import { renderPdf } from '../../core/pdf';
import type { Tx } from '../../db/client';
import type { Deps } from '../../http/env';
import { runInTenant } from '../../http/tenant';
import { audit } from '../../audit/audit.service';
import { calculateEffects } from './effects.calculator';
import { effectsToCsv } from './effects.csv';
import { explainEffects } from './effects.explain';
import { effectsPdfContent } from './effects.pdf';
import { MUNICIPAL_TARIFF_SOURCE } from './effects.price-book';
import { referencePrices } from './effects.reference-prices';
import { EffectInputError } from './effects.validation';
import type { EffectInput, EffectResult, MunicipalTariff } from './effects.types';
import * as repo from './effects.repository';

/** A calculation's input as stored and sent: the municipality's tariffs are added from storage, never sent. */
export type StoredInput = Omit<EffectInput, 'tariffs'>;

const mayRead = (ctx: TenantContext) => hasRole(ctx, 'social_worker', 'policy_officer', 'admin');
const mayChange = (ctx: TenantContext) => hasRole(ctx, 'policy_officer', 'admin');
const requireRead = (ctx: TenantContext) => {
  if (!mayRead(ctx)) throw new AppError('forbidden');
};
const requireChange = (ctx: TenantContext) => {
  if (!mayChange(ctx)) throw new AppError('forbidden');
};

const invalid = (name: string, code: 'invalid_value' | 'required', reason: string, error: 'validation_failed' | 'conflict' = 'validation_failed') =>
  new AppError(error, undefined, { invalidParams: [{ name, code, reason }] });

/**
 * The tariffs the calculator sees: of several entries for one short_var and
 * date (a correction), the one entered last; the history keeps them all.
 */
export function tariffsForCalculator(rows: readonly repo.TariffRow[]): Array<MunicipalTariff & { source: string }> {
  const latest = new Map<string, repo.TariffRow>();
  for (const r of rows) {
    const key = `${r.shortVar}@${r.validFrom}`;
    const seen = latest.get(key);
    if (!seen || r.createdAt > seen.createdAt) latest.set(key, r);
  }
  return [...latest.values()].map((r) => ({
    shortVar: r.shortVar,
    price: r.priceCents / 100,
    validFrom: r.validFrom,
    source: r.source,
    ...(r.unit ? { unit: r.unit } : {}),
  }));
}

export interface Computed {
  result: EffectResult;
  /** one sentence per figure, in the caller's language */
  explanations: Array<{ figure: string; text: string }>;
  /** the full source line of the Kostenhandleiding */
  sourceLine: string;
}

/**
 * Computes with the stored tariffs; a municipal tariff's source names the
 * municipality's own label. `at` prefixes the names of fields at fault with
 * where the input sits in the request body (`input.` for saved calculations).
 */
export function compute(input: StoredInput, tariffRows: readonly repo.TariffRow[], locale: 'nl' | 'en', at = ''): Computed {
  const tariffs = tariffsForCalculator(tariffRows);
  let result: EffectResult;
  try {
    result = calculateEffects({ ...input, tariffs: tariffs.map(({ source: _source, ...t }) => t) });
  } catch (err) {
    if (err instanceof EffectInputError && at) throw new EffectInputError(err.params.map((p) => ({ ...p, name: `${at}${p.name}` })));
    throw err;
  }
  const label = new Map(tariffs.map((t) => [`${t.shortVar}@${t.validFrom}`, t.source]));
  const seen = new Map<string, { source: string; priceYear: number }>();
  for (const line of [...result.costs, ...result.reference]) {
    const p = line.unitPrice;
    if (p.kind === 'municipal_tariff') {
      const own = label.get(`${p.shortVar}@${p.validFrom}`);
      if (own) line.unitPrice = { ...p, source: `${MUNICIPAL_TARIFF_SOURCE} (${own})` };
    }
    seen.set(`${line.unitPrice.source}\u0000${line.unitPrice.priceYear}`, { source: line.unitPrice.source, priceYear: line.unitPrice.priceYear });
  }
  result.sources = [...seen.values()];
  return {
    result,
    explanations: explainEffects(result).map((e) => ({ figure: e.figure, text: e[locale] })),
    sourceLine: referencePrices().sourceLine,
  };
}

/* ---------------------------------------------------------------- prices */

/** The Kostenhandleiding units with their prices per year, for choosing a unit (readers). */
export function listReferencePrices(ctx: TenantContext) {
  requireRead(ctx);
  const list = referencePrices();
  return {
    source: list.source,
    sourceLine: list.sourceLine,
    years: [...list.years],
    units: list.all().map((p) => ({
      shortVar: p.shortVar,
      unit: p.unit,
      domain: p.domain,
      category: p.category,
      prices: [...p.cents.entries()].map(([year, cents]) => ({ year, cents })),
    })),
  };
}

/* --------------------------------------------------------------- tariffs */

const presentTariff = (r: repo.TariffRow) => ({
  id: r.id,
  shortVar: r.shortVar,
  unit: r.unit,
  priceCents: r.priceCents,
  validFrom: r.validFrom,
  source: r.source,
  createdAt: r.createdAt.toISOString(),
  createdByName: r.createdByName,
});

/** Every tariff version of the municipality, the history included (readers). */
export async function listTariffs(deps: Deps, ctx: TenantContext) {
  requireRead(ctx);
  return runInTenant(deps, ctx, async (tx) => (await repo.listTariffs(tx, ctx.tenant.id)).map(presentTariff));
}

export interface TariffInput {
  shortVar: string;
  unit?: string | undefined;
  /** euro, at most 2 decimals (checked by the route) */
  price: number;
  validFrom: string;
  source: string;
}

/** Adds a tariff version; earlier versions stay (policy officers, admins). */
export async function addTariff(deps: Deps, ctx: TenantContext, input: TariffInput) {
  requireChange(ctx);
  if (!input.unit && !referencePrices().get(input.shortVar)) {
    throw invalid('unit', 'required', 'Describe one unit: this short_var is not in the Kostenhandleiding.');
  }
  return runInTenant(deps, ctx, async (tx) => {
    const id = randomUUID();
    await repo.insertTariff(tx, {
      tenantId: ctx.tenant.id,
      id,
      shortVar: input.shortVar,
      unit: input.unit ?? null,
      priceCents: Math.round(input.price * 100),
      validFrom: input.validFrom,
      source: input.source,
      createdByPersonId: ctx.actor.personId,
      createdAt: ctx.now(),
    });
    await audit(tx, ctx, { action: 'effect_tariff.create', purpose: 'effect_measurement', resourceType: 'effect_tariff', resourceId: id });
    return (await repo.listTariffs(tx, ctx.tenant.id)).map(presentTariff);
  });
}

/* ---------------------------------------------------------- calculations */

/** Computes without storing anything (policy officers, admins: they are the ones who edit). */
export async function previewCalculation(deps: Deps, ctx: TenantContext, input: StoredInput): Promise<Computed> {
  requireChange(ctx);
  const tariffs = await runInTenant(deps, ctx, (tx) => repo.listTariffs(tx, ctx.tenant.id));
  return compute(input, tariffs, ctx.locale);
}

async function present(tx: Tx, ctx: TenantContext, id: string) {
  const head = await repo.findCalculation(tx, ctx.tenant.id, id);
  if (!head) throw new AppError('not_found');
  const versions = await repo.listVersions(tx, ctx.tenant.id, id);
  const current = versions.find((v) => v.version === head.currentVersion);
  if (!current) throw new AppError('not_found');
  const input = current.input as StoredInput;
  const computed = compute(input, await repo.listTariffs(tx, ctx.tenant.id), ctx.locale);
  return {
    id: head.id,
    scope: head.scope,
    title: head.title,
    version: head.currentVersion,
    createdAt: head.createdAt.toISOString(),
    updatedAt: head.updatedAt.toISOString(),
    createdByName: head.createdByName,
    input,
    versions: versions.map((v) => ({ version: v.version, reason: v.reason, createdAt: v.createdAt.toISOString(), authorName: v.authorName })),
    ...computed,
  };
}

/** The municipality's calculations with their headline figures (readers). */
export async function listCalculations(deps: Deps, ctx: TenantContext) {
  requireRead(ctx);
  return runInTenant(deps, ctx, async (tx) => {
    const tariffs = await repo.listTariffs(tx, ctx.tenant.id);
    return (await repo.listCalculations(tx, ctx.tenant.id)).map((c) => {
      const { totals } = compute(c.input as StoredInput, tariffs, ctx.locale).result;
      return {
        id: c.id,
        scope: c.scope,
        title: c.title,
        version: c.currentVersion,
        updatedAt: c.updatedAt.toISOString(),
        createdByName: c.createdByName,
        totals,
      };
    });
  });
}

/** One calculation: its input, its versions and the result computed with today's stored tariffs (readers). */
export async function getCalculation(deps: Deps, ctx: TenantContext, id: string) {
  requireRead(ctx);
  return runInTenant(deps, ctx, (tx) => present(tx, ctx, id));
}

/** Saves a new calculation as version 1 (policy officers, admins). Invalid input writes nothing. */
export async function createCalculation(deps: Deps, ctx: TenantContext, body: { input: StoredInput; reason: string }) {
  requireChange(ctx);
  return runInTenant(deps, ctx, async (tx) => {
    // Computing first refuses bad input before anything is written.
    compute(body.input, await repo.listTariffs(tx, ctx.tenant.id), ctx.locale, 'input.');
    const id = randomUUID();
    const now = ctx.now();
    await repo.insertCalculation(tx, {
      tenantId: ctx.tenant.id,
      id,
      scope: body.input.scope,
      title: body.input.title,
      currentVersion: 1,
      createdByPersonId: ctx.actor.personId,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertVersion(tx, { tenantId: ctx.tenant.id, calculationId: id, version: 1, input: body.input, reason: body.reason, authorPersonId: ctx.actor.personId, createdAt: now });
    await audit(tx, ctx, { action: 'effect_calculation.create', purpose: 'effect_measurement', resourceType: 'effect_calculation', resourceId: id });
    return present(tx, ctx, id);
  });
}

/** Saves a changed input as a new version with its reason; refuses when someone saved in between (policy officers, admins). */
export async function updateCalculation(deps: Deps, ctx: TenantContext, id: string, body: { basedOnVersion: number; input: StoredInput; reason: string }) {
  requireChange(ctx);
  return runInTenant(deps, ctx, async (tx) => {
    const head = await repo.findCalculation(tx, ctx.tenant.id, id, true);
    if (!head) throw new AppError('not_found');
    if (head.currentVersion !== body.basedOnVersion) {
      throw invalid('basedOnVersion', 'invalid_value', 'Someone saved a newer version in the meantime; reload and make the change again.', 'conflict');
    }
    compute(body.input, await repo.listTariffs(tx, ctx.tenant.id), ctx.locale, 'input.');
    const version = head.currentVersion + 1;
    const now = ctx.now();
    await repo.insertVersion(tx, { tenantId: ctx.tenant.id, calculationId: id, version, input: body.input, reason: body.reason, authorPersonId: ctx.actor.personId, createdAt: now });
    await repo.updateHead(tx, ctx.tenant.id, id, { scope: body.input.scope, title: body.input.title, currentVersion: version, updatedAt: now });
    await audit(tx, ctx, { action: 'effect_calculation.update', purpose: 'effect_measurement', resourceType: 'effect_calculation', resourceId: id });
    return present(tx, ctx, id);
  });
}

/** The CSV of a calculation's current version, and a file name without personal data (readers). */
export async function exportCalculation(deps: Deps, ctx: TenantContext, id: string): Promise<{ csv: string; filename: string }> {
  requireRead(ctx);
  return runInTenant(deps, ctx, async (tx) => {
    const calculation = await present(tx, ctx, id);
    await audit(tx, ctx, { action: 'effect_calculation.export', purpose: 'effect_measurement', resourceType: 'effect_calculation', resourceId: id });
    return {
      csv: effectsToCsv(calculation.result),
      filename: `effectberekening-${ctx.tenant.code}-${id.slice(0, 8)}-v${calculation.version}.csv`,
    };
  });
}

/**
 * The PDF of a calculation's current version in the caller's language, and a
 * file name without personal data (readers). The read and its audit event
 * share one transaction; the drawing (a few hundred milliseconds) happens
 * after it, so the transaction stays short.
 */
export async function exportCalculationPdf(deps: Deps, ctx: TenantContext, id: string): Promise<{ pdf: Buffer; filename: string }> {
  requireRead(ctx);
  const { content, version } = await runInTenant(deps, ctx, async (tx) => {
    const calculation = await present(tx, ctx, id);
    await audit(tx, ctx, { action: 'effect_calculation.export_pdf', purpose: 'effect_measurement', resourceType: 'effect_calculation', resourceId: id });
    return {
      content: effectsPdfContent(calculation, ctx.locale, { municipality: ctx.tenant.name, generatedAt: ctx.now() }),
      version: calculation.version,
    };
  });
  return {
    pdf: await renderPdf(content, { createdAt: ctx.now() }),
    filename: `effectberekening-${ctx.tenant.code}-${id.slice(0, 8)}-v${version}.pdf`,
  };
}
