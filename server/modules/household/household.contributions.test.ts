import { describe, expect, it } from 'vitest';
import { contributionsByRole, roleOfDoer, type DoerFacts } from './household.contributions';
import type { PlanAction, PlanContent } from './household.plan';

const ROLES: Record<string, string[]> = {
  resident: ['resident'],
  coordinator: ['social_worker'],
  pro: ['professional'],
  'pro-and-worker': ['volunteer', 'social_worker', 'professional'],
  'worker-and-volunteer': ['volunteer', 'social_worker'],
  volunteer: ['volunteer', 'resident'],
  admin: ['admin', 'policy_officer'],
};
const facts: DoerFacts = { residentPersonId: 'resident', coordinatorPersonId: 'coordinator', rolesOf: (id) => ROLES[id] ?? [] };

describe('the role in which someone carries an action', () => {
  it('counts a helper named only as the resident\'s own network', () => {
    expect(roleOfDoer({ helperName: 'Buurvrouw Els' }, facts)).toBe('network');
  });

  it('knows the resident and the coordinator by who they are on this file, whatever their roles', () => {
    expect(roleOfDoer({ personId: 'resident' }, facts)).toBe('resident');
    expect(roleOfDoer({ personId: 'coordinator' }, facts)).toBe('coordinator');
    // A coordinator who is also a professional still counts as the coordinator.
    expect(roleOfDoer({ personId: 'coordinator' }, { ...facts, rolesOf: () => ['professional'] })).toBe('coordinator');
  });

  it('takes professional before social worker before volunteer for everyone else', () => {
    expect(roleOfDoer({ personId: 'pro' }, facts)).toBe('professional');
    expect(roleOfDoer({ personId: 'pro-and-worker' }, facts)).toBe('professional');
    expect(roleOfDoer({ personId: 'worker-and-volunteer' }, facts)).toBe('social_worker');
    expect(roleOfDoer({ personId: 'volunteer' }, facts)).toBe('volunteer');
  });

  it('calls anyone without one of those roles "other", also someone unknown', () => {
    expect(roleOfDoer({ personId: 'admin' }, facts)).toBe('other');
    expect(roleOfDoer({ personId: 'gone' }, facts)).toBe('other');
  });
});

describe('what each role added to a plan', () => {
  const action = (who: PlanAction['who'], goalId: string | null, doneOn?: string | null): PlanAction => ({ id: `${JSON.stringify(who)}-${goalId}-${doneOn}`, goalId, who, what: 'x', dueOn: null, ...(doneOn === undefined ? {} : { doneOn }), formal: false });
  const plan: PlanContent = {
    goals: [
      { id: 'g1', text: 'Zelf boodschappen doen' },
      { id: 'g2', text: 'Minder eenzaam' },
      { id: 'g3', text: 'Schulden op orde' },
    ],
    actions: [
      action({ personId: 'pro' }, 'g3', '2026-11-01'),
      action({ personId: 'pro' }, 'g1', null),
      action({ helperName: 'Els' }, 'g2', '2026-10-01'),
      action({ helperName: 'Kees' }, 'g2', '2026-10-02'),
      action({ personId: 'resident' }, null),
      action({ personId: 'coordinator' }, 'g1'),
    ],
    reviewDates: [],
    domains: [],
  };

  it('counts done and open actions per role, with the goals they served in the plan\'s order', () => {
    expect(contributionsByRole(plan, facts)).toEqual([
      { role: 'resident', done: 0, open: 1, goals: [] },
      { role: 'network', done: 2, open: 0, goals: [{ id: 'g2', text: 'Minder eenzaam' }] },
      { role: 'coordinator', done: 0, open: 1, goals: [{ id: 'g1', text: 'Zelf boodschappen doen' }] },
      { role: 'professional', done: 1, open: 1, goals: [{ id: 'g1', text: 'Zelf boodschappen doen' }, { id: 'g3', text: 'Schulden op orde' }] },
    ]);
  });

  it('treats an action from a version stored before "done on" existed as open', () => {
    expect(contributionsByRole({ ...plan, actions: [action({ personId: 'pro' }, 'g1')] }, facts)).toEqual([{ role: 'professional', done: 0, open: 1, goals: [{ id: 'g1', text: 'Zelf boodschappen doen' }] }]);
  });

  it('lists nothing for a plan without actions', () => {
    expect(contributionsByRole({ ...plan, actions: [] }, facts)).toEqual([]);
  });
});
