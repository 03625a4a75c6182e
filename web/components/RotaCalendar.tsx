/**
 * A rota as a calendar list by date: "di 1 december, middag: Anna". Open
 * dates say "nog open", a member's own turns are marked "uw beurt" (in
 * words and weight, not by colour alone), and a turn whose volunteer has
 * not said yes yet says so. The same list serves the coach's proposal, the
 * approved rota, the resident and the members.
 */
import { StatusBadge } from '@utrecht/component-library-react';
import type { DayPart } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { calendarDay } from './coach';
import './coach.css';

export interface CalendarItem {
  date: string;
  dayPart: DayPart;
  /** The volunteer's first name; null when nobody comes yet or the viewer may not see the name. */
  who: string | null;
  /** Nobody in the rota covers this date. */
  open: boolean;
  /** A member is asked but has not said yes yet. */
  pending: boolean;
  /** The viewer's own turn. */
  mine: boolean;
}

export function RotaCalendar({ items, labelledBy }: { items: readonly CalendarItem[]; labelledBy: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (items.length === 0) return <p className="utrecht-paragraph">{t('rota.calendarEmpty')}</p>;
  return (
    <ol className="samenspel-rota-calendar" aria-labelledby={labelledBy}>
      {items.map((item) => {
        const part = t(`dayPart.${item.dayPart.split(':')[1] as 'morning' | 'afternoon' | 'evening'}`).toLowerCase();
        const modifier = item.open ? 'samenspel-rota-calendar__entry--open' : item.mine ? 'samenspel-rota-calendar__entry--mine' : '';
        return (
          <li key={`${item.date}-${item.dayPart}`} className={`samenspel-rota-calendar__entry ${modifier}`.trim()}>
            <span className="samenspel-rota-calendar__when">
              <time dateTime={item.date}>{calendarDay(i18n.locale, item.date)}</time>, {part}:
            </span>{' '}
            {item.open ? (
              <StatusBadge className="samenspel-rota-badge samenspel-rota-badge--open">{t('rota.open')}</StatusBadge>
            ) : item.mine ? (
              <>
                <strong>{item.who ?? t('rota.you')}</strong>{' '}
                <StatusBadge className="samenspel-rota-badge samenspel-rota-badge--mine">{t('rota.yourTurn')}</StatusBadge>
              </>
            ) : (
              <span className="samenspel-rota-calendar__who">
                {item.who ?? t('rota.someone')}
                {item.pending && <span className="samenspel-rota-calendar__note"> {t('rota.notConfirmed')}</span>}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
