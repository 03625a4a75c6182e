import { describe, expect, it } from 'vitest';
import { bsnProblem } from '../../api/household';
import type { NetworkMember, OutcomeTrend } from '../../api/household';
import { bsnProblem as serverBsnProblem } from '../../../server/modules/household/household.bsn';
import { parseDomains } from '../../pages/HouseholdSettingsPage';
import { chartRows, formKeyOf, isIsoDate, placeNodes, RING_RADIUS } from './household';

const member = (id: string, circle: string, strength: number): NetworkMember => ({
  id, circle, name: id, person: null, organisation: null, organisationKind: null, supportKinds: [], strength,
  involvedSince: null, involvedUntil: null, helpRequestId: null, source: 'map', updatedAt: '2026-01-01T00:00:00Z',
});

describe('the household helpers', () => {
  it('judge a BSN exactly as the server does', () => {
    for (const value of ['111222333', '123456782', '123456789', '000000000', '12345', '11122233a', '1112223330']) {
      expect(bsnProblem(value), value).toBe(serverBsnProblem(value));
    }
  });

  it('put strong support nearer the resident than light support', () => {
    const [strong, light] = placeNodes([member('a', 'family', 3), member('b', 'family', 1)]);
    const distance = (x: number, y: number) => Math.hypot(x - 300, y - 300);
    expect(distance(strong!.x, strong!.y)).toBeCloseTo(RING_RADIUS[3]!);
    expect(distance(light!.x, light!.y)).toBeCloseTo(RING_RADIUS[1]!);
    // Labels: outward from the strong ring, inward from the light one (clear of the sector names).
    expect(distance(strong!.labelX, strong!.labelY)).toBeGreaterThan(RING_RADIUS[3]!);
    expect(distance(light!.labelX, light!.labelY)).toBeLessThan(RING_RADIUS[1]!);
  });

  it('makes one chart row per date, with the score of each domain measured then', () => {
    const trend: OutcomeTrend = {
      fileId: 'f', scale: [], goals: [], residentScore: [],
      domains: [
        { code: 'finances', name: 'Financiën', inPlan: true, points: [{ measuredOn: '2026-01-02', score: 3, source: 'professional' }, { measuredOn: '2026-02-02', score: 4, source: 'professional' }] },
        { code: 'housing', name: 'Huisvesting', inPlan: true, points: [{ measuredOn: '2026-02-02', score: 2, source: 'professional' }] },
      ],
    };
    expect(chartRows(trend)).toEqual([{ date: '2026-01-02', finances: 3 }, { date: '2026-02-02', finances: 4, housing: 2 }]);
  });

  it('maps a server field path to the form field that shows it', () => {
    const known = (k: string) => ['actions.1.who', 'reason'].includes(k);
    expect(formKeyOf('actions.1.who.personId', known)).toBe('actions.1.who');
    expect(formKeyOf('reason', known)).toBe('reason');
    expect(formKeyOf('domains.0', known)).toBeNull();
    expect(isIsoDate('2026-02-30')).toBe(false);
  });

  it('reads a municipality\'s own life domains, one a line, and refuses a malformed line', () => {
    expect(parseDomains('finances; Financiën; Finances\n\nhousing;Wonen;Housing')).toEqual([
      { code: 'finances', nameNl: 'Financiën', nameEn: 'Finances' },
      { code: 'housing', nameNl: 'Wonen', nameEn: 'Housing' },
    ]);
    expect(parseDomains('Finances; Financiën')).toBeNull();
    expect(parseDomains('')).toBeNull();
  });
});
