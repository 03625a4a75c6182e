/**
 * "Meld een probleem" and "Blokkeer deze persoon" for the page of one match
 * (koppeling): self-contained, it needs only the municipality and the match.
 * Anyone on the match may use it; the server refuses everyone else.
 *
 * - Reporting opens a short form (what is the matter, and optionally what
 *   happened). The other person gets no message about it.
 * - Blocking asks first ("Weet u het zeker?"); then the match stops and the
 *   two are never matched again. The other person only hears that the match
 *   stopped.
 *
 * Usage: `<SafetyActions code={code} matchId={match.id} onBlocked={reload} />`
 */
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/safety';
import { ABUSE_CATEGORIES, REPORT_DETAILS_MAX, type AbuseCategory } from '../api/safety';
import { PATHS } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { useI18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors, type FieldErrors } from '../lib/form';
import { RouterLink } from '../router';
import { AlertBox } from './AlertBox';
import { ErrorSummary } from './ErrorSummary';
import { RadioFieldset, radioFieldId } from './RadioFieldset';
import { TextAreaField } from './TextAreaField';
import './neighbour-help.css';
import './safety.css';

export interface SafetyActionsProps {
  code: string;
  matchId: string;
  /** Called after a block: the match has stopped, so the page may load it again. */
  onBlocked?: () => void;
  /** The level of this part's heading on the page it sits in; 2 by default. */
  headingLevel?: 2 | 3;
}

type Open = 'none' | 'report' | 'block';

export function SafetyActions({ code, matchId, onBlocked, headingLevel = 2 }: SafetyActionsProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>('none');
  const [reported, setReported] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const reportButton = useRef<HTMLButtonElement>(null);
  const blockButton = useRef<HTMLButtonElement>(null);
  const blockedNote = useRef<HTMLParagraphElement>(null);
  const Heading = headingLevel === 2 ? Heading2 : Heading3;
  const headingId = `safety-${matchId}`;

  // The buttons are gone after a block: continue from the sentence that says what happened.
  useEffect(() => {
    if (blocked) blockedNote.current?.focus();
  }, [blocked]);

  /** Closes the open part and puts focus back on the button that opened it. */
  const close = (from: Open) => {
    setOpen('none');
    requestAnimationFrame(() => (from === 'report' ? reportButton : blockButton).current?.focus());
  };

  return (
    <section className="samenspel-section samenspel-safety" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('safety.heading')}</Heading>
      {blocked ? (
        <>
          <Paragraph ref={blockedNote} tabIndex={-1} className="samenspel-page-heading">
            {t('safety.blockedNote')}
          </Paragraph>
          <Paragraph>
            <RouterLink href={PATHS.myBlocks}>{t('safety.toMyBlocks')}</RouterLink>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph>{t('safety.intro')}</Paragraph>
          {reported && <Paragraph>{t('safety.reportedNote')}</Paragraph>}
          <ButtonGroup>
            <Button
              ref={reportButton}
              appearance="secondary-action-button"
              aria-expanded={open === 'report'}
              aria-controls={open === 'report' ? `${headingId}-report` : undefined}
              onClick={() => setOpen(open === 'report' ? 'none' : 'report')}
            >
              {t('safety.report')}
            </Button>
            <Button
              ref={blockButton}
              appearance="secondary-action-button"
              aria-expanded={open === 'block'}
              aria-controls={open === 'block' ? `${headingId}-block` : undefined}
              onClick={() => setOpen(open === 'block' ? 'none' : 'block')}
            >
              {t('safety.block')}
            </Button>
          </ButtonGroup>
          {open === 'report' && (
            <ReportForm
              id={`${headingId}-report`}
              code={code}
              matchId={matchId}
              onCancel={() => close('report')}
              onSent={() => {
                setReported(true);
                close('report');
              }}
            />
          )}
          {open === 'block' && (
            <ConfirmBlock
              id={`${headingId}-block`}
              code={code}
              matchId={matchId}
              onCancel={() => close('block')}
              onBlocked={() => {
                setBlocked(true);
                setOpen('none');
                onBlocked?.();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

type ReportField = 'category' | 'details';

function ReportForm({ id, code, matchId, onCancel, onSent }: { id: string; code: string; matchId: string; onCancel: () => void; onSent: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [category, setCategory] = useState<AbuseCategory | ''>('');
  const [details, setDetails] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<ReportField>();
  const heading = useRef<HTMLHeadingElement>(null);
  const name = `${id}-category`;

  useEffect(() => heading.current?.focus(), []);

  const validate = (): FieldErrors<ReportField> => {
    const found: FieldErrors<ReportField> = {};
    if (!category) found.category = t('safety.fieldError.category');
    if (details.length > REPORT_DETAILS_MAX) found.details = t('safety.fieldError.detailsTooLong');
    else if (category === 'other' && !details.trim()) found.details = t('safety.fieldError.detailsOther');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    if (Object.keys(found).length > 0 || !category) return errors.fail(found);
    setBusy(true);
    try {
      const text = details.trim();
      await api.reportAbuse(code, { matchId, category, ...(text ? { details: text } : {}) });
      errors.clear();
      announce(t('safety.reported'));
      onSent();
    } catch (failure) {
      setBusy(false);
      if (isApiError(failure) && failure.code === 'rate_limited') return errors.fail({}, t('safety.reportLimit'));
      const fields = fieldErrorsFromProblem(i18n, failure, ['category', 'details'] as const);
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, failure));
    }
  };

  const fieldDefs = [
    { name: 'category' as const, id: radioFieldId(name, ABUSE_CATEGORIES[0]), label: t('safety.categorySummaryLabel') },
    { name: 'details' as const, id: `${id}-details`, label: t('safety.detailsLabel') },
  ];

  return (
    <div id={id} className="samenspel-safety-panel">
      <Heading3 ref={heading} tabIndex={-1} className="samenspel-page-heading">
        {t('safety.reportHeading')}
      </Heading3>
      <Paragraph>{t('safety.reportIntro')}</Paragraph>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, fieldDefs)} attempt={errors.attempt} />
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form">
        <RadioFieldset<AbuseCategory>
          name={name}
          legend={t('safety.categoryLegend')}
          value={category}
          onChange={setCategory}
          error={errors.fields.category}
          options={ABUSE_CATEGORIES.map((c) => ({
            value: c,
            label: t(`safety.category.${c}`),
            description: t(`safety.category.${c}Description`),
          }))}
        />
        <TextAreaField
          id={`${id}-details`}
          label={t('safety.detailsLabel')}
          description={t('safety.detailsDescription')}
          value={details}
          onChange={setDetails}
          optional={category !== 'other'}
          rows={5}
          error={errors.fields.details}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('safety.sending') : t('safety.sendReport')}
          </Button>
          <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={onCancel}>
            {t('safety.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

function ConfirmBlock({ id, code, matchId, onCancel, onBlocked }: { id: string; code: string; matchId: string; onCancel: () => void; onBlocked: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const block = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.blockOnMatch(code, matchId);
      announce(t('safety.blocked'));
      onBlocked();
    } catch (failure) {
      setBusy(false);
      setError(problemMessage(i18n, failure));
    }
  };

  return (
    <AlertBox type="warning" id={id} className="samenspel-confirm">
      <Heading3 ref={heading} tabIndex={-1} className="samenspel-page-heading">
        {t('safety.confirmHeading')}
      </Heading3>
      <Paragraph>{t('safety.confirmText')}</Paragraph>
      <Paragraph>{t('safety.confirmNote')}</Paragraph>
      {error && (
        <Paragraph role="alert" className="samenspel-safety-error">
          {error}
        </Paragraph>
      )}
      <ButtonGroup>
        <Button appearance="primary-action-button" busy={busy} onClick={() => void block()}>
          {busy ? t('safety.blocking') : t('safety.confirmYes')}
        </Button>
        <Button appearance="secondary-action-button" disabled={busy} onClick={onCancel}>
          {t('safety.confirmNo')}
        </Button>
      </ButtonGroup>
    </AlertBox>
  );
}
