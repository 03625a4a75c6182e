/**
 * Koppelronde (on the coach's queue page): the coordinator starts the
 * engine's city-wide match for every open request nobody has been asked for
 * yet, and sees what it did: the new proposals, the requests that need a
 * rota (one volunteer is not enough; links to the coach's page for each) and
 * how many found nobody. Nothing personal is shown: category, postcode area,
 * times a month.
 */
import { Button, ButtonGroup, Heading2, Heading3, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import * as coachApi from '../api/coach';
import type { MatchingRound as Round } from '../api/coach';
import { coachRequestPath } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from '../lib/errors';
import { RouterLink } from '../router';
import { formatNumber } from './coach';
import { ScrollTable } from './ScrollTable';

export function MatchingRound({ code }: { code: string }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState<Round | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const n = (v: number) => formatNumber(locale, v);
  // Focus moves to the result once it is on the page, so keyboard and screen-reader users land on
  // what changed (a frame after the answer was too early when React had not rendered it yet).
  useEffect(() => {
    if (round) resultHeading.current?.focus();
  }, [round]);

  const start = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await coachApi.runMatchingRound(code);
      setRound(result);
      announce(t('coach.roundDone', { count: result.proposals.length }));
    } catch (failure) {
      setError(problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="matching-round" className="samenspel-matching-round">
      <Heading2 id="matching-round">{t('coach.roundHeading')}</Heading2>
      <Paragraph>{t('coach.roundIntro')}</Paragraph>
      {error && (
        <Paragraph role="alert" className="samenspel-coach-error">
          {error}
        </Paragraph>
      )}
      <ButtonGroup>
        <Button appearance="primary-action-button" busy={busy} onClick={() => void start()}>
          {busy ? t('coach.roundBusy') : t('coach.roundStart')}
        </Button>
      </ButtonGroup>
      {round && (
        <>
          <Heading3 ref={resultHeading} tabIndex={-1} id="matching-round-result">
            {t('coach.roundDone', { count: round.proposals.length })}
          </Heading3>
          <Paragraph>
            {t('coach.roundSummary', {
              requests: round.requests,
              volunteers: round.volunteers,
              served: n(round.servedSessionsPerMonth),
              requested: n(round.requestedSessionsPerMonth),
            })}
          </Paragraph>
          {round.proposals.length === 0 ? (
            <Paragraph>{t('coach.roundNone')}</Paragraph>
          ) : (
            <ScrollTable caption={t('coach.roundProposals')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('coach.roundColRequest')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('coach.roundColArea')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('coach.roundColTimes')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('coach.roundColKm')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {round.proposals.map((p) => (
                  <TableRow key={p.requestId}>
                    <TableCell>
                      <RouterLink href={coachRequestPath(p.requestId)}>{p.categoryName}</RouterLink>
                    </TableCell>
                    <TableCell>{p.pc4}</TableCell>
                    <TableCell>{n(p.sessionsPerMonth)}</TableCell>
                    <TableCell>{t('coach.roundKm', { km: n(p.km) })}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </ScrollTable>
          )}
          {round.teams.length > 0 && (
            <>
              <Paragraph>{t('coach.roundTeamsIntro')}</Paragraph>
              <ScrollTable caption={t('coach.roundTeams')}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('coach.roundColRequest')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('coach.roundColArea')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('coach.roundColMembers')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('coach.roundColCovered')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {round.teams.map((team) => (
                    <TableRow key={team.requestId}>
                      <TableCell>
                        <RouterLink href={coachRequestPath(team.requestId)}>{team.categoryName}</RouterLink>
                      </TableCell>
                      <TableCell>{team.pc4}</TableCell>
                      <TableCell>{team.members}</TableCell>
                      <TableCell>{t('coach.roundCovered', { covered: n(team.coveredSessionsPerMonth), open: n(team.openSessionsPerMonth) })}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </ScrollTable>
            </>
          )}
          {round.unserved > 0 && <Paragraph>{t('coach.roundUnserved', { count: round.unserved })}</Paragraph>}
        </>
      )}
    </section>
  );
}
