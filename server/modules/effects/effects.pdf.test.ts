import { describe, expect, it } from 'vitest';
import { calculateEffects } from './effects.calculator';
import { explainEffects } from './effects.explain';
import { renderPdf, type PdfBlock } from '../../core/pdf';
import { has, pageText } from '../../core/pdf.test-support';
import { effectsPdfContent, type PdfCalculation } from './effects.pdf';
import { KOSTENHANDLEIDING_SOURCE_LINE } from './effects.reference-prices';
import { handCase } from './effects.test-support';
import type { Locale } from './effects.decimal';

const result = calculateEffects(handCase);
const calculation = (locale: Locale): PdfCalculation => ({
  title: 'Buurthulp wijk Noord 2024',
  scope: 'case',
  version: 2,
  updatedAt: '2026-11-20T10:00:00.000Z',
  result,
  explanations: explainEffects(result).map((e) => ({ figure: e.figure, text: e[locale] })),
  sourceLine: KOSTENHANDLEIDING_SOURCE_LINE,
});
const context = { municipality: 'Dordrecht', generatedAt: new Date('2026-11-23T12:00:00.000Z') };

const tables = (blocks: PdfBlock[]) => blocks.filter((b): b is Extract<PdfBlock, { kind: 'table' }> => b.kind === 'table');
const headings = (blocks: PdfBlock[]) => blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);

describe('effectsPdfContent', () => {
  const nl = effectsPdfContent(calculation('nl'), 'nl', context);
  const en = effectsPdfContent(calculation('en'), 'en', context);

  it('names the calculation, its scope, municipality, price year, tariff date and version in Dutch', () => {
    expect(nl.lang).toBe('nl-NL');
    expect(nl.blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Buurthulp wijk Noord 2024' });
    expect(nl.blocks[1]).toEqual({
      kind: 'paragraph',
      text: 'Casus in Dordrecht. Prijsjaar 2024; tarieven van de gemeente zoals die golden op 31 december 2024. Versie 2, opgeslagen op 20 november 2026. Gemaakt op 23 november 2026.',
    });
    expect(headings(nl.blocks)).toEqual([
      'Buurthulp wijk Noord 2024',
      'Uitkomst',
      'Wie betaalt en wie bespaart',
      'Gevoeligheid: somber, verwacht en gunstig',
      'Kosten van de hulp, per regel',
      'Zorg die zonder de hulp nodig zou zijn, per regel',
      'Bronnen',
    ]);
  });

  it('shows the totals, each payer and the three scenarios with euros written the Dutch way', () => {
    const [totals, payers, sensitivity] = tables(nl.blocks);
    expect(totals!.rows).toEqual([
      ['Kosten van de hulp', '€\u00a01.656,50'],
      ['Verwachte vermeden kosten', '€\u00a06.703,34'],
      ['Netto effect', '€\u00a05.046,84'],
      ['Baten per euro kosten', '4,05'],
    ]);
    expect(payers!.header).toEqual(['Betaler', 'Kosten van de hulp', 'Verwachte vermeden kosten', 'Netto effect']);
    expect(payers!.rows).toContainEqual(['Anderen', '€\u00a0123,50', '€\u00a00,00', '€\u00a0-123,50']);
    expect(payers!.rows).toHaveLength(result.byPayer.length);
    expect(sensitivity!.rows.map((r) => [r[0], r[3], r[4]])).toEqual([
      ['Somber', '€\u00a01.024,83', '1,62'],
      ['Verwacht', '€\u00a05.046,84', '4,05'],
      ['Gunstig', '€\u00a010.314,11', '7,23'],
    ]);
  });

  it('gives every line its unit price, source and price year', () => {
    const [, , , costs, reference] = tables(nl.blocks);
    expect(costs!.rows).toHaveLength(3);
    expect(costs!.rows[0]).toEqual(['Coördinatie door sociaal werker', 'De gemeente (Wmo)', '€\u00a068,50', 'tarief gemeente, prijsjaar 2024, geldig vanaf 1 januari 2024', '€\u00a01.233,00']);
    expect(costs!.rows[1]).toEqual(['Onkosten vrijwilligers', 'De gemeente (Wmo)', '€\u00a0150,00', 'begroting welzijnsorganisatie, prijsjaar 2024', '€\u00a0300,00']);
    expect(reference!.rows).toHaveLength(6);
    expect(reference!.rows[1]).toEqual(['Begeleiding thuis', 'De gemeente (Wmo)', '25%', '€\u00a068,67', 'Kostenhandleiding Zorginstituut, prijsjaar 2024', '€\u00a0669,53']);
  });

  it('carries every explanation the calculator wrote, and the full Kostenhandleiding source line', () => {
    const listed = nl.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
    for (const e of calculation('nl').explanations) expect(listed).toContain(e.text);
    expect(listed).toContain(KOSTENHANDLEIDING_SOURCE_LINE);
    expect(listed).toContain('begroting welzijnsorganisatie, prijsjaar 2024');
  });

  it('speaks English when asked, with English number formats', () => {
    expect(en.lang).toBe('en-GB');
    expect(en.blocks[1]).toMatchObject({ text: expect.stringMatching(/^Case in Dordrecht\. Price year 2024; .* Version 2, saved on 20 November 2026\./) });
    expect(tables(en.blocks)[0]!.rows[0]).toEqual(['Cost of the support', '€1,656.50']);
    expect(headings(en.blocks)).toContain('Who pays and who saves');
  });

  it('says so when a calculation has no lines, instead of an empty table', () => {
    const empty = calculateEffects({ ...handCase, costs: [], reference: [] });
    const content = effectsPdfContent({ ...calculation('nl'), result: empty, explanations: [] }, 'nl', context);
    expect(tables(content.blocks)).toHaveLength(3);
    expect(content.blocks.filter((b) => b.kind === 'paragraph' && b.text === 'Geen regels ingevuld.')).toHaveLength(2);
  });
});

describe('the calculation drawn by renderPdf', () => {
  it('writes a tagged PDF 1.7 with its language, title and every figure in the text', async () => {
    const pdf = await renderPdf(effectsPdfContent(calculation('nl'), 'nl', context), { compress: false });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    has(raw, '/StructTreeRoot');
    has(raw, /\/MarkInfo \d+ 0 R/);
    has(raw, /\/Marked true/);
    has(raw, '/Lang (nl-NL)');
    has(raw, '/DisplayDocTitle true');
    has(raw, /\/Title \d+ 0 R/);
    has(raw, '(Buurthulp wijk Noord 2024)');
    for (const tag of ['/S /H1', '/S /H2', '/S /Table', '/S /TH', '/S /TD', '/S /L', '/S /LI', '/S /LBody']) has(raw, tag);
    has(raw, '/Scope /Column');
    // the page footer is an artifact, outside the structure tree
    has(raw, /\/Artifact <<[^>]*\/Type \/Pagination/);

    const text = pageText(pdf);
    expect(text).toContain('Buurthulp wijk Noord 2024');
    expect(text).toContain('Netto effect € 5.046,84');
    expect(text).toContain('€ 1.198,08');
    expect(text).toContain('Kostenhandleiding Zorginstituut, prijsjaar 2024');
    expect(text).toContain('Het netto effect is € 6.703,34 - € 1.656,50 = € 5.046,84: de hulp bespaart meer dan zij kost.');
    expect(text).toContain('Somber € 1.656,50 € 2.681,33 € 1.024,83 1,62');
    expect(text).toContain(KOSTENHANDLEIDING_SOURCE_LINE);
    expect(text).toMatch(/Effectberekening: Buurthulp wijk Noord 2024 · pagina 2/);
  });

  it('writes the English version with its own language tag', async () => {
    const pdf = await renderPdf(effectsPdfContent(calculation('en'), 'en', context), { compress: false });
    const raw = pdf.toString('latin1');
    has(raw, '/Lang (en-GB)');
    expect(pageText(pdf)).toContain('Net effect €5,046.84');
  });
});
