/**
 * Admin: the audit log of the active municipality. Filter by action and
 * date, load older events page by page, and check that the hash chain is
 * intact (nobody changed or removed an event).
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
import type { AuditEvent, AuditFilter, Membership } from '../api/types';
import { useAnnounce } from '../app/status';
import { ErrorSummary } from '../components/ErrorSummary';
import { RequireRole } from '../components/Guards';
import { LoadState, ProblemAlert } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { ScrollTable } from '../components/ScrollTable';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import { nl } from '../i18n/nl';
import { problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';

const PAGE_SIZE = 50;
/** The actions the catalogue has words for; the filter offers these. */
const KNOWN_ACTIONS = Object.keys(nl)
  .filter((key) => key.startsWith('action.'))
  .map((key) => key.slice('action.'.length));

export function AuditLogPage() {
  return <RequireRole role="admin">{({ membership }) => <AuditLog key={membership.municipality.code} membership={membership} />}</RequireRole>;
}

function AuditLog({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const [filter, setFilter] = useState<AuditFilter>({});

  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <VerifyChain code={code} />
      <FilterForm onApply={setFilter} />
      <AuditResults key={JSON.stringify(filter)} code={code} filter={filter} />
    </>
  );
}

function VerifyChain({ code }: { code: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await api.verifyAuditChain(code);
      if (result.ok) announce(t('audit.verifyOk', { checked: result.checked }));
      else announce(t('audit.verifyBroken', { seq: result.brokenAtSeq ?? '?' }), 'error');
    } catch (error) {
      announce(problemMessage(i18n, error), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <ButtonGroup>
      <Button appearance="secondary-action-button" busy={busy} onClick={() => void verify()}>
        {busy ? t('audit.verifying') : t('audit.verify')}
      </Button>
    </ButtonGroup>
  );
}

function FilterForm({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const i18n = useI18n();
  const { t, tCode } = i18n;
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const errors = useFormErrors<'to'>();

  const apply = (event: FormEvent) => {
    event.preventDefault();
    // ISO dates (YYYY-MM-DD) compare correctly as strings.
    if (from && to && to < from) return errors.fail({ to: t('fieldError.to.before_from') });
    errors.clear();
    onApply({ action: action || undefined, from: from || undefined, to: to || undefined });
  };

  const clear = () => {
    setAction('');
    setFrom('');
    setTo('');
    errors.clear();
    onApply({});
  };

  return (
    <form role="search" aria-label={t('audit.filterHeading')} onSubmit={apply} noValidate className="samenspel-form samenspel-filter">
      <ErrorSummary items={summaryItems(errors.fields, [{ name: 'to', id: 'audit-to', label: t('field.to') }])} attempt={errors.attempt} />
      <SelectField
        id="audit-action"
        label={t('field.action')}
        optional
        markOptional={false}
        value={action}
        onChange={setAction}
        options={[{ value: '', label: t('audit.anyAction') }, ...KNOWN_ACTIONS.map((a) => ({ value: a, label: tCode('action', a) }))]}
      />
      <TextField id="audit-from" type="date" label={t('field.from')} optional markOptional={false} value={from} onChange={setFrom} />
      <TextField
        id="audit-to"
        type="date"
        label={t('field.to')}
        optional
        markOptional={false}
        value={to}
        onChange={setTo}
        error={errors.fields.to}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button">
          {t('audit.filterSubmit')}
        </Button>
        <Button type="button" appearance="subtle-button" onClick={clear}>
          {t('audit.filterClear')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** One filter's results; older pages are appended with "Meer laden". */
function AuditResults({ code, filter }: { code: string; filter: AuditFilter }) {
  const { t } = useI18n();
  const first = useResource(() => api.listAuditEvents(code, { ...filter, limit: PAGE_SIZE }), [code]);
  const [older, setOlder] = useState<AuditEvent[]>([]);
  const [olderCursor, setOlderCursor] = useState<number | null | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  return (
    <LoadState resource={first.resource}>
      {(page) => {
        const items = [...page.items, ...older];
        // Until "more" was used, the cursor is the first page's.
        const cursor = olderCursor === undefined ? page.nextBefore : olderCursor;
        const loadMore = async () => {
          if (cursor === null || loadingMore) return;
          setLoadingMore(true);
          setMoreError(null);
          try {
            const next = await api.listAuditEvents(code, { ...filter, limit: PAGE_SIZE, before: cursor });
            setOlder((current) => [...current, ...next.items]);
            setOlderCursor(next.nextBefore);
          } catch (error) {
            setMoreError(error);
          } finally {
            setLoadingMore(false);
          }
        };
        if (items.length === 0) return <Paragraph role="status">{t('audit.empty')}</Paragraph>;
        return (
          <>
            <AuditTable items={items} />
            {moreError !== null && <ProblemAlert error={moreError} />}
            {cursor !== null && (
              <ButtonGroup>
                <Button appearance="secondary-action-button" busy={loadingMore} onClick={() => void loadMore()}>
                  {loadingMore ? t('app.loading') : t('audit.more')}
                </Button>
              </ButtonGroup>
            )}
          </>
        );
      }}
    </LoadState>
  );
}

function AuditTable({ items }: { items: AuditEvent[] }) {
  const { t, tCode, formatDateTime } = useI18n();
  const none = t('audit.none');
  return (
    <ScrollTable caption={t('audit.caption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('audit.col.seq')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('audit.col.when')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('audit.col.who')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('audit.col.action')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('audit.col.subject')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('audit.col.purpose')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('audit.col.outcome')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('audit.col.requestId')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((event) => (
          <TableRow key={event.seq}>
            <TableCell>{event.seq}</TableCell>
            <TableCell>
              <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
            </TableCell>
            <TableCell>{event.actorDisplayName ?? t('audit.system')}</TableCell>
            <TableCell>{tCode('action', event.action)}</TableCell>
            <TableCell>{event.subjectDisplayName ?? none}</TableCell>
            <TableCell>{event.purpose ? tCode('purpose', event.purpose) : none}</TableCell>
            <TableCell>{tCode('outcome', event.outcome)}</TableCell>
            <TableCell>
              <code className="samenspel-request-id">{event.requestId ?? none}</code>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}
