/**
 * Outcomes: self-sufficiency measurements per life domain on the ZRM's
 * 5-point scale (1 acute problems ... 5 fully self-sufficient), only for
 * the domains chosen in the current plan; goal attainment per goal of the
 * plan; the resident's own mark for their situation; and the trend per
 * domain over time. A measurement by the resident is kept apart (source
 * `resident`) from one by a professional.
 */
import { randomUUID } from 'node:crypto';
import type { InvalidParam } from '../../../shared/errors';
import type { TenantContext } from '../../core/context';
import type { Deps } from '../../http/env';
import { runInTenant } from '../../http/tenant';
import { displayNames } from '../persons/persons.repository';
import { auditFile, invalid, openFile, today } from './household.access';
import { MAX_SCORE, MIN_SCORE, SELF_SUFFICIENCY_SCALE } from './household.domains';
import { EMPTY_PLAN, planDateRange, type PlanContent } from './household.plan';
import * as repo from './household.repository';
import { domainsOf } from './network.service';

export interface MeasurementInput {
  measuredOn: string;
  scores: Array<{ domain: string; score: number }>;
  goals: Array<{ goalId: string; attainment: number }>;
  residentScore?: number | undefined;
}

export async function recordMeasurement(deps: Deps, ctx: TenantContext, fileId: string, input: MeasurementInput) {
  const t = today(ctx);
  const problems: InvalidParam[] = [];
  if (input.measuredOn > t) problems.push({ name: 'measuredOn', code: 'invalid_value', reason: 'A measurement cannot lie in the future.' });
  if (input.measuredOn < planDateRange(t).earliest) problems.push({ name: 'measuredOn', code: 'invalid_value', reason: 'The date is too far in the past.' });
  input.scores.forEach((s, i) => {
    // The schema refuses these already; kept so the service is safe on its own.
    if (!Number.isInteger(s.score) || s.score < MIN_SCORE || s.score > MAX_SCORE) {
      problems.push({ name: `scores.${i}.score`, code: 'invalid_value', reason: 'A score from 1 (acute problems) to 5 (fully self-sufficient).' });
    }
  });
  if (input.scores.length === 0 && input.goals.length === 0 && input.residentScore === undefined) {
    problems.push({ name: 'scores', code: 'required', reason: 'Give at least one score.' });
  }
  if (problems.length) throw invalid(problems);
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'outcome_measurement.create', { may: 'recordMeasurement' });
    const current = await repo.latestPlanVersion(tx, ctx.tenant.id, fileId);
    const plan = (current?.content as PlanContent | undefined) ?? EMPTY_PLAN;
    const chosen = new Set(plan.domains);
    const goals = new Set(plan.goals.map((g) => g.id));
    const seen = new Set<string>();
    input.scores.forEach((s, i) => {
      if (!chosen.has(s.domain)) problems.push({ name: `scores.${i}.domain`, code: 'invalid_value', reason: 'This domain was not chosen for this plan.' });
      if (seen.has(s.domain)) problems.push({ name: `scores.${i}.domain`, code: 'invalid_value', reason: 'This domain is scored twice.' });
      seen.add(s.domain);
    });
    const seenGoals = new Set<string>();
    input.goals.forEach((g, i) => {
      if (!goals.has(g.goalId)) problems.push({ name: `goals.${i}.goalId`, code: 'invalid_value', reason: 'No goal with this id in the current plan.' });
      if (seenGoals.has(g.goalId)) problems.push({ name: `goals.${i}.goalId`, code: 'invalid_value', reason: 'This goal is scored twice.' });
      seenGoals.add(g.goalId);
    });
    if (problems.length) throw invalid(problems);
    const id = randomUUID();
    await repo.insertMeasurement(
      tx,
      {
        tenantId: ctx.tenant.id,
        id,
        fileId,
        measuredOn: input.measuredOn,
        source: opened.access.relation === 'resident' ? 'resident' : 'professional',
        residentScore: input.residentScore ?? null,
        planVersion: current?.version ?? 0,
        recordedByPersonId: ctx.actor.personId,
        createdAt: ctx.now(),
      },
      input.scores,
      input.goals,
    );
    await auditFile(tx, ctx, opened, 'outcome_measurement.create', { type: 'outcome_measurement', id });
    return (await measurementsOf(tx, ctx, fileId)).find((m) => m.id === id)!;
  });
}

async function measurementsOf(tx: Parameters<typeof repo.listMeasurements>[0], ctx: TenantContext, fileId: string) {
  const rows = await repo.listMeasurements(tx, ctx.tenant.id, fileId);
  const names = await displayNames(tx, ctx.tenant.id, [...new Set(rows.map((r) => r.recordedByPersonId))]);
  return rows.map((r) => ({
    id: r.id,
    measuredOn: r.measuredOn,
    source: r.source as 'professional' | 'resident',
    residentScore: r.residentScore,
    planVersion: r.planVersion,
    recordedBy: { personId: r.recordedByPersonId, displayName: names.get(r.recordedByPersonId) ?? '' },
    scores: r.scores,
    goals: r.goals,
  }));
}

export async function listMeasurements(deps: Deps, ctx: TenantContext, fileId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'outcome_measurement.list', { scope: 'outcomes' });
    await auditFile(tx, ctx, opened, 'outcome_measurement.list', { type: 'outcome_measurement', id: fileId });
    return { items: await measurementsOf(tx, ctx, fileId) };
  });
}

/** Series per domain, per goal and of the resident's own mark, in date order (for a chart and its table). */
export async function outcomeTrend(deps: Deps, ctx: TenantContext, fileId: string) {
  return runInTenant(deps, ctx, async (tx) => {
    const opened = await openFile(tx, ctx, fileId, 'outcome_trend.read', { scope: 'outcomes' });
    const measurements = (await repo.listMeasurements(tx, ctx.tenant.id, fileId)).map((m) => ({ ...m, source: m.source as 'professional' | 'resident' }));
    const current = await repo.latestPlanVersion(tx, ctx.tenant.id, fileId);
    const plan = (current?.content as PlanContent | undefined) ?? EMPTY_PLAN;
    const known = new Map((await domainsOf(tx, ctx)).map((d) => [d.code, d]));
    const codes = [...new Set([...plan.domains, ...measurements.flatMap((m) => m.scores.map((s) => s.domain))])];
    const goalIds = [...new Set([...plan.goals.map((g) => g.id), ...measurements.flatMap((m) => m.goals.map((g) => g.goalId))])];
    await auditFile(tx, ctx, opened, 'outcome_trend.read', { type: 'outcome_measurement', id: fileId });
    return {
      fileId,
      scale: SELF_SUFFICIENCY_SCALE.map((s) => ({ score: s.score, code: s.code })),
      domains: codes.map((code) => {
        const d = known.get(code);
        return {
          code,
          name: d ? (ctx.locale === 'en' ? d.nameEn : d.nameNl) : code,
          inPlan: plan.domains.includes(code),
          points: measurements.flatMap((m) => m.scores.filter((s) => s.domain === code).map((s) => ({ measuredOn: m.measuredOn, score: s.score, source: m.source }))),
        };
      }),
      goals: goalIds.map((goalId) => ({
        goalId,
        text: plan.goals.find((g) => g.id === goalId)?.text ?? null,
        points: measurements.flatMap((m) => m.goals.filter((g) => g.goalId === goalId).map((g) => ({ measuredOn: m.measuredOn, attainment: g.attainment, source: m.source }))),
      })),
      residentScore: measurements.flatMap((m) => (m.residentScore === null ? [] : [{ measuredOn: m.measuredOn, score: m.residentScore, source: m.source }])),
    };
  });
}
