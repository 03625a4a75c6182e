/**
 * The Zorginstituut Kostenhandleiding reference prices, parsed once and
 * validated row by row. Data: server/data/reference-prices-kostenhandleiding.csv
 * ("Zorginstituut Nederland, Kostenhandleiding (2024 update), referentieprijzen").
 *
 * Prices are kept as integer cents per price year, read from the decimal text
 * (never through a float), so 557.41 is exactly 55741.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The short source name shown next to a figure. */
export const KOSTENHANDLEIDING_SOURCE = 'Kostenhandleiding Zorginstituut';
/** The full source line, shown under a table or report that uses the prices. */
export const KOSTENHANDLEIDING_SOURCE_LINE = 'Zorginstituut Nederland, Kostenhandleiding (2024 update), referentieprijzen';

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../data/reference-prices-kostenhandleiding.csv');

export interface ReferencePrice {
  domain: string;
  category: string;
  /** the price list's description of one unit, e.g. "Guidance at home, per hour" */
  unit: string;
  shortVar: string;
  /** price year → cents */
  cents: ReadonlyMap<number, number>;
}

export interface ReferencePriceList {
  /** the price years in the file, ascending */
  years: readonly number[];
  source: string;
  sourceLine: string;
  get(shortVar: string): ReferencePrice | undefined;
  all(): readonly ReferencePrice[];
}

/** The file is not what the loader expects; every fault is listed with its line number. */
export class ReferencePriceFileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`reference price file is invalid: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
    this.name = 'ReferencePriceFileError';
  }
}

/** Splits one CSV record (RFC 4180 quoting; no line breaks inside fields in this file). Null when a quote is left open. */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

/** "557.41" → 55741, "537.0" → 53700; null for anything that is not a non-negative amount with at most 2 decimals. */
export function euroTextToCents(text: string): number | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m || !m[1]) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

const FIXED_COLUMNS = ['Domain', 'Category', 'Unit', 'short_var'] as const;
const SHORT_VAR = /^[a-z][a-z0-9_]*$/;

/** Parses and validates the whole file; throws {@link ReferencePriceFileError} listing every bad row. */
export function parseReferencePrices(text: string): ReferencePriceList {
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | null = null;
  let years: number[] = [];
  const byShortVar = new Map<string, ReferencePrice>();

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const fields = splitCsvLine(raw);
    if (!fields) {
      problems.push(`line ${lineNo}: unclosed quote`);
      return;
    }
    if (!header) {
      header = fields;
      const fixedOk = FIXED_COLUMNS.every((name, i) => fields[i] === name);
      years = fields.slice(FIXED_COLUMNS.length).map(Number);
      if (!fixedOk || years.length === 0 || years.some((y) => !Number.isInteger(y) || y < 2000 || y > 2100)) {
        problems.push(`line ${lineNo}: header must be ${FIXED_COLUMNS.join(',')} followed by price years`);
      }
      return;
    }
    if (fields.length !== header.length) {
      problems.push(`line ${lineNo}: ${fields.length} fields, expected ${header.length}`);
      return;
    }
    const [domain = '', category = '', unit = '', shortVar = ''] = fields;
    if (!domain || !category || !unit) problems.push(`line ${lineNo}: domain, category and unit must not be empty`);
    if (!SHORT_VAR.test(shortVar)) problems.push(`line ${lineNo}: short_var is not a lower-case identifier`);
    else if (byShortVar.has(shortVar)) problems.push(`line ${lineNo}: short_var ${shortVar} appears twice`);
    const cents = new Map<number, number>();
    years.forEach((year, i) => {
      const value = euroTextToCents(fields[FIXED_COLUMNS.length + i] ?? '');
      if (value === null || value <= 0) problems.push(`line ${lineNo}: price for ${year} is not a positive amount in euro with at most 2 decimals`);
      else cents.set(year, value);
    });
    byShortVar.set(shortVar, { domain, category, unit, shortVar, cents });
  });

  if (!header) problems.push('no header line');
  if (problems.length === 0 && byShortVar.size === 0) problems.push('no prices');
  if (problems.length > 0) throw new ReferencePriceFileError(problems);

  const all = [...byShortVar.values()];
  const sortedYears = [...years].sort((a, b) => a - b);
  return {
    years: sortedYears,
    source: KOSTENHANDLEIDING_SOURCE,
    sourceLine: KOSTENHANDLEIDING_SOURCE_LINE,
    get: (shortVar) => byShortVar.get(shortVar),
    all: () => all,
  };
}

let cached: ReferencePriceList | null = null;

/** The shipped price list, read and validated on first use. */
export function referencePrices(): ReferencePriceList {
  cached ??= parseReferencePrices(readFileSync(FILE, 'utf8'));
  return cached;
}
