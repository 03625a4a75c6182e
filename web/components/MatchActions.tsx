/**
 * What can be done with a confirmed (or closing) match, each offered only
 * when the server lists it in `allowedActions`: record a session (hours
 * given), report that the volunteer did not come, end the match, and for
 * coordinators withdraw a proposal.
 */
import { Button, ButtonGroup, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import * as api from '../api/endpoints';
import type { EndReason, HelpMatch, WithdrawReason } from '../api/types';
import { useAnnounce } from '../app/status';
import { useI18n } from '../i18n/i18n';
import { fieldErrorMessage, fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors } from '../lib/form';
import { ErrorSummary } from './ErrorSummary';
import { allows, END_REASONS, minutesToHours, SESSION_MINUTES, WITHDRAW_REASONS } from './matches';
import { todayLocal } from './neighbour-help';
import { ReasonChoiceForm } from './ReasonChoiceForm';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface ActionProps {
  code: string;
  match: HelpMatch;
  /** The match after the action; the page shows it and moves focus. */
  onChanged: (match: HelpMatch) => void;
}

type SessionField = 'happenedOn' | 'minutes';

/** Hours given: the list so far and a form for one more (volunteer, coordinators). */
export function SessionsSection({ code, match, onChanged }: ActionProps) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const announce = useAnnounce();
  const [happenedOn, setHappenedOn] = useState(todayLocal());
  const [minutes, setMinutes] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<SessionField>();
  const canRecord = allows(match, 'record_session');
  const ids = { happenedOn: `session-date-${match.id}`, minutes: `session-minutes-${match.id}` };
  const number = new Intl.NumberFormat(i18n.locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });

  if (!canRecord && match.sessions.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<SessionField, string>> = {};
    if (!happenedOn) found.happenedOn = fieldErrorMessage(i18n, 'happenedOn', 'required');
    else if (happenedOn > todayLocal()) found.happenedOn = fieldErrorMessage(i18n, 'happenedOn', 'invalid_value');
    if (!minutes) found.minutes = fieldErrorMessage(i18n, 'minutes', 'required');
    if (Object.keys(found).length > 0) return errors.fail(found);
    setBusy(true);
    try {
      const session = await api.recordMatchSession(code, match.id, { happenedOn, minutes: Number(minutes) });
      errors.clear();
      setMinutes('');
      const sessions = [...match.sessions, { id: session.id, happenedOn: session.happenedOn, minutes: session.minutes }];
      onChanged({ ...match, sessions, hoursGiven: minutesToHours(sessions.reduce((sum, s) => sum + s.minutes, 0)) });
      announce(t('sessions.saved'));
    } catch (error) {
      const fields = fieldErrorsFromProblem(i18n, error, ['happenedOn', 'minutes'] as const);
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, error));
    } finally {
      setBusy(false);
    }
  };

  const headingId = `sessions-${match.id}`;
  return (
    <section className="samenspel-section" aria-labelledby={headingId}>
      <Heading2 id={headingId}>{t('sessions.heading')}</Heading2>
      {canRecord && <Paragraph>{t('sessions.intro')}</Paragraph>}
      {match.sessions.length === 0 ? (
        <Paragraph>{t('sessions.empty')}</Paragraph>
      ) : (
        <>
          <UnorderedList>
            {[...match.sessions]
              .sort((a, b) => b.happenedOn.localeCompare(a.happenedOn))
              .map((s) => (
                <UnorderedListItem key={s.id}>{t('sessions.item', { date: formatDate(s.happenedOn), minutes: s.minutes })}</UnorderedListItem>
              ))}
          </UnorderedList>
          <Paragraph>{t('sessions.total', { hours: number.format(match.hoursGiven) })}</Paragraph>
        </>
      )}
      {canRecord && (
        <>
          <ErrorSummary
            message={errors.message}
            items={summaryItems(errors.fields, [
              { name: 'happenedOn', id: ids.happenedOn, label: t('sessions.date') },
              { name: 'minutes', id: ids.minutes, label: t('sessions.minutes') },
            ])}
            attempt={errors.attempt}
          />
          <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form">
            <TextField id={ids.happenedOn} type="date" label={t('sessions.date')} value={happenedOn} onChange={setHappenedOn} error={errors.fields.happenedOn} />
            <SelectField
              id={ids.minutes}
              label={t('sessions.minutes')}
              value={minutes}
              onChange={setMinutes}
              error={errors.fields.minutes}
              options={[
                { value: '', label: t('sessions.minutesChoose') },
                ...SESSION_MINUTES.map((m) => ({ value: String(m), label: t('sessions.minutesOption', { minutes: m }) })),
              ]}
            />
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" busy={busy}>
                {t('sessions.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </section>
  );
}

/** The resident side reports that the volunteer did not come; the match stays, the count goes up. */
export function NoShowSection({ code, match, onChanged }: ActionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!allows(match, 'report_no_show')) return null;

  const report = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.reportNoShow(code, match.id));
      announce(t('noShow.done'));
    } catch (failure) {
      setError(problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  const headingId = `no-show-${match.id}`;
  return (
    <section className="samenspel-section" aria-labelledby={headingId}>
      <Heading2 id={headingId}>{t('noShow.heading')}</Heading2>
      <Paragraph>{t('noShow.intro')}</Paragraph>
      {match.noShows > 0 && <Paragraph>{t('noShow.count', { count: match.noShows })}</Paragraph>}
      {error && <Paragraph role="alert">{error}</Paragraph>}
      <ButtonGroup>
        <Button appearance="secondary-action-button" busy={busy} onClick={() => void report()}>
          {t('noShow.button')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

export function EndSection({ code, match, onChanged }: ActionProps) {
  const { t } = useI18n();
  const announce = useAnnounce();
  if (!allows(match, 'end')) return null;
  return (
    <ReasonChoiceForm<EndReason>
      field="endReason"
      idPrefix={`end-${match.id}`}
      heading={t('end.heading')}
      intro={t('end.intro')}
      legend={t('end.legend')}
      submitLabel={t('end.submit')}
      options={END_REASONS.map((r) => ({ value: r, label: t(`endReason.${r}`) }))}
      onSubmit={async (reason) => {
        onChanged(await api.endMatch(code, match.id, reason));
        announce(t('end.done'));
      }}
    />
  );
}

export function WithdrawSection({ code, match, onChanged }: ActionProps) {
  const { t } = useI18n();
  const announce = useAnnounce();
  if (!allows(match, 'withdraw')) return null;
  return (
    <ReasonChoiceForm<WithdrawReason>
      field="withdrawReason"
      idPrefix={`withdraw-${match.id}`}
      heading={t('withdraw.heading')}
      legend={t('withdraw.legend')}
      submitLabel={t('withdraw.submit')}
      options={WITHDRAW_REASONS.map((r) => ({ value: r, label: t(`withdrawReason.${r}`) }))}
      onSubmit={async (reason) => {
        onChanged(await api.withdrawMatch(code, match.id, reason));
        announce(t('withdraw.done'));
      }}
    />
  );
}
