/** The password policy (length first, then the obvious guesses) and argon2id hashing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, checkPasswordPolicy, hashPassword, verifyPassword } from './auth.password';

describe('checkPasswordPolicy', () => {
  it('accepts a passphrase of the minimum length', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(checkPasswordPolicy('fiets-regen7')).toBeNull();
  });

  it('refuses anything shorter than the minimum as too_short', () => {
    expect(checkPasswordPolicy('fiets-regen')).toBe('too_short');
    expect(checkPasswordPolicy('')).toBe('too_short');
  });

  it('refuses anything longer than the maximum as too_long', () => {
    const long = 'Kx7-'.repeat(PASSWORD_MAX_LENGTH);
    expect(checkPasswordPolicy(long.slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
    expect(checkPasswordPolicy(long.slice(0, PASSWORD_MAX_LENGTH + 1))).toBe('too_long');
  });

  it('refuses common passwords whatever their capitals', () => {
    expect(checkPasswordPolicy('welkom123456')).toBe('weak_password');
    expect(checkPasswordPolicy('Welkom123456')).toBe('weak_password');
    expect(checkPasswordPolicy('PASSWORD1234')).toBe('weak_password');
  });

  it('refuses passwords of fewer than four different characters', () => {
    expect(checkPasswordPolicy('abcabcabcabc')).toBe('weak_password');
    expect(checkPasswordPolicy('abcdabcdabcd')).toBeNull();
  });

  it('refuses the e-mail address, or its part before the @, as the password', () => {
    expect(checkPasswordPolicy('ineke.devries@dordrecht.example', 'Ineke.deVries@dordrecht.example')).toBe('weak_password');
    expect(checkPasswordPolicy('ineke.devries', 'ineke.devries@dordrecht.example')).toBe('weak_password');
    expect(checkPasswordPolicy('ineke.devries1', 'ineke.devries@dordrecht.example')).toBeNull();
  });

  it('judges by length alone otherwise: no rules about digits or symbols (property)', () => {
    const distinct = fc
      .uniqueArray(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 -'.split('')), { minLength: 4, maxLength: 30 })
      .filter((chars) => chars.length >= 4);
    fc.assert(
      fc.property(distinct, fc.integer({ min: PASSWORD_MIN_LENGTH, max: 64 }), (chars, length) => {
        const password = Array.from({ length }, (_, i) => chars[i % chars.length]).join('');
        fc.pre(!['welkom123456', 'wachtwoord123', 'password1234', '123456789012', 'qwertyuiop12', 'samenspel123', 'welkomwelkom', 'passwordpassword', 'wachtwoord1234', 'password12345'].includes(password));
        expect(checkPasswordPolicy(password)).toBeNull();
      }),
    );
  });
});

describe('hashPassword and verifyPassword', () => {
  it('stores an argon2id hash, not the password, and verifies only the right password', async () => {
    const hash = await hashPassword('fiets-regen-7');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain('fiets-regen-7');
    expect(await verifyPassword(hash, 'fiets-regen-7')).toBe(true);
    expect(await verifyPassword(hash, 'fiets-regen-8')).toBe(false);
  });

  it('salts every hash, so equal passwords give different hashes', async () => {
    expect(await hashPassword('fiets-regen-7')).not.toBe(await hashPassword('fiets-regen-7'));
  });

  it('says no, without throwing, for an account without a password', async () => {
    expect(await verifyPassword(null, 'anything-at-all')).toBe(false);
  });

  it('says no, without throwing, for a stored value that is not a hash', async () => {
    expect(await verifyPassword('not-a-hash', 'not-a-hash')).toBe(false);
  });
});
