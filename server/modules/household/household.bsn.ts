/**
 * The citizen service number (burgerservicenummer, BSN) and its 11-proof:
 * nine digits d1..d9 with 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11.
 * The proof catches every single-digit error and most swaps of neighbours.
 *
 * @example isValidBsn('111222333') // true
 * @example isValidBsn('111222334') // false
 */
const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

export function isValidBsn(value: string): boolean {
  if (!/^[0-9]{9}$/.test(value)) return false;
  if (value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * WEIGHTS[i]!;
  return sum % 11 === 0;
}

/** Why a BSN is refused, or null when it is fine: a wrong shape and a failed 11-proof are told apart. */
export function bsnProblem(value: string): 'invalid_format' | 'invalid' | null {
  if (!/^[0-9]{9}$/.test(value)) return 'invalid_format';
  return isValidBsn(value) ? null : 'invalid';
}
