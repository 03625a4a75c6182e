/**
 * How a help request reads on screen: the words for its schedule, status,
 * duration, day parts and languages, and the list of all its details.
 * The resident sees their own address; a coordinator sees only the postcode
 * area, and is told why.
 */
import { DataList, DataListItem, DataListKey, DataListValue, StatusBadge } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { DayPart, HelpRequest } from '../api/types';
import { useI18n, type I18n } from '../i18n/i18n';
import { DAYS, formatPostcode, type Day, type Part } from './neighbour-help';
import './neighbour-help.css';

type Format = Pick<I18n, 't' | 'has' | 'tCode' | 'locale' | 'formatDate'>;

export function scheduleLabel(i18n: Format, schedule: string): string {
  return i18n.tCode('schedule', schedule);
}

export function statusLabel(i18n: Format, status: string): string {
  return i18n.tCode('helpStatus', status);
}

export function durationLabel(i18n: Format, minutes: number): string {
  const key = `duration.${minutes}`;
  return i18n.has(key) ? i18n.t(key) : i18n.t('duration.minutes', { minutes });
}

/** A language code in words; for a code outside the catalogue, the browser's own name for it. */
export function languageName(i18n: Format, code: string): string {
  const key = `languageName.${code}`;
  if (i18n.has(key)) return i18n.t(key);
  try {
    return new Intl.DisplayNames([i18n.locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Dinsdag: middag. Woensdag: middag en avond." */
export function dayPartsText(i18n: Format, parts: readonly DayPart[]): string {
  const list = new Intl.ListFormat(i18n.locale, { type: 'conjunction' });
  return DAYS.flatMap((day: Day) => {
    const chosen = parts.filter((p) => p.startsWith(`${day}:`)).map((p) => i18n.t(`dayPart.${p.split(':')[1] as Part}`).toLowerCase());
    return chosen.length > 0 ? [`${i18n.t(`day.${day}`)}: ${list.format(chosen)}.`] : [];
  }).join(' ');
}

export function windowText(i18n: Format, window: { start: string; end: string }): string {
  const time = new Intl.DateTimeFormat(i18n.locale === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  const weekday = new Intl.DateTimeFormat(i18n.locale === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long' });
  const start = new Date(window.start);
  return i18n.t('requestDetail.window', {
    date: `${weekday.format(start)} ${i18n.formatDate(window.start)}`,
    from: time.format(start),
    to: time.format(new Date(window.end)),
  });
}

export function areaText(i18n: Format, request: { pc4: string; place: string | null }): string {
  return request.place
    ? i18n.t('requestDetail.areaValue', { pc4: request.pc4, place: request.place })
    : i18n.t('requestDetail.areaValueNoPlace', { pc4: request.pc4 });
}

export function HelpStatusBadge({ status }: { status: string }) {
  const i18n = useI18n();
  return <StatusBadge className="samenspel-help-status">{statusLabel(i18n, status)}</StatusBadge>;
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

export function HelpRequestDetails({ request, view }: { request: HelpRequest; view: 'resident' | 'coordinator' }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const yesNo = (value: boolean) => (value ? t('helpRequest.yes') : t('helpRequest.no'));
  const address = request.address;

  return (
    <DataList className="samenspel-data-list">
      {view === 'coordinator' && (
        <>
          <Item label={t('requestDetail.resident')}>{request.residentDisplayName}</Item>
          <Item label={t('requestDetail.residentId')}>
            <span className="samenspel-request-id">{request.residentPersonId}</span>
          </Item>
        </>
      )}
      <Item label={t('requestDetail.status')}>
        <HelpStatusBadge status={request.status} />
      </Item>
      <Item label={t('requestDetail.category')}>{request.category.name}</Item>
      <Item label={t('requestDetail.description')}>
        <span className="samenspel-mail-text">{request.description}</span>
      </Item>
      <Item label={t('requestDetail.schedule')}>{scheduleLabel(i18n, request.schedule)}</Item>
      <Item label={t('requestDetail.when')}>
        {request.window ? windowText(i18n, request.window) : dayPartsText(i18n, request.dayParts)}
      </Item>
      <Item label={t('requestDetail.duration')}>{durationLabel(i18n, request.durationMinutes)}</Item>
      {address ? (
        <Item label={t('requestDetail.address')}>
          {formatPostcode(address.postcode)}, {address.houseNumber}
          {address.houseNumberAddition ? ` ${address.houseNumberAddition}` : ''}
          <span className="samenspel-data-note">{t('requestDetail.addressNote')}</span>
        </Item>
      ) : (
        <Item label={t('requestDetail.area')}>
          {areaText(i18n, request)}
          {view === 'coordinator' && <span className="samenspel-data-note">{t('requestDetail.noAddress')}</span>}
        </Item>
      )}
      <Item label={t('requestDetail.languages')}>
        {request.languages.length > 0
          ? new Intl.ListFormat(i18n.locale, { type: 'disjunction' }).format(request.languages.map((code) => languageName(i18n, code)))
          : t('helpRequest.noPreference')}
      </Item>
      <Item label={t('requestDetail.sameGender')}>{yesNo(request.sameGender)}</Item>
      <Item label={t('requestDetail.vog')}>{yesNo(request.vogRequired)}</Item>
      <Item label={t('requestDetail.createdAt')}>
        <time dateTime={request.createdAt}>{formatDateTime(request.createdAt)}</time>
      </Item>
      {(view === 'coordinator' || request.postedOnBehalf) && (
        <Item label={t('requestDetail.postedBy')}>
          {request.postedOnBehalf ? t('requestDetail.postedByStaff') : t('requestDetail.postedBySelf')}
        </Item>
      )}
    </DataList>
  );
}
