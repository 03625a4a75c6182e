/** A labelled select, with the same description and error wiring as TextField. */
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useI18n } from '../i18n/i18n';
import { describedBy } from './TextField';

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  description?: string;
  error?: string | undefined;
  optional?: boolean;
  /** Set to false on search and filter forms, where every field is optional. */
  markOptional?: boolean;
}

export function SelectField({ id, label, value, onChange, options, description, error, optional = false, markOptional = true }: SelectFieldProps) {
  const { t } = useI18n();
  const invalid = Boolean(error);
  return (
    <FormField invalid={invalid} type="text" className="utrecht-form-field--distanced">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>
          {label}
          {optional && markOptional && <span className="samenspel-optional"> {t('field.optional')}</span>}
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
        <Select
          id={id}
          name={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          invalid={invalid}
          aria-invalid={invalid || undefined}
          required={!optional}
          aria-describedby={describedBy(id, Boolean(description), invalid)}
        >
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}
