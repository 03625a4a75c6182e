/**
 * Who may see and do what with a resident's file (ADR 0006). Deny by
 * default, need-to-know:
 * - the resident sees all of their own file;
 * - the coordinator (a social worker) sees and manages all of it;
 * - a person on the plan sees only the parts a valid consent shares with
 *   them or their organisation (not withdrawn, today within its period);
 * - nobody else sees anything: not other social workers or professionals,
 *   not the functional administrator.
 * Access is computed from the database on every request, so a withdrawn
 * consent or a removal from the plan takes effect at once.
 */
import type { Role } from '../../../shared/roles';
import type { TenantContext } from '../../core/context';

export const CONSENT_SCOPES = ['identity', 'household', 'plan', 'network', 'outcomes', 'voice'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export type Relation = 'resident' | 'coordinator' | 'participant' | 'none';

export interface FileAccessFacts {
  residentPersonId: string;
  coordinatorPersonId: string;
  /** The caller's own participation on this plan, if any and not removed. */
  participation: { organisationId: string | null } | null;
  consents: Array<{
    recipientPersonId: string | null;
    recipientOrganisationId: string | null;
    scopes: string[];
    validFrom: string;
    validUntil: string;
    withdrawnAt: Date | null;
  }>;
}

export interface FileAccess {
  relation: Relation;
  scopes: ReadonlySet<ConsentScope>;
}

const ALL = new Set<ConsentScope>(CONSENT_SCOPES);

const AMSTERDAM_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar day (YYYY-MM-DD) in the Netherlands at a moment. Consent
 * periods, plan dates and "done on" are Dutch days: a UTC date would end a
 * consent one or two hours late.
 *
 * @example dayInAmsterdam(new Date('2026-11-23T23:30:00Z')) // '2026-11-24'
 */
export function dayInAmsterdam(at: Date): string {
  return AMSTERDAM_DAY.format(at);
}

/** Whether a consent is in force on a day (YYYY-MM-DD, a day in the Netherlands: see `dayInAmsterdam`). */
export function consentInForce(c: FileAccessFacts['consents'][number], today: string): boolean {
  return c.withdrawnAt === null && c.validFrom <= today && today <= c.validUntil;
}

/** What the caller may see of one file today. */
export function fileAccess(ctx: TenantContext, f: FileAccessFacts, today: string): FileAccess {
  const me = ctx.actor.personId;
  if (f.residentPersonId === me) return { relation: 'resident', scopes: ALL };
  if (f.coordinatorPersonId === me && ctx.actor.roles.includes('social_worker')) return { relation: 'coordinator', scopes: ALL };
  // On the plan, and still in a role that takes part: someone whose role was taken away sees nothing.
  if (!f.participation || !ctx.actor.roles.some((r) => PARTICIPANT_ROLES.includes(r))) return { relation: 'none', scopes: new Set() };
  // Organisations as they are now: a professional who moved to another organisation no longer
  // reads under a consent given to the old one.
  const organisations = new Set(ctx.actor.organisationIds);
  const scopes = new Set<ConsentScope>();
  for (const c of f.consents) {
    if (!consentInForce(c, today)) continue;
    const forMe = c.recipientPersonId === me || (c.recipientOrganisationId !== null && organisations.has(c.recipientOrganisationId));
    if (!forMe) continue;
    for (const s of c.scopes) if ((CONSENT_SCOPES as readonly string[]).includes(s)) scopes.add(s as ConsentScope);
  }
  return { relation: 'participant', scopes };
}

/** What may be done with a file, beyond seeing a part of it. */
export type FileAction =
  | 'manage' // participants, household, BSN, answers to the resident's voice
  | 'changePlan'
  | 'recordConsent'
  | 'withdrawConsent'
  | 'editNetwork'
  | 'recordMeasurement'
  | 'recordVoice'
  | 'readAccessLog';

export function mayOnFile(access: FileAccess, action: FileAction): boolean {
  const { relation, scopes } = access;
  switch (action) {
    case 'manage':
      return relation === 'coordinator';
    case 'changePlan':
      return relation === 'coordinator' || relation === 'resident' || (relation === 'participant' && scopes.has('plan'));
    case 'recordConsent':
    case 'withdrawConsent':
    case 'editNetwork':
      return relation === 'coordinator' || relation === 'resident';
    case 'recordMeasurement':
      return relation === 'coordinator' || relation === 'resident' || (relation === 'participant' && scopes.has('outcomes'));
    case 'recordVoice':
      return relation === 'coordinator' || relation === 'resident' || (relation === 'participant' && scopes.has('voice'));
    case 'readAccessLog':
      return relation === 'resident';
  }
}

/** Actions that do not concern one file. */
export type HouseholdAction = 'openFile' | 'readSettings' | 'changeSettings' | 'readListeningOverview' | 'readInvolvement';

const ALLOWED: Record<HouseholdAction, readonly Role[]> = {
  openFile: ['social_worker'],
  readSettings: ['social_worker', 'professional', 'policy_officer', 'admin'],
  changeSettings: ['admin'],
  // Not the administrator: who can search the audit log could tie wishes to residents (ADR 0006).
  readListeningOverview: ['policy_officer'],
  readInvolvement: ['social_worker', 'professional'],
};

export function mayHousehold(ctx: TenantContext, action: HouseholdAction): boolean {
  return ctx.actor.roles.some((r) => ALLOWED[action].includes(r));
}

/** Roles a person needs to be put on a plan. */
export const PARTICIPANT_ROLES: readonly Role[] = ['social_worker', 'professional', 'volunteer'];
