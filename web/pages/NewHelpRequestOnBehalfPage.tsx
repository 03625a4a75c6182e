/**
 * A social worker or administrator posts a help request for a resident who
 * cannot do it themselves. The request stays the resident's own.
 *
 * Choosing the resident: administrators may search people by name. Social
 * workers may not (the persons API is for administrators only), so they
 * enter the resident's person number, which the detail page of an earlier
 * request shows and links here with (`?inwoner=`).
 */
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import * as api from '../api/endpoints';
import type { HelpRequest, Membership, PersonSummary } from '../api/types';
import { helpRequestPath, PATHS } from '../app/navigation';
import { useSession } from '../app/session';
import { useAnnounce } from '../app/status';
import { HelpRequestForm } from '../components/HelpRequestForm';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RadioFieldset, radioFieldId } from '../components/RadioFieldset';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from '../lib/errors';
import { useResource } from '../lib/use-resource';
import { navigate, RouterLink, useLocation } from '../router';

const COORDINATORS = ['social_worker', 'admin'] as const;
const SEARCH_ID = 'on-behalf-search';
const RESULTS_NAME = 'on-behalf-resident';
const PERSON_ID = 'on-behalf-person-id';

export function NewHelpRequestOnBehalfPage() {
  return (
    <RequireAnyRole roles={COORDINATORS}>
      {({ membership }) => <NewHelpRequestOnBehalf key={membership.municipality.code} membership={membership} />}
    </RequireAnyRole>
  );
}

function NewHelpRequestOnBehalf({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const announce = useAnnounce();
  const { search } = useLocation();
  const code = membership.municipality.code;
  const prefill = new URLSearchParams(search).get('inwoner') ?? '';
  const [residentPersonId, setResidentPersonId] = useState(prefill);
  // Lifted here so the error summary can link to the first result once there are results.
  const [results, setResults] = useState<PersonSummary[] | null>(null);
  const categories = useResource(() => api.listHelpCategories(code), [code]);
  const canSearch = hasRole('admin') || hasRole('social_worker');

  const posted = (request: HelpRequest) => {
    navigate(helpRequestPath(request.id));
    announce(t('onBehalf.posted', { name: request.residentDisplayName }));
  };

  return (
    <>
      <PageHeading>{t('onBehalf.title')}</PageHeading>
      <Paragraph>{t('onBehalf.intro')}</Paragraph>
      <LoadState resource={categories.resource}>
        {(list) => (
          <HelpRequestForm
            code={code}
            categories={list}
            onPosted={posted}
            onBehalf={{
              residentPersonId,
              fieldId: !canSearch ? PERSON_ID : results?.length ? radioFieldId(RESULTS_NAME, results[0]?.id) : SEARCH_ID,
              render: (error) =>
                canSearch ? (
                  <ResidentSearch
                    code={code}
                    prefill={prefill}
                    value={residentPersonId}
                    onChange={setResidentPersonId}
                    results={results}
                    onResults={setResults}
                    error={error}
                  />
                ) : (
                  <section className="samenspel-section samenspel-nh-form" aria-labelledby="on-behalf-resident-heading">
                    <Heading2 id="on-behalf-resident-heading">{t('field.resident')}</Heading2>
                    <TextField
                      id={PERSON_ID}
                      label={t('field.residentPersonId')}
                      description={t('field.residentPersonIdHint')}
                      autoComplete="off"
                      spellCheck={false}
                      value={residentPersonId}
                      onChange={setResidentPersonId}
                      error={error}
                    />
                  </section>
                ),
            }}
          />
        )}
      </LoadState>
      <Paragraph>
        <RouterLink href={PATHS.helpRequests}>{t('onBehalf.back')}</RouterLink>
      </Paragraph>
    </>
  );
}

/** Coordinators: find the resident by name or e-mail, then choose them from the results. */
function ResidentSearch({
  code,
  prefill,
  value,
  onChange,
  results,
  onResults,
  error,
}: {
  code: string;
  prefill: string;
  value: string;
  onChange: (id: string) => void;
  results: PersonSummary[] | null;
  onResults: (results: PersonSummary[]) => void;
  error: string | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [q, setQ] = useState('');
  const [searchError, setSearchError] = useState<string | null>(null);

  // Arrived from an earlier request of this resident: show who that is.
  useEffect(() => {
    if (!prefill) return;
    let cancelled = false;
    api.searchResidents(code, { id: prefill }).then(
      (list) => !cancelled && onResults(list.items.map((p) => ({ ...p, roles: ['resident'] }))),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [code, prefill, onResults]);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setSearchError(null);
    if (q.trim().length < 2) {
      setSearchError(t('onBehalf.searchTooShort'));
      return;
    }
    try {
      const list = await api.searchResidents(code, { q: q.trim() });
      onResults(list.items.map((p) => ({ ...p, roles: ['resident'] })));
      if (!list.items.some((p) => p.id === value)) onChange('');
    } catch (failure) {
      setSearchError(problemMessage(i18n, failure));
    }
  };

  const showResults = results !== null && results.length > 0;
  return (
    <section className="samenspel-section samenspel-nh-form" aria-labelledby="on-behalf-resident-heading">
      <Heading2 id="on-behalf-resident-heading">{t('field.resident')}</Heading2>
      <form role="search" aria-label={t('field.resident')} onSubmit={(event) => void find(event)} className="samenspel-form samenspel-filter">
        <TextField
          id={SEARCH_ID}
          type="search"
          label={t('field.residentSearch')}
          markOptional={false}
          optional
          spellCheck={false}
          autoComplete="off"
          value={q}
          onChange={setQ}
          error={searchError ?? (showResults ? undefined : error)}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {t('onBehalf.searchSubmit')}
          </Button>
        </ButtonGroup>
      </form>
      <div role="status" className="samenspel-result-count">
        {results !== null && results.length === 0 && <Paragraph>{t('onBehalf.searchEmpty')}</Paragraph>}
      </div>
      {showResults && (
        <div className="samenspel-resident-results">
          <RadioFieldset
            name={RESULTS_NAME}
            legend={t('onBehalf.searchResults')}
            value={value}
            onChange={onChange}
            error={error}
            options={results.map((p) => ({ value: p.id, label: p.displayName, ...(p.email ? { description: p.email } : {}) }))}
          />
        </div>
      )}
    </section>
  );
}
