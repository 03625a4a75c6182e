/**
 * The household plan as a tagged, accessible PDF (issue 5: "printable and
 * exportable as PDF"): the same parts as the print view, in the reader's
 * language. `planPdfContent` is pure: it turns the plan as the API presents
 * it into the shared document model (`server/core/pdf.ts`), which
 * `renderPdf` draws.
 *
 * The PDF is personal data. It shows what the plan read shows the reader,
 * plus the resident's name only when the reader may see the resident's
 * identity; never the BSN.
 */
import type { Locale } from '../../../shared/roles';
import type { PdfBlock, PdfContent } from '../../core/pdf';
import type { ContributorRole } from './household.contributions';

/** What the PDF shows of a plan version: a subset of what the plan read returns. */
export interface PdfPlan {
  version: number;
  /** ISO timestamp of this version, null before the first */
  createdAt: string | null;
  reason: string | null;
  author: { displayName: string } | null;
  goals: ReadonlyArray<{ id: string; text: string }>;
  actions: ReadonlyArray<{
    goalId: string | null;
    who: { personId: string; displayName: string } | { helperName: string };
    what: string;
    dueOn: string | null;
    doneOn: string | null;
    formal: boolean;
  }>;
  reviewDates: readonly string[];
  domains: readonly string[];
  contributions: ReadonlyArray<{ role: ContributorRole; done: number; open: number; goals: ReadonlyArray<{ text: string }> }>;
}

export interface PlanPdfContext {
  /** The resident's name, or null when the reader may not see who the resident is. */
  residentName: string | null;
  coordinatorName: string;
  municipality: string;
  generatedAt: Date;
  /** Names of the life domains by code, in the PDF's language (unknown codes are shown as they are). */
  domainNames?: ReadonlyMap<string, string>;
}

interface Labels {
  lang: string;
  title: (name: string | null) => string;
  subject: string;
  meta: (c: { version: number; date: string; author: string; coordinator: string; municipality: string; generated: string }) => string;
  none: (coordinator: string) => string;
  reason: string;
  goals: string;
  noGoals: string;
  actions: string;
  noActions: string;
  what: string;
  who: string;
  due: string;
  done: string;
  kind: string;
  goal: string;
  formal: string;
  informal: string;
  notDone: string;
  review: string;
  noReview: string;
  domains: string;
  noDomains: string;
  contributions: string;
  contributionsIntro: string;
  noContributions: string;
  role: Record<ContributorRole, string>;
  open: string;
  forGoals: string;
  noGoal: string;
  footer: string;
  page: string;
}

const LABELS: Record<Locale, Labels> = {
  nl: {
    lang: 'nl-NL',
    title: (name) => (name ? `Plan van ${name}` : 'Plan'),
    subject: 'Plan rond de inwoner: doelen, afspraken en evaluatie',
    meta: (c) => `Versie ${c.version}, van ${c.date}, door ${c.author}. Coördinator: ${c.coordinator}. Gemeente ${c.municipality}. Gemaakt op ${c.generated}.`,
    none: (c) => `Er is nog geen plan. Coördinator: ${c}.`,
    reason: 'Waarom deze versie:',
    goals: 'Doelen, in de woorden van de inwoner',
    noGoals: 'Nog geen doelen.',
    actions: 'Afspraken: wie doet wat, en wanneer',
    noActions: 'Nog geen afspraken.',
    what: 'Wat',
    who: 'Wie',
    due: 'Wanneer klaar',
    done: 'Gedaan',
    kind: 'Soort hulp',
    goal: 'Bij doel',
    formal: 'Formeel',
    informal: 'Informeel',
    notDone: 'Nog niet',
    review: 'Evaluatie',
    noReview: 'Nog geen datum.',
    domains: 'Levensgebieden die wij meten',
    noDomains: 'Nog geen gekozen.',
    contributions: 'Wat ieder bijdroeg',
    contributionsIntro: 'Hoeveel afspraken ieder al heeft gedaan en hoeveel er nog open staan. En voor welke doelen die afspraken zijn.',
    noContributions: 'Er zijn nog geen afspraken in het plan.',
    role: {
      resident: 'De inwoner zelf',
      network: 'Eigen netwerk (familie, vrienden, buren)',
      coordinator: 'Coördinator',
      social_worker: 'Sociaal werker',
      professional: 'Professional',
      volunteer: 'Vrijwilliger',
      other: 'Iemand anders',
    },
    open: 'Nog open',
    forGoals: 'Voor welke doelen',
    noGoal: 'Geen doel gekozen',
    footer: 'Plan rond de inwoner',
    page: 'pagina',
  },
  en: {
    lang: 'en-GB',
    title: (name) => (name ? `Plan of ${name}` : 'Plan'),
    subject: 'Plan around the resident: goals, agreements and review',
    meta: (c) => `Version ${c.version}, of ${c.date}, by ${c.author}. Coordinator: ${c.coordinator}. Municipality of ${c.municipality}. Made on ${c.generated}.`,
    none: (c) => `There is no plan yet. Coordinator: ${c}.`,
    reason: 'Why this version:',
    goals: 'Goals, in the resident’s own words',
    noGoals: 'No goals yet.',
    actions: 'Agreements: who does what, and when',
    noActions: 'No agreements yet.',
    what: 'What',
    who: 'Who',
    due: 'Done by',
    done: 'Done',
    kind: 'Kind of help',
    goal: 'For goal',
    formal: 'Formal',
    informal: 'Informal',
    notDone: 'Not yet',
    review: 'Review',
    noReview: 'No date yet.',
    domains: 'Life domains we measure',
    noDomains: 'None chosen yet.',
    contributions: 'What each role contributed',
    contributionsIntro: 'How many agreements each has done and how many are still open. And which goals those agreements are for.',
    noContributions: 'There are no agreements in the plan yet.',
    role: {
      resident: 'The resident',
      network: 'Own network (family, friends, neighbours)',
      coordinator: 'Coordinator',
      social_worker: 'Social worker',
      professional: 'Professional',
      volunteer: 'Volunteer',
      other: 'Someone else',
    },
    open: 'Still open',
    forGoals: 'For which goals',
    noGoal: 'No goal chosen',
    footer: 'Plan around the resident',
    page: 'page',
  },
};

const DAY = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }),
} as const;

/**
 * "23 november 2026": a calendar day (YYYY-MM-DD) as it is, a timestamp as
 * its day in the Netherlands.
 */
function formatDay(iso: string, locale: Locale): string {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return DAY[locale].format(at);
}

const quoted = (text: string) => `“${text}”`;

/**
 * The document model of a plan's PDF, every text final and in the given
 * language. Goals are quoted: they are the resident's own words.
 *
 * @example
 * const content = planPdfContent(plan, 'nl', { residentName: 'Fatima', coordinatorName: 'Sanne', municipality: 'Dordrecht', generatedAt: new Date() });
 * const pdf = await renderPdf(content);
 */
export function planPdfContent(plan: PdfPlan, locale: Locale, context: PlanPdfContext): PdfContent {
  const l = LABELS[locale];
  const day = (iso: string) => formatDay(iso, locale);
  const title = l.title(context.residentName);
  const goalText = (id: string | null) => {
    const g = id === null ? undefined : plan.goals.find((x) => x.id === id);
    return g ? quoted(g.text) : '–';
  };
  const blocks: PdfBlock[] = [{ kind: 'heading', level: 1, text: title }];
  const content = { lang: l.lang, title, subject: l.subject, footer: l.footer, pageLabel: l.page, blocks };
  if (plan.version === 0) {
    blocks.push({ kind: 'paragraph', text: l.none(context.coordinatorName) });
    return content;
  }
  blocks.push({
    kind: 'paragraph',
    text: l.meta({
      version: plan.version,
      date: plan.createdAt ? day(plan.createdAt) : '–',
      author: plan.author?.displayName || '–',
      coordinator: context.coordinatorName,
      municipality: context.municipality,
      generated: day(context.generatedAt.toISOString()),
    }),
  });
  if (plan.reason) blocks.push({ kind: 'paragraph', text: `${l.reason} ${plan.reason}` });

  blocks.push({ kind: 'heading', level: 2, text: l.goals });
  blocks.push(plan.goals.length ? { kind: 'list', items: plan.goals.map((g) => quoted(g.text)) } : { kind: 'paragraph', text: l.noGoals });

  blocks.push({ kind: 'heading', level: 2, text: l.actions });
  blocks.push(
    plan.actions.length
      ? {
          kind: 'table',
          header: [l.what, l.who, l.due, l.done, l.kind, l.goal],
          rows: plan.actions.map((a) => [
            a.what,
            'personId' in a.who ? a.who.displayName : a.who.helperName,
            a.dueOn ? day(a.dueOn) : '–',
            a.doneOn ? day(a.doneOn) : l.notDone,
            a.formal ? l.formal : l.informal,
            goalText(a.goalId),
          ]),
          align: ['left', 'left', 'left', 'left', 'left', 'left'],
          widths: [0.27, 0.16, 0.13, 0.13, 0.11, 0.2],
        }
      : { kind: 'paragraph', text: l.noActions },
  );

  blocks.push({ kind: 'heading', level: 2, text: l.review });
  blocks.push({ kind: 'paragraph', text: plan.reviewDates.length ? plan.reviewDates.map(day).join(', ') : l.noReview });

  blocks.push({ kind: 'heading', level: 2, text: l.domains });
  blocks.push({ kind: 'paragraph', text: plan.domains.length ? plan.domains.map((d) => context.domainNames?.get(d) ?? d).join(', ') : l.noDomains });

  blocks.push({ kind: 'heading', level: 2, text: l.contributions });
  if (plan.contributions.length) {
    blocks.push({ kind: 'paragraph', text: l.contributionsIntro });
    blocks.push({
      kind: 'table',
      header: [l.who, l.done, l.open, l.forGoals],
      rows: plan.contributions.map((c) => [l.role[c.role], String(c.done), String(c.open), c.goals.length ? c.goals.map((g) => quoted(g.text)).join(', ') : l.noGoal]),
      align: ['left', 'right', 'right', 'left'],
      widths: [0.3, 0.12, 0.12, 0.46],
    });
  } else {
    blocks.push({ kind: 'paragraph', text: l.noContributions });
  }
  return content;
}
