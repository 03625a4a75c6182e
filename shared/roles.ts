/**
 * Roles a person can hold within one municipality (tenant).
 *
 * Isomorphic: imported by the server (authorisation) and the web interface
 * (role-aware navigation). Code names are English; the interface shows the
 * Dutch term from the message catalogue (`role.<name>`).
 */
export const ROLES = [
  'resident',
  'volunteer',
  'social_worker',
  'professional',
  'policy_officer',
  'mediator',
  'arbiter',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that must name the organisation the person works for. */
export const ROLES_WITH_ORGANISATION: readonly Role[] = ['professional'];

export const ORGANISATION_KINDS = [
  'care_provider',
  'welfare_organisation',
  'housing_corporation',
  'school',
  'other',
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';
