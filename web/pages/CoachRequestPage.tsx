/**
 * The coach's working page for one request (`/coach/hulpvragen/:id`), for
 * social workers and administrators: the request (never the address), why
 * it stalled and the suggested steps, and one section per step:
 * - Rooster: the engine's smallest team as a table and a calendar, a start
 *   date and "Rooster goedkeuren"; after approval the rota with its members;
 * - Vrijwilligers: candidates with their reasons, "Zoek verder weg", invite;
 * - Eigen netwerk: the resident's own people, and "opgelost via eigen netwerk";
 * - Doorverwijzen: refer to formal support with a reason, after a confirmation;
 * - Geschiedenis: every time the request stalled and how that ended.
 * The queue links to the sections by fragment (`#rooster`); arriving there,
 * or following a step on this page, moves focus to that section's heading.
 */
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { isApiError } from '../api/client';
import * as coachApi from '../api/coach';
import type { Candidate, CoachQueueItem, Rota, RotaProposal } from '../api/coach';
import * as api from '../api/endpoints';
import type { HelpRequest, Membership } from '../api/types';
import { PATHS } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { AlertBox } from '../components/AlertBox';
import { distinctNames, formatNumber, isIsoDate, longDate, sectionFromHash, WIDEN_KM_CHOICES, type CoachSection } from '../components/coach';
import { ErrorSummary } from '../components/ErrorSummary';
import { areaText, dayPartsText, HelpStatusBadge, scheduleLabel, windowText } from '../components/HelpRequestDetails';
import { LoadState, Loading, ProblemAlert } from '../components/LoadState';
import { todayLocal } from '../components/neighbour-help';
import { NetworkList } from '../components/NetworkList';
import { PageHeading } from '../components/PageHeading';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { RotaCalendar } from '../components/RotaCalendar';
import { confirmedSessions, ProposalTable, proposalCalendar, RotaCoverage, rotaCalendar, RotaLink, RotaMembersTable } from '../components/RotaParts';
import { SelectField } from '../components/SelectField';
import { causeText, SuggestionList, waitingText } from '../components/SuggestionList';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import { useI18n, type I18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';
import { RouterLink, useLocation } from '../router';
import { COORDINATORS } from './CoachQueuePage';
import { NotFoundPage } from './NotFoundPage';
import '../components/coach.css';
import '../components/neighbour-help.css';
import { CheckboxField } from '../components/CheckboxField';

/** A request in these states can still be helped in neighbour help. */
const ACTIVE = ['open', 'stalled', 'matched'];

export function CoachRequestPage({ id }: { id: string }) {
  return (
    <RequireAnyRole roles={COORDINATORS}>
      {({ membership }) => <CoachRequest key={`${membership.municipality.code}/${id}`} membership={membership} id={id} />}
    </RequireAnyRole>
  );
}

function CoachRequest({ membership, id }: { membership: Membership; id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const code = membership.municipality.code;
  const request = useResource(() => api.getHelpRequest(code, id), [code, id]);
  // The coach's view of the request; `item` below is it only while the request is in the queue.
  const coaching = useResource(() => coachApi.getCoaching(code, id), [code, id]);
  const queue = {
    resource: coaching.resource.status === 'ready'
      ? { status: 'ready' as const, data: stalled(coaching.resource.data) }
      : coaching.resource,
    reload: coaching.reload,
  };
  // Bumped after every change, so the sections that show history load again.
  const [version, setVersion] = useState(0);
  const { hash } = useLocation();
  const ready = request.resource.status === 'ready';

  // Arriving at (or following a link to) a section: start reading there.
  useEffect(() => {
    const section = sectionFromHash(hash);
    if (ready && section) document.getElementById(section)?.focus();
  }, [hash, ready]);

  if (request.resource.status === 'loading') return <Loading />;
  if (request.resource.status === 'error') {
    if (isApiError(request.resource.error) && request.resource.error.code === 'not_found') return <NotFoundPage />;
    return (
      <>
        <PageHeading>{t('coach.queueTitle')}</PageHeading>
        <ProblemAlert error={request.resource.error} />
        <Paragraph>
          <RouterLink href={PATHS.coachQueue}>{t('coachRequest.back')}</RouterLink>
        </Paragraph>
      </>
    );
  }
  const r = request.resource.data;
  const item = queue.resource.status === 'ready' ? queue.resource.data : null;
  const active = ACTIVE.includes(r.status);
  const changed = () => {
    request.reload();
    queue.reload();
    setVersion((v) => v + 1);
  };

  return (
    <>
      <PageHeading>{t('coachRequest.title', { category: r.category.name, name: r.residentDisplayName })}</PageHeading>
      <Paragraph>
        <RouterLink href={PATHS.coachQueue}>{t('coachRequest.back')}</RouterLink>
      </Paragraph>
      <RequestSummary request={r} item={item} />

      <section className="samenspel-section" aria-labelledby="coach-why">
        <Heading2 id="coach-why">{t('coachRequest.whyHeading')}</Heading2>
        {queue.resource.status === 'loading' && <Loading />}
        {queue.resource.status === 'error' && <ProblemAlert error={queue.resource.error} />}
        {queue.resource.status === 'ready' &&
          (item ? (
            <>
              <Paragraph className="samenspel-coach-cause">{causeText(i18n, item)}</Paragraph>
              <Paragraph>{waitingText(i18n, item.daysWaiting)}</Paragraph>
              <Heading3 id="coach-steps">{t('coach.stepsHeading')}</Heading3>
              <SuggestionList suggestions={item.suggestions} labelledBy="coach-steps" hrefFor={(section) => `#${section}`} />
            </>
          ) : (
            <Paragraph>{t('coachRequest.notInQueue')}</Paragraph>
          ))}
      </section>

      {r.schedule !== 'once' && (
        <CoachSectionFrame section="rooster" title={t('coachRequest.rotaHeading')}>
          <RotaSection code={code} request={r} active={active} onChanged={changed} />
        </CoachSectionFrame>
      )}

      <CoachSectionFrame section="vrijwilligers" title={t('coachRequest.candidatesHeading')}>
        {active ? (
          <CandidatesSection key={version} code={code} request={r} extraKm={item?.request.extraKm ?? 0} suggestedKm={widenSuggestion(item)} />
        ) : (
          <Paragraph>{t('coachRequest.closedNote')}</Paragraph>
        )}
      </CoachSectionFrame>

      <CoachSectionFrame section="netwerk" title={t('coachRequest.networkHeading')}>
        <NetworkList code={code} requestId={r.id} canResolve={Boolean(item)} onResolved={changed} />
      </CoachSectionFrame>

      <CoachSectionFrame section="doorverwijzen" title={t('coachRequest.referHeading')}>
        {active ? <ReferSection code={code} request={r} onReferred={changed} /> : <Paragraph>{t('coachRequest.closedNote')}</Paragraph>}
      </CoachSectionFrame>

      {coaching.resource.status === 'ready' && active && (
        <SensitiveSection code={code} requestId={r.id} sensitive={coaching.resource.data.request.sensitive} onChanged={changed} />
      )}

      <CoachSectionFrame section="geschiedenis" title={t('coachRequest.historyHeading')}>
        <HistorySection key={version} code={code} requestId={r.id} />
      </CoachSectionFrame>
    </>
  );
}

/** The queue item, when the request is in the queue (it has an open stall). */
function stalled(view: coachApi.CoachingView): CoachQueueItem | null {
  return view.stallId && view.cause && view.detectedAt ? { ...view, stallId: view.stallId, cause: view.cause, detectedAt: view.detectedAt } : null;
}

/** The coach marks a request as sensitive: it then waits for the coach, and the platform proposes nobody by itself. */
function SensitiveSection({ code, requestId, sensitive, onChanged }: { code: string; requestId: string; sensitive: boolean; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [value, setValue] = useState(sensitive);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await coachApi.updateCoaching(code, requestId, { sensitive: value });
      announce(t(value ? 'coachRequest.sensitiveOn' : 'coachRequest.sensitiveOff'));
      onChanged();
    } catch (failure) {
      setError(problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="samenspel-coach-section" aria-labelledby="coach-sensitive">
      <Heading2 id="coach-sensitive">{t('coachRequest.sensitiveHeading')}</Heading2>
      <Paragraph>{t('coachRequest.sensitiveIntro')}</Paragraph>
      <form onSubmit={(event) => void save(event)} className="samenspel-form">
        <CheckboxField id="coach-sensitive-flag" label={t('coachRequest.sensitiveLabel')} checked={value} onChange={setValue} />
        {error && <Paragraph role="alert">{error}</Paragraph>}
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={value === sensitive}>
            {t('coachRequest.sensitiveSave')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function widenSuggestion(item: CoachQueueItem | null): number | null {
  const step = item?.suggestions.find((s) => s.step === 'widen_distance');
  return step?.step === 'widen_distance' ? step.extraKm : null;
}

/** A section whose heading is the target of `#section` links, and takes focus there. */
function CoachSectionFrame({ section, title, children }: { section: CoachSection; title: string; children: ReactNode }) {
  return (
    <section className="samenspel-coach-section" aria-labelledby={section}>
      <Heading2 id={section} tabIndex={-1}>
        {title}
      </Heading2>
      {children}
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** The request as the coach needs it: no address, only the postcode area. */
function RequestSummary({ request, item }: { request: HelpRequest; item: CoachQueueItem | null }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  return (
    <DataList className="samenspel-data-list">
      <Item label={t('requestDetail.resident')}>{request.residentDisplayName}</Item>
      <Item label={t('requestDetail.status')}>
        <HelpStatusBadge status={request.status} />
      </Item>
      <Item label={t('requestDetail.category')}>{request.category.name}</Item>
      <Item label={t('requestDetail.description')}>
        <span className="samenspel-mail-text">{request.description}</span>
      </Item>
      <Item label={t('requestDetail.schedule')}>{scheduleLabel(i18n, request.schedule)}</Item>
      <Item label={t('requestDetail.when')}>{request.window ? windowText(i18n, request.window) : dayPartsText(i18n, request.dayParts)}</Item>
      <Item label={t('requestDetail.area')}>
        {areaText(i18n, request)}
        <span className="samenspel-data-note">{t('requestDetail.noAddress')}</span>
      </Item>
      {item?.request.sensitive && <Item label={t('coachRequest.sensitive')}>{t('helpRequest.yes')}</Item>}
      <Item label={t('requestDetail.createdAt')}>
        <time dateTime={request.createdAt}>{formatDateTime(request.createdAt)}</time>
      </Item>
    </DataList>
  );
}

// ---------------------------------------------------------------- rota

type RotaState = { kind: 'rota'; rota: Rota } | { kind: 'proposal'; proposal: RotaProposal } | { kind: 'none' };

function RotaSection({ code, request, active, onChanged }: { code: string; request: HelpRequest; active: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const { resource, setData, reload } = useResource<RotaState>(async () => {
    try {
      return { kind: 'rota', rota: await coachApi.getRotaOfRequest(code, request.id) };
    } catch (error) {
      if (!isApiError(error) || error.code !== 'not_found') throw error;
      if (!active) return { kind: 'none' };
      return { kind: 'proposal', proposal: await coachApi.getRotaProposal(code, request.id) };
    }
  }, [code, request.id]);
  const approvedHeading = useRef<HTMLHeadingElement>(null);
  // After an approval, focus goes to the approved rota's heading as soon as it is on screen.
  const focusApproved = useRef(false);

  useEffect(() => {
    if (focusApproved.current && approvedHeading.current) {
      focusApproved.current = false;
      approvedHeading.current.focus();
    }
  });

  return (
    <LoadState resource={resource}>
      {(state) => {
        if (state.kind === 'none') return <Paragraph>{t('coachRequest.noRotaClosed')}</Paragraph>;
        if (state.kind === 'rota') return <ApprovedRota code={code} rota={state.rota} headingRef={approvedHeading} onRefilled={(rota) => setData({ kind: 'rota', rota })} />;
        return (
          <ProposalView
            code={code}
            requestId={request.id}
            proposal={state.proposal}
            onApproved={(rota) => {
              focusApproved.current = true;
              setData({ kind: 'rota', rota });
              announce(t('coachRequest.approved'));
              onChanged();
            }}
            onConflict={() => {
              // Someone else approved one meanwhile: show that one.
              focusApproved.current = true;
              announce(t('coachRequest.approveConflict'), 'info');
              reload();
              onChanged();
            }}
          />
        );
      }}
    </LoadState>
  );
}

type ApproveField = 'startsOn';

function ProposalView({
  code,
  requestId,
  proposal,
  onApproved,
  onConflict,
}: {
  code: string;
  requestId: string;
  proposal: RotaProposal;
  onApproved: (rota: Rota) => void;
  onConflict: () => void;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [startsOn, setStartsOn] = useState(proposal.startsOn);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<ApproveField>();

  if (proposal.members.length === 0) {
    return <Paragraph>{t('coachRequest.noTeam')}</Paragraph>;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!isIsoDate(startsOn)) return errors.fail({ startsOn: t('coachRequest.startsOnInvalid') });
    if (startsOn < todayLocal()) return errors.fail({ startsOn: t('coachRequest.startsOnPast') });
    setBusy(true);
    try {
      const rota = await coachApi.approveRota(code, requestId, {
        startsOn,
        members: proposal.members.map((m) => ({ volunteerPersonId: m.volunteerPersonId, sessionsPerMonth: m.sessionsPerMonth })),
      });
      errors.clear();
      onApproved(rota);
    } catch (failure) {
      setBusy(false);
      if (isApiError(failure) && failure.code === 'conflict') {
        onConflict();
        return;
      }
      const fields = fieldErrorsFromProblem(i18n, failure, ['startsOn'] as const, (name) => (name === 'startsOn' ? 'startsOn' : null));
      const membersProblem = isApiError(failure) && failure.invalidParams.some((p) => p.name.startsWith('members'));
      if (fields?.startsOn) fields.startsOn = t('coachRequest.startsOnPast');
      errors.fail(fields ?? {}, membersProblem ? t('coachRequest.membersChanged') : fields ? null : problemMessage(i18n, failure));
    }
  };

  return (
    <>
      <Paragraph>{t('coachRequest.proposalIntro')}</Paragraph>
      <RotaCoverage demand={proposal.demandSessions} covered={Math.min(proposal.coveredSessions, proposal.demandSessions)} gap={Math.max(0, proposal.demandSessions - proposal.coveredSessions)} />
      {!proposal.complete && (
        <AlertBox type="warning">
          <Paragraph>{t('coachRequest.incomplete', { covered: formatNumber(locale, proposal.coveredSessions), demand: formatNumber(locale, proposal.demandSessions) })}</Paragraph>
        </AlertBox>
      )}
      <ProposalTable proposal={proposal} />
      <Heading3 id="proposal-calendar">{t('coachRequest.calendarHeading')}</Heading3>
      <Paragraph>{t('coachRequest.calendarIntro', { date: longDate(locale, proposal.startsOn, { weekday: true }) })}</Paragraph>
      <RotaCalendar items={proposalCalendar(proposal)} labelledBy="proposal-calendar" />

      <Heading3 id="approve-heading">{t('coachRequest.approveHeading')}</Heading3>
      <Paragraph>{t('coachRequest.approveIntro')}</Paragraph>
      <ErrorSummary message={errors.message} attempt={errors.attempt} items={summaryItems(errors.fields, [{ name: 'startsOn', id: 'rota-starts-on', label: t('coachRequest.startsOn') }])} />
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form" aria-labelledby="approve-heading">
        <TextField
          id="rota-starts-on"
          type="date"
          label={t('coachRequest.startsOn')}
          description={t('coachRequest.startsOnHint')}
          value={startsOn}
          onChange={setStartsOn}
          error={errors.fields.startsOn}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('coachRequest.approving') : t('coachRequest.approve')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}

function ApprovedRota({ code, rota, headingRef, onRefilled }: { code: string; rota: Rota; headingRef: RefObject<HTMLHeadingElement | null>; onRefilled: (rota: Rota) => void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refill = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onRefilled(await coachApi.refillRota(code, rota.id));
      announce(t('coachRequest.refilled'));
    } catch (failure) {
      setError(isApiError(failure) && failure.code === 'conflict' ? t('coachRequest.refillConflict') : problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading3 ref={headingRef} tabIndex={-1} id="rota-approved">
        {t('coachRequest.approvedHeading')}
      </Heading3>
      <Paragraph>
        {rota.approvedAt ? t('coachRequest.approvedOn', { date: formatDate(rota.approvedAt) }) : null} {t('coachRequest.approvedNext')}
      </Paragraph>
      <RotaCoverage demand={rota.demandSessions} covered={rota.coveredSessions} gap={rota.gapSessions} confirmed={confirmedSessions(rota)} />
      <RotaMembersTable rota={rota} />
      <Heading3 id="rota-calendar">{t('coachRequest.calendarHeading')}</Heading3>
      <RotaCalendar items={rotaCalendar(rota)} labelledBy="rota-calendar" />
      {rota.gapSessions > 0 && (
        <>
          {error && (
            <Paragraph role="alert" className="samenspel-coach-error">
              {error}
            </Paragraph>
          )}
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={busy} onClick={() => void refill()}>
              {busy ? t('coachRequest.busy') : t('coachRequest.refill')}
            </Button>
          </ButtonGroup>
        </>
      )}
      <Paragraph>
        <RotaLink rotaId={rota.id} />
      </Paragraph>
    </>
  );
}

// ---------------------------------------------------------------- candidates

/** Candidates' names, namesakes numbered in the order of their ids (as in the proposal). */
function candidateNames(candidates: readonly Candidate[]): Map<string, string> {
  return distinctNames(
    [...candidates].sort((a, b) => a.volunteerPersonId.localeCompare(b.volunteerPersonId)).map((c) => ({ id: c.volunteerPersonId, name: c.givenName })),
  );
}

function reasonLines(i18n: Pick<I18n, 't' | 'locale'>, c: Candidate): string[] {
  const { t, locale } = i18n;
  const lines: string[] = [];
  if (c.reasons.km !== null) lines.push(t('candidate.km', { km: formatNumber(locale, c.reasons.km) }));
  if (c.beyondOwnDistance) lines.push(t('candidate.beyond'));
  lines.push(c.coversWholeRequest ? t('candidate.coversAll') : t('candidate.sessions', { sessions: formatNumber(locale, c.sessionsPerMonth) }));
  if (c.reasons.dayPartsInCommon.length > 0) {
    const parts = c.reasons.dayPartsInCommon.map((p) => {
      const [day, part] = p.split(':') as [string, string];
      // Dutch writes one word ("dinsdagmiddag"), English two ("Tuesday afternoon").
      const dayName = t(`day.${day}` as 'day.mon');
      const partName = t(`dayPart.${part}` as 'dayPart.morning').toLowerCase();
      return locale === 'nl' ? `${dayName.toLowerCase()}${partName}` : `${dayName} ${partName}`;
    });
    lines.push(t('candidate.dayParts', { dayParts: new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts) }));
  }
  if (c.reasons.continuity) lines.push(t('candidate.known'));
  if (c.reasons.skillsWished > 0) lines.push(t('candidate.skills', { matched: c.reasons.skillsMatched, wished: c.reasons.skillsWished }));
  return lines;
}

function CandidatesSection({
  code,
  request,
  extraKm,
  suggestedKm,
}: {
  code: string;
  request: HelpRequest;
  extraKm: number;
  suggestedKm: number | null;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [widen, setWiden] = useState(false);
  const [km, setKm] = useState(String(Math.max(extraKm, suggestedKm ?? WIDEN_KM_CHOICES[0])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invited, setInvited] = useState<Set<string>>(() => new Set());
  const { resource, reload } = useResource(() => coachApi.listCandidates(code, request.id, widen), [code, request.id, widen]);
  const kmChoices = [...new Set([...WIDEN_KM_CHOICES, Number(km)])].sort((a, b) => a - b);

  const searchWider = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await coachApi.updateCoaching(code, request.id, { extraKm: Number(km) });
      if (widen) reload();
      else setWiden(true);
      announce(t('candidate.widened', { km }));
    } catch (failure) {
      setError(problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Paragraph>{widen ? t('candidate.introWide', { km }) : t('candidate.intro')}</Paragraph>
      <LoadState resource={resource}>
        {(candidates) => {
          if (candidates.length === 0) return <Paragraph>{widen ? t('candidate.noneWide') : t('candidate.none')}</Paragraph>;
          const names = candidateNames(candidates);
          return (
            <ul className="samenspel-coach-list" aria-label={t('candidate.listLabel')}>
              {candidates.map((c) => (
                <CandidateItem
                  key={c.volunteerPersonId}
                  code={code}
                  requestId={request.id}
                  candidate={c}
                  name={names.get(c.volunteerPersonId) ?? c.givenName}
                  reasons={reasonLines(i18n, c)}
                  invited={invited.has(c.volunteerPersonId)}
                  onInvited={() => setInvited((current) => new Set(current).add(c.volunteerPersonId))}
                />
              ))}
            </ul>
          );
        }}
      </LoadState>
      <form noValidate onSubmit={(event) => void searchWider(event)} className="samenspel-coach-inline-form" aria-label={t('candidate.widenLabel')}>
        <SelectField
          id="coach-extra-km"
          label={t('candidate.extraKm')}
          value={km}
          onChange={setKm}
          options={kmChoices.map((n) => ({ value: String(n), label: t('candidate.extraKmValue', { km: n }) }))}
          error={error ?? undefined}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {t('candidate.widen')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}

function CandidateItem({
  code,
  requestId,
  candidate,
  name,
  reasons,
  invited,
  onInvited,
}: {
  code: string;
  requestId: string;
  candidate: Candidate;
  /** The first name, numbered when another candidate has the same one. */
  name: string;
  reasons: string[];
  invited: boolean;
  onInvited: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const invite = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await coachApi.inviteVolunteer(code, requestId, candidate.volunteerPersonId);
      announce(t('candidate.invited', { name }));
      onInvited();
    } catch (failure) {
      setError(isApiError(failure) && failure.code === 'conflict' ? t('candidate.inviteConflict', { name }) : problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li>
      <Paragraph>
        <strong>{name}</strong>
      </Paragraph>
      <UnorderedList className="samenspel-coach-reasons">
        {reasons.map((line) => (
          <UnorderedListItem key={line}>{line}</UnorderedListItem>
        ))}
      </UnorderedList>
      {error && (
        <Paragraph role="alert" className="samenspel-coach-error">
          {error}
        </Paragraph>
      )}
      {invited ? (
        <Paragraph>{t('candidate.invitedNote', { name })}</Paragraph>
      ) : (
        <ButtonGroup>
          <Button appearance="secondary-action-button" busy={busy} onClick={() => void invite()}>
            {t('candidate.invite', { name })}
          </Button>
        </ButtonGroup>
      )}
    </li>
  );
}

// ---------------------------------------------------------------- referral

type ReferField = 'reason';

function ReferSection({ code, request, onReferred }: { code: string; request: HelpRequest; onReferred: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<ReferField>();
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
    else if (returnFocus.current) startButton.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  const start = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (text.length < 5) return errors.fail({ reason: text ? t('refer.reasonTooShort') : t('refer.reasonRequired') });
    if (text.length > 500) return errors.fail({ reason: t('refer.reasonTooLong') });
    errors.clear();
    setConfirming(true);
  };

  const refer = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await coachApi.referRequest(code, request.id, reason.trim());
      announce(t('refer.done'));
      setConfirming(false);
      onReferred();
    } catch (failure) {
      setBusy(false);
      setConfirming(false);
      const fields = fieldErrorsFromProblem(i18n, failure, ['reason'] as const);
      errors.fail(fields ?? {}, isApiError(failure) && failure.code === 'conflict' ? t('refer.conflict') : fields ? null : problemMessage(i18n, failure));
    }
  };

  return (
    <>
      <Paragraph>{t('refer.intro')}</Paragraph>
      <ErrorSummary message={errors.message} attempt={errors.attempt} items={summaryItems(errors.fields, [{ name: 'reason', id: 'refer-reason', label: t('refer.reason') }])} />
      <form noValidate onSubmit={start} className="samenspel-form" aria-label={t('coachRequest.referHeading')}>
        <TextAreaField
          id="refer-reason"
          label={t('refer.reason')}
          description={t('refer.reasonHint')}
          value={reason}
          onChange={setReason}
          error={errors.fields.reason}
          maxLength={500}
          rows={3}
        />
        {!confirming && (
          <ButtonGroup>
            <Button ref={startButton} type="submit" appearance="secondary-action-button">
              {t('refer.start')}
            </Button>
          </ButtonGroup>
        )}
      </form>
      {confirming && (
        <AlertBox type="warning" className="samenspel-confirm">
          <Heading3 ref={confirmHeading} tabIndex={-1} className="samenspel-page-heading">
            {t('refer.confirmHeading')}
          </Heading3>
          <Paragraph>{t('refer.confirmText')}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={busy} onClick={() => void refer()}>
              {busy ? t('coachRequest.busy') : t('refer.confirmYes')}
            </Button>
            <Button
              appearance="secondary-action-button"
              disabled={busy}
              onClick={() => {
                returnFocus.current = true;
                setConfirming(false);
              }}
            >
              {t('refer.confirmNo')}
            </Button>
          </ButtonGroup>
        </AlertBox>
      )}
    </>
  );
}

// ---------------------------------------------------------------- history

function HistorySection({ code, requestId }: { code: string; requestId: string }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { resource } = useResource(() => coachApi.listRequestStalls(code, requestId), [code, requestId]);
  return (
    <LoadState resource={resource}>
      {(stalls) =>
        stalls.length === 0 ? (
          <Paragraph>{t('history.empty')}</Paragraph>
        ) : (
          <UnorderedList>
            {stalls.map((s) => (
              <UnorderedListItem key={s.id}>
                {t('history.stalled', { date: formatDate(s.detectedAt), cause: i18n.tCode('history.cause', s.cause) })}{' '}
                {s.outcome && s.resolvedAt
                  ? t('history.outcome', { date: formatDate(s.resolvedAt), outcome: i18n.tCode('history.outcomeName', s.outcome) })
                  : t('history.stillOpen')}
                {s.outcomeNote && <span className="samenspel-data-note">{t('history.note', { note: s.outcomeNote })}</span>}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )
      }
    </LoadState>
  );
}
