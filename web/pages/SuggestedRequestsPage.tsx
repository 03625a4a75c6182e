/**
 * Hulpvragen die bij u passen: open requests that fit the volunteer's
 * offer, best first, with the reasons; no names, no addresses. "Ik wil
 * helpen" starts a match as accepted by the volunteer and takes them to it.
 */
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/endpoints';
import type { Membership, SuggestedRequest } from '../api/types';
import { matchPath, PATHS } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { RequireRole } from '../components/Guards';
import { LoadState } from '../components/LoadState';
import { MatchRequestDetails } from '../components/MatchRequestDetails';
import { PageHeading } from '../components/PageHeading';
import { ReasonList } from '../components/ReasonList';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from '../lib/errors';
import { useResource } from '../lib/use-resource';
import { navigate, RouterLink } from '../router';
import { useSession } from '../app/session';
import '../components/neighbour-help.css';
import '../components/matches.css';

export function SuggestedRequestsPage() {
  return <RequireRole role="volunteer">{({ membership }) => <SuggestedRequests key={membership.municipality.code} membership={membership} />}</RequireRole>;
}

function SuggestedRequests({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const suggestions = useResource(() => api.listSuggestedRequests(code), [code]);

  return (
    <>
      <PageHeading>{t('suggested.title')}</PageHeading>
      <Paragraph appearance="lead">{t('suggested.intro')}</Paragraph>
      <LoadState resource={suggestions.resource}>
        {(list) =>
          list.length === 0 ? (
            <>
              <Paragraph>{t('suggested.empty')}</Paragraph>
              <Paragraph>
                <RouterLink href={PATHS.volunteerOffer}>{t('suggested.toOffer')}</RouterLink>
              </Paragraph>
            </>
          ) : (
            <ul className="samenspel-match-list">
              {list.map((s) => (
                <SuggestionCard key={s.requestId} code={code} suggestion={s} />
              ))}
            </ul>
          )
        }
      </LoadState>
      <Paragraph>
        <RouterLink href={PATHS.myMatches}>{t('match.backVolunteer')}</RouterLink>
      </Paragraph>
    </>
  );
}

function SuggestionCard({ code, suggestion }: { code: string; suggestion: SuggestedRequest }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const { refresh, selectMunicipality } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = `suggestion-${suggestion.requestId}`;
  const elsewhere = suggestion.municipality.code !== code;
  const number = new Intl.NumberFormat(i18n.locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });

  const offer = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const match = await api.offerHelp(code, suggestion.requestId);
      if (match.municipality.code !== code) {
        // A request of a partner municipality: the match lives there, and so does the person now.
        await refresh();
        selectMunicipality(match.municipality.code);
        navigate(matchPath(match.id));
        announce(t('suggested.offeredElsewhere', { municipality: match.municipality.name }));
        return;
      }
      // Announced on the match page, where the person lands.
      navigate(matchPath(match.id));
      announce(t('suggested.offered'));
    } catch (failure) {
      setBusy(false);
      setError(isApiError(failure) && failure.code === 'validation_failed' ? t('suggested.gone') : problemMessage(i18n, failure));
    }
  };

  return (
    <li className="samenspel-match-card">
      <h2 id={headingId} className="utrecht-heading-3 samenspel-match-card__heading">
        {suggestion.category.name}
      </h2>
      {elsewhere && <Paragraph className="samenspel-candidate-note">{t('suggested.inMunicipality', { municipality: suggestion.municipality.name })}</Paragraph>}
      <MatchRequestDetails request={suggestion} />
      {!suggestion.coversWholeRequest && (
        <Paragraph>{t('suggested.partial', { count: number.format(suggestion.sessionsPerMonth) })}</Paragraph>
      )}
      <ReasonList reasons={suggestion.reasons} reader="suggestion" />
      {error && <Paragraph role="alert">{error}</Paragraph>}
      <ButtonGroup>
        <Button appearance="primary-action-button" busy={busy} aria-describedby={headingId} onClick={() => void offer()}>
          {busy ? t('suggested.offering') : t('suggested.offer')}
        </Button>
      </ButtonGroup>
    </li>
  );
}
