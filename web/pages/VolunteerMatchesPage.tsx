/**
 * Voorstellen en koppelingen: a volunteer's matches in the order they need
 * attention. Proposals waiting for an answer first, then the current ones
 * (waiting for the resident, or confirmed), then the past ones. Each card
 * leads to the match page, where the volunteer answers and sends messages.
 */
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import * as api from '../api/endpoints';
import type { HelpMatch, Membership } from '../api/types';
import { PATHS } from '../app/navigation';
import { RequireRole } from '../components/Guards';
import { LoadState } from '../components/LoadState';
import { MatchCard } from '../components/MatchCard';
import { groupVolunteerMatches } from '../components/matches';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import '../components/matches.css';

export function VolunteerMatchesPage() {
  return <RequireRole role="volunteer">{({ membership }) => <VolunteerMatches key={membership.municipality.code} membership={membership} />}</RequireRole>;
}

function Group({ id, heading, empty, matches }: { id: string; heading: string; empty?: string; matches: HelpMatch[] }) {
  if (matches.length === 0 && !empty) return null;
  return (
    <section className="samenspel-section" aria-labelledby={id}>
      <Heading2 id={id}>{heading}</Heading2>
      {matches.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <ul className="samenspel-match-list">
          {matches.map((m) => (
            <MatchCard key={m.id} match={m} />
          ))}
        </ul>
      )}
    </section>
  );
}

function VolunteerMatches({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const matches = useResource(() => api.listMyMatches(code), [code]);

  return (
    <>
      <PageHeading>{t('matches.title')}</PageHeading>
      <Paragraph appearance="lead">{t('matches.intro')}</Paragraph>
      <Paragraph>
        <RouterLink href={PATHS.suggestedRequests}>{t('matches.toSuggestions')}</RouterLink>
      </Paragraph>
      <LoadState resource={matches.resource}>
        {(list) => {
          const groups = groupVolunteerMatches(list);
          return (
            <>
              <Group id="matches-waiting" heading={t('matches.waitingHeading')} empty={t('matches.waitingEmpty')} matches={groups.waiting} />
              <Group id="matches-current" heading={t('matches.currentHeading')} empty={t('matches.currentEmpty')} matches={groups.current} />
              <Group id="matches-past" heading={t('matches.pastHeading')} matches={groups.past} />
            </>
          );
        }}
      </LoadState>
    </>
  );
}
