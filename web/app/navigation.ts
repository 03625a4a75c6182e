/**
 * Which pages a person can reach, by role. The menu shows only these; the
 * pages themselves check again (and the server checks for real).
 */
import type { Role } from '../../shared/roles';
import type { MessageKey } from '../i18n/nl';

export const PATHS = {
  home: '/',
  signIn: '/inloggen',
  forgotPassword: '/wachtwoord-vergeten',
  resetPassword: '/wachtwoord-herstellen',
  profile: '/profiel',
  users: '/beheer/gebruikers',
  newUser: '/beheer/gebruikers/nieuw',
  auditLog: '/beheer/auditlog',
  outbox: '/postvak',
  requestHelp: '/hulp-vragen',
  myHelpRequests: '/mijn-hulpvragen',
  volunteerOffer: '/vrijwilliger',
  helpRequests: '/hulpvragen',
  newHelpRequestOnBehalf: '/hulpvragen/nieuw',
  meetups: '/ontmoetingen',
  pastMeetups: '/ontmoetingen/eerder',
  newMeetup: '/ontmoetingen/nieuw',
  myMeetups: '/mijn-ontmoetingen',
  myMatches: '/koppelingen',
  suggestedRequests: '/passende-hulpvragen',
  coachQueue: '/coach',
  myRotas: '/mijn-roosters',
  neighbourHelpFigures: '/cijfers/buurthulp',
  outcomeDashboard: '/cijfers/uitkomsten',
  notifications: '/meldingen',
  myBlocks: '/geblokkeerde-personen',
  abuseReports: '/gemelde-problemen',
  regionalPool: '/beheer/regio',
  effects: '/effectencalculator',
  effectTariffs: '/effectencalculator/tarieven',
  householdFiles: '/plannen',
  newHouseholdFile: '/plannen/nieuw',
  myPlan: '/mijn-plan',
  listening: '/luisteren',
  householdSettings: '/beheer/huishoudplan',
} as const;

export const userPath = (id: string) => `${PATHS.users}/${encodeURIComponent(id)}`;
/** The resident's own view of a help request, with their address. */
export const myHelpRequestPath = (id: string) => `${PATHS.myHelpRequests}/${encodeURIComponent(id)}`;
/** Right after posting: what happens next. */
export const helpRequestSentPath = (id: string) => `${PATHS.requestHelp}/verstuurd/${encodeURIComponent(id)}`;
/** A coordinator's view of a help request, without the address. */
export const helpRequestPath = (id: string) => `${PATHS.helpRequests}/${encodeURIComponent(id)}`;
/** `/hulpvragen/nieuw?inwoner=…`: a new request for a resident a coordinator already knows. */
export const newHelpRequestOnBehalfPath = (residentPersonId?: string) =>
  residentPersonId
    ? `${PATHS.newHelpRequestOnBehalf}?inwoner=${encodeURIComponent(residentPersonId)}`
    : PATHS.newHelpRequestOnBehalf;

/** One meet-up (ontmoeting), its edit form and its attendance list. */
export const meetupPath = (id: string) => `${PATHS.meetups}/${encodeURIComponent(id)}`;
export const meetupEditPath = (id: string) => `${meetupPath(id)}/wijzigen`;
export const meetupAttendancePath = (id: string) => `${meetupPath(id)}/aanwezigheid`;
/** One match, for whichever side the server says the person is on; the id only, never a name. */
export const matchPath = (id: string) => `${PATHS.myMatches}/${encodeURIComponent(id)}`;

/** The coach's working page for one stalled request; `section` is one of its parts (`rooster`, `netwerk`, …). */
export const coachRequestPath = (id: string, section?: string) =>
  `${PATHS.coachQueue}/hulpvragen/${encodeURIComponent(id)}${section ? `#${section}` : ''}`;
/** A rota's calendar by its own id (coordinators, the resident side, its members). */
export const rotaPath = (rotaId: string) => `/roosters/${encodeURIComponent(rotaId)}`;
/** The rota of one of the resident's own requests. */
export const myRequestRotaPath = (requestId: string) => `${myHelpRequestPath(requestId)}/rooster`;

/** One resident file and its plan, by id only (never a name or a BSN). */
export const householdFilePath = (id: string) => `${PATHS.householdFiles}/${encodeURIComponent(id)}`;
/** The plan on paper; `mijn` for the resident's own. */
export const householdPrintPath = (id: string) => (id === 'mijn' ? `${PATHS.myPlan}/afdrukken` : `${householdFilePath(id)}/afdrukken`);

/** `/inloggen?terug=/profiel`: where to go after signing in. */
export const signInPath = (returnTo?: string) =>
  returnTo && returnTo !== PATHS.home ? `${PATHS.signIn}?terug=${encodeURIComponent(returnTo)}` : PATHS.signIn;

export interface NavItem {
  href: string;
  label: MessageKey;
}

export function navigationFor(options: { signedIn: boolean; roles: readonly Role[]; demoMode: boolean }): NavItem[] {
  const items: NavItem[] = [{ href: PATHS.home, label: 'layout.home' }];
  if (options.signedIn) {
    if (options.roles.includes('resident')) {
      items.push({ href: PATHS.requestHelp, label: 'layout.requestHelp' }, { href: PATHS.myHelpRequests, label: 'layout.myHelpRequests' });
      items.push({ href: PATHS.myPlan, label: 'layout.myPlan' });
    }
    if (['social_worker', 'professional'].some((role) => options.roles.includes(role as Role))) {
      items.push({ href: PATHS.householdFiles, label: 'layout.householdFiles' });
    }
    if (options.roles.includes('policy_officer')) {
      items.push({ href: PATHS.listening, label: 'layout.listening' });
    }
    if (options.roles.includes('volunteer')) {
      items.push({ href: PATHS.volunteerOffer, label: 'layout.volunteerOffer' }, { href: PATHS.myMatches, label: 'layout.myMatches' });
    }
    if (options.roles.includes('social_worker') || options.roles.includes('admin')) {
      items.push({ href: PATHS.helpRequests, label: 'layout.helpRequests' }, { href: PATHS.coachQueue, label: 'layout.coachQueue' });
    }
    if (['social_worker', 'policy_officer', 'admin'].some((role) => options.roles.includes(role as Role))) {
      items.push({ href: PATHS.neighbourHelpFigures, label: 'layout.neighbourHelpFigures' });
    }
    if (options.roles.includes('social_worker') || options.roles.includes('admin')) {
      items.push({ href: PATHS.abuseReports, label: 'layout.abuseReports' });
    }
    if (['professional', 'policy_officer', 'admin'].some((role) => options.roles.includes(role as Role))) {
      items.push({ href: PATHS.outcomeDashboard, label: 'layout.outcomeDashboard' });
    }
    if (options.roles.includes('policy_officer') || options.roles.includes('admin')) {
      items.push({ href: PATHS.effects, label: 'layout.effects' });
    }
    if (options.roles.length > 0) items.push({ href: PATHS.meetups, label: 'layout.meetups' });
    // The e-mails about notifications link to /meldingen; the menu shows the unread count.
    items.push({ href: PATHS.notifications, label: 'layout.notifications' });
    items.push({ href: PATHS.profile, label: 'layout.profile' });
    if (options.roles.includes('admin')) {
      items.push({ href: PATHS.users, label: 'layout.users' }, { href: PATHS.auditLog, label: 'layout.auditLog' }, { href: PATHS.regionalPool, label: 'layout.regionalPool' }, { href: PATHS.householdSettings, label: 'layout.householdSettings' });
    }
  } else {
    items.push({ href: PATHS.signIn, label: 'layout.signIn' });
  }
  if (options.demoMode) items.push({ href: PATHS.outbox, label: 'layout.outbox' });
  return items;
}

/** Is this menu item the current page, or a page below it? */
export function isCurrent(href: string, pathname: string): boolean {
  if (href === PATHS.home) return pathname === PATHS.home;
  return pathname === href || pathname.startsWith(`${href}/`);
}
