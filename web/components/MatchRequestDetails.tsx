/**
 * A request as everyone on a match sees it: what, when, how long and the
 * postcode area. No name and no address: those come with the contact card.
 */
import { DataList, DataListItem, DataListKey, DataListValue, StatusBadge } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { MatchSide, MatchState, PublicHelpRequest } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { areaText, dayPartsText, durationLabel, languageName, scheduleLabel, windowText } from './HelpRequestDetails';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** "Boodschappen. Elke maand, postcodegebied 3318, Dordrecht." for cards. */
export function requestWhenWhere(i18n: ReturnType<typeof useI18n>, request: PublicHelpRequest): string {
  return i18n.t('matches.cardWhen', { schedule: scheduleLabel(i18n, request.schedule), area: areaText(i18n, request) });
}

export function MatchRequestDetails({
  request,
  sessionsPerMonth,
  side = 'volunteer',
}: {
  request: PublicHelpRequest;
  /** The volunteer's share, shown when it is less than the whole request. */
  sessionsPerMonth?: number;
  side?: MatchSide;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const number = new Intl.NumberFormat(i18n.locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  return (
    <DataList className="samenspel-data-list">
      <Item label={t('requestDetail.category')}>{request.category.name}</Item>
      <Item label={t('requestDetail.description')}>
        <span className="samenspel-mail-text">{request.description}</span>
      </Item>
      <Item label={t('requestDetail.schedule')}>{scheduleLabel(i18n, request.schedule)}</Item>
      <Item label={t('requestDetail.when')}>{request.window ? windowText(i18n, request.window) : dayPartsText(i18n, request.dayParts)}</Item>
      <Item label={t('requestDetail.duration')}>{durationLabel(i18n, request.durationMinutes)}</Item>
      <Item label={t('requestDetail.area')}>{areaText(i18n, request)}</Item>
      {request.languages.length > 0 && (
        <Item label={t('requestDetail.languages')}>
          {new Intl.ListFormat(i18n.locale, { type: 'disjunction' }).format(request.languages.map((code) => languageName(i18n, code)))}
        </Item>
      )}
      {sessionsPerMonth !== undefined && sessionsPerMonth < request.requestSessionsPerMonth && (
        <Item label={side === 'volunteer' ? t('match.howOften') : t('match.howOftenVolunteer')}>{t('match.sessionsPerMonth', { count: number.format(sessionsPerMonth) })}</Item>
      )}
    </DataList>
  );
}

/** The state of a match in words; a volunteer reads their own to-do in the first two states. */
export function MatchStateBadge({ state, side }: { state: MatchState; side: MatchSide }) {
  const { t } = useI18n();
  const text =
    side === 'volunteer' && (state === 'proposed' || state === 'volunteer_accepted') ? t(`matchStateVolunteer.${state}`) : t(`matchState.${state}`);
  return <StatusBadge className={`samenspel-match-state samenspel-match-state--${state}`}>{text}</StatusBadge>;
}
