import { describe, expect, it } from 'vitest';
import { renderPdf, toWinAnsi, type PdfContent } from './pdf';
import { has, pageText } from './pdf.test-support';

describe('toWinAnsi', () => {
  it('keeps what Helvetica can show: euro sign, ×, ÷, en dash, bullet, Dutch accents, no-break space', () => {
    const text = '€\u00a01.234,56 × 0,3 ÷ 2 – • Coördinatie café één';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('replaces the minus sign and letters the font lacks', () => {
    expect(toWinAnsi('€ 6.703,34 − € 1.656,50')).toBe('€ 6.703,34 - € 1.656,50');
    expect(toWinAnsi('Ştefan ș ő')).toBe('Stefan s o');
    expect(toWinAnsi('ł 中 😀')).toBe('? ? ?');
    expect(toWinAnsi('a\tb\u0085c')).toBe('a b c');
  });
});

const content = (lang: string, rows = 3): PdfContent => ({
  lang,
  title: 'Proefdocument',
  subject: 'Een document om het tekenen te testen',
  footer: 'Proef',
  pageLabel: 'pagina',
  blocks: [
    { kind: 'heading', level: 1, text: 'Proefdocument' },
    { kind: 'paragraph', text: 'Een alinea met € 12,50 − korting.' },
    { kind: 'heading', level: 2, text: 'Tabel' },
    {
      kind: 'table',
      header: ['Wie', 'Bedrag'],
      rows: Array.from({ length: rows }, (_, i) => [`Regel ${i + 1}`, `€ ${i + 1},00`]),
      align: ['left', 'right'],
      widths: [0.7, 0.3],
    },
    { kind: 'heading', level: 2, text: 'Lijst' },
    { kind: 'list', items: ['eerste punt', 'tweede punt'] },
  ],
});

describe('renderPdf', () => {
  it('writes a tagged PDF 1.7 with its language, title, headings, a table with column headers and a list', async () => {
    const pdf = await renderPdf(content('nl-NL'), { compress: false });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    has(raw, '/StructTreeRoot');
    has(raw, /\/Marked true/);
    has(raw, '/Lang (nl-NL)');
    has(raw, '/DisplayDocTitle true');
    has(raw, '(Proefdocument)');
    for (const tag of ['/S /Document', '/S /H1', '/S /H2', '/S /P', '/S /Table', '/S /TH', '/S /TD', '/S /L', '/S /LI', '/S /Lbl', '/S /LBody']) has(raw, tag);
    has(raw, '/Scope /Column');
    has(raw, /\/Artifact <<[^>]*\/Type \/Pagination/);
    const text = pageText(pdf);
    expect(text).toContain('Een alinea met € 12,50 - korting.');
    expect(text).toContain('Wie Bedrag Regel 1 € 1,00');
    expect(text).toContain('tweede punt');
    expect(text).toContain('Proef · pagina 1');
  });

  it('numbers every page in the footer when the content runs over', async () => {
    const text = pageText(await renderPdf(content('en-GB', 120), { compress: false }));
    expect(text).toContain('Regel 120');
    expect(text).toContain('Proef · pagina 2');
  });

  it('compresses the page streams by default', async () => {
    const raw = (await renderPdf(content('nl-NL'))).toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    has(raw, '/FlateDecode');
    expect(raw.includes('] TJ')).toBe(false);
  });
});
