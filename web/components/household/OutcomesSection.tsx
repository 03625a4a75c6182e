/**
 * Outcomes (uitkomsten): self-sufficiency per life domain on the ZRM's
 * 5-point scale, goal attainment per goal and the resident's own mark, as a
 * trend chart (recharts) with a table that says the same in words, and a
 * form to record a new measurement for the domains chosen in the plan.
 * Lines differ in dash and marker as well as colour.
 */
import { Button, ButtonGroup, Heading3, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import * as api from '../../api/household';
import type { OutcomeTrend, Plan } from '../../api/household';
import { useAnnounce } from '../../app/status';
import { useI18n } from '../../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../../lib/errors';
import { useFormErrors } from '../../lib/form';
import { ErrorSummary } from '../ErrorSummary';
import { Loading } from '../LoadState';
import { ScrollTable } from '../ScrollTable';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import { chartRows, isIsoDate, todayIso } from './household';

// recharts is big: only pages with a trend load it.
const TrendChart = lazy(() => import('./TrendChart'));

export function OutcomesSection({ code, fileId, trend, plan, mayRecord, onChanged }: { code: string; fileId: string; trend: OutcomeTrend; plan: Plan | null; mayRecord: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const [recording, setRecording] = useState(false);
  const shown = trend.domains.filter((d) => d.points.length > 0 || d.inPlan);
  return (
    <>
      <Paragraph>{t('hh.outcomes.scaleIntro')}</Paragraph>
      {trend.domains.some((d) => d.points.length > 0) ? (
        <Suspense fallback={<Loading />}>
          <TrendChart trend={trend} />
        </Suspense>
      ) : (
        <Paragraph>{t('hh.outcomes.none')}</Paragraph>
      )}
      <TrendTable trend={trend} />
      {trend.residentScore.length > 0 && (
        <Paragraph>
          {t('hh.outcomes.residentScoreLatest', { score: trend.residentScore[trend.residentScore.length - 1]!.score })}
        </Paragraph>
      )}
      {trend.goals.some((g) => g.points.length > 0) && <GoalTable trend={trend} />}
      {mayRecord &&
        (recording ? (
          <MeasurementForm
            code={code}
            fileId={fileId}
            domains={shown.filter((d) => d.inPlan)}
            goals={plan?.goals ?? []}
            onDone={(saved) => {
              setRecording(false);
              if (saved) onChanged();
            }}
          />
        ) : (
          <ButtonGroup>
            <Button appearance="primary-action-button" onClick={() => setRecording(true)}>
              {t('hh.outcomes.record')}
            </Button>
          </ButtonGroup>
        ))}
    </>
  );
}

function TrendTable({ trend }: { trend: OutcomeTrend }) {
  const { t, formatDate } = useI18n();
  const rows = chartRows(trend);
  const domains = trend.domains.filter((d) => d.points.length > 0);
  if (rows.length === 0) return null;
  return (
    <ScrollTable caption={t('hh.outcomes.tableCaption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('hh.outcomes.colDate')}</TableHeaderCell>
          {domains.map((d) => (
            <TableHeaderCell key={d.code} scope="col">
              {d.name}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={String(row.date)}>
            <TableHeaderCell scope="row">{formatDate(String(row.date))}</TableHeaderCell>
            {domains.map((d) => {
              const score = row[d.code];
              return <TableCell key={d.code}>{typeof score === 'number' ? `${score} – ${t(`hh.scale.${score}` as 'hh.scale.1')}` : '–'}</TableCell>;
            })}
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}

function GoalTable({ trend }: { trend: OutcomeTrend }) {
  const { t, formatDate } = useI18n();
  return (
    <ScrollTable caption={t('hh.outcomes.goalTableCaption')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('hh.outcomes.colGoal')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('hh.outcomes.colAttainment')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {trend.goals
          .filter((g) => g.points.length > 0)
          .map((g) => (
            <TableRow key={g.goalId}>
              <TableHeaderCell scope="row">{g.text ?? t('hh.outcomes.goalRemoved')}</TableHeaderCell>
              <TableCell>
                {g.points.map((p) => `${formatDate(p.measuredOn)}: ${t(`hh.attainment.${p.attainment}` as 'hh.attainment.0')}`).join('; ')}
              </TableCell>
            </TableRow>
          ))}
      </TableBody>
    </ScrollTable>
  );
}

function MeasurementForm({
  code,
  fileId,
  domains,
  goals,
  onDone,
}: {
  code: string;
  fileId: string;
  domains: OutcomeTrend['domains'];
  goals: Plan['goals'];
  onDone: (saved: boolean) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const errors = useFormErrors<string>();
  const [measuredOn, setMeasuredOn] = useState(todayIso());
  const [scores, setScores] = useState<Record<string, string>>({});
  const [attainment, setAttainment] = useState<Record<string, string>>({});
  const [residentScore, setResidentScore] = useState('');
  const [busy, setBusy] = useState(false);
  const domainId = (c: string) => `hh-measure-${c}`;
  const goalId = (id: string) => `hh-goal-attainment-${id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: Record<string, string> = {};
    if (!isIsoDate(measuredOn)) problems.measuredOn = t('fieldError.hhMeasuredOn.invalid_format');
    else if (measuredOn > todayIso()) problems.measuredOn = t('fieldError.hhMeasuredOn.invalid_value');
    const chosen = domains.filter((d) => scores[d.code]).map((d) => ({ domain: d.code, score: Number(scores[d.code]) }));
    const goalScores = goals.filter((g) => attainment[g.id]).map((g) => ({ goalId: g.id, attainment: Number(attainment[g.id]) }));
    if (chosen.length === 0 && goalScores.length === 0 && !residentScore) problems.scores = t('fieldError.hhScores.required');
    if (Object.keys(problems).length) return errors.fail(problems);
    setBusy(true);
    try {
      await api.recordMeasurement(code, fileId, { measuredOn, scores: chosen, goals: goalScores, ...(residentScore ? { residentScore: Number(residentScore) } : {}) });
      announce(t('hh.outcomes.recorded'));
      onDone(true);
    } catch (failure) {
      const fields = fieldErrorsFromProblem(i18n, failure, ['measuredOn', 'scores', 'residentScore'], (n) =>
        n === 'measuredOn' ? 'measuredOn' : n.startsWith('scores') || n.startsWith('goals') ? 'scores' : n === 'residentScore' ? 'residentScore' : null,
      );
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  const firstScoreId = domains[0] ? domainId(domains[0].code) : 'hh-resident-score';
  const defs = [
    { name: 'measuredOn', id: 'hh-measured-on', label: t('hh.outcomes.measuredOn') },
    { name: 'scores', id: firstScoreId, label: t('hh.outcomes.scores') },
    { name: 'residentScore', id: 'hh-resident-score', label: t('hh.outcomes.residentScore') },
  ];
  const scaleOptions = [{ value: '', label: t('hh.outcomes.notMeasured') }, ...[1, 2, 3, 4, 5].map((s) => ({ value: String(s), label: `${s} – ${t(`hh.scale.${s}` as 'hh.scale.1')}` }))];
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="samenspel-form samenspel-hh-subform" aria-labelledby="hh-measure-heading">
      <Heading3 id="hh-measure-heading">{t('hh.outcomes.record')}</Heading3>
      <ErrorSummary message={errors.message} items={defs.flatMap((d) => (errors.fields[d.name] ? [{ fieldId: d.id, label: d.label, message: errors.fields[d.name]! }] : []))} attempt={errors.attempt} />
      <TextField id="hh-measured-on" type="date" label={t('hh.outcomes.measuredOn')} value={measuredOn} onChange={setMeasuredOn} error={errors.fields.measuredOn} />
      {domains.length === 0 ? (
        <Paragraph>{t('hh.outcomes.noDomains')}</Paragraph>
      ) : (
        domains.map((d, i) => (
          <SelectField
            key={d.code}
            id={domainId(d.code)}
            label={d.name}
            optional
            value={scores[d.code] ?? ''}
            onChange={(v) => setScores((s) => ({ ...s, [d.code]: v }))}
            error={i === 0 ? errors.fields.scores : undefined}
            options={scaleOptions}
          />
        ))
      )}
      {goals.map((g) => (
        <SelectField
          key={g.id}
          id={goalId(g.id)}
          label={t('hh.outcomes.goalAttainment', { goal: g.text })}
          optional
          value={attainment[g.id] ?? ''}
          onChange={(v) => setAttainment((a) => ({ ...a, [g.id]: v }))}
          options={[{ value: '', label: t('hh.outcomes.notMeasured') }, ...[-2, -1, 0, 1, 2].map((s) => ({ value: String(s), label: t(`hh.attainment.${s}` as 'hh.attainment.0') }))]}
        />
      ))}
      <SelectField
        id="hh-resident-score"
        label={t('hh.outcomes.residentScore')}
        description={t('hh.outcomes.residentScoreHint')}
        optional
        value={residentScore}
        onChange={setResidentScore}
        error={errors.fields.residentScore ?? (domains.length === 0 ? errors.fields.scores : undefined)}
        options={[{ value: '', label: t('hh.outcomes.notMeasured') }, ...Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))]}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('hh.outcomes.recordSubmit')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => onDone(false)}>
          {t('hh.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
