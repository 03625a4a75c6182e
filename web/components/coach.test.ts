import { describe, expect, it } from 'vitest';
import { calendarDay, distinctNames, formatNumber, formatShare, isIsoDate, sectionForStep, sectionFromHash, sumSessions, thisMonth } from './coach';

describe('the coach page sections', () => {
  it('sends every suggested step to the section where it is done', () => {
    expect(sectionForStep('split_into_rota')).toBe('rooster');
    expect(sectionForStep('ask_network')).toBe('netwerk');
    expect(sectionForStep('invite_volunteers')).toBe('vrijwilligers');
    expect(sectionForStep('widen_distance')).toBe('vrijwilligers');
    expect(sectionForStep('refer_formal')).toBe('doorverwijzen');
  });

  it('reads only known sections from the fragment', () => {
    expect(sectionFromHash('#netwerk')).toBe('netwerk');
    expect(sectionFromHash('geschiedenis')).toBe('geschiedenis');
    expect(sectionFromHash('#main')).toBeNull();
    expect(sectionFromHash('')).toBeNull();
  });
});

describe('rota dates', () => {
  it('read as people say them, without shifting a day', () => {
    expect(calendarDay('nl', '2026-12-01')).toBe('di 1 december');
    expect(calendarDay('en', '2026-12-01')).toBe('Tue 1 December');
  });

  it('accept only real calendar days', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-31')).toBe(false);
    expect(isIsoDate('1-12-2026')).toBe(false);
    expect(calendarDay('nl', 'soon')).toBe('soon');
  });
});

describe('the figures', () => {
  it('default to the whole of this month', () => {
    expect(thisMonth(new Date(2026, 1, 14, 23, 30))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(thisMonth(new Date(2028, 1, 1))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(thisMonth(new Date(2026, 11, 31))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('show shares as percentages and keep "nothing to divide" apart from zero', () => {
    expect(formatShare('nl', 0.125)).toMatch(/^12,5\s?%$/);
    expect(formatShare('en', 0.5)).toBe('50%');
    expect(formatShare('nl', 0)).toMatch(/^0\s?%$/);
    expect(formatShare('nl', null)).toBeNull();
    expect(formatNumber('nl', 4.3)).toBe('4,3');
  });

  it('adds sessions in tenths, as the server does', () => {
    expect(sumSessions([2.2, 1, 1.1])).toBe(4.3);
    expect(sumSessions([])).toBe(0);
  });
});

describe('volunteer names', () => {
  it('number people who share a first name, and leave the others alone', () => {
    const labels = distinctNames([
      { id: 'a', name: 'Saar' },
      { id: 'b', name: 'Victor' },
      { id: 'c', name: 'Saar' },
      { id: 'a', name: 'Saar' },
    ]);
    expect([...labels.entries()]).toEqual([
      ['a', 'Saar (1)'],
      ['b', 'Victor'],
      ['c', 'Saar (2)'],
    ]);
    expect(distinctNames([{ id: 'a', name: 'Anna' }, { id: 'a', name: 'Anna' }]).get('a')).toBe('Anna');
  });
});
