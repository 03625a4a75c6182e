/**
 * One meet-up (`/ontmoetingen/:id`): when, where, seats, notes, and the
 * person's own sign-up. Someone who was there sees the volunteers they met.
 * The organiser's organisation (and administrators) can change it, keep
 * attendance, and cancel it after a confirmation step.
 */
import { ConfirmStep, useConfirmStep } from '../components/ConfirmStep';
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
import { type ReactNode } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/meetups';
import type { Meetup } from '../api/meetups';
import type { Membership } from '../api/types';
import { meetupAttendancePath, meetupEditPath, PATHS } from '../app/navigation';
import { useSession } from '../app/session';
import { useAnnounce } from '../app/status';
import { AlertBox } from '../components/AlertBox';
import { RequireSignIn } from '../components/Guards';
import { LoadState, Loading, ProblemAlert } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RouterButtonLink } from '../components/RouterButtonLink';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from '../lib/errors';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import { MeetupStatusBadge, meetupWhen, SignUpButton } from './MeetupParts';
import { NotFoundPage } from './NotFoundPage';
import '../components/neighbour-help.css';

export function MeetupDetailPage({ id }: { id: string }) {
  return <RequireSignIn>{({ membership }) => <MeetupDetail key={`${membership.municipality.code}/${id}`} membership={membership} id={id} />}</RequireSignIn>;
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

function MeetupDetail({ membership, id }: { membership: Membership; id: string }) {
  const i18n = useI18n();
  const { t, formatDate, formatDateTime } = i18n;
  const { hasRole } = useSession();
  const code = membership.municipality.code;
  const { resource, setData } = useResource(() => api.getMeetup(code, id), [code, id]);
  const back = <RouterLink href={PATHS.meetups}>{t('meetupDetail.back')}</RouterLink>;

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') {
    if (isApiError(resource.error) && resource.error.code === 'not_found') return <NotFoundPage />;
    return (
      <>
        <PageHeading>{t('meetups.title')}</PageHeading>
        <ProblemAlert error={resource.error} />
        <Paragraph>{back}</Paragraph>
      </>
    );
  }
  const meetup = resource.data;
  const canSignUp = hasRole('resident') || hasRole('volunteer');
  const open = meetup.status === 'open' || meetup.status === 'full';

  return (
    <>
      <PageHeading>{meetup.title}</PageHeading>
      <Paragraph>{back}</Paragraph>
      {meetup.cancelledAt && (
        <AlertBox type="warning">
          <Paragraph>{t('meetupDetail.cancelledOn', { date: formatDate(meetup.cancelledAt) })}</Paragraph>
        </AlertBox>
      )}
      <DataList className="samenspel-data-list">
        <Item label={t('meetupDetail.status')}>
          <MeetupStatusBadge meetup={meetup} />
        </Item>
        <Item label={t('meetupDetail.when')}>
          <time dateTime={meetup.startsAt}>{meetupWhen(i18n, meetup)}</time>
        </Item>
        <Item label={t('meetupDetail.place')}>
          {meetup.place}
          <span className="samenspel-data-note">
            {meetup.area ? t('meetupDetail.area', { pc4: meetup.pc4, place: meetup.area }) : t('meetupDetail.areaNoPlace', { pc4: meetup.pc4 })}
          </span>
        </Item>
        <Item label={t('meetupDetail.organisation')}>{meetup.organisation.name}</Item>
        <Item label={t('meetupDetail.seats')}>{t('meetupDetail.seatsValue', { left: meetup.seatsLeft, capacity: meetup.capacity })}</Item>
        {meetup.notes && (
          <Item label={t('meetupDetail.notes')}>
            <span className="samenspel-mail-text">{meetup.notes}</span>
          </Item>
        )}
      </DataList>

      {canSignUp && open && (
        <section className="samenspel-section" aria-labelledby="meetup-sign-up">
          <Heading2 id="meetup-sign-up">{t('meetupDetail.signUpHeading')}</Heading2>
          <Paragraph>
            {meetup.mySignup ? t('meetupDetail.signedUpOn', { date: formatDateTime(meetup.mySignup.signedUpAt) }) : t('meetupDetail.signUpIntro')}
          </Paragraph>
          <SignUpButton code={code} meetup={meetup} onChange={setData} />
        </section>
      )}

      {meetup.mySignup?.attended === true && <MetVolunteers code={code} meetupId={meetup.id} />}

      {meetup.canManage && <Manage code={code} meetup={meetup} onCancelled={setData} />}
    </>
  );
}

/** "Wie heeft u ontmoet?": the volunteers who were there too, by first name. */
function MetVolunteers({ code, meetupId }: { code: string; meetupId: string }) {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const { resource } = useResource(() => api.listMetVolunteers(code, meetupId), [code, meetupId]);
  return (
    <section className="samenspel-section" aria-labelledby="meetup-met">
      <Heading2 id="meetup-met">{t('meetupDetail.metHeading')}</Heading2>
      <LoadState resource={resource}>
        {({ volunteers }) =>
          volunteers.length === 0 ? (
            <Paragraph>{t('meetupDetail.metNone')}</Paragraph>
          ) : (
            <>
              <Paragraph>{t('meetupDetail.metIntro')}</Paragraph>
              <UnorderedList>
                {volunteers.map((v) => (
                  <UnorderedListItem key={v.personId}>{v.givenName}</UnorderedListItem>
                ))}
              </UnorderedList>
              {hasRole('resident') && (
                <Paragraph>
                  <RouterButtonLink href={PATHS.requestHelp} appearance="secondary-action-button">
                    {t('meetupDetail.askHelp')}
                  </RouterButtonLink>
                </Paragraph>
              )}
            </>
          )
        }
      </LoadState>
    </section>
  );
}

/** For the organiser: change, sign-ups and attendance, and cancelling in two steps. */
function Manage({ code, meetup, onCancelled }: { code: string; meetup: Meetup; onCancelled: (meetup: Meetup) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const step = useConfirmStep();
  const changeable = meetup.status !== 'cancelled' && meetup.status !== 'past';


  const cancel = () =>
    step.run(
      async () => {
          onCancelled(await api.cancelMeetup(code, meetup.id));
          announce(t('meetupDetail.cancelled'));
          document.querySelector<HTMLElement>('h1')?.focus();
      },
      (failure) => (isApiError(failure) && failure.code === 'conflict' ? t('meetupDetail.changeConflict') : problemMessage(i18n, failure)),
    );

  return (
    <section className="samenspel-section" aria-labelledby="meetup-manage">
      <Heading2 id="meetup-manage">{t('meetupDetail.manageHeading')}</Heading2>
      <ButtonGroup>
        {changeable && (
          <RouterButtonLink href={meetupEditPath(meetup.id)} appearance="secondary-action-button">
            {t('meetupDetail.edit')}
          </RouterButtonLink>
        )}
        <RouterButtonLink href={meetupAttendancePath(meetup.id)} appearance="secondary-action-button">
          {t('meetupDetail.attendance')}
        </RouterButtonLink>
      </ButtonGroup>
      {changeable && (
        <>
          <Heading3>{t('meetupDetail.cancelHeading')}</Heading3>
          <Paragraph>{t('meetupDetail.cancelIntro')}</Paragraph>
          {step.confirming ? (
            <ConfirmStep
              heading={t('meetupDetail.confirmHeading')}
              error={step.error}
              busy={step.busy}
              yes={t('meetupDetail.confirmYes')}
              busyLabel={t('meetupDetail.cancelling')}
              no={t('meetupDetail.confirmNo')}
              onYes={() => void cancel()}
              onNo={step.cancel}
            >
              <Paragraph>{t('meetupDetail.confirmText')}</Paragraph>
            </ConfirmStep>
          ) : (
            <ButtonGroup>
              <Button ref={step.startRef} appearance="secondary-action-button" onClick={step.open}>
                {t('meetupDetail.cancel')}
              </Button>
            </ButtonGroup>
          )}
        </>
      )}
    </section>
  );
}
