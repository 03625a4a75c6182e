/**
 * Exact decimal arithmetic for the effect calculator.
 *
 * Input numbers are read from their shortest decimal form (`String(0.3)` is
 * "0.3") into integers at a fixed scale, so 0.3 at 4 decimals is exactly 3000.
 * A line is then one integer product, divided once and rounded once to whole
 * cents (half up). Totals are sums of rounded lines, so the lines shown always
 * add up to the totals shown, and the same input always gives the same cents.
 */

/** `value` as an integer at `decimals` places, or null when it has more places (or is not a finite plain decimal). */
export function toScaled(value: number, decimals: number): bigint | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  // String() writes exponents for very small and very large numbers; neither fits our inputs.
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const fraction = m[3] ?? '';
  if (fraction.length > decimals) return null;
  const digits = `${m[2]}${fraction.padEnd(decimals, '0')}`;
  const n = BigInt(digits);
  return m[1] === '-' ? -n : n;
}

/** 10^n as a bigint. */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** num ÷ den rounded to the nearest integer, halves away from zero (for amounts ≥ 0: half up). den > 0. */
export function divRound(num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new RangeError('divRound needs a positive denominator');
  const negative = num < 0n;
  const a = negative ? -num : num;
  const q = a / den;
  const r = a - q * den;
  const rounded = 2n * r >= den ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/** Exact decimal text of an integer at a scale, trailing zeros trimmed: (3000n, 4) → "0.3". */
export function scaledToText(n: bigint, decimals: number, separator = '.'): string {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? separator + fraction : ''}`;
}

/** Groups thousands: "1234567" → "1.234.567" with separator ".". */
function groupThousands(whole: string, separator: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

export type Locale = 'nl' | 'en';

/** A no-break space keeps "€" and the amount on one line. */
const NBSP = '\u00a0';

/**
 * Integer cents as euros for people: nl "€ 4.152,24" and "€ -12,50" (as Intl's
 * nl-NL does), en "€4,152.24" and "-€12.50". Written by hand from the integer so
 * that no floating point and no ICU version can change a figure.
 */
export function formatEuro(cents: number, locale: Locale): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString();
  const fraction = (abs % 100).toString().padStart(2, '0');
  if (locale === 'nl') return `€${NBSP}${negative ? '-' : ''}${groupThousands(whole, '.')},${fraction}`;
  return `${negative ? '-' : ''}€${groupThousands(whole, ',')}.${fraction}`;
}

/** A plain input number for people: nl "2,5", en "2.5"; thousands grouped in nl "1.200" and en "1,200". */
export function formatNumber(value: number, locale: Locale): string {
  const text = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const whole = groupThousands(m[2] ?? '0', locale === 'nl' ? '.' : ',');
  return `${m[1]}${whole}${m[3] ? (locale === 'nl' ? ',' : '.') + m[3] : ''}`;
}

/** A probability as a percentage: 0.3 → "30%", 0.125 → nl "12,5%". Exact for inputs of up to 4 decimals. */
export function formatPercent(probability: number, locale: Locale): string {
  const scaled = toScaled(probability, 6);
  if (scaled === null) return `${probability * 100}%`;
  return `${scaledToText(scaled * 100n, 6, locale === 'nl' ? ',' : '.')}%`;
}

/** A benefit-cost ratio with two decimals: nl "2,35", en "2.35"; "–" when there is none. */
export function formatRatio(ratio: number | null, locale: Locale): string {
  if (ratio === null) return '–';
  const text = ratio.toFixed(2);
  return locale === 'nl' ? text.replace('.', ',') : text;
}
