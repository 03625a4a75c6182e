import { describe, expect, it } from 'vitest';
import { actionsOf, checkPlan, normalisePlan, planDateRange, type PlanContent, type PlanInput } from './household.plan';

const GOAL = '6f1c0a4e-0000-4000-8000-000000000001';
const rules = { onPlan: new Set(['resident', 'pro']), domains: new Set(['finances', 'housing']), ...planDateRange('2026-11-03'), today: '2026-11-03' };
const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  goals: [{ id: GOAL, text: 'Zelf boodschappen doen' }],
  actions: [{ goalId: GOAL, who: { personId: 'pro' }, what: 'Begeleiding', formal: true }],
  reviewDates: ['2027-01-15'],
  domains: ['finances'],
  ...over,
});

describe('checking a household plan', () => {
  it('accepts a plan whose actions are carried by people on it or by named informal helpers', () => {
    expect(checkPlan(input({ actions: [...input().actions, { who: { helperName: 'Els' }, what: 'Markt', formal: false }] }), rules)).toEqual([]);
  });

  it('names every field at fault', () => {
    const problems = checkPlan(
      input({
        actions: [
          { goalId: 'missing', who: { personId: 'stranger' }, what: 'x', formal: false },
          { who: { helperName: 'Els' }, what: 'x', formal: true, dueOn: '2099-01-01' },
        ],
        reviewDates: ['2027-01-15', '2027-01-15'],
        domains: ['astrology'],
      }),
      rules,
    );
    expect(problems.map((p) => p.name)).toEqual(['actions.0.goalId', 'actions.0.who.personId', 'actions.1.formal', 'actions.1.dueOn', 'reviewDates.1', 'domains.0']);
  });

  it('gives new goals and actions ids and keeps given ones', () => {
    let n = 0;
    const plan = normalisePlan(input({ goals: [{ id: GOAL, text: 'a' }, { text: 'b' }], reviewDates: ['2027-03-01', '2027-01-01'] }), () => `id-${++n}`);
    expect(plan.goals.map((g) => g.id)).toEqual([GOAL, 'id-1']);
    expect(plan.actions[0]!.id).toBe('id-2');
    expect(plan.reviewDates).toEqual(['2027-01-01', '2027-03-01']);
  });
});

describe('the day an action was done', () => {
  const done = (doneOn: string | null) => input({ actions: [{ goalId: GOAL, who: { personId: 'pro' }, what: 'Begeleiding', formal: true, doneOn }] });

  it('accepts today, an earlier day within the plan\'s range, and no day at all', () => {
    for (const d of ['2026-11-03', '2026-10-01', '2016-11-03', null]) expect(checkPlan(done(d), rules)).toEqual([]);
  });

  it('refuses a day that has not come yet, and one before the earliest date a plan may hold', () => {
    expect(checkPlan(done('2026-11-04'), rules)).toEqual([{ name: 'actions.0.doneOn', code: 'invalid_value', reason: expect.any(String) }]);
    expect(checkPlan(done('2016-11-02'), rules)).toEqual([{ name: 'actions.0.doneOn', code: 'invalid_value', reason: expect.any(String) }]);
  });

  it('stores the day with the action, and null while open', () => {
    expect(normalisePlan(done('2026-10-01')).actions[0]!.doneOn).toBe('2026-10-01');
    expect(normalisePlan(input()).actions[0]!.doneOn).toBeNull();
  });

  it('reads actions of versions stored before the field existed as open', () => {
    const stored = JSON.parse(JSON.stringify({ goals: [], actions: [{ id: 'a', goalId: null, who: { helperName: 'Els' }, what: 'x', dueOn: null, formal: false }], reviewDates: [], domains: [] })) as PlanContent;
    expect(actionsOf(stored)[0]!.doneOn).toBeNull();
  });
});
