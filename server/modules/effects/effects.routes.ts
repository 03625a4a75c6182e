/**
 * The effect calculator under /municipalities/{code}/… (issue 6): the
 * Kostenhandleiding units, municipal tariffs with their history, a preview,
 * saved calculations with versions, and the CSV and PDF exports. Bad input becomes
 * problem+json with every field at fault (zod for the shape, the calculator's
 * own validation for the rest) and nothing is written.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env';
import { MunicipalityCodeParam, UuidParam, commonErrors, createRouter, jsonBody, jsonResponse, plainText, problemResponse } from '../../http/openapi';
import { tenantContext } from '../../http/tenant';
import { COST_KINDS, PAYERS, PERIODS, QUANTITY_UNITS } from './effects.types';
import * as service from './effects.service';

const params = z.object({ code: MunicipalityCodeParam });
const calcParams = z.object({ code: MunicipalityCodeParam, calculationId: UuidParam('calculationId') });

/**
 * Text that describes a case or a programme, never a person: plain text
 * without markup, e-mail addresses, phone numbers or citizen service numbers.
 */
const describing = (max: number) =>
  plainText({ max })
    .refine((s) => !/[<>]/.test(s), { message: 'Plain text only, no markup.', params: { code: 'invalid_format' } })
    .refine((s) => !/\S+@\S+\.\S+/.test(s) && !/\b\d{9}\b/.test(s) && !/\b0\d[\d -]{7,}\d\b/.test(s), {
      message: 'No personal data: no e-mail addresses, phone numbers or citizen service numbers.',
      params: { code: 'invalid_value' },
    });

const ISO_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const LineId = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/);
const ShortVarRef = z.object({ shortVar: z.string().max(80) }).strict();
const StatedRef = z.object({ amount: z.number(), source: describing(200), priceYear: z.number().int() }).strict();
const Factors = z.object({ low: z.number(), high: z.number() }).strict();

const CostLine = z
  .object({
    id: LineId,
    kind: z.enum(COST_KINDS),
    label: describing(200),
    payer: z.enum(PAYERS),
    quantity: z.number(),
    quantityUnit: z.enum(QUANTITY_UNITS),
    period: z.enum(PERIODS),
    duration: z.number(),
    price: z.union([ShortVarRef, StatedRef]).openapi({ description: 'A short_var of the price list or a municipal tariff, or an amount with its own source and price year.' }),
  })
  .strict();

const ReferenceLine = z
  .object({
    id: LineId,
    label: describing(200),
    payer: z.enum(PAYERS),
    persons: z.number().int(),
    probability: z.number().openapi({ description: 'Chance from 0 to 1 that this care is needed without the support.' }),
    quantity: z.number(),
    quantityUnit: z.enum(QUANTITY_UNITS),
    period: z.enum(PERIODS),
    duration: z.number(),
    price: ShortVarRef,
  })
  .strict();

export const EffectInputSchema = z
  .object({
    scope: z.enum(['case', 'programme']),
    title: describing(200).openapi({ description: 'Describe the case or programme without names, e.g. "Buurthulp wijk Noord 2024".' }),
    priceYear: z.number().int(),
    tariffDate: ISO_DATE.optional(),
    costs: z.array(CostLine).max(500),
    reference: z.array(ReferenceLine).max(500),
    sensitivity: z.object({ probability: Factors, price: Factors, cost: Factors.optional() }).strict().optional(),
  })
  .strict()
  .openapi('EffectInput', { description: "An effect calculation's input; the municipality's stored tariffs are added by the server." });

const Totals = z.object({ costCents: z.number().int(), avoidedCents: z.number().int(), netCents: z.number().int(), ratio: z.number().nullable() });
const Computed = {
  result: z.unknown().openapi({ description: 'The calculator\'s result (EffectResult): every line with its unit price, source and price year; totals; per payer; sensitivity; sources.' }),
  explanations: z.array(z.object({ figure: z.string(), text: z.string() })).openapi({ description: "One sentence per figure in the caller's language." }),
  sourceLine: z.string(),
};
const Preview = z.object(Computed).openapi('EffectPreview');
const Version = z.object({ version: z.number().int(), reason: z.string(), createdAt: z.string(), authorName: z.string() });
const Calculation = z
  .object({
    id: z.uuid(),
    scope: z.enum(['case', 'programme']),
    title: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdByName: z.string(),
    input: z.unknown(),
    versions: z.array(Version),
    ...Computed,
  })
  .openapi('EffectCalculation');
const CalculationSummary = z
  .object({ id: z.uuid(), scope: z.enum(['case', 'programme']), title: z.string(), version: z.number().int(), updatedAt: z.string(), createdByName: z.string(), totals: Totals })
  .openapi('EffectCalculationSummary');
const Tariff = z
  .object({ id: z.uuid(), shortVar: z.string(), unit: z.string().nullable(), priceCents: z.number().int(), validFrom: z.string(), source: z.string(), createdAt: z.string(), createdByName: z.string() })
  .openapi('EffectTariff');
const ReferencePrices = z
  .object({
    source: z.string(),
    sourceLine: z.string(),
    years: z.array(z.number().int()),
    units: z.array(z.object({ shortVar: z.string(), unit: z.string(), domain: z.string(), category: z.string(), prices: z.array(z.object({ year: z.number().int(), cents: z.number().int() })) })),
  })
  .openapi('EffectReferencePrices');

const Reason = describing(300).openapi({ description: 'Why this version was saved.' });
const tags = ['effects'];

export function effectRoutes(deps: Deps) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/effect-prices',
      tags,
      summary: 'The Kostenhandleiding reference units with their prices per year (social workers, policy officers, admins)',
      request: { params },
      responses: { 200: jsonResponse(ReferencePrices, 'Reference prices'), ...commonErrors },
    }),
    (c) => c.json(service.listReferencePrices(tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/effect-tariffs',
      tags,
      summary: "The municipality's own tariffs, every version kept (social workers, policy officers, admins)",
      request: { params },
      responses: { 200: jsonResponse(z.array(Tariff), 'Tariffs, per short_var newest first'), ...commonErrors },
    }),
    async (c) => c.json(await service.listTariffs(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/effect-tariffs',
      tags,
      summary: 'Add a tariff version; earlier versions stay (policy officers, admins)',
      request: {
        params,
        ...jsonBody(
          z
            .object({
              shortVar: z.string().min(2).max(80).regex(/^[a-z][a-z0-9_]*$/),
              unit: describing(200).optional().openapi({ description: 'What one unit is; required for a short_var the Kostenhandleiding does not have.' }),
              price: z
                .number()
                .positive()
                .max(10_000_000)
                .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { message: 'At most 2 decimals.', params: { code: 'invalid_format' } })
                .openapi({ description: 'Euro per unit, at most 2 decimals.' }),
              validFrom: ISO_DATE.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
                message: 'Not a date.',
                params: { code: 'invalid_format' },
              }),
              source: describing(200).openapi({ description: 'Where the price comes from, e.g. "Tarievenlijst Wmo 2024".' }),
            })
            .strict(),
        ),
      },
      responses: { 201: jsonResponse(z.array(Tariff), 'Added; every tariff version'), ...commonErrors },
    }),
    async (c) => c.json(await service.addTariff(deps, tenantContext(c), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/effect-calculations/preview',
      tags,
      summary: 'Compute without storing: result and explanations (policy officers, admins)',
      request: { params, ...jsonBody(EffectInputSchema) },
      responses: { 200: jsonResponse(Preview, 'Computed'), ...commonErrors },
    }),
    async (c) => c.json(await service.previewCalculation(deps, tenantContext(c), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/effect-calculations',
      tags,
      summary: 'Saved calculations with their headline figures (social workers, policy officers, admins)',
      request: { params },
      responses: { 200: jsonResponse(z.array(CalculationSummary), 'Calculations'), ...commonErrors },
    }),
    async (c) => c.json(await service.listCalculations(deps, tenantContext(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/municipalities/{code}/effect-calculations',
      tags,
      summary: 'Save a calculation as version 1 (policy officers, admins)',
      request: { params, ...jsonBody(z.object({ input: EffectInputSchema, reason: Reason.optional() }).strict()) },
      responses: { 201: jsonResponse(Calculation, 'Saved'), ...commonErrors },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await service.createCalculation(deps, tenantContext(c), { input: body.input, reason: body.reason ?? 'Eerste versie' }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/effect-calculations/{calculationId}',
      tags,
      summary: 'One calculation with its versions and its result, sources and price years (social workers, policy officers, admins)',
      request: { params: calcParams },
      responses: { 200: jsonResponse(Calculation, 'Calculation'), ...commonErrors },
    }),
    async (c) => c.json(await service.getCalculation(deps, tenantContext(c), c.req.valid('param').calculationId), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/municipalities/{code}/effect-calculations/{calculationId}',
      tags,
      summary: 'Save a new version with its reason (policy officers, admins); 409 when another version was saved in between',
      request: {
        params: calcParams,
        ...jsonBody(z.object({ basedOnVersion: z.number().int().min(1), input: EffectInputSchema, reason: Reason }).strict()),
      },
      responses: { 200: jsonResponse(Calculation, 'Saved'), ...commonErrors, 409: problemResponse('Another version was saved in between; reload and change again.') },
    }),
    async (c) => c.json(await service.updateCalculation(deps, tenantContext(c), c.req.valid('param').calculationId, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/effect-calculations/{calculationId}/export.csv',
      tags,
      summary: 'The calculation as CSV for a spreadsheet (social workers, policy officers, admins)',
      request: { params: calcParams },
      responses: {
        200: { description: 'CSV: UTF-8 with BOM, semicolons, decimal comma', content: { 'text/csv': { schema: z.string() } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { csv, filename } = await service.exportCalculation(deps, tenantContext(c), c.req.valid('param').calculationId);
      return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"` });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{code}/effect-calculations/{calculationId}/export.pdf',
      tags,
      summary: "The calculation as a tagged, accessible PDF in the caller's language (social workers, policy officers, admins)",
      request: { params: calcParams },
      responses: {
        200: { description: 'PDF 1.7, tagged, with the document language set', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { pdf, filename } = await service.exportCalculationPdf(deps, tenantContext(c), c.req.valid('param').calculationId);
      return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${filename}"` });
    },
  );

  return app;
}
