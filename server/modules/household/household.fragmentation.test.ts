import { describe, expect, it } from 'vitest';
import { fragmentation, twelveMonthsBefore, type InvolvedMember } from './household.fragmentation';

const member = (over: Partial<InvolvedMember>): InvolvedMember => ({
  circle: 'professionals', name: 'x', personId: null, organisationId: null, involvedSince: null, involvedUntil: null, ...over,
});

describe('fragmentation signal', () => {
  it('counts distinct professionals and organisations of the last twelve months', () => {
    const f = fragmentation(
      [
        member({ name: 'Huisarts Jansen' }),
        member({ name: ' huisarts  jansen ' }),
        member({ personId: 'p1', organisationId: 'o1' }),
        member({ circle: 'organisations', name: 'Woonstichting', organisationId: 'o1' }),
        member({ circle: 'organisations', name: 'Politie' }),
        member({ name: 'Oud', involvedUntil: '2025-10-01' }),
        member({ circle: 'neighbours', name: 'Els' }),
      ],
      [{ personId: 'p1', organisationId: 'o1', professional: true, addedOn: '2026-10-01', removedOn: null }],
      '2026-11-03',
      3,
    );
    expect(f).toEqual({ professionals: 2, organisations: 2, total: 4, threshold: 3, warning: true, since: '2025-11-03' });
  });

  it('warns only above the threshold', () => {
    expect(fragmentation([member({ name: 'a' }), member({ name: 'b' })], [], '2026-11-03', 2).warning).toBe(false);
  });

  it('goes back a year, also from a leap day', () => {
    expect(twelveMonthsBefore('2028-02-29')).toBe('2027-03-01');
  });
});
