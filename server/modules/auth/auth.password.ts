/**
 * Password hashing (argon2id, OWASP's recommended parameters) and the
 * password policy: length over complexity rules (NIST SP 800-63B), plus a
 * refusal of the most common passwords and of the e-mail address itself.
 */
import { hash, verify } from '@node-rs/argon2';

/** Algorithm 2 is Argon2id (the package's const enum cannot be imported under isolatedModules). */
const PARAMS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

/** A valid hash of a random secret: verifying against it costs as much as a real check. */
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    // Spend the same time as a real check, so timing does not tell whether the account exists.
    dummyHash ??= hashPassword(`dummy-${Math.random()}`);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

const COMMON = new Set([
  'welkom123456', 'wachtwoord123', 'wachtwoord1234', 'password1234', 'password12345', '123456789012',
  'qwertyuiop12', 'samenspel123', 'zomer2026!!!', 'welkomwelkom', 'aaaaaaaaaaaa', 'passwordpassword',
]);

/** Returns null when acceptable, else why not. */
export function checkPasswordPolicy(password: string, email?: string): 'too_short' | 'too_long' | 'weak_password' | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'weak_password';
  if (new Set(lower).size < 4) return 'weak_password';
  if (email && (lower === email.toLowerCase() || lower === email.toLowerCase().split('@')[0])) return 'weak_password';
  return null;
}
