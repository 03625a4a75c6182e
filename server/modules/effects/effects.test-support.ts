/**
 * The synthetic case the tests share. Its hand computation, line by line, is
 * in the header comment of effects.calculator.test.ts.
 */
import type { EffectInput } from './effects.types';

export const handCase: EffectInput = {
  scope: 'case',
  title: 'Mevrouw A., buurthulp 2024',
  priceYear: 2024,
  tariffs: [
    { shortVar: 'homecare_household', price: 36.9, validFrom: '2023-01-01' },
    { shortVar: 'homecare_household', price: 38.4, validFrom: '2024-01-01' },
    { shortVar: 'homecare_household', price: 40, validFrom: '2025-01-01' },
    { shortVar: 'coordinator_hour', price: 68.5, validFrom: '2024-01-01', unit: 'Uur coördinatie sociaal werker' },
  ],
  costs: [
    { id: 'c1', kind: 'coordination', label: 'Coördinatie door sociaal werker', payer: 'municipality_wmo', quantity: 1.5, quantityUnit: 'hour', period: 'month', duration: 12, price: { shortVar: 'coordinator_hour' } },
    { id: 'c2', kind: 'volunteer_expenses', label: 'Onkosten vrijwilligers', payer: 'municipality_wmo', quantity: 2, quantityUnit: 'person', period: 'year', duration: 1, price: { amount: 150, source: 'begroting welzijnsorganisatie', priceYear: 2024 } },
    { id: 'c3', kind: 'meetup', label: 'Deelname buurtmaaltijd', payer: 'other', quantity: 10, quantityUnit: 'event', period: 'year', duration: 1, price: { amount: 12.35, source: 'begroting welzijnsorganisatie', priceYear: 2024 } },
  ],
  reference: [
    { id: 'r1', label: 'Huishoudelijke hulp', payer: 'municipality_wmo', persons: 1, probability: 0.3, quantity: 2, quantityUnit: 'hour', period: 'week', duration: 52, price: { shortVar: 'homecare_household' } },
    { id: 'r2', label: 'Begeleiding thuis', payer: 'municipality_wmo', persons: 1, probability: 0.25, quantity: 1.5, quantityUnit: 'hour', period: 'week', duration: 26, price: { shortVar: 'homecare_guidance_hour' } },
    { id: 'r3', label: 'Dagbesteding', payer: 'municipality_wmo', persons: 1, probability: 0.2, quantity: 2, quantityUnit: 'half_day', period: 'week', duration: 52, price: { shortVar: 'dayactivities_halfday' } },
    { id: 'r4', label: 'Verpleeghuiszorg', payer: 'long_term_care', persons: 1, probability: 0.05, quantity: 90, quantityUnit: 'day', period: 'once', duration: 1, price: { shortVar: 'nursingcare_day' } },
    { id: 'r5', label: 'Huisartsconsult', payer: 'health_insurer', persons: 1, probability: 0.8, quantity: 1, quantityUnit: 'contact', period: 'month', duration: 12, price: { shortVar: 'gp_consult_avg' } },
    { id: 'r6', label: 'Tijd van mantelzorgers', payer: 'resident', persons: 1, probability: 0.4, quantity: 3, quantityUnit: 'hour', period: 'week', duration: 52, price: { shortVar: 'timecost_informal_hour' } },
  ],
};
