/** Formatting and parsing for the effect calculator pages: euro from cents, decimal comma input. */
import type { Locale } from '../../shared/roles';

const tag = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

export function euro(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function ratioText(ratio: number | null, locale: Locale): string {
  return ratio === null ? '–' : new Intl.NumberFormat(tag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(ratio);
}

/** A number from what a person typed: "1,5", "1.5" or "12"; NaN when it is not a plain decimal. */
export function parseDecimal(text: string): number {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** A number for a text field, with the locale's decimal separator. */
export function decimalText(n: number, locale: Locale): string {
  const s = String(n);
  return locale === 'nl' ? s.replace('.', ',') : s;
}

/** "30" (%) → 0.3, without floating-point tails (33,33 % → 0.3333). */
export function percentToProbability(text: string): number {
  const n = parseDecimal(text);
  return Number.isNaN(n) ? n : Number((n / 100).toFixed(6));
}

export function probabilityToPercent(p: number, locale: Locale): string {
  return decimalText(Number((p * 100).toFixed(4)), locale);
}
