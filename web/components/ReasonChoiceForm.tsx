/**
 * A final step that needs a reason: ending a match, or a coordinator
 * withdrawing a proposal. One radio group and one button; nothing happens
 * without a choice.
 */
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { fieldErrorMessage, fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors } from '../lib/form';
import { ErrorSummary } from './ErrorSummary';
import { RadioFieldset, radioFieldId } from './RadioFieldset';

export interface ReasonChoiceFormProps<R extends string> {
  /** Also the field name in error messages: `fieldError.<field>.required`. */
  field: 'endReason' | 'withdrawReason';
  idPrefix: string;
  heading: string;
  intro?: string;
  legend: string;
  submitLabel: string;
  options: { value: R; label: string }[];
  onSubmit: (reason: R) => Promise<void>;
}

export function ReasonChoiceForm<R extends string>({ field, idPrefix, heading, intro, legend, submitLabel, options, onSubmit }: ReasonChoiceFormProps<R>) {
  const i18n = useI18n();
  const [value, setValue] = useState<R | ''>('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<typeof field>();
  const headingId = `${idPrefix}-heading`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!value) return errors.fail({ [field]: fieldErrorMessage(i18n, field, 'required') });
    setBusy(true);
    try {
      await onSubmit(value);
      errors.clear();
    } catch (error) {
      const fields = fieldErrorsFromProblem(i18n, error, [field], (n) => (n === 'reason' ? field : null));
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="samenspel-section" aria-labelledby={headingId}>
      <Heading2 id={headingId}>{heading}</Heading2>
      {intro && <Paragraph>{intro}</Paragraph>}
      <ErrorSummary
        message={errors.message}
        items={summaryItems(errors.fields, [{ name: field, id: radioFieldId(idPrefix, options[0]?.value), label: legend }])}
        attempt={errors.attempt}
      />
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form">
        <RadioFieldset<R> name={idPrefix} legend={legend} value={value} onChange={setValue} error={errors.fields[field]} options={options} />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {submitLabel}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
