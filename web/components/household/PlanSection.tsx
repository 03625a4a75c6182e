/**
 * The household plan: goals in the resident's own words, agreed actions
 * (who, what, by when; informal and formal help on one page), the review
 * date and the life domains measured. Saving asks why the plan changes and
 * makes a new version; every earlier version stays readable.
 */
import { Button, ButtonGroup, Heading3, Heading4, OrderedList, OrderedListItem, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import * as api from '../../api/household';
import type { HouseholdSettings, Plan, ResidentFile } from '../../api/household';
import { useAnnounce } from '../../app/status';
import { useI18n } from '../../i18n/i18n';
import { fieldErrorMessage, problemMessage } from '../../lib/errors';
import { isApiError } from '../../api/client';
import { useResource } from '../../lib/use-resource';
import { CheckboxFieldset } from '../CheckboxFieldset';
import { CheckboxField } from '../CheckboxField';
import { ErrorSummary } from '../ErrorSummary';
import { LoadState } from '../LoadState';
import { ScrollTable } from '../ScrollTable';
import { SelectField } from '../SelectField';
import { TextAreaField } from '../TextAreaField';
import { TextField } from '../TextField';
import { formKeyOf, isIsoDate, todayIso } from './household';

export function whoText(who: Plan['actions'][number]['who']): string {
  return 'personId' in who ? who.displayName : who.helperName;
}

/** The plan as text and a table: the same on screen, on the resident's page and on paper. */
export function PlanView({ plan, domainNames }: { plan: Plan; domainNames?: Map<string, string> }) {
  const { t, formatDate } = useI18n();
  if (plan.version === 0) return <Paragraph>{t('hh.plan.none')}</Paragraph>;
  const goalText = (id: string | null) => plan.goals.find((g) => g.id === id)?.text ?? '–';
  return (
    <div className="samenspel-hh-plan">
      <Paragraph className="samenspel-hh-plan__version">
        {t('hh.plan.versionLine', { version: plan.version, date: plan.createdAt ? formatDate(plan.createdAt) : '–', name: plan.author?.displayName ?? '–' })}
      </Paragraph>
      <Heading3>{t('hh.plan.goals')}</Heading3>
      {plan.goals.length === 0 ? (
        <Paragraph>{t('hh.plan.noGoals')}</Paragraph>
      ) : (
        <OrderedList>
          {plan.goals.map((g) => (
            <OrderedListItem key={g.id}>“{g.text}”</OrderedListItem>
          ))}
        </OrderedList>
      )}
      <Heading3>{t('hh.plan.actions')}</Heading3>
      {plan.actions.length === 0 ? (
        <Paragraph>{t('hh.plan.noActions')}</Paragraph>
      ) : (
        <ScrollTable caption={t('hh.plan.actionsCaption')} hideCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('hh.plan.colWhat')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('hh.plan.colWho')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('hh.plan.colDue')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('hh.plan.colDone')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('hh.plan.colKind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('hh.plan.colGoal')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.actions.map((a) => (
              <TableRow key={a.id}>
                <TableHeaderCell scope="row">{a.what}</TableHeaderCell>
                <TableCell>{whoText(a.who)}</TableCell>
                <TableCell>{a.dueOn ? formatDate(a.dueOn) : '–'}</TableCell>
                <TableCell>{a.doneOn ? t('hh.plan.doneOn', { date: formatDate(a.doneOn) }) : t('hh.plan.notDone')}</TableCell>
                <TableCell>{a.formal ? t('hh.plan.formal') : t('hh.plan.informal')}</TableCell>
                <TableCell>{goalText(a.goalId)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
      <Heading3>{t('hh.plan.review')}</Heading3>
      <Paragraph>{plan.reviewDates.length ? plan.reviewDates.map((d) => formatDate(d)).join(', ') : t('hh.plan.noReview')}</Paragraph>
      <Heading3>{t('hh.plan.domains')}</Heading3>
      <Paragraph>{plan.domains.length ? plan.domains.map((d) => domainNames?.get(d) ?? d).join(', ') : t('hh.plan.noDomains')}</Paragraph>
      {plan.reason && (
        <Paragraph>
          {t('hh.plan.reasonLine')} {plan.reason}
        </Paragraph>
      )}
    </div>
  );
}

/**
 * "Wat ieder bijdroeg": per role, the actions done and still open and the
 * goals they served (issue 6). The roles come from the server.
 */
export function ContributionsView({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  if (plan.version === 0) return null;
  return (
    <div className="samenspel-hh-contrib">
      <Heading3 id="hh-contrib-heading">{t('hh.contrib.heading')}</Heading3>
      {plan.contributions.length === 0 ? (
        <Paragraph>{t('hh.contrib.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('hh.contrib.intro')}</Paragraph>
          <ScrollTable caption={t('hh.contrib.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('hh.contrib.colRole')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('hh.contrib.colDone')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('hh.contrib.colOpen')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('hh.contrib.colGoals')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.contributions.map((c) => (
                <TableRow key={c.role}>
                  <TableHeaderCell scope="row">{t(`hh.contrib.role.${c.role}`)}</TableHeaderCell>
                  <TableCell>{c.done}</TableCell>
                  <TableCell>{c.open}</TableCell>
                  <TableCell>{c.goals.length ? c.goals.map((g) => `“${g.text}”`).join(', ') : t('hh.contrib.noGoal')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
        </>
      )}
    </div>
  );
}

export function PlanSection({
  code,
  file,
  plan,
  settings,
  domainNames,
  mayChange,
  onChanged,
}: {
  code: string;
  file: ResidentFile;
  plan: Plan;
  settings: HouseholdSettings | null;
  domainNames: Map<string, string>;
  mayChange: boolean;
  onChanged: (plan: Plan) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [versionsKey, setVersionsKey] = useState(0);
  return (
    <>
      {editing ? (
        <PlanForm
          code={code}
          file={file}
          plan={plan}
          settings={settings}
          onDone={(next) => {
            setEditing(false);
            if (next) {
              onChanged(next);
              setVersionsKey((k) => k + 1);
            }
          }}
        />
      ) : (
        <>
          <PlanView plan={plan} domainNames={domainNames} />
          <ContributionsView plan={plan} />
          {mayChange && (
            <ButtonGroup>
              <Button appearance="primary-action-button" onClick={() => setEditing(true)}>
                {plan.version === 0 ? t('hh.plan.start') : t('hh.plan.change')}
              </Button>
            </ButtonGroup>
          )}
        </>
      )}
      {plan.version > 0 && <PlanVersions key={versionsKey} code={code} fileId={file.id} domainNames={domainNames} />}
    </>
  );
}

function PlanVersions({ code, fileId, domainNames }: { code: string; fileId: string; domainNames: Map<string, string> }) {
  const { t, formatDateTime } = useI18n();
  const versions = useResource(() => api.listPlanVersions(code, fileId), [code, fileId]);
  const [shown, setShown] = useState<number | null>(null);
  const old = useResource(() => (shown ? api.getPlanVersion(code, fileId, shown) : Promise.resolve(null)), [code, fileId, shown]);
  return (
    <div className="samenspel-hh-versions">
      <Heading3 id="hh-versions-heading">{t('hh.plan.versions')}</Heading3>
      <LoadState resource={versions.resource}>
        {(list) => (
          <ScrollTable caption={t('hh.plan.versions')} hideCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('hh.plan.colVersion')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('hh.plan.colWhen')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('hh.plan.colAuthor')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('hh.plan.colReason')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('hh.plan.colShow')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((v) => (
                <TableRow key={v.version}>
                  <TableHeaderCell scope="row">{v.version}</TableHeaderCell>
                  <TableCell>{formatDateTime(v.createdAt)}</TableCell>
                  <TableCell>{v.author.displayName}</TableCell>
                  <TableCell>{v.reason}</TableCell>
                  <TableCell>
                    <Button appearance="subtle-button" aria-expanded={shown === v.version} onClick={() => setShown(shown === v.version ? null : v.version)}>
                      {shown === v.version ? t('hh.plan.hideVersion', { version: v.version }) : t('hh.plan.showVersion', { version: v.version })}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
        )}
      </LoadState>
      {shown && (
        <div className="samenspel-hh-old-version">
          <Heading4>{t('hh.plan.versionHeading', { version: shown })}</Heading4>
          <LoadState resource={old.resource}>{(p) => (p ? <PlanView plan={p} domainNames={domainNames} /> : null)}</LoadState>
        </div>
      )}
    </div>
  );
}

interface ActionDraft {
  id?: string;
  goalId: string;
  /** A person id, or `helper` for someone named only. */
  who: string;
  helperName: string;
  what: string;
  dueOn: string;
  doneOn: string;
  formal: boolean;
}

function PlanForm({ code, file, plan, settings, onDone }: { code: string; file: ResidentFile; plan: Plan; settings: HouseholdSettings | null; onDone: (plan: Plan | null) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [goals, setGoals] = useState(plan.goals.length ? plan.goals.map((g) => ({ id: g.id as string | undefined, text: g.text })) : [{ id: undefined, text: '' }]);
  const [actions, setActions] = useState<ActionDraft[]>(
    plan.actions.map((a) => ({
      id: a.id,
      goalId: a.goalId ?? '',
      who: 'personId' in a.who ? a.who.personId : 'helper',
      helperName: 'helperName' in a.who ? a.who.helperName : '',
      what: a.what,
      dueOn: a.dueOn ?? '',
      doneOn: a.doneOn ?? '',
      formal: a.formal,
    })),
  );
  const [review, setReview] = useState(plan.reviewDates[plan.reviewDates.length - 1] ?? '');
  const [domains, setDomains] = useState<string[]>(plan.domains);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; message: string | null; attempt: number }>({ fields: {}, message: null, attempt: 0 });

  const people = [
    ...(file.resident ? [{ value: file.resident.personId, label: t('hh.plan.whoResident', { name: file.resident.displayName }) }] : []),
    { value: file.coordinator.personId, label: t('hh.plan.whoCoordinator', { name: file.coordinator.displayName }) },
    ...file.participants.map((p) => ({ value: p.personId, label: p.organisation ? `${p.displayName} (${p.organisation.name})` : p.displayName })),
    { value: 'helper', label: t('hh.plan.whoHelper') },
  ];
  const goalOptions = [{ value: '', label: t('hh.plan.noGoalLink') }, ...goals.flatMap((g, i) => (g.id ? [{ value: g.id, label: `${i + 1}. ${g.text}` }] : []))];

  // Field keys as the server names them (goals.0.text, actions.1.who, reviewDates, reason …), with their input ids.
  const fieldDefs = [
    ...goals.map((_, i) => ({ key: `goals.${i}`, id: `hh-goal-${i}`, label: t('hh.plan.goalN', { n: i + 1 }) })),
    ...actions.flatMap((_, i) => [
      { key: `actions.${i}.what`, id: `hh-action-${i}-what`, label: t('hh.plan.actionWhatN', { n: i + 1 }) },
      { key: `actions.${i}.who`, id: `hh-action-${i}-who`, label: t('hh.plan.actionWhoN', { n: i + 1 }) },
      { key: `actions.${i}.helperName`, id: `hh-action-${i}-helper`, label: t('hh.plan.actionHelperN', { n: i + 1 }) },
      { key: `actions.${i}.dueOn`, id: `hh-action-${i}-due`, label: t('hh.plan.actionDueN', { n: i + 1 }) },
      { key: `actions.${i}.doneOn`, id: `hh-action-${i}-done`, label: t('hh.plan.actionDoneN', { n: i + 1 }) },
      { key: `actions.${i}.formal`, id: `hh-action-${i}-formal`, label: t('hh.plan.actionFormalN', { n: i + 1 }) },
      { key: `actions.${i}.goalId`, id: `hh-action-${i}-goal`, label: t('hh.plan.actionGoalN', { n: i + 1 }) },
    ]),
    { key: 'reviewDates', id: 'hh-plan-review', label: t('hh.plan.reviewDate') },
    { key: 'domains', id: `hh-plan-domains-${settings?.domains[0]?.code ?? ''}`, label: t('hh.plan.domains') },
    { key: 'reason', id: 'hh-plan-reason', label: t('hh.plan.reason') },
  ];
  const known = (k: string) => fieldDefs.some((d) => d.key === k);
  const fail = (fields: Record<string, string>, message: string | null = null) => setErrors((e) => ({ fields, message, attempt: e.attempt + 1 }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: Record<string, string> = {};
    const keptGoals = goals.filter((g, i) => g.text.trim() || i < plan.goals.length);
    keptGoals.forEach((g, i) => {
      if (!g.text.trim()) problems[`goals.${i}`] = t('fieldError.hhGoal.required');
    });
    actions.forEach((a, i) => {
      if (!a.what.trim()) problems[`actions.${i}.what`] = t('fieldError.hhActionWhat.required');
      if (!a.who) problems[`actions.${i}.who`] = t('fieldError.hhActionWho.required');
      if (a.who === 'helper' && !a.helperName.trim()) problems[`actions.${i}.helperName`] = t('fieldError.hhActionHelper.required');
      if (a.who === 'helper' && a.formal) problems[`actions.${i}.formal`] = t('fieldError.hhActionFormal.invalid_value');
      if (a.dueOn && !isIsoDate(a.dueOn)) problems[`actions.${i}.dueOn`] = t('fieldError.hhDate.invalid_format');
      if (a.doneOn && !isIsoDate(a.doneOn)) problems[`actions.${i}.doneOn`] = t('fieldError.hhDate.invalid_format');
      else if (a.doneOn && a.doneOn > todayIso()) problems[`actions.${i}.doneOn`] = t('fieldError.hhDone.future');
    });
    if (review && !isIsoDate(review)) problems.reviewDates = t('fieldError.hhDate.invalid_format');
    if (reason.trim().length < 3) problems.reason = t('fieldError.hhReason.too_short');
    if (Object.keys(problems).length) return fail(problems);
    const earlierReviews = plan.reviewDates.slice(0, -1).filter((d) => d !== review);
    setBusy(true);
    try {
      const next = await api.changePlan(code, file.id, {
        basedOnVersion: plan.version,
        reason: reason.trim(),
        goals: keptGoals.map((g) => ({ ...(g.id ? { id: g.id } : {}), text: g.text.trim() })),
        actions: actions.map((a) => ({
          ...(a.id ? { id: a.id } : {}),
          goalId: a.goalId || null,
          who: a.who === 'helper' ? { helperName: a.helperName.trim() } : { personId: a.who },
          what: a.what.trim(),
          dueOn: a.dueOn || null,
          doneOn: a.doneOn || null,
          formal: a.formal,
        })),
        reviewDates: review ? [...earlierReviews, review] : earlierReviews,
        domains,
      });
      announce(t('hh.plan.saved', { version: next.version }));
      onDone(next);
    } catch (failure) {
      if (isApiError(failure) && failure.code === 'conflict') return fail({}, t('hh.plan.conflict'));
      const fields: Record<string, string> = {};
      if (isApiError(failure)) {
        for (const p of failure.invalidParams) {
          const name = p.name.replace(/\.who\.(personId|helperName)$/, '.who').replace(/^reviewDates\.\d+$/, 'reviewDates').replace(/^domains\.\d+$/, 'domains').replace(/^goals\.(\d+)\.text$/, 'goals.$1');
          const key = formKeyOf(name, known);
          if (key && !fields[key]) fields[key] = fieldErrorMessage(i18n, 'hhPlan', p.code);
        }
      }
      fail(fields, Object.keys(fields).length ? null : problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  const setAction = (i: number, patch: Partial<ActionDraft>) => setActions((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const items = fieldDefs.flatMap((d) => (errors.fields[d.key] ? [{ fieldId: d.id, label: d.label, message: errors.fields[d.key]! }] : []));

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="samenspel-form samenspel-hh-subform" aria-labelledby="hh-plan-form-heading">
      <Heading3 id="hh-plan-form-heading">{plan.version === 0 ? t('hh.plan.start') : t('hh.plan.change')}</Heading3>
      <ErrorSummary message={errors.message} items={items} attempt={errors.attempt} />
      <fieldset className="samenspel-hh-fieldset">
        <legend className="samenspel-hh-legend">{t('hh.plan.goals')}</legend>
        <Paragraph>{t('hh.plan.goalsHint')}</Paragraph>
        {goals.map((g, i) => (
          <TextAreaField
            key={i}
            id={`hh-goal-${i}`}
            label={t('hh.plan.goalN', { n: i + 1 })}
            rows={2}
            maxLength={1000}
            optional={i >= plan.goals.length && i > 0}
            value={g.text}
            onChange={(text) => setGoals((list) => list.map((x, j) => (j === i ? { ...x, text } : x)))}
            error={errors.fields[`goals.${i}`]}
          />
        ))}
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => setGoals((list) => [...list, { id: undefined, text: '' }])}>
            {t('hh.plan.addGoal')}
          </Button>
        </ButtonGroup>
      </fieldset>
      <fieldset className="samenspel-hh-fieldset">
        <legend className="samenspel-hh-legend">{t('hh.plan.actions')}</legend>
        <Paragraph>{t('hh.plan.actionsHint')}</Paragraph>
        {actions.map((a, i) => (
          <fieldset key={i} className="samenspel-hh-fieldset samenspel-hh-fieldset--nested">
            <legend className="samenspel-hh-legend">{t('hh.plan.actionN', { n: i + 1 })}</legend>
            <TextField id={`hh-action-${i}-what`} label={t('hh.plan.actionWhat')} value={a.what} onChange={(what) => setAction(i, { what })} error={errors.fields[`actions.${i}.what`]} />
            <SelectField
              id={`hh-action-${i}-who`}
              label={t('hh.plan.actionWho')}
              value={a.who}
              onChange={(who) => setAction(i, { who, ...(who === 'helper' ? { formal: false } : {}) })}
              error={errors.fields[`actions.${i}.who`]}
              options={[{ value: '', label: t('hh.choose') }, ...people]}
            />
            {a.who === 'helper' && (
              <TextField
                id={`hh-action-${i}-helper`}
                label={t('hh.plan.actionHelper')}
                description={t('hh.plan.actionHelperHint')}
                value={a.helperName}
                onChange={(helperName) => setAction(i, { helperName })}
                error={errors.fields[`actions.${i}.helperName`]}
                spellCheck={false}
              />
            )}
            <TextField id={`hh-action-${i}-due`} type="date" optional label={t('hh.plan.actionDue')} value={a.dueOn} onChange={(dueOn) => setAction(i, { dueOn })} error={errors.fields[`actions.${i}.dueOn`]} />
            <TextField
              id={`hh-action-${i}-done`}
              type="date"
              optional
              label={t('hh.plan.actionDone')}
              description={t('hh.plan.actionDoneHint')}
              value={a.doneOn}
              onChange={(doneOn) => setAction(i, { doneOn })}
              error={errors.fields[`actions.${i}.doneOn`]}
            />
            <CheckboxField
              id={`hh-action-${i}-formal`}
              label={t('hh.plan.actionFormal')}
              description={t('hh.plan.actionFormalHint')}
              checked={a.formal}
              invalid={Boolean(errors.fields[`actions.${i}.formal`])}
              onChange={(formal) => setAction(i, { formal })}
            />
            {errors.fields[`actions.${i}.formal`] && <Paragraph className="samenspel-hh-inline-error">{errors.fields[`actions.${i}.formal`]}</Paragraph>}
            <SelectField
              id={`hh-action-${i}-goal`}
              label={t('hh.plan.actionGoal')}
              optional
              value={a.goalId}
              onChange={(goalId) => setAction(i, { goalId })}
              error={errors.fields[`actions.${i}.goalId`]}
              options={goalOptions}
            />
            <ButtonGroup>
              <Button appearance="subtle-button" onClick={() => setActions((list) => list.filter((_, j) => j !== i))}>
                {t('hh.plan.removeAction', { n: i + 1 })}
              </Button>
            </ButtonGroup>
          </fieldset>
        ))}
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => setActions((list) => [...list, { goalId: '', who: '', helperName: '', what: '', dueOn: '', doneOn: '', formal: false }])}>
            {t('hh.plan.addAction')}
          </Button>
        </ButtonGroup>
      </fieldset>
      <TextField id="hh-plan-review" type="date" optional label={t('hh.plan.reviewDate')} description={t('hh.plan.reviewHint')} value={review} onChange={setReview} error={errors.fields.reviewDates} />
      {settings && (
        <CheckboxFieldset
          idPrefix="hh-plan-domains"
          legend={t('hh.plan.domains')}
          description={t('hh.plan.domainsHint')}
          optional
          columns
          values={domains}
          onChange={setDomains}
          error={errors.fields.domains}
          options={settings.domains.map((d) => ({ value: d.code, label: d.name }))}
        />
      )}
      <TextAreaField id="hh-plan-reason" label={t('hh.plan.reason')} description={t('hh.plan.reasonHint')} rows={2} maxLength={500} value={reason} onChange={setReason} error={errors.fields.reason} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('hh.plan.save')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => onDone(null)}>
          {t('hh.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
