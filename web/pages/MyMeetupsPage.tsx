/**
 * Mijn ontmoetingen: where the resident or volunteer is going, and where
 * they were (with attendance, once the organiser kept it). Opening a past
 * meet-up shows the volunteers they met there.
 */
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import * as api from '../api/meetups';
import type { Meetup } from '../api/meetups';
import type { Membership } from '../api/types';
import { PATHS } from '../app/navigation';
import { useSession } from '../app/session';
import { RequireSignIn } from '../components/Guards';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { ForbiddenPage } from './ForbiddenPage';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import { MeetupCard } from './MeetupParts';

export function MyMeetupsPage() {
  const { hasRole } = useSession();
  return (
    <RequireSignIn>
      {({ membership }) =>
        hasRole('resident') || hasRole('volunteer') ? <MyMeetups key={membership.municipality.code} membership={membership} /> : <ForbiddenPage />
      }
    </RequireSignIn>
  );
}

function MyMeetups({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const upcoming = useResource(() => api.listMeetups(code, { mine: true, limit: 100 }), [code]);
  const past = useResource(() => api.listMeetups(code, { mine: true, past: true, limit: 25 }), [code]);

  // Withdrawing from the list takes the meet-up off "where you are going" on the next load; until then it stays, with its new state.
  const replace = (list: api.MeetupList, meetup: Meetup) =>
    upcoming.setData({ ...list, items: list.items.map((m) => (m.id === meetup.id ? meetup : m)) });

  return (
    <>
      <PageHeading>{t('myMeetups.title')}</PageHeading>
      <Paragraph>{t('myMeetups.intro')}</Paragraph>
      <section className="samenspel-section" aria-labelledby="my-meetups-upcoming">
        <Heading2 id="my-meetups-upcoming">{t('myMeetups.upcoming')}</Heading2>
        <LoadState resource={upcoming.resource}>
          {(list) =>
            list.items.length === 0 ? (
              <Paragraph>{t('myMeetups.empty')}</Paragraph>
            ) : (
              <ul className="samenspel-meetup-list">
                {list.items.map((meetup) => (
                  <MeetupCard key={meetup.id} code={code} meetup={meetup} canSignUp headingLevel={3} onChange={(m) => replace(list, m)} />
                ))}
              </ul>
            )
          }
        </LoadState>
      </section>
      <section className="samenspel-section" aria-labelledby="my-meetups-past">
        <Heading2 id="my-meetups-past">{t('myMeetups.past')}</Heading2>
        <LoadState resource={past.resource}>
          {(list) =>
            list.items.length === 0 ? (
              <Paragraph>{t('myMeetups.emptyPast')}</Paragraph>
            ) : (
              <ul className="samenspel-meetup-list">
                {list.items.map((meetup) => (
                  <MeetupCard key={meetup.id} code={code} meetup={meetup} canSignUp={false} headingLevel={3} onChange={() => undefined} />
                ))}
              </ul>
            )
          }
        </LoadState>
      </section>
      <Paragraph>
        <RouterLink href={PATHS.meetups}>{t('myMeetups.toAll')}</RouterLink>
      </Paragraph>
    </>
  );
}
