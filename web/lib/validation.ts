/**
 * Checks done in the browser before sending, so people get feedback at once.
 * The server checks everything again; these only mirror its rules.
 */

/** Deliberately loose: the server decides; this catches typing slips. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** The server's minimum for a new password. */
export const MIN_PASSWORD_LENGTH = 12;

/** Digits, spaces, dashes, brackets and a leading plus; at least 6 digits. */
export function isPhoneNumber(value: string): boolean {
  const trimmed = value.trim();
  return /^\+?[\d\s\-()]+$/.test(trimmed) && trimmed.replace(/\D/g, '').length >= 6;
}
