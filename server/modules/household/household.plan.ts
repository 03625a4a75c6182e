/**
 * The household plan's content and its checks, as plain data. A plan is
 * stored as a whole per version (household_plan_versions), so every version
 * stays readable exactly as it was agreed.
 */
import { randomUUID } from 'node:crypto';
import type { InvalidParam } from '../../../shared/errors';

export type ActionWho = { personId: string } | { helperName: string };

export interface PlanAction {
  id: string;
  goalId: string | null;
  who: ActionWho;
  what: string;
  dueOn: string | null;
  /**
   * The day the action was done (YYYY-MM-DD), null while open. Versions stored
   * before this field existed lack it: read them through `actionsOf`. The outcome
   * dashboards read it in SQL as `content->'actions'->i->>'doneOn'`: keep the name.
   */
  doneOn?: string | null;
  /** Formal (paid, professional) help, or informal help by a volunteer or someone from the network. */
  formal: boolean;
}

export interface PlanContent {
  /** In the resident's own words. */
  goals: Array<{ id: string; text: string }>;
  actions: PlanAction[];
  reviewDates: string[];
  /** Life-domain codes measured for this plan. */
  domains: string[];
}

export interface PlanInput {
  goals: Array<{ id?: string | undefined; text: string }>;
  actions: Array<{ id?: string | undefined; goalId?: string | null | undefined; who: ActionWho; what: string; dueOn?: string | null | undefined; doneOn?: string | null | undefined; formal: boolean }>;
  reviewDates: string[];
  domains: string[];
}

export const EMPTY_PLAN: PlanContent = { goals: [], actions: [], reviewDates: [], domains: [] };

export interface PlanRules {
  /** Person ids that may carry an action: the resident, the coordinator and the people on the plan. */
  onPlan: ReadonlySet<string>;
  domains: ReadonlySet<string>;
  /** Dates must lie between these (YYYY-MM-DD). */
  earliest: string;
  latest: string;
  /** Today in the Netherlands: an action cannot be done later than today. */
  today: string;
}

/** Every problem with a plan input, by field; empty when it can be stored. */
export function checkPlan(input: PlanInput, rules: PlanRules): InvalidParam[] {
  const problems: InvalidParam[] = [];
  const goalIds = new Set<string>();
  input.goals.forEach((g, i) => {
    if (g.id && goalIds.has(g.id)) problems.push({ name: `goals.${i}.id`, code: 'invalid_value', reason: 'Two goals have the same id.' });
    if (g.id) goalIds.add(g.id);
  });
  input.actions.forEach((a, i) => {
    if (a.goalId && !goalIds.has(a.goalId)) {
      problems.push({ name: `actions.${i}.goalId`, code: 'invalid_value', reason: 'No goal with this id in the plan.' });
    }
    if ('personId' in a.who) {
      if (!rules.onPlan.has(a.who.personId)) {
        problems.push({ name: `actions.${i}.who.personId`, code: 'invalid_value', reason: 'This person is not on the plan: add them to the plan first.' });
      }
    } else if (a.formal) {
      problems.push({ name: `actions.${i}.formal`, code: 'invalid_value', reason: 'Formal help is given by a person on the plan, not by a helper named only.' });
    }
    if (a.dueOn && (a.dueOn < rules.earliest || a.dueOn > rules.latest)) {
      problems.push({ name: `actions.${i}.dueOn`, code: 'invalid_value', reason: 'The date is too far in the past or the future.' });
    }
    if (a.doneOn && a.doneOn > rules.today) {
      problems.push({ name: `actions.${i}.doneOn`, code: 'invalid_value', reason: 'An action cannot be done on a day that has not come yet.' });
    } else if (a.doneOn && a.doneOn < rules.earliest) {
      problems.push({ name: `actions.${i}.doneOn`, code: 'invalid_value', reason: 'The date is too far in the past.' });
    }
  });
  const seenDates = new Set<string>();
  input.reviewDates.forEach((d, i) => {
    if (d < rules.earliest || d > rules.latest) problems.push({ name: `reviewDates.${i}`, code: 'invalid_value', reason: 'The date is too far in the past or the future.' });
    if (seenDates.has(d)) problems.push({ name: `reviewDates.${i}`, code: 'invalid_value', reason: 'This review date is listed twice.' });
    seenDates.add(d);
  });
  const seenDomains = new Set<string>();
  input.domains.forEach((d, i) => {
    if (!rules.domains.has(d)) problems.push({ name: `domains.${i}`, code: 'invalid_value', reason: "Not one of the municipality's life domains." });
    if (seenDomains.has(d)) problems.push({ name: `domains.${i}`, code: 'invalid_value', reason: 'This domain is listed twice.' });
    seenDomains.add(d);
  });
  return problems;
}

/** The content to store: ids given to new goals and actions, review dates in order. */
export function normalisePlan(input: PlanInput, newId: () => string = randomUUID): PlanContent {
  return {
    goals: input.goals.map((g) => ({ id: g.id ?? newId(), text: g.text })),
    actions: input.actions.map((a) => ({
      id: a.id ?? newId(),
      goalId: a.goalId ?? null,
      who: 'personId' in a.who ? { personId: a.who.personId } : { helperName: a.who.helperName },
      what: a.what,
      dueOn: a.dueOn ?? null,
      doneOn: a.doneOn ?? null,
      formal: a.formal,
    })),
    reviewDates: [...input.reviewDates].sort(),
    domains: [...input.domains],
  };
}

/** The actions of a stored version, with `doneOn` null where an older version lacks it. */
export function actionsOf(content: PlanContent): Array<PlanAction & { doneOn: string | null }> {
  return content.actions.map((a) => ({ ...a, doneOn: a.doneOn ?? null }));
}

/** Dates a plan may hold: from ten years back to five years ahead. */
export function planDateRange(today: string): { earliest: string; latest: string } {
  const year = Number(today.slice(0, 4));
  return { earliest: `${year - 10}${today.slice(4)}`, latest: `${year + 5}${today.slice(4)}` };
}
