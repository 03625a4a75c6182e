/**
 * The volunteers of one help request, on the request's own page: for the
 * resident (and whoever posted it for them) and for coordinators.
 *
 * - One sentence on where it stands ("Wij hebben 3 vrijwilligers gevraagd.
 *   U hoort het als iemand ja zegt.").
 * - A volunteer who said yes: first name, reasons, and the yes/no form.
 * - A confirmed match: the volunteer's contact card.
 * - Those asked and the earlier proposals, each linking to the match page
 *   for messages, "niet gekomen" and ending.
 * - "Zoek opnieuw" asks the platform to propose again.
 * - Coordinators also get the engine's candidates, with "zoek verder weg"
 *   and an invite button per volunteer.
 */
import { Button, ButtonGroup, Heading, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import * as api from '../api/endpoints';
import type { HelpMatch, HelpRequest, MatchCandidate } from '../api/types';
import { matchPath } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from '../lib/errors';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import { CheckboxField } from './CheckboxField';
import { ContactCard } from './ContactCard';
import { DecisionForm } from './DecisionForm';
import { LoadState } from './LoadState';
import { cardModifier } from './MatchCard';
import { allows, isLive, requestMatchStage, summariseRequestMatches } from './matches';
import { MatchStateBadge } from './MatchRequestDetails';
import { ReasonList } from './ReasonList';
import './matches.css';
import { RotaLink } from './RotaParts';

type View = 'resident' | 'coordinator';
const OPEN_STATUSES = ['open', 'stalled'];

export function RequestMatches({
  code,
  request,
  view,
  onRequestChanged,
}: {
  code: string;
  request: HelpRequest;
  view: View;
  /** After an answer: the request's own status may have changed (matched). */
  onRequestChanged: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  // Withdrawing the request closes its proposals: a new status loads them again.
  const matches = useResource(() => api.listRequestMatches(code, request.id), [code, request.id, request.status]);
  const heading = useRef<HTMLHeadingElement>(null);
  const [focusHeading, setFocusHeading] = useState(0);
  const [finding, setFinding] = useState(false);
  const [findError, setFindError] = useState<string | null>(null);
  const canLookAgain = OPEN_STATUSES.includes(request.status);

  useEffect(() => {
    if (focusHeading > 0) heading.current?.focus();
  }, [focusHeading]);

  /** After an answer or an invitation: show the new list, start reading at the section heading. */
  const refresh = (list: HelpMatch[]) => {
    matches.setData(list);
    setFocusHeading((n) => n + 1);
  };

  const lookAgain = async () => {
    if (finding) return;
    setFinding(true);
    setFindError(null);
    try {
      const result = await api.findVolunteers(code, request.id);
      refresh(result.matches);
      announce(
        result.proposed === 0
          ? t('requestMatches.foundNone')
          : result.proposed === 1
            ? t('requestMatches.foundOne')
            : t('requestMatches.foundMany', { count: result.proposed }),
        result.proposed === 0 ? 'info' : 'ok',
      );
    } catch (error) {
      setFindError(problemMessage(i18n, error));
    } finally {
      setFinding(false);
    }
  };

  return (
    <>
      <section className="samenspel-section" aria-labelledby="request-matches">
        <Heading2 id="request-matches" ref={heading} tabIndex={-1}>
          {t('requestMatches.heading')}
        </Heading2>
        <LoadState resource={matches.resource}>
          {(list) => (
            <MatchesOfRequest
              code={code}
              view={view}
              matches={list}
              onAnswered={() => {
                // Another proposal may have been withdrawn by this answer: load them all again.
                void api.listRequestMatches(code, request.id).then(refresh, () => matches.reload());
                onRequestChanged();
              }}
            />
          )}
        </LoadState>
        {matches.resource.status === 'ready' && matches.resource.data.some((m) => m.rotaId) && (
          <Paragraph>
            <RotaLink requestId={request.id} />
          </Paragraph>
        )}
        {canLookAgain && (
          <>
            {findError && <Paragraph role="alert">{findError}</Paragraph>}
            <ButtonGroup>
              <Button appearance="secondary-action-button" busy={finding} onClick={() => void lookAgain()}>
                {finding ? t('requestMatches.findingAgain') : t('requestMatches.findAgain')}
              </Button>
            </ButtonGroup>
          </>
        )}
      </section>
      {view === 'coordinator' && canLookAgain && matches.resource.status === 'ready' && (
        <Candidates
          code={code}
          requestId={request.id}
          matches={matches.resource.data}
          onInvited={(match) => {
            if (matches.resource.status === 'ready') refresh([...matches.resource.data, match]);
          }}
        />
      )}
    </>
  );
}

function MatchesOfRequest({ code, view, matches, onAnswered }: { code: string; view: View; matches: HelpMatch[]; onAnswered: () => void }) {
  const { t } = useI18n();
  const s = summariseRequestMatches(matches);
  // A resident never heard of volunteers who did not say yes: their closed proposals are noise.
  const past = view === 'coordinator' ? s.past : s.past.filter((m) => m.volunteerGivenName !== null);
  const stage = requestMatchStage(matches);
  const firstConfirmed = s.confirmed[0];
  let summary: string;
  if (view === 'coordinator') {
    summary =
      stage === 'none'
        ? t('requestMatches.noneCoordinator')
        : t('requestMatches.coordinatorSummary', { asked: s.asked.length, yes: s.saidYes.length, confirmed: s.confirmed.length });
  } else if (stage === 'confirmed' && firstConfirmed) {
    summary = t('requestMatches.confirmed', { name: firstConfirmed.volunteerGivenName ?? t('match.someVolunteer') });
  } else if (stage === 'saidYes') {
    summary = s.saidYes.length === 1 ? t('requestMatches.saidYesOne') : t('requestMatches.saidYesMany', { count: s.saidYes.length });
  } else if (stage === 'asked') {
    summary = s.asked.length === 1 ? t('requestMatches.askedOne') : t('requestMatches.askedMany', { count: s.asked.length });
  } else {
    summary = t('requestMatches.none');
  }

  return (
    <>
      <Paragraph>{summary}</Paragraph>
      {(s.confirmed.length > 0 || s.saidYes.length > 0) && (
        <ul className="samenspel-match-list">
          {[...s.confirmed, ...s.saidYes].map((m) => (
            <RequestMatchCard key={m.id} code={code} match={m} onAnswered={onAnswered} />
          ))}
        </ul>
      )}
      {s.asked.length > 0 && (
        <>
          <Heading3>{t('requestMatches.askedHeading')}</Heading3>
          <ul className="samenspel-match-list">
            {s.asked.map((m) => (
              <RequestMatchCard key={m.id} code={code} match={m} level={4} onAnswered={onAnswered} />
            ))}
          </ul>
        </>
      )}
      {past.length > 0 && (
        <>
          <Heading3>{t('requestMatches.pastHeading')}</Heading3>
          <ul className="samenspel-match-list">
            {past.map((m) => (
              <RequestMatchCard key={m.id} code={code} match={m} level={4} onAnswered={onAnswered} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Level 3 right under "Vrijwilligers"; 4 under "Gevraagd" and "Eerdere voorstellen", where nothing is nested. */
function RequestMatchCard({ code, match, level = 3, onAnswered }: { code: string; match: HelpMatch; level?: 3 | 4; onAnswered: () => void }) {
  const { t } = useI18n();
  const name = match.volunteerGivenName;
  const title = name ?? t('match.someVolunteerTitle');
  const volunteer = match.contact?.volunteer;
  return (
    <li className={`samenspel-match-card ${cardModifier(match)}`.trim()}>
      <Heading level={level} className="samenspel-match-card__heading">
        {title}
      </Heading>
      {name && match.volunteerHomeMunicipality && <Paragraph className="samenspel-candidate-note">{t('match.fromMunicipality', { municipality: match.volunteerHomeMunicipality })}</Paragraph>}
      <MatchStateBadge state={match.state} side={match.viewerSide} />
      {isLive(match) && <ReasonList reasons={match.reasons} reader={match.viewerSide} />}
      {volunteer && match.viewerSide === 'resident' && (
        <ContactCard id={`contact-${match.id}`} level={4} person={volunteer} givenName={name ?? volunteer.name} />
      )}
      {allows(match, 'accept') && allows(match, 'decline') && <DecisionForm code={code} match={match} level={4} onDecided={onAnswered} />}
      <Paragraph>
        <RouterLink href={matchPath(match.id)} aria-label={t('requestMatches.openLabel', { name: title })}>
          {t('requestMatches.open')}
        </RouterLink>
      </Paragraph>
    </li>
  );
}

function Candidates({
  code,
  requestId,
  matches,
  onInvited,
}: {
  code: string;
  requestId: string;
  matches: HelpMatch[];
  onInvited: (match: HelpMatch) => void;
}) {
  const { t } = useI18n();
  const [widen, setWiden] = useState(false);
  const candidates = useResource(() => api.listCandidates(code, requestId, widen), [code, requestId, widen]);
  const asked = new Set(matches.filter(isLive).flatMap((m) => (m.volunteerPersonId ? [m.volunteerPersonId] : [])));

  return (
    <section className="samenspel-section" aria-labelledby="request-candidates">
      <Heading2 id="request-candidates">{t('candidates.heading')}</Heading2>
      <Paragraph>{t('candidates.intro')}</Paragraph>
      <CheckboxField id="candidates-widen" label={t('candidates.widen')} description={t('candidates.widenHint')} checked={widen} onChange={setWiden} />
      <LoadState resource={candidates.resource}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{t('candidates.empty')}</Paragraph>
          ) : (
            <ul className="samenspel-match-list">
              {list.map((c) => (
                <CandidateCard key={c.volunteerPersonId} code={code} requestId={requestId} candidate={c} asked={asked.has(c.volunteerPersonId)} onInvited={onInvited} />
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}

function CandidateCard({
  code,
  requestId,
  candidate,
  asked,
  onInvited,
}: {
  code: string;
  requestId: string;
  candidate: MatchCandidate;
  asked: boolean;
  onInvited: (match: HelpMatch) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const number = new Intl.NumberFormat(i18n.locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });

  const invite = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const match = await api.inviteVolunteer(code, requestId, candidate.volunteerPersonId);
      announce(t('candidates.invited', { name: candidate.givenName }));
      onInvited(match);
    } catch (failure) {
      setError(problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="samenspel-match-card">
      <h3 className="utrecht-heading-3 samenspel-match-card__heading">{candidate.givenName}</h3>
      {candidate.homeMunicipality && <Paragraph className="samenspel-candidate-note">{t('match.fromMunicipality', { municipality: candidate.homeMunicipality })}</Paragraph>}
      {candidate.beyondOwnDistance && <Paragraph className="samenspel-candidate-note">{t('candidates.beyond')}</Paragraph>}
      {!candidate.coversWholeRequest && (
        <Paragraph className="samenspel-candidate-note">{t('candidates.partial', { count: number.format(candidate.sessionsPerMonth) })}</Paragraph>
      )}
      <ReasonList reasons={candidate.reasons} reader="coordinator" />
      {error && <Paragraph role="alert">{error}</Paragraph>}
      {asked ? (
        <Paragraph>
          <strong>{t('candidates.alreadyAsked')}</strong>
        </Paragraph>
      ) : (
        <ButtonGroup>
          <Button appearance="secondary-action-button" busy={busy} onClick={() => void invite()}>
            {busy ? t('candidates.inviting') : t('candidates.invite', { name: candidate.givenName })}
          </Button>
        </ButtonGroup>
      )}
    </li>
  );
}
