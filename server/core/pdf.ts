/**
 * Tagged, accessible PDFs (PDF 1.7 with a structure tree, the document
 * language and the title shown in the window) from a small document model,
 * for every export that needs one (effect calculations, the household plan).
 *
 * A module builds a `PdfContent` (headings, paragraphs, tables, lists) with
 * every text in final form in the reader's language; `renderPdf` draws it
 * with pdfkit and tags every block (H1, H2, P, Table/TR/TH/TD, L/LI/Lbl/LBody);
 * the page footer is an artifact, so screen readers skip it.
 *
 * Only the built-in Helvetica is used: no font files to ship. Its encoding
 * (WinAnsi) has €, ×, ÷, – and the Dutch accents; `toWinAnsi` replaces
 * what it lacks (the minus sign −, letters from other scripts) before drawing.
 */
import PDFDocument from 'pdfkit';

/** One block of a document, drawn in order. `widths` are fractions of the text width. */
export type PdfBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][]; align: Array<'left' | 'right'>; widths: number[] }
  | { kind: 'list'; items: string[] };

export interface PdfContent {
  /** BCP 47 tag for the document (`/Lang`) */
  lang: string;
  title: string;
  subject: string;
  /** artifact text at the foot of every page, before the page number */
  footer: string;
  pageLabel: string;
  blocks: PdfBlock[];
}

/** Replacements for characters Helvetica's WinAnsi encoding lacks but our texts use. */
const REPLACE: Record<string, string> = {
  '\u2212': '-', // minus sign
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2009': ' ', // thin space
  '\u202f': '\u00a0', // narrow no-break space
  '\u2010': '-',
  '\u2011': '-',
};

/** The Unicode characters WinAnsi has above Latin-1 (pdfkit maps these itself). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const encodable = (ch: string) => {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch);
};

/**
 * Text the built-in PDF fonts can show: known substitutes first (− becomes -),
 * then a letter without its accent when WinAnsi lacks only the accented form
 * (ș becomes s), a control character becomes a space and anything else a
 * question mark (ł, 中). Pure; exported for its test.
 *
 * @example toWinAnsi('€ 6.703,34 − € 1.656,50') // '€ 6.703,34 - € 1.656,50'
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const replaced = REPLACE[ch] ?? ch;
    if ([...replaced].every(encodable)) {
      out += replaced;
      continue;
    }
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      out += ' ';
      continue;
    }
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    out += base && [...base].every(encodable) ? base : '?';
  }
  return out;
}

const PAGE = { size: 'A4', margin: 56 } as const;
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;
const SIZE = { h1: 18, h2: 13, body: 10, table: 8.5, footer: 8 } as const;
const GREY = '#4b4b4b';

/**
 * Draws the content as a tagged PDF and returns its bytes. `compress: false`
 * leaves the page streams readable, for tests; `createdAt` fixes the
 * creation date in the document information.
 *
 * @example
 * const pdf = await renderPdf({ lang: 'nl-NL', title: 'Plan', subject: 'Plan', footer: 'Plan', pageLabel: 'pagina',
 *   blocks: [{ kind: 'heading', level: 1, text: 'Plan' }] });
 */
export function renderPdf(content: PdfContent, options: { compress?: boolean; createdAt?: Date } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    pdfVersion: '1.7',
    tagged: true,
    lang: content.lang,
    displayTitle: true,
    compress: options.compress ?? true,
    font: FONT.regular,
    info: {
      Title: content.title,
      Subject: content.subject,
      Creator: 'samenspel',
      ...(options.createdAt ? { CreationDate: options.createdAt, ModDate: options.createdAt } : {}),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  let pageNumber = 0;
  const footer = () => {
    pageNumber += 1;
    const { x, y } = doc;
    const bottom = doc.page.margins.bottom;
    // Drawing below the bottom margin would start a new page; lift it while the footer is drawn.
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font(FONT.regular)
      .fontSize(SIZE.footer)
      .fillColor(GREY)
      .text(toWinAnsi(`${content.footer} · ${content.pageLabel} ${pageNumber}`), PAGE.margin, doc.page.height - PAGE.margin + 16, {
        width: doc.page.width - 2 * PAGE.margin,
        lineBreak: false,
        ellipsis: true,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
    doc.fillColor('black').font(FONT.regular).fontSize(SIZE.body);
    doc.x = x;
    doc.y = y;
  };
  doc.on('pageAdded', footer);
  footer();

  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - 2 * PAGE.margin;

  for (const block of content.blocks) {
    switch (block.kind) {
      case 'heading': {
        const size = block.level === 1 ? SIZE.h1 : SIZE.h2;
        if (block.level === 2) doc.moveDown(0.8);
        // Keep a heading with what follows it.
        if (doc.y + size * 4 > doc.page.height - doc.page.margins.bottom) doc.addPage();
        root.add(
          doc.struct(block.level === 1 ? 'H1' : 'H2', {}, () => {
            doc.font(FONT.bold).fontSize(size).text(toWinAnsi(block.text), PAGE.margin, doc.y, { width });
          }),
        );
        doc.moveDown(0.4);
        break;
      }
      case 'paragraph':
        root.add(
          doc.struct('P', {}, () => {
            doc.font(FONT.regular).fontSize(SIZE.body).text(toWinAnsi(block.text), PAGE.margin, doc.y, { width, lineGap: 2 });
          }),
        );
        doc.moveDown(0.5);
        break;
      case 'list': {
        const list = doc.struct('L');
        root.add(list);
        const indent = 12;
        for (const item of block.items) {
          doc.font(FONT.regular).fontSize(SIZE.body);
          const height = doc.heightOfString(toWinAnsi(item), { width: width - indent, lineGap: 2 });
          if (doc.y + Math.min(height, 3 * SIZE.body) > doc.page.height - doc.page.margins.bottom) doc.addPage();
          const top = doc.y;
          const li = doc.struct('LI');
          list.add(li);
          li.add(
            doc.struct('Lbl', {}, () => {
              doc.text('•', PAGE.margin, top, { lineBreak: false });
            }),
          );
          li.add(
            doc.struct('LBody', {}, () => {
              doc.text(toWinAnsi(item), PAGE.margin + indent, top, { width: width - indent, lineGap: 2 });
            }),
          );
          li.end();
          doc.moveDown(0.3);
        }
        list.end();
        doc.x = PAGE.margin;
        break;
      }
      case 'table': {
        doc.moveDown(0.2);
        doc.font(FONT.regular).fontSize(SIZE.table);
        const cell = (text: string, col: number, header: boolean) => ({
          text: toWinAnsi(text),
          align: { x: block.align[col] ?? 'left', y: 'top' as const },
          ...(header ? { type: 'TH' as const, scope: 'Column', font: { src: FONT.bold } } : {}),
        });
        doc.table({
          position: { x: PAGE.margin, y: doc.y },
          columnStyles: block.widths.map((w) => w * width),
          defaultStyle: { border: 0.5, borderColor: '#9b9b9b', padding: 3 },
          // pdfkit tags the table (Table, TR, TH with /Scope, TD with /Headers) when it has a structure parent.
          structParent: root,
          data: [block.header.map((h, i) => cell(h, i, true)), ...block.rows.map((row) => row.map((text, i) => cell(text, i, false)))],
        } as PDFKit.Mixins.TableOptionsWithData);
        doc.x = PAGE.margin;
        doc.moveDown(0.6);
        break;
      }
    }
  }
  root.end();
  doc.end();
  return done;
}
