import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { areaInMunicipality, pc4Of, postcodeProblem } from './postcode-area';

describe('postcode areas in a municipality', () => {
  it('takes four digits or a full postcode, in any spacing and case', () => {
    expect(pc4Of('3311')).toBe('3311');
    expect(pc4Of(' 3311 ab ')).toBe('3311');
    expect(pc4Of('33 11')).toBeNull();
    expect(pc4Of('3311 SS')).toBeNull();
  });

  it('accepts an area of the municipality and names the place', () => {
    expect(postcodeProblem('3311AB', 'Dordrecht', 'postcode')).toBeNull();
    expect(areaInMunicipality('3311AB', 'Dordrecht', 'postcode')).toMatchObject({ pc4: '3311', place: 'Dordrecht' });
  });

  it('refuses an unknown postcode as a format problem and one elsewhere as a value problem, at the named field', () => {
    expect(postcodeProblem('0999', 'Dordrecht', 'place.postcode')).toMatchObject({ name: 'place.postcode', code: 'invalid_format' });
    expect(postcodeProblem('4205', 'Dordrecht', 'postcode')).toMatchObject({ name: 'postcode', code: 'invalid_value' });
    try {
      areaInMunicipality('1011 AB', 'Dordrecht', 'postcode');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).invalidParams).toEqual([expect.objectContaining({ name: 'postcode', code: 'invalid_value' })]);
    }
  });
});
