import { describe, expect, it } from 'vitest';
import { renderPdf, type PdfBlock } from '../../core/pdf';
import { has, pageText } from '../../core/pdf.test-support';
import { planPdfContent, type PdfPlan } from './household.pdf';

const G1 = '00000000-0000-4000-8000-000000000001';
const G2 = '00000000-0000-4000-8000-000000000002';
const plan: PdfPlan = {
  version: 3,
  createdAt: '2026-11-20T23:30:00.000Z', // 21 November in the Netherlands
  reason: 'Na het gesprek met Fatima',
  author: { displayName: 'Sanne de Vries' },
  goals: [
    { id: G1, text: 'Ik wil mijn post weer zelf kunnen openen' },
    { id: G2, text: 'Vaker de deur uit' },
  ],
  actions: [
    { goalId: G1, who: { personId: '00000000-0000-4000-8000-00000000000a', displayName: 'Fatima Yilmaz' }, what: 'Post samen sorteren', dueOn: '2026-12-01', doneOn: '2026-11-22', formal: false },
    { goalId: G1, who: { personId: '00000000-0000-4000-8000-00000000000b', displayName: 'Bart Schuldhulp' }, what: 'Budgetplan maken', dueOn: null, doneOn: null, formal: true },
    { goalId: null, who: { helperName: 'Buurvrouw Els' }, what: 'Wandelen op dinsdag', dueOn: '2027-01-15', doneOn: null, formal: false },
  ],
  reviewDates: ['2027-02-01'],
  domains: ['finances', 'custom_domain'],
  contributions: [
    { role: 'resident', done: 1, open: 0, goals: [{ text: 'Ik wil mijn post weer zelf kunnen openen' }] },
    { role: 'network', done: 0, open: 1, goals: [] },
    { role: 'professional', done: 0, open: 1, goals: [{ text: 'Ik wil mijn post weer zelf kunnen openen' }] },
  ],
};
const context = {
  residentName: 'Fatima Yilmaz',
  coordinatorName: 'Sanne de Vries',
  municipality: 'Dordrecht',
  generatedAt: new Date('2026-11-23T12:00:00.000Z'),
  domainNames: new Map([['finances', 'Financiën']]),
};

const tables = (blocks: PdfBlock[]) => blocks.filter((b): b is Extract<PdfBlock, { kind: 'table' }> => b.kind === 'table');
const headings = (blocks: PdfBlock[]) => blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
const paragraphs = (blocks: PdfBlock[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('planPdfContent', () => {
  const nl = planPdfContent(plan, 'nl', context);

  it('names the resident, the version with its date in the Netherlands, the author and the coordinator, in Dutch', () => {
    expect(nl.lang).toBe('nl-NL');
    expect(nl.title).toBe('Plan van Fatima Yilmaz');
    expect(nl.blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Plan van Fatima Yilmaz' });
    expect(paragraphs(nl.blocks)[0]).toBe(
      'Versie 3, van 21 november 2026, door Sanne de Vries. Coördinator: Sanne de Vries. Gemeente Dordrecht. Gemaakt op 23 november 2026.',
    );
    expect(paragraphs(nl.blocks)).toContain('Waarom deze versie: Na het gesprek met Fatima');
    expect(headings(nl.blocks)).toEqual([
      'Plan van Fatima Yilmaz',
      'Doelen, in de woorden van de inwoner',
      'Afspraken: wie doet wat, en wanneer',
      'Evaluatie',
      'Levensgebieden die wij meten',
      'Wat ieder bijdroeg',
    ]);
  });

  it("quotes the goals in the resident's own words", () => {
    expect(nl.blocks.find((b) => b.kind === 'list')).toEqual({ kind: 'list', items: ['“Ik wil mijn post weer zelf kunnen openen”', '“Vaker de deur uit”'] });
  });

  it('lists every action: what, who, by when, done on, formal or informal, and its goal', () => {
    const [actions] = tables(nl.blocks);
    expect(actions!.header).toEqual(['Wat', 'Wie', 'Wanneer klaar', 'Gedaan', 'Soort hulp', 'Bij doel']);
    expect(actions!.rows).toEqual([
      ['Post samen sorteren', 'Fatima Yilmaz', '1 december 2026', '22 november 2026', 'Informeel', '“Ik wil mijn post weer zelf kunnen openen”'],
      ['Budgetplan maken', 'Bart Schuldhulp', '–', 'Nog niet', 'Formeel', '“Ik wil mijn post weer zelf kunnen openen”'],
      ['Wandelen op dinsdag', 'Buurvrouw Els', '15 januari 2027', 'Nog niet', 'Informeel', '–'],
    ]);
  });

  it('shows the review dates, the life domains by name, and what each role contributed', () => {
    expect(paragraphs(nl.blocks)).toContain('1 februari 2027');
    expect(paragraphs(nl.blocks)).toContain('Financiën, custom_domain');
    const [, contributions] = tables(nl.blocks);
    expect(contributions!.header).toEqual(['Wie', 'Gedaan', 'Nog open', 'Voor welke doelen']);
    expect(contributions!.rows).toEqual([
      ['De inwoner zelf', '1', '0', '“Ik wil mijn post weer zelf kunnen openen”'],
      ['Eigen netwerk (familie, vrienden, buren)', '0', '1', 'Geen doel gekozen'],
      ['Professional', '0', '1', '“Ik wil mijn post weer zelf kunnen openen”'],
    ]);
  });

  it('leaves the resident unnamed for a reader who may not see who the resident is', () => {
    const anonymous = planPdfContent(plan, 'nl', { ...context, residentName: null });
    expect(anonymous.title).toBe('Plan');
    expect(anonymous.blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Plan' });
  });

  it('speaks English when asked', () => {
    const en = planPdfContent(plan, 'en', context);
    expect(en.lang).toBe('en-GB');
    expect(en.title).toBe('Plan of Fatima Yilmaz');
    expect(paragraphs(en.blocks)[0]).toBe('Version 3, of 21 November 2026, by Sanne de Vries. Coordinator: Sanne de Vries. Municipality of Dordrecht. Made on 23 November 2026.');
    expect(headings(en.blocks)).toContain('What each role contributed');
    expect(tables(en.blocks)[0]!.rows[1]).toEqual(['Budgetplan maken', 'Bart Schuldhulp', '–', 'Not yet', 'Formal', '“Ik wil mijn post weer zelf kunnen openen”']);
  });

  it('says there is no plan yet, instead of empty sections, before the first version', () => {
    const empty = planPdfContent({ ...plan, version: 0, createdAt: null, reason: null, author: null, goals: [], actions: [], reviewDates: [], domains: [], contributions: [] }, 'nl', context);
    expect(empty.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Plan van Fatima Yilmaz' },
      { kind: 'paragraph', text: 'Er is nog geen plan. Coördinator: Sanne de Vries.' },
    ]);
  });

  it('says so when a version has no goals, actions, review date or contributions', () => {
    const bare = planPdfContent({ ...plan, goals: [], actions: [], reviewDates: [], domains: [], contributions: [] }, 'nl', context);
    expect(tables(bare.blocks)).toHaveLength(0);
    expect(paragraphs(bare.blocks)).toEqual(expect.arrayContaining(['Nog geen doelen.', 'Nog geen afspraken.', 'Nog geen datum.', 'Nog geen gekozen.', 'Er zijn nog geen afspraken in het plan.']));
  });
});

describe('the plan drawn by renderPdf', () => {
  it('is a tagged PDF with its language, title, headings and a table with column headers, and every part in the text', async () => {
    const pdf = await renderPdf(planPdfContent(plan, 'nl', context), { compress: false });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    has(raw, '/Lang (nl-NL)');
    has(raw, '(Plan van Fatima Yilmaz)');
    for (const tag of ['/S /H1', '/S /H2', '/S /Table', '/S /TH', '/S /L']) has(raw, tag);
    has(raw, '/Scope /Column');
    const text = pageText(pdf);
    expect(text).toContain('Plan van Fatima Yilmaz');
    expect(text).toContain('“Vaker de deur uit”');
    expect(text).toContain('Buurvrouw Els');
    expect(text).toContain('Wat ieder bijdroeg');
    expect(text).toContain('Plan rond de inwoner · pagina 1');
  });
});
