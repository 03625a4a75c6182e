/** A labelled multi-line text field, wired like TextField (description, error, aria). */
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textarea } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/i18n';
import { describedBy } from './TextField';

interface TextAreaFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  error?: string | undefined;
  optional?: boolean;
  rows?: number;
  maxLength?: number;
}

export function TextAreaField({ id, label, value, onChange, description, error, optional = false, rows = 4, maxLength }: TextAreaFieldProps) {
  const { t } = useI18n();
  const invalid = Boolean(error);
  return (
    <FormField invalid={invalid} type="text" className="utrecht-form-field--distanced">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>
          {label}
          {optional && <span className="samenspel-optional"> {t('field.optional')}</span>}
        </FormLabel>
      </div>
      {description && (
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      )}
      {error && (
        <FormFieldErrorMessage id={`${id}-error`} className="utrecht-form-field__error-message">
          {error}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">
        <Textarea
          id={id}
          name={id}
          rows={rows}
          maxLength={maxLength}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          invalid={invalid}
          required={!optional}
          aria-describedby={describedBy(id, Boolean(description), invalid)}
        />
      </div>
    </FormField>
  );
}
