import { describe, expect, it } from 'vitest';
import { euroTextToCents, parseReferencePrices, ReferencePriceFileError, referencePrices, splitCsvLine } from './effects.reference-prices';

describe('the shipped Kostenhandleiding price list', () => {
  const list = referencePrices();

  it('holds all 160 prices for 2022, 2023 and 2024, with its source', () => {
    expect(list.all()).toHaveLength(160);
    expect(list.years).toEqual([2022, 2023, 2024]);
    expect(list.source).toBe('Kostenhandleiding Zorginstituut');
    expect(list.sourceLine).toContain('Zorginstituut Nederland, Kostenhandleiding');
  });

  it('keeps prices as exact cents per year, read from the text', () => {
    expect(list.get('homecare_guidance_hour')).toMatchObject({ unit: 'Guidance at home, per hour', category: 'Home care' });
    expect([...list.get('homecare_guidance_hour')!.cents]).toEqual([[2022, 6400], [2023, 6643], [2024, 6867]]);
    expect(list.get('nursingday_excl_personnel')!.cents.get(2023)).toBe(55741);
    expect(list.get('transport_car_km')!.cents.get(2024)).toBe(28);
    expect(list.get('no_such_thing')).toBeUndefined();
  });

  it('reads a quoted unit that contains commas', () => {
    expect(list.get('mhc_nursingday_psy_inst')!.unit).toBe('Nursing day, psychiatric institution');
  });
});

describe('parseReferencePrices', () => {
  const header = 'Domain,Category,Unit,short_var,2023,2024';

  it('parses a small valid file, skipping comment lines and a byte-order mark', () => {
    const list = parseReferencePrices(`\uFEFF# comment\n${header}\nMedical,Home care,"Help, per hour",help_hour,10.5,11\n`);
    expect(list.get('help_hour')).toMatchObject({ unit: 'Help, per hour' });
    expect([...list.get('help_hour')!.cents]).toEqual([[2023, 1050], [2024, 1100]]);
  });

  it('lists every bad row with its line number', () => {
    const text = [
      header,
      'Medical,Home care,Help,help_hour,10.5,11',
      'Medical,Home care,Help,help_hour,10.5,11', // duplicate
      'Medical,Home care,Help,Bad Name,10.5,11', // short_var
      'Medical,Home care,Help,ok_one,10.555,-1', // prices
      'Medical,Home care,Help,too_few,10.5', // fields
      'Medical,Home care,"Help,open_quote,1,2', // unclosed quote
    ].join('\n');
    try {
      parseReferencePrices(text);
      throw new Error('expected a ReferencePriceFileError');
    } catch (e) {
      expect(e).toBeInstanceOf(ReferencePriceFileError);
      const problems = (e as ReferencePriceFileError).problems;
      expect(problems).toEqual([
        'line 3: short_var help_hour appears twice',
        'line 4: short_var is not a lower-case identifier',
        'line 5: price for 2023 is not a positive amount in euro with at most 2 decimals',
        'line 5: price for 2024 is not a positive amount in euro with at most 2 decimals',
        'line 6: 5 fields, expected 6',
        'line 7: unclosed quote',
      ]);
    }
  });

  it('refuses a file without the expected header', () => {
    expect(() => parseReferencePrices('Domain,Unit,short_var,2024\nx,y,z,1\n')).toThrow(ReferencePriceFileError);
    expect(() => parseReferencePrices('')).toThrow(/no header line/);
  });
});

describe('CSV helpers', () => {
  it('splits quoted fields with doubled quotes', () => {
    expect(splitCsvLine('a,"b, ""c""",d')).toEqual(['a', 'b, "c"', 'd']);
    expect(splitCsvLine('a,"b')).toBeNull();
  });

  it('turns euro text into cents without floating point', () => {
    expect(euroTextToCents('0.29')).toBe(29);
    expect(euroTextToCents('1.1')).toBe(110);
    expect(euroTextToCents('113819.55')).toBe(11381955);
    for (const bad of ['', '-1', '1.234', '1,5', 'abc', '1e3']) expect(euroTextToCents(bad)).toBeNull();
  });
});
