/**
 * Hulpvragen in de gemeente (social workers and administrators): every
 * help request in the active municipality, filtered by status, newest
 * first. Never with addresses: only the postcode area.
 */
import {
  Button,
  ButtonGroup,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import * as api from '../api/endpoints';
import type { HelpRequestList, HelpRequestStatus, Membership } from '../api/types';
import { helpRequestPath, PATHS } from '../app/navigation';
import { HelpStatusBadge, scheduleLabel } from '../components/HelpRequestDetails';
import { LoadState } from '../components/LoadState';
import { STATUSES } from '../components/neighbour-help';
import { PageHeading } from '../components/PageHeading';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { RouterButtonLink } from '../components/RouterButtonLink';
import { ScrollTable } from '../components/ScrollTable';
import { SelectField } from '../components/SelectField';
import { useI18n } from '../i18n/i18n';
import { useResource, type Resource } from '../lib/use-resource';
import { RouterLink } from '../router';
import '../components/neighbour-help.css';

const PAGE_SIZE = 25;
const COORDINATORS = ['social_worker', 'admin'] as const;

export function MunicipalityHelpRequestsPage() {
  return (
    <RequireAnyRole roles={COORDINATORS}>
      {({ membership }) => <MunicipalityHelpRequests key={membership.municipality.code} membership={membership} />}
    </RequireAnyRole>
  );
}

function MunicipalityHelpRequests({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const [status, setStatus] = useState<HelpRequestStatus | ''>('');
  const [applied, setApplied] = useState<{ status: HelpRequestStatus | ''; offset: number }>({ status: '', offset: 0 });
  const requests = useResource(
    () => api.listHelpRequests(code, { mine: false, status: applied.status || undefined, limit: PAGE_SIZE, offset: applied.offset }),
    [code, applied],
  );

  const filter = (event: FormEvent) => {
    event.preventDefault();
    setApplied({ status, offset: 0 });
  };

  return (
    <>
      <PageHeading>{t('helpRequests.title')}</PageHeading>
      <Paragraph>{t('helpRequests.intro', { municipality: membership.municipality.name })}</Paragraph>
      <Paragraph>
        <RouterButtonLink href={PATHS.newHelpRequestOnBehalf} appearance="primary-action-button">
          {t('helpRequests.new')}
        </RouterButtonLink>
      </Paragraph>

      <form role="search" aria-label={t('helpRequests.filterHeading')} onSubmit={filter} className="samenspel-form samenspel-filter">
        <SelectField
          id="help-requests-status"
          label={t('helpRequests.statusFilter')}
          optional
          markOptional={false}
          value={status}
          onChange={(value) => setStatus(value as HelpRequestStatus | '')}
          options={[{ value: '', label: t('helpRequests.anyStatus') }, ...STATUSES.map((s) => ({ value: s, label: t(`helpStatus.${s}`) }))]}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {t('helpRequests.filterSubmit')}
          </Button>
        </ButtonGroup>
      </form>

      <ResultCount resource={requests.resource} />
      <LoadState resource={requests.resource}>
        {(list) => (
          <>
            <RequestsTable list={list} municipalityName={membership.municipality.name} />
            <Pagination offset={applied.offset} total={list.total} onPage={(offset) => setApplied((current) => ({ ...current, offset }))} />
          </>
        )}
      </LoadState>
    </>
  );
}

/** Always in the page as a live region, so each new count is announced. */
function ResultCount({ resource }: { resource: Resource<HelpRequestList> }) {
  const { t } = useI18n();
  const total = resource.status === 'ready' ? resource.data.total : null;
  return (
    <Paragraph role="status" className="samenspel-result-count">
      {total === null
        ? ''
        : total === 0
          ? t('helpRequests.empty')
          : total === 1
            ? t('helpRequests.resultsOne')
            : t('helpRequests.resultsMany', { count: total })}
    </Paragraph>
  );
}

function RequestsTable({ list, municipalityName }: { list: HelpRequestList; municipalityName: string }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  if (list.items.length === 0) return null;
  return (
    <ScrollTable caption={t('helpRequests.caption', { municipality: municipalityName })} hideCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('helpRequests.col.resident')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('helpRequests.col.category')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('helpRequests.col.schedule')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('helpRequests.col.area')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('helpRequests.col.status')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('helpRequests.col.createdAt')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.items.map((item) => (
          <TableRow key={item.id}>
            <TableHeaderCell scope="row">
              <RouterLink href={helpRequestPath(item.id)}>{item.residentDisplayName}</RouterLink>
              {item.postedOnBehalf && <span className="samenspel-data-note"> ({t('helpRequests.onBehalf')})</span>}
            </TableHeaderCell>
            <TableCell>
              {item.category.name}
              {item.vogRequired && <span className="samenspel-data-note"> ({t('helpRequests.vogRequired')})</span>}
            </TableCell>
            <TableCell>{scheduleLabel(i18n, item.schedule)}</TableCell>
            <TableCell>{[item.pc4, item.place].filter(Boolean).join(' ')}</TableCell>
            <TableCell>
              <HelpStatusBadge status={item.status} />
            </TableCell>
            <TableCell>
              <time dateTime={item.createdAt}>{formatDate(item.createdAt)}</time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}

function Pagination({ offset, total, onPage }: { offset: number; total: number; onPage: (offset: number) => void }) {
  const { t } = useI18n();
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  const page = Math.floor(offset / PAGE_SIZE) + 1;
  return (
    <nav aria-label={t('users.pagination')} className="samenspel-pagination">
      <ButtonGroup>
        {page > 1 && (
          <Button appearance="secondary-action-button" onClick={() => onPage(offset - PAGE_SIZE)}>
            {t('users.previous')}
          </Button>
        )}
        <Paragraph className="samenspel-pagination__position">{t('users.pageOf', { page, pages })}</Paragraph>
        {page < pages && (
          <Button appearance="secondary-action-button" onClick={() => onPage(offset + PAGE_SIZE)}>
            {t('users.next')}
          </Button>
        )}
      </ButtonGroup>
    </nav>
  );
}
