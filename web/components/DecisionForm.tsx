/**
 * Yes or no to a match, for whoever's turn it is: the volunteer on a
 * proposal, then the resident (or a coordinator for them). A no needs a
 * reason, chosen from the list of that side; the reasons appear once "no"
 * is chosen. Errors go to the form's error summary.
 */
import { Button, ButtonGroup, Heading } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/endpoints';
import type { HelpMatch } from '../api/types';
import { useAnnounce } from '../app/status';
import { useI18n } from '../i18n/i18n';
import { fieldErrorMessage, fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors } from '../lib/form';
import { ErrorSummary } from './ErrorSummary';
import { RESIDENT_DECLINE_REASONS, VOLUNTEER_DECLINE_REASONS } from './matches';
import { RadioFieldset, radioFieldId } from './RadioFieldset';

type Field = 'decision' | 'declineReason';
const FIELDS: readonly Field[] = ['decision', 'declineReason'];

export function DecisionForm({
  code,
  match,
  onDecided,
  level = 2,
}: {
  code: string;
  match: HelpMatch;
  onDecided: (match: HelpMatch) => void;
  /** 2 on the match page; 4 inside a card on the request page. */
  level?: 2 | 3 | 4;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const side = match.viewerSide;
  const name = match.volunteerGivenName ?? t('match.someVolunteer');
  const [decision, setDecision] = useState<'accept' | 'decline' | ''>('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<Field>();
  const reasons: string[] = side === 'volunteer' ? VOLUNTEER_DECLINE_REASONS : RESIDENT_DECLINE_REASONS;
  const prefix = `decision-${match.id}`;
  const headingId = `${prefix}-heading`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!decision) return errors.fail({ decision: fieldErrorMessage(i18n, 'decision', 'required') });
    if (decision === 'decline' && !reason) return errors.fail({ declineReason: fieldErrorMessage(i18n, 'declineReason', 'required') });
    setBusy(true);
    try {
      const answered = await api.decideMatch(
        code,
        match.id,
        decision === 'accept' ? { decision } : { decision, reason: reason as (typeof VOLUNTEER_DECLINE_REASONS)[number] },
      );
      errors.clear();
      announce(decision === 'decline' ? t('decision.declined') : t(`decision.accepted.${side}`, { name }));
      onDecided(answered);
    } catch (error) {
      setBusy(false);
      if (isApiError(error) && error.code === 'conflict') return errors.fail({}, t('decision.stale'));
      const fields = fieldErrorsFromProblem(i18n, error, FIELDS, (n) => (n === 'reason' ? 'declineReason' : n === 'decision' ? 'decision' : null));
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, error));
    }
  };

  const fieldDefs = [
    { name: 'decision' as const, id: radioFieldId(`${prefix}-answer`, 'accept'), label: t('decision.legend') },
    { name: 'declineReason' as const, id: radioFieldId(`${prefix}-reason`, reasons[0]), label: t('decision.reasonLegend') },
  ];

  return (
    <section className="samenspel-section samenspel-decision" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>{t(`decision.heading.${side}`, { name })}</Heading>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, fieldDefs)} attempt={errors.attempt} />
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form">
        <RadioFieldset<'accept' | 'decline'>
          name={`${prefix}-answer`}
          legend={t('decision.legend')}
          value={decision}
          onChange={setDecision}
          error={errors.fields.decision}
          options={[
            { value: 'accept', label: t(`decision.yes.${side}`, { name }) },
            { value: 'decline', label: t(`decision.no.${side}`) },
          ]}
        />
        {decision === 'decline' && (
          <RadioFieldset<string>
            name={`${prefix}-reason`}
            legend={t('decision.reasonLegend')}
            description={t('decision.reasonHint')}
            value={reason}
            onChange={setReason}
            error={errors.fields.declineReason}
            options={reasons.map((r) => ({ value: r, label: t(`declineReason.${r as 'other'}`) }))}
          />
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('decision.busy') : t('decision.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
