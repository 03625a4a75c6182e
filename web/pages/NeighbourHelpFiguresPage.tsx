/**
 * Cijfers buurthulp (`/cijfers/buurthulp`): what neighbour help did in a
 * period, for social workers, policy officers and administrators. A period
 * picker (this month by default) and the figures as a list, each with a
 * plain explanation of what it counts. Counts only: no person in them.
 */
import { Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import * as coachApi from '../api/coach';
import type { NeighbourHelpFigures } from '../api/coach';
import type { Membership } from '../api/types';
import { useAnnounce } from '../app/status';
import { formatNumber, formatShare, isIsoDate, longDate, thisMonth } from '../components/coach';
import { ErrorSummary } from '../components/ErrorSummary';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { TextField } from '../components/TextField';
import { useI18n, type I18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';
import '../components/coach.css';

const FIGURE_ROLES = ['social_worker', 'policy_officer', 'admin'] as const;

export function NeighbourHelpFiguresPage() {
  return (
    <RequireAnyRole roles={FIGURE_ROLES}>{({ membership }) => <Figures key={membership.municipality.code} membership={membership} />}</RequireAnyRole>
  );
}

type PeriodField = 'from' | 'to';

function Figures({ membership }: { membership: Membership }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const code = membership.municipality.code;
  const [draft, setDraft] = useState(thisMonth);
  const [period, setPeriod] = useState(draft);
  const errors = useFormErrors<PeriodField>();
  const { resource } = useResource(() => coachApi.getNeighbourHelpFigures(code, period.from, period.to), [code, period.from, period.to]);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const moveFocus = useRef(false);

  // After choosing a period, the new figures are announced and read from their heading.
  useEffect(() => {
    if (moveFocus.current && resource.status !== 'loading') {
      moveFocus.current = false;
      resultsHeading.current?.focus();
      if (resource.status === 'ready') announce(t('figures.updated', { from: longDate(i18n.locale, period.from), to: longDate(i18n.locale, period.to) }));
    }
  }, [resource, announce, t, i18n.locale, period]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Partial<Record<PeriodField, string>> = {};
    if (!isIsoDate(draft.from)) problems.from = t('figures.dateInvalid');
    if (!isIsoDate(draft.to)) problems.to = t('figures.dateInvalid');
    else if (!problems.from && draft.to < draft.from) problems.to = t('fieldError.to.before_from');
    if (problems.from || problems.to) return errors.fail(problems);
    errors.clear();
    moveFocus.current = true;
    setPeriod({ ...draft });
  };

  const serverFields = resource.status === 'error' ? fieldErrorsFromProblem(i18n, resource.error, ['from', 'to'] as const) : null;

  return (
    <>
      <PageHeading>{t('figures.title')}</PageHeading>
      <Paragraph appearance="lead">{t('figures.intro', { municipality: membership.municipality.name })}</Paragraph>
      <ErrorSummary
        message={errors.message}
        attempt={errors.attempt}
        items={summaryItems(errors.fields, [
          { name: 'from', id: 'figures-from', label: t('figures.from') },
          { name: 'to', id: 'figures-to', label: t('figures.to') },
        ])}
      />
      <form noValidate onSubmit={submit} className="samenspel-form samenspel-coach-inline-form" aria-label={t('figures.periodLabel')}>
        <TextField id="figures-from" type="date" label={t('figures.from')} value={draft.from} onChange={(from) => setDraft((d) => ({ ...d, from }))} error={errors.fields.from} />
        <TextField id="figures-to" type="date" label={t('figures.to')} value={draft.to} onChange={(to) => setDraft((d) => ({ ...d, to }))} error={errors.fields.to} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('figures.show')}
          </Button>
        </ButtonGroup>
      </form>

      <section className="samenspel-section" aria-labelledby="figures-results">
        <Heading2 id="figures-results" ref={resultsHeading} tabIndex={-1}>
          {t('figures.resultsHeading', { from: longDate(i18n.locale, period.from), to: longDate(i18n.locale, period.to) })}
        </Heading2>
        {serverFields ? (
          <Paragraph>{problemMessage(i18n, resource.status === 'error' ? resource.error : null)}</Paragraph>
        ) : (
          <LoadState resource={resource}>{(figures) => <FigureList figures={figures} />}</LoadState>
        )}
        <Paragraph className="samenspel-coach-meta">{t('figures.note')}</Paragraph>
      </section>
    </>
  );
}

type FigureKey = Exclude<keyof NeighbourHelpFigures, 'from' | 'to'>;

const ORDER: FigureKey[] = [
  'requests',
  'matches',
  'medianHoursToFirstResponse',
  'medianHoursToMatch',
  'shareStalled',
  'shareResolvedInformally',
  'shareReferred',
  'activeVolunteers',
  'hoursGiven',
  'meetups',
  'meetupAttendance',
];

function figureValue(i18n: Pick<I18n, 't' | 'locale'>, key: FigureKey, figures: NeighbourHelpFigures): string {
  const value = figures[key];
  if (value === null) return i18n.t('figures.unknown');
  if (key.startsWith('share')) return formatShare(i18n.locale, value) ?? i18n.t('figures.unknown');
  if (key.startsWith('median') || key === 'hoursGiven') return i18n.t('figures.hours', { hours: formatNumber(i18n.locale, value) });
  return formatNumber(i18n.locale, value);
}

function FigureList({ figures }: { figures: NeighbourHelpFigures }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <DataList className="samenspel-data-list samenspel-figures">
      {ORDER.map((key) => (
        <DataListItem key={key}>
          <DataListKey>{t(`figures.${key}` as 'figures.requests')}</DataListKey>
          <DataListValue>
            <strong>{figureValue(i18n, key, figures)}</strong>
            <span className="samenspel-data-note">{t(`figures.${key}.explain` as 'figures.requests.explain')}</span>
          </DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}
