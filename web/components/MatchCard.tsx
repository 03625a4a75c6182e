/**
 * One match in a list: the request's kind as a link to the match page, its
 * state, when and where, and the reasons. Used on the volunteer's list.
 */
import { Paragraph } from '@utrecht/component-library-react';
import type { HelpMatch } from '../api/types';
import { matchPath } from '../app/navigation';
import { useI18n } from '../i18n/i18n';
import { RouterLink } from '../router';
import { isLive } from './matches';
import { MatchStateBadge, requestWhenWhere } from './MatchRequestDetails';
import { ReasonList } from './ReasonList';
import './matches.css';

/** Card modifier: waiting for this person (orange), confirmed (green), closed (plain). */
export function cardModifier(match: HelpMatch): string {
  if (!isLive(match)) return 'samenspel-match-card--closed';
  if (match.state === 'confirmed') return 'samenspel-match-card--confirmed';
  return match.allowedActions.includes('accept') ? 'samenspel-match-card--action' : '';
}

export function MatchCard({ match, headingLevel = 3 }: { match: HelpMatch; headingLevel?: 2 | 3 }) {
  const i18n = useI18n();
  const { t } = i18n;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className={`samenspel-match-card ${cardModifier(match)}`.trim()}>
      <Heading className={`utrecht-heading-${headingLevel} samenspel-match-card__heading`}>
        <RouterLink href={matchPath(match.id)}>{match.request.category.name}</RouterLink>
      </Heading>
      <MatchStateBadge state={match.state} side={match.viewerSide} />
      <Paragraph>{requestWhenWhere(i18n, match.request)}</Paragraph>
      <Paragraph className="samenspel-match-card__description">{match.request.description}</Paragraph>
      {match.residentGivenName && match.viewerSide === 'volunteer' && <Paragraph>{t('matches.cardWith', { name: match.residentGivenName })}</Paragraph>}
      {isLive(match) && <ReasonList reasons={match.reasons} reader={match.viewerSide} />}
    </li>
  );
}
