/**
 * A resident's file and household plan (`/plannen/:id`), and the resident's
 * own view of it (`/mijn-plan`). One page for everyone involved: what each
 * person sees follows what the server sent (`myRelation`, `myScopes`), so
 * the coordinator manages everything, a person on the plan sees what the
 * consent shares, and the resident sees their whole file and who looked at
 * it. Someone not involved gets "Geen toegang" (the server answered 403).
 *
 * `/plannen/:id/afdrukken` is the plan on paper: one section per printed
 * page (see household.css). Next to the print link, "Download als PDF"
 * fetches the server's tagged PDF of the plan (`plan/export.pdf`).
 */
import { Button, ButtonGroup, Heading2, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { type ReactNode } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/household';
import type { ResidentFile } from '../api/household';
import type { Membership } from '../api/types';
import { householdFilePath, householdPrintPath, PATHS } from '../app/navigation';
import { useSession } from '../app/session';
import { RequireSignIn } from '../components/Guards';
import { AccessLogSection, ConsentSection, PeopleSection, VoiceSection, WhoSection } from '../components/household/FileSections';
import { HandoverForm, HelpRequestsSection } from '../components/household/FileChanges';
import { NetworkSection } from '../components/household/NetworkSection';
import { OutcomesSection } from '../components/household/OutcomesSection';
import { ContributionsView, PlanSection, PlanView } from '../components/household/PlanSection';
import { LoadState, Loading, ProblemAlert } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import { ForbiddenPage } from './ForbiddenPage';
import { NotFoundPage } from './NotFoundPage';
import '../components/household/household.css';
import '../components/neighbour-help.css';

export function HouseholdFilePage({ id }: { id: string }) {
  return <RequireSignIn>{({ membership }) => <FileLoader key={`${membership.municipality.code}/${id}`} membership={membership} load={(code) => api.getFile(code, id)} />}</RequireSignIn>;
}

export function MyPlanPage() {
  return <RequireSignIn>{({ membership }) => <FileLoader key={membership.municipality.code} membership={membership} load={(code) => api.getMyFile(code)} mine />}</RequireSignIn>;
}

function FileLoader({ membership, load, mine = false }: { membership: Membership; load: (code: string) => Promise<ResidentFile>; mine?: boolean }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const file = useResource(() => load(code), [code]);
  if (file.resource.status === 'loading') return <Loading />;
  if (file.resource.status === 'error') {
    const error = file.resource.error;
    if (isApiError(error) && error.code === 'forbidden') return <ForbiddenPage />;
    if (isApiError(error) && error.code === 'not_found') {
      if (!mine) return <NotFoundPage />;
      return (
        <>
          <PageHeading>{t('hh.mine.title')}</PageHeading>
          <Paragraph>{t('hh.mine.none')}</Paragraph>
        </>
      );
    }
    return (
      <>
        <PageHeading>{mine ? t('hh.mine.title') : t('hh.file.titleAnonymous')}</PageHeading>
        <ProblemAlert error={error} />
      </>
    );
  }
  return <FileView code={code} file={file.resource.data} mine={mine} onChanged={file.setData} />;
}

const SECTIONS = ['wie', 'betrokkenen', 'toestemming', 'plan', 'buurthulp', 'netwerk', 'uitkomsten', 'stem', 'ingekeken'] as const;
type Section = (typeof SECTIONS)[number];

function FileView({ code, file, mine, onChanged }: { code: string; file: ResidentFile; mine: boolean; onChanged: (f: ResidentFile) => void }) {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const scopes = new Set(file.myScopes);
  const relation = file.myRelation;
  const coordinator = relation === 'coordinator';
  const resident = relation === 'resident';
  const plan = useResource(() => (scopes.has('plan') ? api.getPlan(code, file.id) : Promise.resolve(null)), [code, file.id]);
  const settings = useResource(() => (hasRole('social_worker') || hasRole('professional') ? api.getHouseholdSettings(code).catch(() => null) : Promise.resolve(null)), [code]);
  const network = useResource(() => (scopes.has('network') ? api.getNetwork(code, file.id) : Promise.resolve(null)), [code, file.id]);
  const trend = useResource(() => (scopes.has('outcomes') ? api.getOutcomeTrend(code, file.id) : Promise.resolve(null)), [code, file.id]);

  const title = mine ? t('hh.mine.title') : file.resident ? t('hh.file.title', { name: file.resident.displayName }) : t('hh.file.titleAnonymous');
  const shown: Section[] = SECTIONS.filter((s) => {
    switch (s) {
      case 'wie':
        return scopes.has('identity') || scopes.has('household');
      case 'betrokkenen':
        return true;
      case 'toestemming':
        return coordinator || resident || file.consents.length > 0;
      case 'plan':
      case 'buurthulp':
        return scopes.has('plan');
      case 'netwerk':
        return scopes.has('network');
      case 'uitkomsten':
        return scopes.has('outcomes');
      case 'stem':
        return scopes.has('voice');
      case 'ingekeken':
        return resident;
    }
  });
  const heading: Record<Section, string> = {
    wie: t('hh.section.who'),
    betrokkenen: t('hh.section.people'),
    toestemming: t('hh.section.consent'),
    plan: t('hh.section.plan'),
    buurthulp: t('hh.section.helpRequests'),
    netwerk: t('hh.section.network'),
    uitkomsten: t('hh.section.outcomes'),
    stem: resident ? t('hh.section.voiceResident') : t('hh.section.voice'),
    ingekeken: t('hh.section.log'),
  };
  const mayChangePlan = coordinator || (relation === 'participant' && scopes.has('plan'));
  const mayRecord = coordinator || resident || (relation === 'participant' && scopes.has('outcomes'));

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph appearance="lead">{mine ? t('hh.mine.intro', { name: file.coordinator.displayName }) : t(`hh.file.intro.${relation}` as 'hh.file.intro.coordinator')}</Paragraph>
      <nav aria-labelledby="hh-toc" className="samenspel-hh-toc">
        <Heading2 id="hh-toc" className="samenspel-hh-toc__heading">
          {t('hh.file.toc')}
        </Heading2>
        <UnorderedList>
          {shown.map((s) => (
            <UnorderedListItem key={s}>
              <Link href={`#${s}`}>{heading[s]}</Link>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </nav>
      <ButtonGroup className="samenspel-hh-noprint">
        {scopes.has('plan') && (
          <>
            <RouterLink href={householdPrintPath(mine ? 'mijn' : file.id)} className="samenspel-hh-print-link">
              {t('hh.file.printLink')}
            </RouterLink>
            <Link href={api.planPdfUrl(code, file.id)} download>
              {t('hh.file.pdfLink')}
            </Link>
          </>
        )}
        {!mine && <RouterLink href={PATHS.householdFiles}>{t('hh.file.back')}</RouterLink>}
      </ButtonGroup>

      {shown.map((s) => (
        <FileSectionFrame key={s} id={s} title={heading[s]}>
          {s === 'wie' && <WhoSection file={file} {...(coordinator ? { edit: { code, onChanged } } : {})} />}
          {s === 'betrokkenen' && (
            <>
              <PeopleSection code={code} file={file} mayManage={coordinator} onChanged={onChanged} />
              {coordinator && <HandoverForm code={code} file={file} />}
            </>
          )}
          {s === 'toestemming' && <ConsentSection code={code} file={file} mayChange={coordinator || resident} onChanged={onChanged} />}
          {s === 'plan' && (
            <LoadState resource={plan.resource}>
              {(p) =>
                p && (
                  <LoadState resource={settings.resource}>
                    {(st) => (
                      <PlanSection
                        code={code}
                        file={file}
                        plan={p}
                        settings={st}
                        domainNames={domainNamesFrom(st, trend.resource.status === 'ready' ? trend.resource.data : null)}
                        mayChange={mayChangePlan}
                        onChanged={(next) => {
                          plan.setData(next);
                          trend.reload();
                        }}
                      />
                    )}
                  </LoadState>
                )
              }
            </LoadState>
          )}
          {s === 'buurthulp' && <HelpRequestsSection code={code} fileId={file.id} mayLink={coordinator} onLinked={() => scopes.has('network') && network.reload()} />}
          {s === 'netwerk' && (
            <LoadState resource={network.resource}>
              {(n) => n && <NetworkSection code={code} fileId={file.id} network={n} mayEdit={coordinator || resident} onChanged={network.setData} />}
            </LoadState>
          )}
          {s === 'uitkomsten' && (
            <LoadState resource={trend.resource}>
              {(tr) =>
                tr && <OutcomesSection code={code} fileId={file.id} trend={tr} plan={plan.resource.status === 'ready' ? plan.resource.data : null} mayRecord={mayRecord} onChanged={trend.reload} />
              }
            </LoadState>
          )}
          {s === 'stem' && <VoiceSection code={code} file={file} mayRecord={coordinator || resident || scopes.has('voice')} mayAnswer={coordinator} />}
          {s === 'ingekeken' && (
            <>
              <Paragraph>{t('hh.log.intro')}</Paragraph>
              <AccessLogSection code={code} fileId={file.id} />
            </>
          )}
        </FileSectionFrame>
      ))}
    </>
  );
}

/** Names of the life domains: from the settings (staff), or from the trend (the resident may not read settings). */
function domainNamesFrom(settings: api.HouseholdSettings | null, trend: api.OutcomeTrend | null): Map<string, string> {
  return new Map([...(trend?.domains.map((d) => [d.code, d.name] as const) ?? []), ...(settings?.domains.map((d) => [d.code, d.name] as const) ?? [])]);
}

function FileSectionFrame({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="samenspel-section samenspel-hh-section" aria-labelledby={`${id}-heading`} id={id}>
      <Heading2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </Heading2>
      {children}
    </section>
  );
}

/** The plan on paper: `/plannen/:id/afdrukken`, or `/mijn-plan/afdrukken` for the resident. */
export function HouseholdPrintPage({ id }: { id: string }) {
  return (
    <RequireSignIn>
      {({ membership }) => <PrintView key={`${membership.municipality.code}/${id}`} code={membership.municipality.code} id={id} />}
    </RequireSignIn>
  );
}

function PrintView({ code, id }: { code: string; id: string }) {
  const { t, formatDate } = useI18n();
  const mine = id === 'mijn';
  const data = useResource(async () => {
    const file = mine ? await api.getMyFile(code) : await api.getFile(code, id);
    const scopes = new Set(file.myScopes);
    const [plan, network, trend] = await Promise.all([
      scopes.has('plan') ? api.getPlan(code, file.id) : null,
      scopes.has('network') ? api.getNetwork(code, file.id) : null,
      scopes.has('outcomes') ? api.getOutcomeTrend(code, file.id) : null,
    ]);
    return { file, plan, network, trend };
  }, [code, id]);
  if (data.resource.status === 'error' && isApiError(data.resource.error) && data.resource.error.code === 'forbidden') return <ForbiddenPage />;
  return (
    <LoadState resource={data.resource}>
      {({ file, plan, network, trend }) => {
        const domainNames = new Map(trend?.domains.map((d) => [d.code, d.name]) ?? []);
        return (
          <div className="samenspel-hh-print">
            <PageHeading>{file.resident ? t('hh.print.title', { name: file.resident.displayName }) : t('hh.print.titleAnonymous')}</PageHeading>
            <div className="samenspel-hh-noprint">
              <Paragraph>{t('hh.print.intro')}</Paragraph>
              <ButtonGroup>
                <Button appearance="primary-action-button" onClick={() => window.print()}>
                  {t('hh.print.print')}
                </Button>
              </ButtonGroup>
              <Paragraph>
                <RouterLink href={mine ? PATHS.myPlan : householdFilePath(file.id)}>{t('hh.print.back')}</RouterLink>
              </Paragraph>
            </div>
            <section className="samenspel-hh-print__page" aria-labelledby="print-plan">
              <Heading2 id="print-plan">{t('hh.section.plan')}</Heading2>
              <Paragraph>{t('hh.print.coordinator', { name: file.coordinator.displayName, date: formatDate(new Date().toISOString()) })}</Paragraph>
              {plan ? <PlanView plan={plan} domainNames={domainNames} /> : <Paragraph>{t('hh.plan.none')}</Paragraph>}
              {plan && <ContributionsView plan={plan} />}
            </section>
            {network && (
              <section className="samenspel-hh-print__page" aria-labelledby="print-network">
                <Heading2 id="print-network">{t('hh.section.network')}</Heading2>
                <UnorderedList>
                  {network.members.map((m) => (
                    <UnorderedListItem key={m.id}>
                      {m.name} – {t(`hh.circle.${m.circle}` as 'hh.circle.household')}, {t(`hh.strength.${m.strength}` as 'hh.strength.1')}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              </section>
            )}
            {trend && (
              <section className="samenspel-hh-print__page" aria-labelledby="print-outcomes">
                <Heading2 id="print-outcomes">{t('hh.section.outcomes')}</Heading2>
                <UnorderedList>
                  {trend.domains
                    .filter((d) => d.points.length > 0)
                    .map((d) => (
                      <UnorderedListItem key={d.code}>
                        {d.name}: {d.points.map((p) => `${formatDate(p.measuredOn)}: ${p.score} (${t(`hh.scale.${p.score}` as 'hh.scale.1')})`).join(' → ')}
                      </UnorderedListItem>
                    ))}
                </UnorderedList>
              </section>
            )}
          </div>
        );
      }}
    </LoadState>
  );
}
