/**
 * Life domains of self-sufficiency measurements. The default set is the 13
 * domains of the Zelfredzaamheid-Matrix (ZRM) 2017; a municipality may
 * configure its own set (household_settings.outcome_domains).
 */
export interface OutcomeDomain {
  code: string;
  nameNl: string;
  nameEn: string;
}

export const ZRM_2017_DOMAINS: readonly OutcomeDomain[] = [
  { code: 'finances', nameNl: 'Financiën', nameEn: 'Finances' },
  { code: 'work_education', nameNl: 'Werk & opleiding', nameEn: 'Work and education' },
  { code: 'daytime_activities', nameNl: 'Tijdsbesteding', nameEn: 'Daytime activities' },
  { code: 'housing', nameNl: 'Huisvesting', nameEn: 'Housing' },
  { code: 'domestic_relations', nameNl: 'Huiselijke relaties', nameEn: 'Domestic relations' },
  { code: 'mental_health', nameNl: 'Geestelijke gezondheid', nameEn: 'Mental health' },
  { code: 'physical_health', nameNl: 'Lichamelijke gezondheid', nameEn: 'Physical health' },
  { code: 'substance_use', nameNl: 'Middelengebruik', nameEn: 'Substance use' },
  { code: 'basic_adl', nameNl: 'Basale ADL', nameEn: 'Basic activities of daily living' },
  { code: 'instrumental_adl', nameNl: 'Instrumentele ADL', nameEn: 'Instrumental activities of daily living' },
  { code: 'social_network', nameNl: 'Sociaal netwerk', nameEn: 'Social network' },
  { code: 'community_participation', nameNl: 'Maatschappelijke participatie', nameEn: 'Community participation' },
  { code: 'justice', nameNl: 'Justitie', nameEn: 'Justice' },
];

/** The 5-point scale of the ZRM, lowest first. */
export const SELF_SUFFICIENCY_SCALE = [
  { score: 1, code: 'acute_problems' },
  { score: 2, code: 'not_self_sufficient' },
  { score: 3, code: 'limited_self_sufficiency' },
  { score: 4, code: 'sufficiently_self_sufficient' },
  { score: 5, code: 'fully_self_sufficient' },
] as const;

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
