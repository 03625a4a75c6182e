/**
 * Wachtrij coach (`/coach`): the requests that stalled, oldest first, for
 * social workers and administrators. Each card says in plain words why the
 * request is stuck, how long the resident has been waiting, and the
 * suggested next steps as links into the coach's page for that request.
 * Reading the queue also lets the server find newly stalled requests.
 * Above the queue, the city-wide matching round (koppelronde).
 */
import { Paragraph } from '@utrecht/component-library-react';
import type { CoachQueueItem } from '../api/coach';
import * as api from '../api/coach';
import type { Membership } from '../api/types';
import { coachRequestPath } from '../app/navigation';
import { areaText } from '../components/HelpRequestDetails';
import { LoadState } from '../components/LoadState';
import { MatchingRound } from '../components/MatchingRound';
import { PageHeading } from '../components/PageHeading';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { causeText, SuggestionList, waitingText } from '../components/SuggestionList';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import '../components/coach.css';

export const COORDINATORS = ['social_worker', 'admin'] as const;

export function CoachQueuePage() {
  return (
    <RequireAnyRole roles={COORDINATORS}>{({ membership }) => <CoachQueue key={membership.municipality.code} membership={membership} />}</RequireAnyRole>
  );
}

function CoachQueue({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const { resource } = useResource(() => api.getCoachQueue(code), [code]);

  return (
    <>
      <PageHeading>{t('coach.queueTitle')}</PageHeading>
      <Paragraph appearance="lead">{t('coach.queueIntro')}</Paragraph>
      <MatchingRound code={code} />
      <LoadState resource={resource}>
        {(items) =>
          items.length === 0 ? (
            <Paragraph>{t('coach.queueEmpty')}</Paragraph>
          ) : (
            <>
              <Paragraph>{items.length === 1 ? t('coach.queueCountOne') : t('coach.queueCount', { count: items.length })}</Paragraph>
              <ul className="samenspel-coach-queue">
                {items.map((item) => (
                  <QueueCard key={item.stallId} item={item} />
                ))}
              </ul>
            </>
          )
        }
      </LoadState>
    </>
  );
}

function QueueCard({ item }: { item: CoachQueueItem }) {
  const i18n = useI18n();
  const { t } = i18n;
  const r = item.request;
  const stepsId = `coach-steps-${item.stallId}`;
  return (
    <li className="samenspel-coach-card">
      <h2 className="utrecht-heading-3 samenspel-coach-card__heading">
        <RouterLink href={coachRequestPath(r.id)}>{t('coach.cardHeading', { category: r.category.name, name: r.residentDisplayName })}</RouterLink>
      </h2>
      <Paragraph className="samenspel-coach-cause">{causeText(i18n, item)}</Paragraph>
      <Paragraph>
        {waitingText(i18n, item.daysWaiting)}{' '}
        {t('coach.cardFacts', { schedule: i18n.tCode('schedule', r.schedule).toLowerCase(), area: areaText(i18n, r) })}
      </Paragraph>
      {(item.liveMatches > 0 || item.declinedMatches > 0) && (
        <Paragraph className="samenspel-coach-meta">{t('coach.cardMatches', { live: item.liveMatches, declined: item.declinedMatches })}</Paragraph>
      )}
      <h3 id={stepsId} className="utrecht-heading-4 samenspel-coach-steps-heading">
        {t('coach.stepsHeading')}
      </h3>
      <SuggestionList suggestions={item.suggestions} labelledBy={stepsId} hrefFor={(section) => coachRequestPath(r.id, section)} />
    </li>
  );
}

