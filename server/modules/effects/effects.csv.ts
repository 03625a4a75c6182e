/**
 * CSV export of an effect calculation: every input and every output, each
 * with its source and price year, in one table that Dutch spreadsheet
 * programs open as is.
 *
 * Format (documented in README.md): UTF-8 with a byte-order mark, `;` between
 * fields, CRLF line ends, decimal comma and no thousands separator (4152,24),
 * amounts in euro with two decimals, fields quoted only when they hold `;`,
 * `"` or a line break. A text field that starts with = + - @ or a tab gets a
 * leading apostrophe so a spreadsheet never runs it as a formula.
 */
import { formatRatio, toScaled } from './effects.decimal';
import { PAYER_NAMES } from './effects.explain';
import { KOSTENHANDLEIDING_SOURCE, KOSTENHANDLEIDING_SOURCE_LINE } from './effects.reference-prices';
import type { EffectResult, ResolvedPrice, Totals } from './effects.types';

export const CSV_COLUMNS = [
  'sectie',
  'id',
  'omschrijving',
  'betaler',
  'inwoners',
  'kans',
  'hoeveelheid',
  'eenheid',
  'per',
  'duur',
  'prijs_per_eenheid_eur',
  'short_var',
  'bron',
  'prijsjaar',
  'geldig_vanaf',
  'waarde',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

/** Integer cents as "4152,24" / "-12,50". */
export function centsToCsv(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)},${(abs % 100).toString().padStart(2, '0')}`;
}

/** An input decimal as "0,3" (exactly as given). */
function numberToCsv(n: number): string {
  return String(n).replace('.', ',');
}

function ratioToCsv(ratio: number | null): string {
  return ratio === null ? '' : formatRatio(ratio, 'nl');
}

/** Quotes a field when needed and defuses spreadsheet formulas in text. */
export function csvField(value: string, isText: boolean): string {
  const safe = isText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const NUMERIC: ReadonlySet<Column> = new Set(['inwoners', 'kans', 'hoeveelheid', 'duur', 'prijs_per_eenheid_eur', 'prijsjaar', 'waarde']);

function priceColumns(p: ResolvedPrice): Row {
  return {
    prijs_per_eenheid_eur: centsToCsv(p.cents),
    short_var: p.shortVar ?? '',
    bron: p.source,
    prijsjaar: String(p.priceYear),
    geldig_vanaf: p.validFrom ?? '',
  };
}

function totalRows(section: string, prefix: string, t: Totals): Row[] {
  return [
    { sectie: section, id: `${prefix}kosten`, omschrijving: 'kosten van de hulp', waarde: centsToCsv(t.costCents) },
    { sectie: section, id: `${prefix}vermeden`, omschrijving: 'verwachte vermeden kosten', waarde: centsToCsv(t.avoidedCents) },
    { sectie: section, id: `${prefix}netto`, omschrijving: 'netto effect (vermeden − kosten)', waarde: centsToCsv(t.netCents) },
    { sectie: section, id: `${prefix}verhouding`, omschrijving: 'baten-kostenverhouding (vermeden ÷ kosten)', waarde: ratioToCsv(t.ratio) },
  ];
}

/** The whole calculation as CSV text (see the module header for the format). */
export function effectsToCsv(result: EffectResult): string {
  const { input } = result;
  const rows: Row[] = [
    { sectie: 'berekening', id: 'titel', omschrijving: input.title },
    { sectie: 'berekening', id: 'omvang', omschrijving: input.scope === 'case' ? 'casus' : 'programma' },
    { sectie: 'berekening', id: 'prijsjaar', prijsjaar: String(input.priceYear), bron: KOSTENHANDLEIDING_SOURCE },
    { sectie: 'berekening', id: 'tariefdatum', geldig_vanaf: result.tariffDate, bron: 'tarief gemeente' },
  ];
  for (const t of input.tariffs ?? []) {
    rows.push({ sectie: 'tarief', id: t.shortVar, omschrijving: t.unit ?? '', short_var: t.shortVar, prijs_per_eenheid_eur: centsToCsv(Number(toScaled(t.price, 2) ?? 0n)), bron: 'tarief gemeente', prijsjaar: t.validFrom.slice(0, 4), geldig_vanaf: t.validFrom });
  }
  for (const c of result.costs) {
    const l = c.line;
    rows.push({
      sectie: 'kosten',
      id: l.id,
      omschrijving: l.label,
      betaler: PAYER_NAMES[l.payer].nl,
      hoeveelheid: numberToCsv(l.quantity),
      eenheid: l.quantityUnit,
      per: l.period,
      duur: numberToCsv(l.duration),
      ...priceColumns(c.unitPrice),
      waarde: centsToCsv(c.cents),
    });
  }
  for (const r of result.reference) {
    const l = r.line;
    rows.push({
      sectie: 'referentie',
      id: l.id,
      omschrijving: l.label,
      betaler: PAYER_NAMES[l.payer].nl,
      inwoners: String(l.persons),
      kans: numberToCsv(l.probability),
      hoeveelheid: numberToCsv(l.quantity),
      eenheid: l.quantityUnit,
      per: l.period,
      duur: numberToCsv(l.duration),
      ...priceColumns(r.unitPrice),
      waarde: centsToCsv(r.cents),
    });
  }
  rows.push(...totalRows('totaal', '', result.totals));
  for (const p of result.byPayer) {
    const name = PAYER_NAMES[p.payer].nl;
    rows.push(
      { sectie: 'betaler', id: `${p.payer}.kosten`, betaler: name, omschrijving: 'kosten van de hulp', waarde: centsToCsv(p.costCents) },
      { sectie: 'betaler', id: `${p.payer}.vermeden`, betaler: name, omschrijving: 'verwachte vermeden kosten', waarde: centsToCsv(p.avoidedCents) },
      { sectie: 'betaler', id: `${p.payer}.netto`, betaler: name, omschrijving: 'netto effect', waarde: centsToCsv(p.netCents) },
    );
  }
  const f = result.sensitivity.factors;
  rows.push(
    { sectie: 'gevoeligheid', id: 'factor.kans.laag', waarde: numberToCsv(f.probability.low) },
    { sectie: 'gevoeligheid', id: 'factor.kans.hoog', waarde: numberToCsv(f.probability.high) },
    { sectie: 'gevoeligheid', id: 'factor.prijs.laag', waarde: numberToCsv(f.price.low) },
    { sectie: 'gevoeligheid', id: 'factor.prijs.hoog', waarde: numberToCsv(f.price.high) },
    { sectie: 'gevoeligheid', id: 'factor.kosten.laag', waarde: numberToCsv(f.cost.low) },
    { sectie: 'gevoeligheid', id: 'factor.kosten.hoog', waarde: numberToCsv(f.cost.high) },
    ...totalRows('gevoeligheid', 'laag.', result.sensitivity.low),
    ...totalRows('gevoeligheid', 'basis.', result.sensitivity.base),
    ...totalRows('gevoeligheid', 'hoog.', result.sensitivity.high),
  );
  for (const s of result.sources) rows.push({ sectie: 'bron', id: s.source, bron: s.source, prijsjaar: String(s.priceYear) });
  if (result.sources.some((s) => s.source === KOSTENHANDLEIDING_SOURCE)) rows.push({ sectie: 'bron', id: 'bronvermelding', omschrijving: KOSTENHANDLEIDING_SOURCE_LINE });

  const lines = [CSV_COLUMNS.join(';'), ...rows.map((row) => CSV_COLUMNS.map((col) => csvField(row[col] ?? '', !NUMERIC.has(col))).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
