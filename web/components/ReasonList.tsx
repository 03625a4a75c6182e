/**
 * Why the platform proposed a pair, in plain words: "3,2 km van u",
 * "U heeft dinsdagmiddag allebei tijd", "U helpt deze inwoner al". Facts
 * first, then what decided. The wording depends on who reads it.
 */
import { UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { DayPart, MatchReasons } from '../api/types';
import { useI18n, type I18n } from '../i18n/i18n';
import { reasonLines, type ReasonLine, type ReasonReader } from './matches';

type Format = Pick<I18n, 't' | 'locale'>;

/** 3.24 → "3,2" in Dutch, "3.2" in English. */
export function formatKm(i18n: Format, km: number): string {
  return new Intl.NumberFormat(i18n.locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(km);
}

/** `tue:afternoon` → "dinsdagmiddag" (nl) or "Tuesday afternoon" (en). */
export function momentText(i18n: Format, part: DayPart): string {
  const [day, time] = part.split(':') as [string, string];
  const dayName = i18n.t(`day.${day}` as 'day.mon');
  return i18n.t('reason.moment', {
    day: i18n.locale === 'nl' ? dayName.toLowerCase() : dayName,
    part: i18n.t(`dayPart.${time}` as 'dayPart.morning').toLowerCase(),
  });
}

export function reasonText(i18n: Format, line: ReasonLine, reader: ReasonReader): string {
  const { t } = i18n;
  switch (line.key) {
    case 'km':
      // Both in the same postcode area: the engine measures 0 km between its centres.
      return line.km < 0.05 ? t(`reason.sameArea.${reader}`) : t(`reason.km.${reader}`, { km: formatKm(i18n, line.km) });
    case 'dayParts':
      return t(`reason.dayParts.${reader}`, {
        moments: new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(line.parts.map((p) => momentText(i18n, p))),
      });
    case 'continuity':
      return t(`reason.continuity.${reader}`);
    case 'skills':
      return t('reason.skills', { matched: line.matched, wished: line.wished });
    case 'rank':
      return t('reason.rank', { rank: line.rank, count: line.count });
    case 'decided':
      return line.term === 'only-candidate' ? t(`reason.decided.only-candidate.${reader}`) : t(`reason.decided.${line.term}`);
  }
}

export function ReasonList({ reasons, reader }: { reasons: MatchReasons; reader: ReasonReader }) {
  const i18n = useI18n();
  const lines = reasonLines(reasons, reader);
  if (lines.length === 0) return null;
  return (
    <UnorderedList className="samenspel-reasons">
      {lines.map((line, index) => (
        <UnorderedListItem key={`${line.key}-${index}`}>{reasonText(i18n, line, reader)}</UnorderedListItem>
      ))}
    </UnorderedList>
  );
}
