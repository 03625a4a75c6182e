/**
 * PDF export of a saved effect calculation: the same figures, sources and
 * plain-language explanations as the screen and the CSV, as a tagged,
 * accessible PDF in the caller's language.
 *
 * `effectsPdfContent` turns a calculation into the shared document model
 * (`server/core/pdf.ts`) with every text in final form; `renderPdf` there
 * draws and tags it.
 */
import type { PdfBlock, PdfContent } from '../../core/pdf';
import { formatEuro, formatNumber, formatPercent, formatRatio, type Locale } from './effects.decimal';
import { formatDate, PAYER_NAMES } from './effects.explain';
import { KOSTENHANDLEIDING_SOURCE } from './effects.reference-prices';
import type { EffectResult, Payer, ResolvedPrice, Totals } from './effects.types';

/** What the PDF shows of a saved calculation (a subset of what the service presents). */
export interface PdfCalculation {
  title: string;
  scope: 'case' | 'programme';
  version: number;
  /** ISO timestamp of the current version */
  updatedAt: string;
  result: EffectResult;
  /** one sentence per figure, already in the PDF's language */
  explanations: ReadonlyArray<{ figure: string; text: string }>;
  /** the full source line of the Kostenhandleiding */
  sourceLine: string;
}

interface Labels {
  lang: string;
  subject: string;
  scope: Record<'case' | 'programme', string>;
  meta: (c: { scope: string; priceYear: number; tariffDate: string; version: number; saved: string; municipality: string; generated: string }) => string;
  result: string;
  figure: string;
  amount: string;
  cost: string;
  avoided: string;
  net: string;
  ratio: string;
  payers: string;
  payer: string;
  sensitivity: string;
  scenario: string;
  low: string;
  base: string;
  high: string;
  costLines: string;
  referenceLines: string;
  line: string;
  probability: string;
  unitPrice: string;
  sourceAndYear: string;
  priceYear: string;
  residents: string;
  validFrom: (date: string) => string;
  noLines: string;
  explanationOf: string;
  sources: string;
  footer: string;
  page: string;
}

const LABELS: Record<Locale, Labels> = {
  nl: {
    lang: 'nl-NL',
    subject: 'Effectberekening: wat de hulp kost en welke zorg daardoor niet nodig is',
    scope: { case: 'Casus', programme: 'Programma' },
    meta: (c) =>
      `${c.scope} in ${c.municipality}. Prijsjaar ${c.priceYear}; tarieven van de gemeente zoals die golden op ${c.tariffDate}. ` +
      `Versie ${c.version}, opgeslagen op ${c.saved}. Gemaakt op ${c.generated}.`,
    result: 'Uitkomst',
    figure: 'Onderdeel',
    amount: 'Bedrag',
    cost: 'Kosten van de hulp',
    avoided: 'Verwachte vermeden kosten',
    net: 'Netto effect',
    ratio: 'Baten per euro kosten',
    payers: 'Wie betaalt en wie bespaart',
    payer: 'Betaler',
    sensitivity: 'Gevoeligheid: somber, verwacht en gunstig',
    scenario: 'Scenario',
    low: 'Somber',
    base: 'Verwacht',
    high: 'Gunstig',
    costLines: 'Kosten van de hulp, per regel',
    referenceLines: 'Zorg die zonder de hulp nodig zou zijn, per regel',
    line: 'Regel',
    probability: 'Kans',
    unitPrice: 'Prijs per eenheid',
    sourceAndYear: 'Bron en prijsjaar',
    priceYear: 'Prijsjaar',
    residents: 'inwoners',
    validFrom: (d) => `geldig vanaf ${d}`,
    noLines: 'Geen regels ingevuld.',
    explanationOf: 'Uitleg',
    sources: 'Bronnen',
    footer: 'Effectberekening',
    page: 'pagina',
  },
  en: {
    lang: 'en-GB',
    subject: 'Effect calculation: what the support costs and which care it makes unnecessary',
    scope: { case: 'Case', programme: 'Programme' },
    meta: (c) =>
      `${c.scope} in ${c.municipality}. Price year ${c.priceYear}; municipal tariffs as they applied on ${c.tariffDate}. ` +
      `Version ${c.version}, saved on ${c.saved}. Made on ${c.generated}.`,
    result: 'Result',
    figure: 'Figure',
    amount: 'Amount',
    cost: 'Cost of the support',
    avoided: 'Expected avoided cost',
    net: 'Net effect',
    ratio: 'Benefit per euro spent',
    payers: 'Who pays and who saves',
    payer: 'Payer',
    sensitivity: 'Sensitivity: low, base and high',
    scenario: 'Scenario',
    low: 'Low',
    base: 'Base',
    high: 'High',
    costLines: 'Cost of the support, line by line',
    referenceLines: 'Care that would be needed without the support, line by line',
    line: 'Line',
    probability: 'Chance',
    unitPrice: 'Unit price',
    sourceAndYear: 'Source and price year',
    priceYear: 'Price year',
    residents: 'residents',
    validFrom: (d) => `valid from ${d}`,
    noLines: 'No lines entered.',
    explanationOf: 'Explanation',
    sources: 'Sources',
    footer: 'Effect calculation',
    page: 'page',
  },
};

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const payerName = (p: Payer, locale: Locale) => capitalise(PAYER_NAMES[p][locale]);

/** "Kostenhandleiding Zorginstituut, prijsjaar 2024" (and the valid-from date of a municipal tariff). */
function sourceText(p: ResolvedPrice, l: Labels, locale: Locale): string {
  const since = p.validFrom ? `, ${l.validFrom(formatDate(p.validFrom, locale))}` : '';
  return `${p.source}, ${l.priceYear.toLowerCase()} ${p.priceYear}${since}`;
}

function explanationsWith(calc: PdfCalculation, prefix: string): string[] {
  return calc.explanations.filter((e) => e.figure === prefix || e.figure.startsWith(`${prefix}.`)).map((e) => e.text);
}

/** The paragraphs explaining a group of figures, as a list (or nothing when there are none). */
function explained(items: string[]): PdfBlock[] {
  return items.length ? [{ kind: 'list', items }] : [];
}

function scenarioRow(name: string, t: Totals, locale: Locale): string[] {
  return [name, formatEuro(t.costCents, locale), formatEuro(t.avoidedCents, locale), formatEuro(t.netCents, locale), formatRatio(t.ratio, locale)];
}

/**
 * The document model of a calculation's PDF, every text final and in the
 * given language. `municipality` is the municipality's name; `generatedAt`
 * the moment of the export (for "made on").
 *
 * @example
 * const content = effectsPdfContent(calculation, 'nl', { municipality: 'Dordrecht', generatedAt: new Date() });
 * const pdf = await renderPdf(content);
 */
export function effectsPdfContent(calc: PdfCalculation, locale: Locale, context: { municipality: string; generatedAt: Date }): PdfContent {
  const l = LABELS[locale];
  const { result } = calc;
  const t = result.totals;
  const day = (d: Date) => formatDate(d.toISOString().slice(0, 10), locale);
  const euro = (cents: number) => formatEuro(cents, locale);
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: calc.title },
    {
      kind: 'paragraph',
      text: l.meta({
        scope: l.scope[calc.scope],
        municipality: context.municipality,
        priceYear: result.input.priceYear,
        tariffDate: formatDate(result.tariffDate, locale),
        version: calc.version,
        saved: day(new Date(calc.updatedAt)),
        generated: day(context.generatedAt),
      }),
    },

    { kind: 'heading', level: 2, text: l.result },
    {
      kind: 'table',
      header: [l.figure, l.amount],
      rows: [
        [l.cost, euro(t.costCents)],
        [l.avoided, euro(t.avoidedCents)],
        [l.net, euro(t.netCents)],
        [l.ratio, formatRatio(t.ratio, locale)],
      ],
      align: ['left', 'right'],
      widths: [0.6, 0.4],
    },
    ...explained(explanationsWith(calc, 'total')),

    { kind: 'heading', level: 2, text: l.payers },
    {
      kind: 'table',
      header: [l.payer, l.cost, l.avoided, l.net],
      rows: result.byPayer.map((p) => [payerName(p.payer, locale), euro(p.costCents), euro(p.avoidedCents), euro(p.netCents)]),
      align: ['left', 'right', 'right', 'right'],
      widths: [0.34, 0.22, 0.22, 0.22],
    },
    ...explained(explanationsWith(calc, 'payer')),

    { kind: 'heading', level: 2, text: l.sensitivity },
    {
      kind: 'table',
      header: [l.scenario, l.cost, l.avoided, l.net, l.ratio],
      rows: [scenarioRow(l.low, result.sensitivity.low, locale), scenarioRow(l.base, result.sensitivity.base, locale), scenarioRow(l.high, result.sensitivity.high, locale)],
      align: ['left', 'right', 'right', 'right', 'right'],
      widths: [0.2, 0.2, 0.2, 0.2, 0.2],
    },
    ...explained(explanationsWith(calc, 'sensitivity')),

    { kind: 'heading', level: 2, text: l.costLines },
    ...(result.costs.length
      ? [
          {
            kind: 'table' as const,
            header: [l.line, l.payer, l.unitPrice, l.sourceAndYear, l.amount],
            rows: result.costs.map((c) => [c.line.label, payerName(c.line.payer, locale), euro(c.unitPrice.cents), sourceText(c.unitPrice, l, locale), euro(c.cents)]),
            align: ['left', 'left', 'right', 'left', 'right'] as Array<'left' | 'right'>,
            widths: [0.3, 0.2, 0.13, 0.23, 0.14],
          },
          ...explained(explanationsWith(calc, 'costs')),
        ]
      : [{ kind: 'paragraph' as const, text: l.noLines }]),

    { kind: 'heading', level: 2, text: l.referenceLines },
    ...(result.reference.length
      ? [
          {
            kind: 'table' as const,
            header: [l.line, l.payer, l.probability, l.unitPrice, l.sourceAndYear, l.amount],
            rows: result.reference.map((r) => [
              r.line.persons === 1 ? r.line.label : `${r.line.label} (${formatNumber(r.line.persons, locale)} ${l.residents})`,
              payerName(r.line.payer, locale),
              formatPercent(r.line.probability, locale),
              euro(r.unitPrice.cents),
              sourceText(r.unitPrice, l, locale),
              euro(r.cents),
            ]),
            align: ['left', 'left', 'right', 'right', 'left', 'right'] as Array<'left' | 'right'>,
            widths: [0.24, 0.18, 0.08, 0.13, 0.23, 0.14],
          },
          ...explained(explanationsWith(calc, 'reference')),
        ]
      : [{ kind: 'paragraph' as const, text: l.noLines }]),

    { kind: 'heading', level: 2, text: l.sources },
    {
      kind: 'list',
      items: [
        ...result.sources.map((s) => `${s.source}, ${l.priceYear.toLowerCase()} ${s.priceYear}`),
        ...(result.sources.some((s) => s.source === KOSTENHANDLEIDING_SOURCE) ? [calc.sourceLine] : []),
      ],
    },
  ];
  return { lang: l.lang, title: calc.title, subject: l.subject, footer: `${l.footer}: ${calc.title}`, pageLabel: l.page, blocks: blocks.filter((b) => b.kind !== 'list' || b.items.length > 0) };
}
