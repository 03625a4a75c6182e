/**
 * The pieces of a rota that the coach's page and the rota page share: the
 * proposal's team as a table, an approved rota's members with their state,
 * the one-line summary of how much is covered, and the link to a rota's
 * calendar (RotaLink, for the resident's request page).
 */
import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Rota, RotaProposal } from '../api/coach';
import { myRequestRotaPath, rotaPath } from '../app/navigation';
import { useI18n, type I18n } from '../i18n/i18n';
import { RouterLink } from '../router';
import { distinctNames, formatNumber, sumSessions } from './coach';
import type { CalendarItem } from './RotaCalendar';
import { ScrollTable } from './ScrollTable';

/**
 * Labels for the proposal's members that tell namesakes apart ("Saar (2)"),
 * numbered in the order of their ids so the same person keeps the same
 * number in the table, the calendar and the candidates.
 */
export function proposalNames(proposal: RotaProposal): Map<string, string> {
  return distinctNames(
    [...proposal.members].sort((a, b) => a.volunteerPersonId.localeCompare(b.volunteerPersonId)).map((m) => ({ id: m.volunteerPersonId, name: m.givenName })),
  );
}

export function proposalCalendar(proposal: RotaProposal): CalendarItem[] {
  const names = proposalNames(proposal);
  return proposal.calendar.map((e) => ({
    date: e.date,
    dayPart: e.dayPart,
    who: e.memberId ? (names.get(e.memberId) ?? e.givenName) : null,
    open: e.memberId === null,
    pending: false,
    mine: false,
  }));
}

export function rotaCalendar(rota: Rota): CalendarItem[] {
  return rota.calendar.map((e) => ({ date: e.date, dayPart: e.dayPart, who: e.givenName, open: e.open, pending: !e.open && !e.confirmed, mine: e.mine }));
}

/** A member's state in words: "Gevraagd, nog geen antwoord", "Doet mee", … */
export function memberStateText(i18n: Pick<I18n, 'tCode'>, state: string): string {
  return i18n.tCode('rota.state', state);
}

/** How many of the planned sessions a month are confirmed: members who said yes. */
export function confirmedSessions(rota: Rota): number {
  return sumSessions(rota.members.filter((m) => m.state === 'confirmed').map((m) => m.sessionsPerMonth));
}

/** "Nodig: 4,3 keer per maand. Ingepland: 4,3 keer. Daarvan bevestigd: 2 keer. Alle keren zijn ingepland." */
export function RotaCoverage({ demand, covered, gap, confirmed }: { demand: number; covered: number; gap: number; confirmed?: number }) {
  const { t, locale } = useI18n();
  return (
    <p className="utrecht-paragraph">
      {t('rota.coverage', { demand: formatNumber(locale, demand), covered: formatNumber(locale, covered) })}{' '}
      {confirmed !== undefined && `${t('rota.confirmed', { confirmed: formatNumber(locale, confirmed) })} `}
      {gap > 0 ? <strong>{t('rota.gap', { gap: formatNumber(locale, gap) })}</strong> : t('rota.noGap')}
    </p>
  );
}

export function ProposalTable({ proposal }: { proposal: RotaProposal }) {
  const { t, locale } = useI18n();
  const names = proposalNames(proposal);
  return (
    <ScrollTable caption={t('coachRequest.proposalCaption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('coachRequest.col.volunteer')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('coachRequest.col.sessions')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('coachRequest.col.distance')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('coachRequest.col.known')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {proposal.members.map((m) => (
          <TableRow key={m.volunteerPersonId}>
            <TableHeaderCell scope="row">{names.get(m.volunteerPersonId) ?? m.givenName}</TableHeaderCell>
            <TableCell>{formatNumber(locale, m.sessionsPerMonth)}</TableCell>
            <TableCell>{t('coachRequest.km', { km: formatNumber(locale, m.km) })}</TableCell>
            <TableCell>{m.known ? t('helpRequest.yes') : t('helpRequest.no')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}

export function RotaMembersTable({ rota }: { rota: Rota }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  return (
    <ScrollTable caption={t('rota.membersCaption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('coachRequest.col.volunteer')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('coachRequest.col.sessions')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('rota.col.state')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rota.members.map((m, index) => (
          <TableRow key={m.matchId ?? `member-${index}`}>
            <TableHeaderCell scope="row">
              {m.givenName ?? t('rota.someone')}
              {m.mine && <span className="samenspel-data-note"> {t('rota.thisIsYou')}</span>}
            </TableHeaderCell>
            <TableCell>{formatNumber(locale, m.sessionsPerMonth)}</TableCell>
            <TableCell>{memberStateText(i18n, m.state)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}

/**
 * A link to a rota's calendar. With `requestId`: the resident's own request
 * (`/mijn-hulpvragen/:id/rooster`); with `rotaId`: any rota the viewer may see.
 * Ids only: nothing personal in the address.
 */
export function RotaLink(props: { requestId: string; rotaId?: undefined } | { rotaId: string; requestId?: undefined }) {
  const { t } = useI18n();
  const href = props.rotaId !== undefined ? rotaPath(props.rotaId) : myRequestRotaPath(props.requestId ?? '');
  return <RouterLink href={href}>{t('rota.link')}</RouterLink>;
}
