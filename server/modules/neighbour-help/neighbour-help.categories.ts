/**
 * The help categories every municipality starts with; an administrator can
 * change names, switch categories off and add their own. `vulnerable` marks
 * help with vulnerable people, for which a valid VOG is required.
 */
export const DEFAULT_CATEGORIES: ReadonlyArray<{ code: string; nameNl: string; nameEn: string; vulnerable: boolean }> = [
  { code: 'company', nameNl: 'Gezelschap en bezoek', nameEn: 'Company and visits', vulnerable: true },
  { code: 'groceries', nameNl: 'Boodschappen', nameEn: 'Groceries', vulnerable: false },
  { code: 'transport', nameNl: 'Vervoer naar een afspraak', nameEn: 'Transport to an appointment', vulnerable: false },
  { code: 'odd_jobs', nameNl: 'Klusjes in huis', nameEn: 'Odd jobs at home', vulnerable: false },
  { code: 'garden', nameNl: 'Tuin', nameEn: 'Garden', vulnerable: false },
  { code: 'paperwork', nameNl: 'Post en papieren', nameEn: 'Post and paperwork', vulnerable: true },
  { code: 'digital', nameNl: 'Hulp met computer of telefoon', nameEn: 'Help with a computer or phone', vulnerable: false },
  { code: 'walking', nameNl: 'Samen wandelen', nameEn: 'Walking together', vulnerable: false },
  { code: 'language', nameNl: 'Taalmaatje', nameEn: 'Language buddy', vulnerable: false },
  { code: 'children', nameNl: 'Hulp met kinderen', nameEn: 'Help with children', vulnerable: true },
];
