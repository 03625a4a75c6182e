/**
 * One match (koppeling), at `/koppelingen/:id`, for whoever is on it: the
 * volunteer, the resident side, or a coordinator. The server says which
 * side the person is on (`viewerSide`) and what they may do
 * (`allowedActions`); this page shows exactly that.
 *
 * Order on the page: where it stands and what happens next, the contact
 * card once both said yes, the request (no name, no address), the reasons,
 * the yes/no form when it is this person's turn, messages, and the actions
 * of a confirmed match. After an action, focus goes to "Wat gebeurt er nu?"
 * and the live region says what happened.
 */
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/endpoints';
import type { HelpMatch, Membership } from '../api/types';
import { helpRequestPath, myHelpRequestPath, PATHS } from '../app/navigation';
import { RequireSignIn } from '../components/Guards';
import { ContactCard } from '../components/ContactCard';
import { DecisionForm } from '../components/DecisionForm';
import { Loading, ProblemAlert } from '../components/LoadState';
import { EndSection, NoShowSection, SessionsSection, WithdrawSection } from '../components/MatchActions';
import { allows } from '../components/matches';
import { MatchRequestDetails, MatchStateBadge } from '../components/MatchRequestDetails';
import { MessageThread } from '../components/MessageThread';
import { SafetyActions } from '../components/SafetyActions';
import { PageHeading } from '../components/PageHeading';
import { ReasonList } from '../components/ReasonList';
import { useI18n, type I18n } from '../i18n/i18n';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import { NotFoundPage } from './NotFoundPage';
import '../components/neighbour-help.css';
import '../components/matches.css';

export function MatchDetailPage({ id }: { id: string }) {
  return (
    <RequireSignIn>{({ membership }) => <MatchDetail key={`${membership.municipality.code}/${id}`} membership={membership} id={id} />}</RequireSignIn>
  );
}

/** The other person's first name as this side may see it, for the sentences. */
export function counterpartName(i18n: Pick<I18n, 't'>, match: HelpMatch): string {
  if (match.viewerSide === 'volunteer') return match.residentGivenName ?? '';
  return match.volunteerGivenName ?? i18n.t('match.someVolunteer');
}

/** "Wat gebeurt er nu?" for this side and state, plus why it closed. */
export function NextStep({ match }: { match: HelpMatch }) {
  const i18n = useI18n();
  const { t } = i18n;
  const closing =
    match.state === 'declined'
      ? [match.declinedBy === 'resident' ? t('match.declinedByResident') : t('match.declinedByVolunteer')]
      : [];
  const reasonKey = match.reason
    ? match.state === 'declined'
      ? `declineReason.${match.reason}`
      : match.state === 'withdrawn'
        ? `withdrawReason.${match.reason}`
        : match.state === 'ended'
          ? `endReason.${match.reason}`
          : null
    : null;
  if (reasonKey && i18n.has(reasonKey)) closing.push(t('match.reasonGiven', { reason: t(reasonKey) }));
  return (
    <>
      <Paragraph>{t(`matchNext.${match.viewerSide}.${match.state}`, { name: counterpartName(i18n, match) })}</Paragraph>
      {closing.length > 0 && <Paragraph>{closing.join(' ')}</Paragraph>}
    </>
  );
}

function MatchDetail({ membership, id }: { membership: Membership; id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const code = membership.municipality.code;
  const { resource, setData, reload } = useResource(() => api.getMatch(code, id), [code, id]);
  const nextHeading = useRef<HTMLHeadingElement>(null);
  const [focusNext, setFocusNext] = useState(0);

  useEffect(() => {
    if (focusNext > 0) nextHeading.current?.focus();
  }, [focusNext]);

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') {
    if (isApiError(resource.error) && resource.error.code === 'not_found') return <NotFoundPage />;
    return (
      <>
        <PageHeading>{t('matches.title')}</PageHeading>
        <ProblemAlert error={resource.error} />
      </>
    );
  }
  const match = resource.data;
  const side = match.viewerSide;
  const changed = (next: HelpMatch) => {
    setData(next);
    setFocusNext((n) => n + 1);
  };
  const back =
    side === 'volunteer' ? (
      <RouterLink href={PATHS.myMatches}>{t('match.backVolunteer')}</RouterLink>
    ) : side === 'resident' ? (
      <RouterLink href={myHelpRequestPath(match.requestId)}>{t('match.backResident')}</RouterLink>
    ) : (
      <RouterLink href={helpRequestPath(match.requestId)}>{t('match.backCoordinator')}</RouterLink>
    );
  const contact = match.contact;

  return (
    <>
      <PageHeading>{t('match.title', { category: match.request.category.name })}</PageHeading>
      <Paragraph>{back}</Paragraph>
      <div className="samenspel-match-status">
        <MatchStateBadge state={match.state} side={side} />
      </div>
      {side !== 'volunteer' && match.volunteerGivenName && (
        <Paragraph>
          {t('match.volunteerName', { name: match.volunteerGivenName })}
          {match.volunteerHomeMunicipality && ` (${t('match.fromMunicipality', { municipality: match.volunteerHomeMunicipality })})`}
        </Paragraph>
      )}

      <section className="samenspel-section samenspel-next-steps" aria-labelledby="match-next">
        <Heading2 id="match-next" ref={nextHeading} tabIndex={-1}>
          {t('match.nextHeading')}
        </Heading2>
        <NextStep match={match} />
      </section>

      {contact && side === 'volunteer' && contact.resident && (
        <ContactCard id="match-contact" person={contact.resident} givenName={match.residentGivenName ?? contact.resident.name} />
      )}
      {contact && side === 'resident' && contact.volunteer && (
        <ContactCard id="match-contact" person={contact.volunteer} givenName={match.volunteerGivenName ?? contact.volunteer.name} />
      )}
      {contact && side === 'coordinator' && (
        <>
          {contact.volunteer && (
            <ContactCard id="match-contact-volunteer" person={contact.volunteer} givenName={match.volunteerGivenName ?? contact.volunteer.name} />
          )}
          {contact.resident && (
            <ContactCard id="match-contact-resident" person={contact.resident} givenName={match.residentGivenName ?? contact.resident.name} />
          )}
        </>
      )}

      <section className="samenspel-section" aria-labelledby="match-request">
        <Heading2 id="match-request">{t('match.requestHeading')}</Heading2>
        {side === 'volunteer' && !contact && <Paragraph>{t('match.noPersonalYet')}</Paragraph>}
        <MatchRequestDetails request={match.request} sessionsPerMonth={match.sessionsPerMonth} side={side} />
      </section>

      <section className="samenspel-section" aria-labelledby="match-reasons">
        <Heading2 id="match-reasons">{t(`reason.heading.${side}`)}</Heading2>
        <ReasonList reasons={match.reasons} reader={side} />
      </section>

      {allows(match, 'accept') && allows(match, 'decline') && <DecisionForm code={code} match={match} onDecided={changed} />}

      {(allows(match, 'message') || match.state !== 'proposed') && <MessageThread key={match.state} code={code} match={match} />}

      <SessionsSection code={code} match={match} onChanged={setData} />
      <NoShowSection code={code} match={match} onChanged={setData} />
      <EndSection code={code} match={match} onChanged={changed} />
      <WithdrawSection code={code} match={match} onChanged={changed} />
      {/* Only the two people on the match can report or block each other. */}
      {side !== 'coordinator' && <SafetyActions code={code} matchId={match.id} onBlocked={reload} />}
    </>
  );
}
