/**
 * Every figure of an effect calculation explained in plain words: Dutch at
 * B1 level first, English second. Each explanation shows the sum that gives
 * the figure, with the amounts formatted for people (nl "€ 4.152,24") and the
 * source and price year of the unit price.
 */
import { formatEuro, formatNumber, formatPercent, formatRatio, type Locale } from './effects.decimal';
import type { CostLineResult, EffectResult, Payer, Period, QuantityUnit, ReferenceLineResult, ResolvedPrice, Totals } from './effects.types';

export interface Explanation {
  /** which figure: `costs.<id>`, `reference.<id>`, `total.cost`, `total.avoided`, `total.net`, `total.ratio`, `payer.<payer>`, `sensitivity` */
  figure: string;
  nl: string;
  en: string;
}

export const PAYER_NAMES: Record<Payer, Record<Locale, string>> = {
  municipality_wmo: { nl: 'de gemeente (Wmo)', en: 'the municipality (Wmo, social support)' },
  municipality_youth: { nl: 'de gemeente (Jeugdwet)', en: 'the municipality (Youth Act)' },
  municipality_participation: { nl: 'de gemeente (Participatiewet)', en: 'the municipality (Participation Act)' },
  health_insurer: { nl: 'de zorgverzekeraar (Zvw)', en: 'the health insurer (Zvw)' },
  long_term_care: { nl: 'de langdurige zorg (Wlz)', en: 'long-term care (Wlz)' },
  resident: { nl: 'de inwoner en de mantelzorgers', en: 'the resident and their informal carers' },
  housing_corporation: { nl: 'de woningcorporatie', en: 'the housing corporation' },
  other: { nl: 'anderen', en: 'others' },
};

const UNIT_NAMES: Record<QuantityUnit, Record<Locale, [one: string, many: string]>> = {
  hour: { nl: ['uur', 'uur'], en: ['hour', 'hours'] },
  day: { nl: ['dag', 'dagen'], en: ['day', 'days'] },
  half_day: { nl: ['dagdeel', 'dagdelen'], en: ['half day', 'half days'] },
  night: { nl: ['nacht', 'nachten'], en: ['night', 'nights'] },
  contact: { nl: ['contact', 'contacten'], en: ['contact', 'contacts'] },
  visit: { nl: ['bezoek', 'bezoeken'], en: ['visit', 'visits'] },
  admission: { nl: ['opname', 'opnames'], en: ['admission', 'admissions'] },
  event: { nl: ['keer', 'keer'], en: ['time', 'times'] },
  person: { nl: ['persoon', 'personen'], en: ['person', 'persons'] },
  item: { nl: ['stuk', 'stuks'], en: ['item', 'items'] },
};

const PERIOD_NAMES: Record<Exclude<Period, 'once'>, Record<Locale, [one: string, many: string]>> = {
  day: { nl: ['dag', 'dagen'], en: ['day', 'days'] },
  week: { nl: ['week', 'weken'], en: ['week', 'weeks'] },
  month: { nl: ['maand', 'maanden'], en: ['month', 'months'] },
  year: { nl: ['jaar', 'jaar'], en: ['year', 'years'] },
};

const plural = (n: number, [one, many]: [string, string]) => (n === 1 ? one : many);

function quantityText(quantity: number, unit: QuantityUnit, locale: Locale): string {
  return `${formatNumber(quantity, locale)} ${plural(quantity, UNIT_NAMES[unit][locale])}`;
}

/** "20 uur per maand, 12 maanden" / "once: 1 opname" */
function usageText(quantity: number, unit: QuantityUnit, period: Period, duration: number, locale: Locale): string {
  const q = quantityText(quantity, unit, locale);
  if (period === 'once') return locale === 'nl' ? `${q}, eenmalig` : `${q}, once`;
  const [one] = PERIOD_NAMES[period][locale];
  const d = `${formatNumber(duration, locale)} ${plural(duration, PERIOD_NAMES[period][locale])}`;
  return locale === 'nl' ? `${q} per ${one}, ${d} lang` : `${q} a ${one}, for ${d}`;
}

/** The factors of a line's sum, e.g. ["0,3", "12 maanden", "20 uur", "€ 57,67"]. */
function factors(persons: number | null, probability: number | null, quantity: number, unit: QuantityUnit, period: Period, duration: number, unitCents: number, locale: Locale): string[] {
  const out: string[] = [];
  if (persons !== null && persons !== 1) out.push(`${formatNumber(persons, locale)} ${locale === 'nl' ? plural(persons, ['inwoner', 'inwoners']) : plural(persons, ['resident', 'residents'])}`);
  if (probability !== null) out.push(formatNumber(probability, locale));
  if (period !== 'once') out.push(`${formatNumber(duration, locale)} ${plural(duration, PERIOD_NAMES[period][locale])}`);
  out.push(quantityText(quantity, unit, locale));
  out.push(formatEuro(unitCents, locale));
  return out;
}

const MONTHS: Record<Locale, string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "2024-01-01" → nl "1 januari 2024", en "1 January 2024". */
export function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[locale][(m ?? 1) - 1]} ${y}`;
}

/**
 * "Prijs: Kostenhandleiding Zorginstituut, prijsjaar 2024." The Dutch text
 * leaves out the price list's English unit description; the English one names it.
 */
export function priceSourceText(price: ResolvedPrice, locale: Locale): string {
  if (locale === 'nl') {
    const since = price.validFrom ? `, geldig vanaf ${formatDate(price.validFrom, 'nl')}` : '';
    return `Prijs: ${price.source}, prijsjaar ${price.priceYear}${since}.`;
  }
  const unit = price.unit ? ` (${price.unit})` : '';
  const since = price.validFrom ? `, valid from ${formatDate(price.validFrom, 'en')}` : '';
  return `Unit price${unit}: ${price.source}, price year ${price.priceYear}${since}.`;
}

export function explainCostLine(r: CostLineResult): Explanation {
  const { line, unitPrice, cents } = r;
  const sum = (l: Locale) => `${factors(null, null, line.quantity, line.quantityUnit, line.period, line.duration, unitPrice.cents, l).join(' × ')} = ${formatEuro(cents, l)}`;
  return {
    figure: `costs.${line.id}`,
    nl: `${line.label}: ${usageText(line.quantity, line.quantityUnit, line.period, line.duration, 'nl')}. ` +
      `Betaler: ${PAYER_NAMES[line.payer].nl}. Kosten: ${sum('nl')}. ${priceSourceText(unitPrice, 'nl')}`,
    en: `${line.label}: ${usageText(line.quantity, line.quantityUnit, line.period, line.duration, 'en')}. ` +
      `Paid by ${PAYER_NAMES[line.payer].en}. Cost: ${sum('en')}. ${priceSourceText(unitPrice, 'en')}`,
  };
}

export function explainReferenceLine(r: ReferenceLineResult): Explanation {
  const { line, unitPrice, cents } = r;
  const sum = (l: Locale) => `${factors(line.persons, line.probability, line.quantity, line.quantityUnit, line.period, line.duration, unitPrice.cents, l).join(' × ')} = ${formatEuro(cents, l)}`;
  const who = {
    nl: line.persons === 1 ? '' : ` voor elk van ${formatNumber(line.persons, 'nl')} inwoners`,
    en: line.persons === 1 ? '' : ` for each of ${formatNumber(line.persons, 'en')} residents`,
  };
  return {
    figure: `reference.${line.id}`,
    nl: `Zonder deze hulp is er${who.nl} een kans van ${formatPercent(line.probability, 'nl')} dat dit nodig is: ` +
      `${line.label}, ${usageText(line.quantity, line.quantityUnit, line.period, line.duration, 'nl')}. ` +
      `Betaler: ${PAYER_NAMES[line.payer].nl}. Verwachte kosten die nu niet nodig zijn: ${sum('nl')}. ${priceSourceText(unitPrice, 'nl')}`,
    en: `Without this help there is${who.en} a ${formatPercent(line.probability, 'en')} chance that this is needed: ` +
      `${line.label}, ${usageText(line.quantity, line.quantityUnit, line.period, line.duration, 'en')}. ` +
      `Payer: ${PAYER_NAMES[line.payer].en}. Expected cost avoided: ${sum('en')}. ${priceSourceText(unitPrice, 'en')}`,
  };
}

function sumOf(cents: readonly number[], total: number, locale: Locale): string {
  if (cents.length === 0) return formatEuro(0, locale);
  if (cents.length === 1) return formatEuro(total, locale);
  return `${cents.map((c) => formatEuro(c, locale)).join(' + ')} = ${formatEuro(total, locale)}`;
}

function explainTotals(result: EffectResult): Explanation[] {
  const t = result.totals;
  const costs = result.costs.map((c) => c.cents);
  const avoided = result.reference.map((r) => r.cents);
  const net = (l: Locale) => `${formatEuro(t.avoidedCents, l)} − ${formatEuro(t.costCents, l)} = ${formatEuro(t.netCents, l)}`;
  const ratio: Explanation =
    t.ratio === null
      ? {
          figure: 'total.ratio',
          nl: 'Er zijn geen kosten voor de hulp ingevuld. Daarom is er geen verhouding tussen baten en kosten.',
          en: 'No cost of the support was entered, so there is no benefit-cost ratio.',
        }
      : {
          figure: 'total.ratio',
          nl: `Voor elke euro die de hulp kost, is ${formatEuro(Math.round(t.ratio * 100), 'nl')} aan andere zorg niet nodig: ` +
            `${formatEuro(t.avoidedCents, 'nl')} ÷ ${formatEuro(t.costCents, 'nl')} = ${formatRatio(t.ratio, 'nl')}.`,
          en: `For every euro the support costs, ${formatEuro(Math.round(t.ratio * 100), 'en')} of other care is not needed: ` +
            `${formatEuro(t.avoidedCents, 'en')} ÷ ${formatEuro(t.costCents, 'en')} = ${formatRatio(t.ratio, 'en')}.`,
        };
  return [
    {
      figure: 'total.cost',
      nl: `De hulp kost in totaal ${sumOf(costs, t.costCents, 'nl')}.`,
      en: `The support costs ${sumOf(costs, t.costCents, 'en')} in total.`,
    },
    {
      figure: 'total.avoided',
      nl: `Zonder de hulp zou naar verwachting ${sumOf(avoided, t.avoidedCents, 'nl')} aan andere zorg nodig zijn.`,
      en: `Without the support, other care would be expected to cost ${sumOf(avoided, t.avoidedCents, 'en')}.`,
    },
    {
      figure: 'total.net',
      nl: t.netCents >= 0
        ? `Het netto effect is ${net('nl')}: de hulp bespaart meer dan zij kost.`
        : `Het netto effect is ${net('nl')}: de hulp kost meer dan zij bespaart.`,
      en: t.netCents >= 0
        ? `The net effect is ${net('en')}: the support saves more than it costs.`
        : `The net effect is ${net('en')}: the support costs more than it saves.`,
    },
    ratio,
  ];
}

function explainPayers(result: EffectResult): Explanation[] {
  return result.byPayer.map((p) => {
    const name = PAYER_NAMES[p.payer];
    return {
      figure: `payer.${p.payer}`,
      nl: `Voor ${name.nl}: de hulp kost ${formatEuro(p.costCents, 'nl')} en bespaart naar verwachting ${formatEuro(p.avoidedCents, 'nl')}. ` +
        `Netto: ${formatEuro(p.avoidedCents, 'nl')} − ${formatEuro(p.costCents, 'nl')} = ${formatEuro(p.netCents, 'nl')}.`,
      en: `For ${name.en}: the support costs ${formatEuro(p.costCents, 'en')} and is expected to save ${formatEuro(p.avoidedCents, 'en')}. ` +
        `Net: ${formatEuro(p.avoidedCents, 'en')} − ${formatEuro(p.costCents, 'en')} = ${formatEuro(p.netCents, 'en')}.`,
    };
  });
}

function scenarioText(t: Totals, l: Locale): string {
  return l === 'nl'
    ? `netto ${formatEuro(t.netCents, 'nl')}, verhouding ${formatRatio(t.ratio, 'nl')}`
    : `net ${formatEuro(t.netCents, 'en')}, ratio ${formatRatio(t.ratio, 'en')}`;
}

function explainSensitivity(result: EffectResult): Explanation {
  const { factors: f, low, base, high } = result.sensitivity;
  const n = (x: number, l: Locale) => formatNumber(x, l);
  return {
    figure: 'sensitivity',
    nl: `Niemand weet precies hoe groot de kansen en prijzen zijn. Daarom rekenen we ook met minder gunstige en gunstigere aannames. ` +
      `Somber: kansen × ${n(f.probability.low, 'nl')}, prijzen × ${n(f.price.low, 'nl')}, kosten van de hulp × ${n(f.cost.high, 'nl')}: ${scenarioText(low, 'nl')}. ` +
      `Verwacht: ${scenarioText(base, 'nl')}. ` +
      `Gunstig: kansen × ${n(f.probability.high, 'nl')} (hoogstens 100%), prijzen × ${n(f.price.high, 'nl')}, kosten van de hulp × ${n(f.cost.low, 'nl')}: ${scenarioText(high, 'nl')}.`,
    en: `Nobody knows the probabilities and prices exactly, so we also compute with less and more favourable assumptions. ` +
      `Low: probabilities × ${n(f.probability.low, 'en')}, prices × ${n(f.price.low, 'en')}, cost of the support × ${n(f.cost.high, 'en')}: ${scenarioText(low, 'en')}. ` +
      `Base: ${scenarioText(base, 'en')}. ` +
      `High: probabilities × ${n(f.probability.high, 'en')} (at most 100%), prices × ${n(f.price.high, 'en')}, cost of the support × ${n(f.cost.low, 'en')}: ${scenarioText(high, 'en')}.`,
  };
}

/** One explanation per figure of the result, in reading order: costs, reference lines, totals, payers, sensitivity. */
export function explainEffects(result: EffectResult): Explanation[] {
  return [
    ...result.costs.map(explainCostLine),
    ...result.reference.map(explainReferenceLine),
    ...explainTotals(result),
    ...explainPayers(result),
    explainSensitivity(result),
  ];
}
