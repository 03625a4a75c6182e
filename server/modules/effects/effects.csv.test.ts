import { describe, expect, it } from 'vitest';
import { calculateEffects } from './effects.calculator';
import { centsToCsv, CSV_COLUMNS, csvField, effectsToCsv } from './effects.csv';
import { handCase } from './effects.test-support';

/** A small reader for the format we write (';', '"' quoting, CRLF), independent of the writer. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('effectsToCsv', () => {
  const result = calculateEffects(handCase);
  const text = effectsToCsv(result);
  const rows = readCsv(text.replace(/^\uFEFF/, ''));
  const header = rows[0]!;
  const records = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  const find = (sectie: string, id: string) => {
    const r = records.find((x) => x.sectie === sectie && x.id === id);
    if (!r) throw new Error(`no row ${sectie}/${id}`);
    return r;
  };

  it('starts with a byte-order mark and the header, ends every line with CRLF, and every row has every column', () => {
    expect(text.startsWith(`\uFEFF${CSV_COLUMNS.join(';')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('holds every input of a reference line with its source and price year, and its outcome', () => {
    expect(find('referentie', 'r1')).toMatchObject({
      omschrijving: 'Huishoudelijke hulp',
      betaler: 'de gemeente (Wmo)',
      inwoners: '1',
      kans: '0,3',
      hoeveelheid: '2',
      eenheid: 'hour',
      per: 'week',
      duur: '52',
      prijs_per_eenheid_eur: '38,40',
      short_var: 'homecare_household',
      bron: 'tarief gemeente',
      prijsjaar: '2024',
      geldig_vanaf: '2024-01-01',
      waarde: '1198,08',
    });
    expect(find('referentie', 'r2')).toMatchObject({ bron: 'Kostenhandleiding Zorginstituut', prijsjaar: '2024', prijs_per_eenheid_eur: '68,67', waarde: '669,53' });
  });

  it('holds the tariffs given, the totals, each payer and the sensitivity scenarios', () => {
    expect(records.filter((r) => r.sectie === 'tarief')).toHaveLength(4);
    expect(find('totaal', 'kosten').waarde).toBe('1656,50');
    expect(find('totaal', 'vermeden').waarde).toBe('6703,34');
    expect(find('totaal', 'netto').waarde).toBe('5046,84');
    expect(find('totaal', 'verhouding').waarde).toBe('4,05');
    expect(find('betaler', 'other.netto').waarde).toBe('-123,50');
    expect(find('gevoeligheid', 'laag.netto').waarde).toBe('1024,83');
    expect(find('gevoeligheid', 'hoog.netto').waarde).toBe('10314,11');
    expect(find('gevoeligheid', 'factor.kans.laag').waarde).toBe('0,5');
    expect(find('bron', 'bronvermelding').omschrijving).toBe('Zorginstituut Nederland, Kostenhandleiding (2024 update), referentieprijzen');
  });

  it('quotes separators and defuses spreadsheet formulas in text the user typed', () => {
    const tricky = effectsToCsv(
      calculateEffects({ ...handCase, title: '=HYPERLINK("x")', costs: [{ ...handCase.costs[0]!, label: 'Coördinatie; "extra"' }] }),
    );
    const parsed = readCsv(tricky.replace(/^\uFEFF/, ''));
    expect(parsed.find((r) => r[1] === 'titel')![2]).toBe(`'=HYPERLINK("x")`);
    expect(parsed.find((r) => r[0] === 'kosten')![2]).toBe('Coördinatie; "extra"');
    expect(csvField('-12,50', false)).toBe('-12,50');
    expect(csvField('-x', true)).toBe("'-x");
  });

  it('writes cents as euros with a decimal comma', () => {
    expect(centsToCsv(0)).toBe('0,00');
    expect(centsToCsv(5)).toBe('0,05');
    expect(centsToCsv(-12350)).toBe('-123,50');
    expect(centsToCsv(123456789)).toBe('1234567,89');
  });
});
