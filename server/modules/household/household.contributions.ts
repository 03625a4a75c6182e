/**
 * "What each role added" to a household plan (issue 6): per role, how many
 * actions are done and how many are open, and which goals those actions
 * served. Plain data in, plain data out; the service supplies the roles.
 */
import type { ActionWho, PlanContent } from './household.plan';

/** The role in which someone carries an action, in the order the plan page lists them. */
export const CONTRIBUTOR_ROLES = ['resident', 'network', 'coordinator', 'social_worker', 'professional', 'volunteer', 'other'] as const;
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];

export interface DoerFacts {
  residentPersonId: string;
  coordinatorPersonId: string;
  /** The person's role assignments in this municipality (empty when unknown). */
  rolesOf: (personId: string) => readonly string[];
}

/** Among a person's roles, the one that says most about the help they give. */
const ROLE_PRECEDENCE = ['professional', 'social_worker', 'volunteer'] as const;

/**
 * The role of whoever carries an action:
 * - a helper named only (`helperName`) is someone from the resident's own network;
 * - the resident and the file's coordinator by who they are on this file;
 * - anyone else by their role in the municipality, professional before social
 *   worker before volunteer; `other` when they hold none of these.
 *
 * @example roleOfDoer({ helperName: 'Buurvrouw Els' }, facts) // 'network'
 */
export function roleOfDoer(who: ActionWho, facts: DoerFacts): ContributorRole {
  if ('helperName' in who) return 'network';
  if (who.personId === facts.residentPersonId) return 'resident';
  if (who.personId === facts.coordinatorPersonId) return 'coordinator';
  const roles = facts.rolesOf(who.personId);
  return ROLE_PRECEDENCE.find((r) => roles.includes(r)) ?? 'other';
}

export interface RoleContribution {
  role: ContributorRole;
  done: number;
  open: number;
  /** The goals this role's actions (done or open) served, in the plan's order. */
  goals: Array<{ id: string; text: string }>;
}

/** Per role that carries at least one action, in `CONTRIBUTOR_ROLES` order. An action is done when it has a `doneOn`. */
export function contributionsByRole(content: PlanContent, facts: DoerFacts): RoleContribution[] {
  const byRole = new Map<ContributorRole, { done: number; open: number; goalIds: Set<string> }>();
  for (const action of content.actions) {
    const role = roleOfDoer(action.who, facts);
    const entry = byRole.get(role) ?? { done: 0, open: 0, goalIds: new Set<string>() };
    if (action.doneOn) entry.done += 1;
    else entry.open += 1;
    if (action.goalId) entry.goalIds.add(action.goalId);
    byRole.set(role, entry);
  }
  return CONTRIBUTOR_ROLES.flatMap((role) => {
    const entry = byRole.get(role);
    if (!entry) return [];
    return [{ role, done: entry.done, open: entry.open, goals: content.goals.filter((g) => entry.goalIds.has(g.id)).map((g) => ({ id: g.id, text: g.text })) }];
  });
}
