import { describe, expect, it } from 'vitest';
import { areasOfProvince, distanceKm, findPc4, normalisePostcode } from './pc4';

describe('postcodes', () => {
  it('normalises spacing and case', () => {
    expect(normalisePostcode(' 3311 ab ')).toBe('3311AB');
    expect(normalisePostcode('3311AB')).toBe('3311AB');
  });

  it('refuses what is no Dutch postcode, including the letter pairs never issued', () => {
    for (const bad of ['0311AB', '331AB', '3311 A', '3311 SS', '3311SA', 'AB3311', '3311-AB']) expect(normalisePostcode(bad)).toBeNull();
  });

  it('finds the area and municipality of a four-digit postcode', () => {
    expect(findPc4('3311')).toMatchObject({ place: 'Dordrecht', municipality: 'Dordrecht' });
    expect(findPc4('0999')).toBeNull();
  });

  it('lists the areas of a province, Dordrecht in Zuid-Holland and Amsterdam not', () => {
    const zh = areasOfProvince('Zuid-Holland');
    expect(zh.map((a) => a.pc4)).toContain('3311');
    expect(zh.map((a) => a.pc4)).not.toContain('1011');
    expect(zh.every((a) => a.province === 'Zuid-Holland')).toBe(true);
  });

  it('measures Dordrecht to Gorinchem as about 21 km', () => {
    const d = distanceKm(findPc4('3311')!, findPc4('4201')!);
    expect(d).toBeGreaterThan(19);
    expect(d).toBeLessThan(23);
  });
});
