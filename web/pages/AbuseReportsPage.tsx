/**
 * Gemelde problemen (`/gemelde-problemen`), for social workers and admins:
 * the problems residents and volunteers reported about someone they were
 * matched with, open ones first by default, and a decision on each: no
 * action, a warning, or suspending the volunteer (who is then proposed to
 * nobody). First names only; the match is linked by its id.
 */
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/safety';
import { REPORT_OUTCOMES, type AbuseReport, type ReportOutcome } from '../api/safety';
import type { Membership } from '../api/types';
import { useAnnounce } from '../app/status';
import { ErrorSummary } from '../components/ErrorSummary';
import { LoadState } from '../components/LoadState';
import { NOTIFICATION_TARGETS } from '../components/notifications';
import { PageHeading } from '../components/PageHeading';
import { RadioFieldset, radioFieldId } from '../components/RadioFieldset';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { useI18n, type I18n } from '../i18n/i18n';
import { problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import '../components/safety.css';

export function AbuseReportsPage() {
  return (
    <RequireAnyRole roles={['social_worker', 'admin']}>
      {({ membership }) => <AbuseReports key={membership.municipality.code} membership={membership} />}
    </RequireAnyRole>
  );
}

type Show = 'open' | 'all';

function AbuseReports({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const [show, setShow] = useState<Show>('open');
  const { resource, reload } = useResource(() => api.listAbuseReports(code, show), [code, show]);

  return (
    <>
      <PageHeading>{t('reports.title')}</PageHeading>
      <Paragraph appearance="lead">{t('reports.intro')}</Paragraph>
      <div role="group" aria-label={t('reports.filterLabel')}>
        <ButtonGroup>
          {(['open', 'all'] as const).map((value) => (
            <Button
              key={value}
              appearance={show === value ? 'primary-action-button' : 'secondary-action-button'}
              aria-pressed={show === value}
              onClick={() => setShow(value)}
            >
              {value === 'open' ? t('reports.showOpen') : t('reports.showAll')}
            </Button>
          ))}
        </ButtonGroup>
      </div>
      <LoadState resource={resource}>
        {(reports) =>
          reports.length === 0 ? (
            <Paragraph>{show === 'open' ? t('reports.emptyOpen') : t('reports.emptyAll')}</Paragraph>
          ) : (
            <>
              {show === 'open' && (
                <Paragraph>{reports.length === 1 ? t('reports.countOpenOne') : t('reports.countOpen', { count: reports.length })}</Paragraph>
              )}
              <ul className="samenspel-card-list">
                {reports.map((report) => (
                  <ReportCard key={report.id} code={code} report={report} onHandled={reload} />
                ))}
              </ul>
            </>
          )
        }
      </LoadState>
    </>
  );
}

export function categoryName(i18n: Pick<I18n, 't'>, category: AbuseReport['category']): string {
  return i18n.t(`safety.category.${category}`);
}

function statusText(i18n: Pick<I18n, 't' | 'formatDate'>, report: AbuseReport): string {
  const { t, formatDate } = i18n;
  const status = report.status === 'open' || (REPORT_OUTCOMES as readonly string[]).includes(report.status) ? report.status : 'open';
  const text = t(`reports.status.${status}`);
  return report.handledAt ? `${text} ${t('reports.handledOn', { date: formatDate(report.handledAt) })}` : text;
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

function ReportCard({ code, report, onHandled }: { code: string; report: AbuseReport; onHandled: () => void }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const open = report.status === 'open';
  const subject = report.subject.givenName || t('reports.unknownName');
  const headingId = `report-${report.id}`;

  return (
    <li className={`samenspel-card${open ? ' samenspel-card--open' : ''}`}>
      <article aria-labelledby={headingId}>
        <Heading2 id={headingId} className="samenspel-card__heading utrecht-heading-3">
          {t('reports.itemHeading', { category: categoryName(i18n, report.category), subject })}
        </Heading2>
        <DataList className="samenspel-data-list">
          <Item label={t('reports.status')}>
            {open ? <StatusBadge>{t('reports.status.open')}</StatusBadge> : statusText(i18n, report)}
          </Item>
          <Item label={t('reports.when')}>
            <time dateTime={report.createdAt}>{formatDateTime(report.createdAt)}</time>
          </Item>
          <Item label={t('reports.reporter')}>{report.reporter.givenName || t('reports.unknownName')}</Item>
          <Item label={t('reports.subject')}>{subject}</Item>
          <Item label={t('reports.details')}>
            {report.details ? <span className="samenspel-details-text">{report.details}</span> : t('reports.noDetails')}
          </Item>
          <Item label={t('reports.match')}>
            {report.matchId ? <RouterLink href={NOTIFICATION_TARGETS.match(report.matchId)}>{t('reports.matchLink')}</RouterLink> : t('reports.noMatch')}
          </Item>
        </DataList>
        {open && <DecisionForm code={code} report={report} subject={subject} onHandled={onHandled} />}
      </article>
    </li>
  );
}

function DecisionForm({ code, report, subject, onHandled }: { code: string; report: AbuseReport; subject: string; onHandled: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [outcome, setOutcome] = useState<ReportOutcome | ''>('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<'outcome'>();
  const name = `report-${report.id}-outcome`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!outcome) return errors.fail({ outcome: t('reports.fieldError.outcome') });
    setBusy(true);
    try {
      await api.handleAbuseReport(code, report.id, outcome);
      announce(t('reports.decided', { subject, outcome: t(`reports.outcome.${outcome}`) }));
      onHandled();
    } catch (failure) {
      setBusy(false);
      if (isApiError(failure) && failure.code === 'conflict') {
        announce(t('reports.alreadyHandled'), 'info');
        onHandled();
        return;
      }
      errors.fail({}, problemMessage(i18n, failure));
    }
  };

  return (
    <>
      <ErrorSummary
        message={errors.message}
        items={summaryItems(errors.fields, [{ name: 'outcome', id: radioFieldId(name, REPORT_OUTCOMES[0]), label: t('reports.decisionSummaryLabel') }])}
        attempt={errors.attempt}
      />
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form">
        <RadioFieldset<ReportOutcome>
          name={name}
          legend={t('reports.decisionLegend')}
          value={outcome}
          onChange={setOutcome}
          error={errors.fields.outcome}
          options={REPORT_OUTCOMES.filter((o) => o !== 'suspended' || report.subject.isVolunteer).map((o) => ({
            value: o,
            label: t(`reports.outcome.${o}`),
            description: t(`reports.outcome.${o}Description`),
          }))}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('reports.deciding') : t('reports.decide')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
