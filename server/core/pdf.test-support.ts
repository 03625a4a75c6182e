/**
 * Reading back what an uncompressed pdfkit PDF draws, for tests of every
 * PDF export. Written independently of the code that draws.
 */
import { expect } from 'vitest';

/** WinAnsi bytes 0x80-0x9f that differ from Latin-1 (the ones our texts use). */
const WIN_ANSI_HIGH: Record<number, string> = { 0x80: '€', 0x95: '•', 0x96: '–', 0x97: '—', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”' };

/**
 * The text drawn on the pages of an uncompressed pdfkit PDF: every hex string
 * of every TJ operator, decoded from WinAnsi, one TJ a line, spaces folded.
 */
export function pageText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines = [...raw.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\] TJ/g)].map((m) =>
    [...m[1]!.matchAll(/<([0-9a-f]*)>/g)]
      .map((h) => h[1]!.match(/../g) ?? [])
      .flat()
      .map((byte) => {
        const code = parseInt(byte, 16);
        return WIN_ANSI_HIGH[code] ?? String.fromCharCode(code);
      })
      .join(''),
  );
  return lines.join(' ').replace(/[\s\u00a0]+/g, ' ');
}

/** Checks on the raw file that name what they looked for instead of printing the whole PDF. */
export const has = (raw: string, what: string | RegExp) => expect(typeof what === 'string' ? raw.includes(what) : what.test(raw), String(what)).toBe(true);
