/**
 * A postcode typed by a person, as a PC4 area that must lie in the
 * municipality. Shared by modules that take a place (meet-ups); the
 * neighbour-help service has its own copy of the same rule.
 */
import type { InvalidParam } from '../../../shared/errors';
import { AppError } from '../../core/errors';
import { findPc4, normalisePostcode, type Pc4Area } from './pc4';

/** Four digits, or a full postcode ("3311 AB"), to its four-digit area; null when it is neither. */
export function pc4Of(postcode: string): string | null {
  const trimmed = postcode.trim();
  if (/^[1-9][0-9]{3}$/.test(trimmed)) return trimmed;
  return normalisePostcode(trimmed)?.slice(0, 4) ?? null;
}

/** Why a postcode cannot be used in this municipality, or null when it can. */
export function postcodeProblem(postcode: string, municipalityName: string, field: string): InvalidParam | null {
  const pc4 = pc4Of(postcode);
  const area = pc4 ? findPc4(pc4) : null;
  if (!area) return { name: field, code: 'invalid_format', reason: 'Not a known Dutch postcode.' };
  if (area.municipality !== municipalityName) return { name: field, code: 'invalid_value', reason: 'This postcode is not in this municipality.' };
  return null;
}

/**
 * The PC4 area of a postcode in this municipality.
 * @throws AppError `validation_failed` naming `field` when unknown or elsewhere.
 * @example areaInMunicipality('3311 AB', 'Dordrecht', 'postcode').pc4 // '3311'
 */
export function areaInMunicipality(postcode: string, municipalityName: string, field: string): Pc4Area {
  const problem = postcodeProblem(postcode, municipalityName, field);
  const area = findPc4(pc4Of(postcode) ?? '');
  if (problem || !area) throw new AppError('validation_failed', undefined, { invalidParams: [problem ?? { name: field, code: 'invalid_format', reason: 'Not a known Dutch postcode.' }] });
  return area;
}
