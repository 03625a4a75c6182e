/**
 * Why a request landed with the coach, in plain words, and the suggested
 * next steps as links to the section of the coach's page where each step
 * is done. The server orders the steps, most promising first.
 */
import type { CoachQueueItem, CoachSuggestion } from '../api/coach';
import { useI18n, type I18n } from '../i18n/i18n';
import { RouterLink } from '../router';
import { sectionForStep, type CoachSection } from './coach';
import { scheduleLabel } from './HelpRequestDetails';

type Format = Pick<I18n, 't' | 'tCode' | 'has' | 'locale' | 'formatDate'>;

/** "Niemand kan dit alleen: het is elke week nodig." */
export function causeText(i18n: Format, item: Pick<CoachQueueItem, 'cause' | 'daysWaiting'> & { request: { schedule: string } }): string {
  switch (item.cause) {
    case 'needs_rota':
      return i18n.t('coach.cause.needs_rota', { schedule: scheduleLabel(i18n, item.request.schedule).toLowerCase() });
    case 'no_match_in_time':
      return i18n.t('coach.cause.no_match_in_time');
    case 'no_candidates':
      return i18n.t('coach.cause.no_candidates');
    case 'sensitive':
      return i18n.t('coach.cause.sensitive');
    default:
      return i18n.tCode('coach.cause', item.cause);
  }
}

/** "Wacht al 6 dagen." */
export function waitingText(i18n: Pick<I18n, 't'>, days: number): string {
  if (days <= 0) return i18n.t('coach.waitingToday');
  return days === 1 ? i18n.t('coach.waitingOne') : i18n.t('coach.waiting', { days });
}

/** The text of one suggested step, with its numbers. */
export function suggestionText(i18n: Pick<I18n, 't'>, suggestion: CoachSuggestion): string {
  const { t } = i18n;
  switch (suggestion.step) {
    case 'split_into_rota':
      return suggestion.complete
        ? t('coach.step.split_into_rota', { members: suggestion.members })
        : t('coach.step.split_into_rota_partial', { members: suggestion.members });
    case 'ask_network':
      return suggestion.contacts === 0
        ? t('coach.step.ask_network_none')
        : t('coach.step.ask_network', { notAsked: suggestion.notAsked, contacts: suggestion.contacts });
    case 'invite_volunteers':
      return suggestion.candidates === 1 ? t('coach.step.invite_volunteers_one') : t('coach.step.invite_volunteers', { candidates: suggestion.candidates });
    case 'widen_distance':
      return suggestion.candidates === 1
        ? t('coach.step.widen_distance_one', { extraKm: suggestion.extraKm })
        : t('coach.step.widen_distance', { extraKm: suggestion.extraKm, candidates: suggestion.candidates });
    case 'refer_formal':
      return t('coach.step.refer_formal');
  }
}

interface SuggestionListProps {
  suggestions: readonly CoachSuggestion[];
  /** Where a step's link goes: the coach's page of the request, at the step's section. */
  hrefFor: (section: CoachSection) => string;
  /** Names the list for screen readers, e.g. the id of the heading above it. */
  labelledBy: string;
}

export function SuggestionList({ suggestions, hrefFor, labelledBy }: SuggestionListProps) {
  const i18n = useI18n();
  if (suggestions.length === 0) return <p className="utrecht-paragraph">{i18n.t('coach.noSteps')}</p>;
  return (
    <ol className="utrecht-ordered-list samenspel-coach-steps" aria-labelledby={labelledBy}>
      {suggestions.map((s) => (
        <li key={s.step} className="utrecht-ordered-list__item">
          {/* A fragment on the same page is the browser's own jump; the page moves focus there. */}
          {hrefFor(sectionForStep(s.step)).startsWith('#') ? (
            <a className="utrecht-link" href={hrefFor(sectionForStep(s.step))}>
              {suggestionText(i18n, s)}
            </a>
          ) : (
            <RouterLink href={hrefFor(sectionForStep(s.step))}>{suggestionText(i18n, s)}</RouterLink>
          )}
        </li>
      ))}
    </ol>
  );
}
