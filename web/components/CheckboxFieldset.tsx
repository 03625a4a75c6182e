/**
 * A fieldset of check boxes (choose any number), with a legend, an
 * optional description and one error message for the group. The error
 * summary links to the first box (`checkboxFieldId`).
 */
import { Fieldset, FieldsetLegend, FormFieldDescription, FormFieldErrorMessage } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/i18n';
import { CheckboxField } from './CheckboxField';
import './neighbour-help.css';

export interface CheckboxOption {
  value: string;
  label: string;
  description?: string;
}

interface CheckboxFieldsetProps {
  idPrefix: string;
  legend: string;
  options: CheckboxOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  description?: string;
  error?: string | undefined;
  /** Shows "(niet verplicht)" after the legend. */
  optional?: boolean;
  /** Two columns where there is room, for a long list of short labels. */
  columns?: boolean;
}

export const checkboxFieldId = (idPrefix: string, value: string | undefined) => `${idPrefix}-${value ?? ''}`;

export function CheckboxFieldset({ idPrefix, legend, options, values, onChange, description, error, optional, columns = false }: CheckboxFieldsetProps) {
  const { t } = useI18n();
  const descriptionId = `${idPrefix}-description`;
  const errorId = `${idPrefix}-error`;
  const describedBy = [description && descriptionId, error && errorId].filter(Boolean).join(' ') || undefined;

  // Keep the order of the options, whatever order the boxes were ticked in.
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? options.map((o) => o.value).filter((v) => v === value || values.includes(v)) : values.filter((v) => v !== value));

  return (
    <Fieldset
      invalid={Boolean(error)}
      aria-describedby={describedBy}
      className="utrecht-form-fieldset--distanced"
    >
      <FieldsetLegend>
        {legend}
        {optional && <span className="samenspel-optional"> {t('field.optional')}</span>}
      </FieldsetLegend>
      {description && <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <div className={columns ? 'samenspel-choice-list samenspel-choice-list--columns' : 'samenspel-choice-list'}>
        {options.map((option) => (
          <CheckboxField
            key={option.value}
            id={checkboxFieldId(idPrefix, option.value)}
            label={option.label}
            description={option.description}
            checked={values.includes(option.value)}
            invalid={Boolean(error)}
            onChange={(checked) => toggle(option.value, checked)}
          />
        ))}
      </div>
    </Fieldset>
  );
}
