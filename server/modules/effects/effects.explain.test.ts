import { describe, expect, it } from 'vitest';
import { calculateEffects } from './effects.calculator';
import { explainEffects } from './effects.explain';
import { handCase } from './effects.test-support';

const NBSP = '\u00a0';
const result = calculateEffects(handCase);
const explanations = explainEffects(result);
const byFigure = new Map(explanations.map((e) => [e.figure, e]));
const get = (figure: string) => {
  const e = byFigure.get(figure);
  if (!e) throw new Error(`no explanation for ${figure}`);
  return e;
};
/** Compare without caring which kind of space sits between € and the amount. */
const plain = (s: string) => s.replaceAll(NBSP, ' ');

describe('explainEffects', () => {
  it('explains every figure once: each line, the totals, each payer and the sensitivity range', () => {
    expect(explanations.map((e) => e.figure)).toEqual([
      'costs.c1', 'costs.c2', 'costs.c3',
      'reference.r1', 'reference.r2', 'reference.r3', 'reference.r4', 'reference.r5', 'reference.r6',
      'total.cost', 'total.avoided', 'total.net', 'total.ratio',
      'payer.municipality_wmo', 'payer.health_insurer', 'payer.long_term_care', 'payer.resident', 'payer.other',
      'sensitivity',
    ]);
  });

  it('shows a reference line as the sum that gives it, with chance, source and price year, in Dutch and English', () => {
    expect(plain(get('reference.r1').nl)).toBe(
      'Zonder deze hulp is er een kans van 30% dat dit nodig is: Huishoudelijke hulp, 2 uur per week, 52 weken lang. ' +
        'Betaler: de gemeente (Wmo). Verwachte kosten die nu niet nodig zijn: 0,3 × 52 weken × 2 uur × € 38,40 = € 1.198,08. ' +
        'Prijs: tarief gemeente, prijsjaar 2024, geldig vanaf 1 januari 2024.',
    );
    expect(plain(get('reference.r2').en)).toBe(
      'Without this help there is a 25% chance that this is needed: Begeleiding thuis, 1.5 hours a week, for 26 weeks. ' +
        'Payer: the municipality (Wmo, social support). Expected cost avoided: 0.25 × 26 weeks × 1.5 hours × €68.67 = €669.53. ' +
        'Unit price (Guidance at home, per hour): Kostenhandleiding Zorginstituut, price year 2024.',
    );
  });

  it('writes a one-off quantity without a period', () => {
    expect(plain(get('reference.r4').nl)).toContain('Verpleeghuiszorg, 90 dagen, eenmalig.');
    expect(plain(get('reference.r4').nl)).toContain('0,05 × 90 dagen × € 311,17 = € 1.400,27.');
  });

  it('names the number of residents in a programme', () => {
    const programme = explainEffects(calculateEffects({ ...handCase, scope: 'programme', reference: [{ ...handCase.reference[1]!, persons: 40 }] }));
    const line = programme.find((e) => e.figure === 'reference.r2')!;
    expect(plain(line.nl)).toContain('voor elk van 40 inwoners een kans van 25%');
    expect(plain(line.nl)).toContain('40 inwoners × 0,25 × 26 weken × 1,5 uur × € 68,67 = € 26.781,30.');
  });

  it('explains a cost line with its payer and stated source', () => {
    expect(plain(get('costs.c2').nl)).toBe(
      'Onkosten vrijwilligers: 2 personen per jaar, 1 jaar lang. Betaler: de gemeente (Wmo). ' +
        'Kosten: 1 jaar × 2 personen × € 150,00 = € 300,00. Prijs: begroting welzijnsorganisatie, prijsjaar 2024.',
    );
  });

  it('shows how the totals, the net effect and the ratio follow from the lines', () => {
    expect(plain(get('total.cost').nl)).toBe('De hulp kost in totaal € 1.233,00 + € 300,00 + € 123,50 = € 1.656,50.');
    expect(plain(get('total.net').nl)).toBe('Het netto effect is € 6.703,34 − € 1.656,50 = € 5.046,84: de hulp bespaart meer dan zij kost.');
    expect(plain(get('total.ratio').nl)).toBe('Voor elke euro die de hulp kost, is € 4,05 aan andere zorg niet nodig: € 6.703,34 ÷ € 1.656,50 = 4,05.');
    expect(plain(get('total.net').en)).toBe('The net effect is €6,703.34 − €1,656.50 = €5,046.84: the support saves more than it costs.');
  });

  it('says who pays and who gains', () => {
    expect(plain(get('payer.other').nl)).toBe('Voor anderen: de hulp kost € 123,50 en bespaart naar verwachting € 0,00. Netto: € 0,00 − € 123,50 = € -123,50.');
    expect(plain(get('payer.resident').en)).toContain('For the resident and their informal carers');
  });

  it('gives the low, base and high scenario with their factors', () => {
    const s = plain(get('sensitivity').nl);
    expect(s).toContain('Somber: kansen × 0,5, prijzen × 0,8, kosten van de hulp × 1: netto € 1.024,83, verhouding 1,62.');
    expect(s).toContain('Verwacht: netto € 5.046,84, verhouding 4,05.');
    expect(s).toContain('Gunstig: kansen × 1,5 (hoogstens 100%), prijzen × 1,2, kosten van de hulp × 1: netto € 10.314,11, verhouding 7,23.');
  });

  it('says so when the support costs more than it saves, and when there is no ratio', () => {
    const loss = explainEffects(calculateEffects({ ...handCase, reference: handCase.reference.slice(4, 5) }));
    expect(loss.find((e) => e.figure === 'total.net')!.nl).toContain('de hulp kost meer dan zij bespaart');
    const free = explainEffects(calculateEffects({ ...handCase, costs: [] }));
    expect(free.find((e) => e.figure === 'total.ratio')!.nl).toBe('Er zijn geen kosten voor de hulp ingevuld. Daarom is er geen verhouding tussen baten en kosten.');
  });
});
