import { describe, expect, it } from 'vitest';
import type { TenantContext } from '../../core/context';
import { dayInAmsterdam, fileAccess, mayOnFile, type FileAccessFacts } from './household.policy';

const ctx = (personId: string, roles: TenantContext['actor']['roles'], organisationIds: string[] = []): TenantContext => ({
  requestId: 'r',
  locale: 'nl',
  now: () => new Date('2026-11-03T09:00:00Z'),
  tenant: { id: 't', code: 'GM0505', name: 'Dordrecht' },
  actor: { accountId: 'a', personId, roles, organisationIds },
});

const consent = (over: Partial<FileAccessFacts['consents'][number]> = {}): FileAccessFacts['consents'][number] => ({
  recipientPersonId: null,
  recipientOrganisationId: 'org-1',
  scopes: ['plan', 'outcomes'],
  validFrom: '2026-11-01',
  validUntil: '2027-11-01',
  withdrawnAt: null,
  ...over,
});

const facts = (over: Partial<FileAccessFacts> = {}): FileAccessFacts => ({
  residentPersonId: 'resident',
  coordinatorPersonId: 'coordinator',
  participation: null,
  consents: [consent()],
  ...over,
});

const TODAY = '2026-11-03';

describe('who sees a resident file', () => {
  it('gives the resident and the coordinator the whole file', () => {
    expect([...fileAccess(ctx('resident', ['resident']), facts(), TODAY).scopes]).toHaveLength(6);
    expect(fileAccess(ctx('coordinator', ['social_worker']), facts(), TODAY).relation).toBe('coordinator');
  });

  it('does not treat a coordinator who lost the social-worker role as coordinator', () => {
    expect(fileAccess(ctx('coordinator', ['professional']), facts(), TODAY).relation).toBe('none');
  });

  it('gives a participant whose role was taken away nothing, and reads consents by their organisation of today', () => {
    const onPlan = facts({ participation: { organisationId: 'org-1' } as FileAccessFacts['participation'] });
    expect(fileAccess(ctx('pro', ['professional'], ['org-1']), onPlan, TODAY).scopes.has('plan')).toBe(true);
    // Moved to another organisation: the consent given to the old one no longer opens the plan.
    expect(fileAccess(ctx('pro', ['professional'], ['org-2']), onPlan, TODAY).scopes.size).toBe(0);
    // No longer in a role that takes part (here only a resident): nothing at all.
    expect(fileAccess(ctx('pro', ['resident'], ['org-1']), onPlan, TODAY).relation).toBe('none');
  });

  it('gives nobody off the plan anything, whatever their role or a consent naming their organisation', () => {
    for (const roles of [['professional'], ['social_worker'], ['admin'], ['policy_officer']] as const) {
      const a = fileAccess(ctx('someone', [...roles], ['org-1']), facts(), TODAY);
      expect(a.relation).toBe('none');
      expect(a.scopes.size).toBe(0);
    }
  });

  it('gives a person on the plan exactly the scopes of consents in force for them or their organisation', () => {
    const on = { participation: { organisationId: 'org-1' } };
    expect([...fileAccess(ctx('pro', ['professional'], ['org-1']), facts(on), TODAY).scopes].sort()).toEqual(['outcomes', 'plan']);
    const forPerson = facts({ ...on, consents: [consent({ recipientOrganisationId: null, recipientPersonId: 'pro', scopes: ['identity'] })] });
    expect([...fileAccess(ctx('pro', ['professional']), forPerson, TODAY).scopes]).toEqual(['identity']);
    const otherOrg = facts({ participation: { organisationId: 'org-2' } });
    expect(fileAccess(ctx('pro', ['professional'], ['org-2']), otherOrg, TODAY).scopes.size).toBe(0);
  });

  it('ignores withdrawn, expired and future consents', () => {
    const on = { participation: { organisationId: 'org-1' } };
    for (const c of [consent({ withdrawnAt: new Date() }), consent({ validUntil: '2026-11-02' }), consent({ validFrom: '2026-11-04' })]) {
      expect(fileAccess(ctx('pro', ['professional'], ['org-1']), facts({ ...on, consents: [c] }), TODAY).scopes.size).toBe(0);
    }
    // The last day of the period still counts.
    expect(fileAccess(ctx('pro', ['professional'], ['org-1']), facts({ ...on, consents: [consent({ validUntil: TODAY })] }), TODAY).scopes.size).toBe(2);
  });

  it('lets only the coordinator manage, and only the resident read the access log', () => {
    const coordinator = fileAccess(ctx('coordinator', ['social_worker']), facts(), TODAY);
    const resident = fileAccess(ctx('resident', ['resident']), facts(), TODAY);
    const participant = fileAccess(ctx('pro', ['professional'], ['org-1']), facts({ participation: { organisationId: 'org-1' } }), TODAY);
    expect([mayOnFile(coordinator, 'manage'), mayOnFile(resident, 'manage'), mayOnFile(participant, 'manage')]).toEqual([true, false, false]);
    expect([mayOnFile(coordinator, 'readAccessLog'), mayOnFile(resident, 'readAccessLog')]).toEqual([false, true]);
    expect([mayOnFile(participant, 'changePlan'), mayOnFile(participant, 'recordMeasurement'), mayOnFile(participant, 'recordVoice')]).toEqual([true, true, false]);
    expect(mayOnFile(participant, 'recordConsent')).toBe(false);
  });
});

describe('the day a consent is judged on', () => {
  const pro = ctx('pro', ['professional'], ['org-1']);
  const endsToday = facts({ participation: { organisationId: 'org-1' }, consents: [consent({ validUntil: '2026-11-23' })] });
  const scopesAt = (iso: string) => fileAccess(pro, endsToday, dayInAmsterdam(new Date(iso))).scopes.size;

  it('is the day in the Netherlands, not the UTC day, around midnight in winter (UTC+1)', () => {
    expect(dayInAmsterdam(new Date('2026-11-23T22:59:59Z'))).toBe('2026-11-23');
    expect(dayInAmsterdam(new Date('2026-11-23T23:00:00Z'))).toBe('2026-11-24');
    // At 00:30 Dutch time the UTC date still says the 23rd: the consent has ended all the same.
    expect(scopesAt('2026-11-23T22:59:59Z')).toBe(2);
    expect(scopesAt('2026-11-23T23:30:00Z')).toBe(0);
  });

  it('is the day in the Netherlands in summer (UTC+2) and across the change of the clocks', () => {
    expect(dayInAmsterdam(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(dayInAmsterdam(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    // 25 October 2026: clocks go back at 03:00 CEST (01:00 UTC).
    expect(dayInAmsterdam(new Date('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
    expect(dayInAmsterdam(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(dayInAmsterdam(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('lets a consent start at Dutch midnight, before the UTC date changes', () => {
    const startsTomorrow = facts({ participation: { organisationId: 'org-1' }, consents: [consent({ validFrom: '2026-11-24' })] });
    expect(fileAccess(pro, startsTomorrow, dayInAmsterdam(new Date('2026-11-23T23:05:00Z'))).scopes.size).toBe(2);
  });
});
