/**
 * Ontmoetingen: the meet-ups of the municipality, soonest first (or, at
 * `/ontmoetingen/eerder`, the ones already held). Residents and volunteers
 * sign up from the list; organisers plan a new one from here. Every member
 * may look; nobody sees who else signed up.
 */
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import * as api from '../api/meetups';
import type { Meetup } from '../api/meetups';
import type { Membership } from '../api/types';
import { PATHS } from '../app/navigation';
import { useSession } from '../app/session';
import { RequireSignIn } from '../components/Guards';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RouterButtonLink } from '../components/RouterButtonLink';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import { MeetupCard } from './MeetupParts';

const PAGE_SIZE = 25;
const MAX_LIMIT = 100;

export function MeetupsPage({ past = false }: { past?: boolean }) {
  return <RequireSignIn>{({ membership }) => <Meetups key={`${membership.municipality.code}/${past}`} membership={membership} past={past} />}</RequireSignIn>;
}

function Meetups({ membership, past }: { membership: Membership; past: boolean }) {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const code = membership.municipality.code;
  const [limit, setLimit] = useState(PAGE_SIZE);
  const { resource, setData } = useResource(() => api.listMeetups(code, { past, limit }), [code, past, limit]);
  const canSignUp = hasRole('resident') || hasRole('volunteer');
  const canOrganise = hasRole('social_worker') || hasRole('professional') || hasRole('admin');

  const replace = (list: api.MeetupList, meetup: Meetup) => setData({ ...list, items: list.items.map((m) => (m.id === meetup.id ? meetup : m)) });

  return (
    <>
      <PageHeading>{past ? t('meetups.pastTitle') : t('meetups.title')}</PageHeading>
      <Paragraph appearance={past ? undefined : 'lead'}>{past ? t('meetups.pastIntro') : t('meetups.intro')}</Paragraph>
      {(canOrganise || canSignUp) && (
        <ButtonGroup>
          {canOrganise && (
            <RouterButtonLink href={PATHS.newMeetup} appearance="primary-action-button">
              {t('meetups.new')}
            </RouterButtonLink>
          )}
          {canSignUp && (
            <RouterButtonLink href={PATHS.myMeetups} appearance="secondary-action-button">
              {t('meetups.toMine')}
            </RouterButtonLink>
          )}
        </ButtonGroup>
      )}
      <LoadState resource={resource}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{past ? t('meetups.emptyPast') : t('meetups.empty')}</Paragraph>
          ) : (
            <>
              <ul className="samenspel-meetup-list">
                {list.items.map((meetup) => (
                  <MeetupCard key={meetup.id} code={code} meetup={meetup} canSignUp={canSignUp && !past} onChange={(m) => replace(list, m)} />
                ))}
              </ul>
              {list.total > list.items.length && limit < MAX_LIMIT && (
                <ButtonGroup>
                  <Button appearance="secondary-action-button" onClick={() => setLimit((l) => Math.min(MAX_LIMIT, l + PAGE_SIZE))}>
                    {t('meetups.more')}
                  </Button>
                </ButtonGroup>
              )}
            </>
          )
        }
      </LoadState>
      <Paragraph>
        <RouterLink href={past ? PATHS.meetups : PATHS.pastMeetups}>{past ? t('meetups.showUpcoming') : t('meetups.showPast')}</RouterLink>
      </Paragraph>
    </>
  );
}
