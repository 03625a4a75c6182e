/**
 * Uitkomsten (`/cijfers/uitkomsten`, issue 6): what support achieved, for
 * policy officers and administrators (the whole municipality) and for
 * professionals (the plans coordinated from their own organisation). Every
 * chart has a table with the same figures; a figure resting on fewer than
 * ten residents is never shown ("te weinig gegevens"). One filter at a time
 * besides the period, so two views can never be subtracted into a small group.
 */
import { Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import * as api from '../api/dashboards';
import type { ContributionRole, DashboardQuery, OutcomeDashboard } from '../api/dashboards';
import type { Membership } from '../api/types';
import { PATHS } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { formatNumber, formatShare } from '../components/coach';
import { ErrorSummary } from '../components/ErrorSummary';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { ScrollTable } from '../components/ScrollTable';
import { SelectField } from '../components/SelectField';
import { useI18n } from '../i18n/i18n';
import { fieldErrorMessage, fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';
import './dashboard.css';

const ROLES = ['professional', 'policy_officer', 'admin'] as const;

/** The period fields; the server calls them `from` and `to`. */
const PERIOD_FIELDS = ['dashboardFrom', 'dashboardTo'] as const;
type PeriodField = (typeof PERIOD_FIELDS)[number];
const periodField = (name: string): PeriodField | null => (name === 'from' ? 'dashboardFrom' : name === 'to' ? 'dashboardTo' : null);

export function OutcomeDashboardPage() {
  return <RequireAnyRole roles={ROLES}>{({ membership }) => <Dashboard key={membership.municipality.code} membership={membership} />}</RequireAnyRole>;
}

/** "2026-Q3" as "3e kwartaal 2026" / "Q3 2026". */
function quarterName(locale: string, q: string): string {
  const [year, part] = q.split('-Q');
  return locale === 'nl' ? `${part}e kwartaal ${year}` : `Q${part} ${year}`;
}

function Dashboard({ membership }: { membership: Membership }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const announce = useAnnounce();
  const code = membership.municipality.code;
  const canRefresh = membership.roles.some((r) => r.role === 'policy_officer' || r.role === 'admin');
  const [query, setQuery] = useState<DashboardQuery>({});
  const [draft, setDraft] = useState({ from: '', to: '', filter: '' });
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const { resource, reload } = useResource(() => api.getOutcomeDashboard(code, query), [code, query]);
  // The last figures that arrived: their options keep the form on screen while new ones load or fail.
  const [shown, setShown] = useState<OutcomeDashboard | null>(null);
  const errors = useFormErrors<PeriodField>();
  // A period the server refused (the check below catches most): its message goes to the field.
  const serverFields = resource.status === 'error' ? fieldErrorsFromProblem(i18n, resource.error, PERIOD_FIELDS, periodField) : null;
  const fieldErrors = { ...serverFields, ...errors.fields };
  const refusedPeriod = serverFields !== null;
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const moveFocus = useRef(false);

  // Fill the form with what the server chose (the default period) once it answers.
  useEffect(() => {
    if (resource.status === 'ready') {
      setShown(resource.data);
      const f = resource.data.filters;
      const filter = f.pc4 ? `pc4:${f.pc4}` : f.category ? `category:${f.category}` : f.organisation && resource.data.options.organisationChoice ? `organisation:${f.organisation}` : '';
      setDraft({ from: f.from, to: f.to, filter });
    }
    if (moveFocus.current && resource.status !== 'loading') {
      moveFocus.current = false;
      // A refused period: the error summary has taken focus instead.
      if (!refusedPeriod) resultsHeading.current?.focus();
      if (resource.status === 'ready') announce(t('dashboard.updated'));
    }
  }, [resource, refusedPeriod, announce, t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Quarters ("2026-Q3") compare correctly as strings.
    if (draft.from && draft.to && draft.to < draft.from) return errors.fail({ dashboardTo: fieldErrorMessage(i18n, 'dashboardTo', 'invalid_value') });
    errors.clear();
    const next: DashboardQuery = { from: draft.from, to: draft.to };
    const [kind, ...rest] = draft.filter.split(':');
    const value = rest.join(':');
    if (kind === 'pc4') next.pc4 = value;
    if (kind === 'category') next.category = value;
    if (kind === 'organisation') next.organisation = value;
    moveFocus.current = true;
    setQuery(next);
  };

  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(null);
    try {
      await api.refreshOutcomeDashboard(code);
      announce(t('dashboard.refreshed'));
      reload();
    } catch (error) {
      setRefreshError(problemMessage(i18n, error));
    } finally {
      setRefreshing(false);
    }
  };

  const data = resource.status === 'ready' ? resource.data : null;
  const form = data ?? shown;
  const quarters = form ? [...new Set([...form.options.quarters, form.filters.from, form.filters.to])].sort() : [];

  return (
    <>
      <PageHeading>{t('dashboard.title')}</PageHeading>
      <Paragraph appearance="lead">{t('dashboard.intro', { municipality: membership.municipality.name })}</Paragraph>
      <Paragraph>{t('dashboard.privacy', { minimum: data?.minimumGroup ?? 10 })}</Paragraph>

      <ErrorSummary
        attempt={errors.attempt}
        items={summaryItems(fieldErrors, [
          { name: 'dashboardFrom', id: 'dashboard-from', label: t('dashboard.from') },
          { name: 'dashboardTo', id: 'dashboard-to', label: t('dashboard.to') },
        ])}
      />
      {form && (
        <form noValidate onSubmit={submit} className="samenspel-form samenspel-dashboard-filters" aria-label={t('dashboard.filtersLabel')}>
          <SelectField id="dashboard-from" label={t('dashboard.from')} value={draft.from} onChange={(from) => setDraft((d) => ({ ...d, from }))} options={quarters.map((q) => ({ value: q, label: quarterName(locale, q) }))} error={fieldErrors.dashboardFrom} />
          <SelectField id="dashboard-to" label={t('dashboard.to')} value={draft.to} onChange={(to) => setDraft((d) => ({ ...d, to }))} options={quarters.map((q) => ({ value: q, label: quarterName(locale, q) }))} error={fieldErrors.dashboardTo} />
          {form.options.organisationChoice ? (
            <SelectField
              id="dashboard-filter"
              label={t('dashboard.filter')}
              description={t('dashboard.filterHint')}
              value={draft.filter}
              onChange={(filter) => setDraft((d) => ({ ...d, filter }))}
              options={[
                { value: '', label: t('dashboard.filterNone', { municipality: membership.municipality.name }) },
                ...form.options.areas.map((a) => ({ value: `pc4:${a.pc4}`, label: t('dashboard.filterArea', { pc4: a.pc4, place: a.place ?? '' }) })),
                ...form.options.categories.map((c) => ({ value: `category:${c.code}`, label: t('dashboard.filterCategory', { name: locale === 'nl' ? c.nameNl : c.nameEn }) })),
                ...form.options.organisations.map((o) => ({ value: `organisation:${o.id}`, label: t('dashboard.filterOrganisation', { name: o.name }) })),
              ]}
            />
          ) : (
            <Paragraph>{t('dashboard.ownOrganisation', { name: form.options.organisations[0]?.name ?? '' })}</Paragraph>
          )}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button">
              {t('dashboard.show')}
            </Button>
          </ButtonGroup>
        </form>
      )}

      <section className="samenspel-section" aria-labelledby="dashboard-results">
        <Heading2 id="dashboard-results" ref={resultsHeading} tabIndex={-1}>
          {data ? t('dashboard.resultsHeading', { from: quarterName(locale, data.filters.from), to: quarterName(locale, data.filters.to) }) : t('dashboard.resultsHeadingPlain')}
        </Heading2>
        {data && (
          <div className="samenspel-dashboard-refresh">
            <Paragraph>{data.refreshedAt ? t('dashboard.refreshedAt', { when: i18n.formatDateTime(data.refreshedAt) }) : t('dashboard.neverRefreshed')}</Paragraph>
            {canRefresh && (
              <ButtonGroup>
                <Button type="button" appearance="secondary-action-button" busy={refreshing} onClick={() => void refresh()}>
                  {refreshing ? t('dashboard.refreshing') : t('dashboard.refresh')}
                </Button>
              </ButtonGroup>
            )}
            {refreshError && <Paragraph role="alert">{refreshError}</Paragraph>}
          </div>
        )}
        {refusedPeriod ? <Paragraph>{t('dashboard.periodRefused')}</Paragraph> : <LoadState resource={resource}>{(d) => <Figures data={d} />}</LoadState>}
        <Paragraph>
          <a href={PATHS.effects}>{t('dashboard.toEffects')}</a>
        </Paragraph>
      </section>
    </>
  );
}

function Figures({ data }: { data: OutcomeDashboard }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const few = t('dashboard.tooFew');
  const num = (v: number | null) => (v === null ? few : formatNumber(locale, v));
  const pct = (v: number | null) => formatShare(locale, v) ?? few;
  const signed = (v: number | null) => (v === null ? few : `${v > 0 ? '+' : ''}${formatNumber(locale, v)}`);
  const domainName = (code: string) => {
    const d = data.options.domains.find((x) => x.code === code);
    return d ? (locale === 'nl' ? d.nameNl : d.nameEn) : code;
  };
  const areaName = (pc4: string) => {
    const a = data.options.areas.find((x) => x.pc4 === pc4);
    return a?.place ? `${pc4} ${a.place}` : pc4;
  };

  return (
    <>
      {data.applies.requests && (
        <section aria-labelledby="dashboard-requests" className="samenspel-dashboard-part">
          <h3 id="dashboard-requests" className="utrecht-heading-3">{t('dashboard.requestsHeading')}</h3>
          <DataList className="samenspel-data-list">
            <Item id="requests" label={t('dashboard.requestsTotal')} value={num(data.requests.total)} note={t('dashboard.requestsTotal.explain')} />
            <Item id="informal" label={t('dashboard.informalShare')} value={pct(data.requests.outcomes.find((o) => o.key === 'informal')?.share ?? null)} note={t('dashboard.informalShare.explain')} />
            <Item id="referred" label={t('dashboard.referredShare')} value={pct(data.requests.outcomes.find((o) => o.key === 'referred')?.share ?? null)} note={t('dashboard.referredShare.explain')} />
            <Item id="stalled" label={t('dashboard.stalledShare')} value={pct(data.requests.stalledShare)} note={t('dashboard.stalledShare.explain')} />
            <Item id="meanDays" label={t('dashboard.meanDays')} value={data.timeToHelp.meanDays === null ? few : t('dashboard.days', { days: formatNumber(locale, data.timeToHelp.meanDays) })} note={t('dashboard.meanDays.explain')} />
            <Item id="within14" label={t('dashboard.within14')} value={pct(data.timeToHelp.shareWithin14Days)} note={t('dashboard.within14.explain')} />
          </DataList>
          <FigureTable
            caption={t('dashboard.outcomesTable')}
            columns={[t('dashboard.outcome'), t('dashboard.requests'), t('dashboard.share')]}
            rows={data.requests.outcomes.map((o) => ({ key: o.key, head: t(`dashboard.outcome.${o.key}`), cells: [num(o.n), pct(o.share)] }))}
          />

          <h3 className="utrecht-heading-3">{t('dashboard.trendHeading')}</h3>
          {data.trend.some((q) => q.requests !== null) && (
            // A picture of the table below, which screen readers read instead.
            <div className="samenspel-dashboard-chart" aria-hidden="true">
              <ResponsiveContainer width="100%" height={260}>
                <ComposedChart data={data.trend.map((q) => ({ name: quarterName(locale, q.quarter), requests: q.requests, informal: q.informalShare === null ? null : Math.round(q.informalShare * 100) }))} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" />
                  <YAxis yAxisId="n" />
                  <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} unit="%" />
                  <Tooltip />
                  <Legend />
                  <Bar yAxisId="n" dataKey="requests" name={t('dashboard.requests')} fill="#00679e" isAnimationActive={false} />
                  <Line yAxisId="pct" dataKey="informal" name={t('dashboard.informalShare')} stroke="#8a1538" strokeWidth={2} isAnimationActive={false} connectNulls={false} />
                </ComposedChart>
              </ResponsiveContainer>
            </div>
          )}
          <FigureTable
            caption={t('dashboard.trendTable')}
            columns={[t('dashboard.quarter'), t('dashboard.requests'), t('dashboard.informalShare'), t('dashboard.meanDays')]}
            rows={data.trend.map((q) => ({ key: q.quarter, head: quarterName(locale, q.quarter), cells: [num(q.requests), pct(q.informalShare), num(q.meanDaysToHelp)] }))}
          />

          {data.areas.length > 0 && (
            <>
              <h3 className="utrecht-heading-3">{t('dashboard.mapHeading')}</h3>
              <Paragraph>{t('dashboard.mapIntro')}</Paragraph>
              <AreaMap data={data} />
              <FigureTable
                caption={t('dashboard.mapTable')}
                columns={[t('dashboard.area'), t('dashboard.requests'), t('dashboard.informalShare'), t('dashboard.meanDays')]}
                rows={data.areas.map((a) => ({ key: a.pc4, head: areaName(a.pc4), cells: [num(a.requests), pct(a.informalShare), num(a.meanDaysToHelp)] }))}
              />
            </>
          )}
        </section>
      )}

      {data.applies.plans && (
        <section aria-labelledby="dashboard-plans" className="samenspel-dashboard-part">
          <h3 id="dashboard-plans" className="utrecht-heading-3">{t('dashboard.plansHeading')}</h3>
          <FigureTable
            caption={t('dashboard.domainsTable')}
            columns={[t('dashboard.domain'), t('dashboard.plans'), t('dashboard.meanChange'), t('dashboard.improved')]}
            rows={data.domains.map((d) => ({ key: d.domain, head: domainName(d.domain), cells: [num(d.n), signed(d.meanChange), pct(d.shareImproved)] }))}
          />
          <Paragraph className="samenspel-data-note">{t('dashboard.meanChange.explain')}</Paragraph>
          <DataList className="samenspel-data-list">
            <Item id="goals" label={t('dashboard.goalsReached')} value={pct(data.goals.shareReached)} note={t('dashboard.goalsReached.explain', { goals: num(data.goals.n) })} />
            <Item id="satisfaction" label={t('dashboard.satisfaction')} value={num(data.satisfaction.mean)} note={t('dashboard.satisfaction.explain', { share: pct(data.satisfaction.shareSevenOrMore) })} />
            <Item id="fragmentation" label={t('dashboard.fragmentation')} value={num(data.fragmentation.mean)} note={t('dashboard.fragmentation.explain', { share: pct(data.fragmentation.shareAboveThreshold) })} />
            {data.applies.meetups && <Item id="meetups" label={t('dashboard.meetups')} value={num(data.meetups.attendances)} note={t('dashboard.meetups.explain')} />}
          </DataList>

          <h3 className="utrecht-heading-3">{t('dashboard.rolesHeading')}</h3>
          <Paragraph>{t('dashboard.rolesIntro')}</Paragraph>
          <FigureTable
            caption={t('dashboard.rolesTable')}
            columns={[t('dashboard.role'), t('dashboard.households'), t('dashboard.actionsDone'), t('dashboard.goalsServed')]}
            rows={data.roles.map((r) => ({ key: r.role, head: t(`dashboard.contributor.${r.role satisfies ContributionRole}`), cells: [num(r.households), num(r.actionsDone), num(r.goalsServed)] }))}
          />
        </section>
      )}
    </>
  );
}

/** A table of figures: a caption, column headings, and per row a heading and its cells. */
function FigureTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: Array<{ key: string; head: string; cells: string[] }> }) {
  return (
    <ScrollTable caption={caption}>
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell key={c} scope="col">
              {c}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableHeaderCell scope="row">{r.head}</TableHeaderCell>
            {r.cells.map((cell, i) => (
              <TableCell key={i}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}

function Item({ id, label, value, note }: { id: string; label: string; value: string; note: string }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>
        <strong data-figure={id}>{value}</strong>
        <span className="samenspel-data-note">{note}</span>
      </DataListValue>
    </DataListItem>
  );
}

/**
 * The areas as dots at their centre (CBS PC4 centroids): the bigger, the more
 * requests; the darker, the larger the share helped informally. A picture of
 * the table that follows it; areas without figures are drawn as open circles.
 */
function AreaMap({ data }: { data: OutcomeDashboard }) {
  const { t } = useI18n();
  const points = data.areas.flatMap((a) => {
    const o = data.options.areas.find((x) => x.pc4 === a.pc4);
    return o && o.lat !== null && o.lon !== null ? [{ ...a, lat: o.lat, lon: o.lon }] : [];
  });
  if (points.length === 0) return null;
  const W = 480;
  const H = 320;
  const pad = 36;
  const minLat = Math.min(...points.map((p) => p.lat));
  const maxLat = Math.max(...points.map((p) => p.lat));
  const minLon = Math.min(...points.map((p) => p.lon));
  const maxLon = Math.max(...points.map((p) => p.lon));
  // Longitude degrees are shorter than latitude degrees at 52° north.
  const kx = Math.cos((52 * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * kx, 0.001);
  const spanY = Math.max(maxLat - minLat, 0.001);
  const scale = Math.min((W - 2 * pad) / spanX, (H - 2 * pad) / spanY);
  const maxN = Math.max(1, ...points.map((p) => p.requests ?? 0));
  return (
    <svg className="samenspel-dashboard-map" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('dashboard.mapLabel')}>
      {points.map((p) => {
        const x = pad + (p.lon - minLon) * kx * scale;
        const y = H - pad - (p.lat - minLat) * scale;
        const r = p.requests === null ? 6 : 6 + 18 * Math.sqrt(p.requests / maxN);
        const shade = p.informalShare === null ? 'none' : `rgba(0, 103, 158, ${0.25 + 0.75 * p.informalShare})`;
        return (
          <g key={p.pc4}>
            <circle cx={x} cy={y} r={r} fill={shade} stroke="#0b2e4f" strokeWidth={1.5} />
            <text x={x} y={y + r + 12} textAnchor="middle" fontSize="11" fill="#1a1a1a">
              {p.pc4}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
