/**
 * The frame every single-input form field shares: the NL Design System form
 * field with its label (and "optional" mark), description and error message,
 * wired to the ids that the input's aria-describedby points at
 * (see describedBy in TextField). The input itself is the child.
 */
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface FieldFrameProps {
  id: string;
  label: string;
  description?: string | undefined;
  error?: string | undefined;
  /** Shows "(optional)" after the label when true and markOptional is not false. */
  optional?: boolean;
  markOptional?: boolean;
  children: ReactNode;
}

export function FieldFrame({ id, label, description, error, optional = false, markOptional = true, children }: FieldFrameProps) {
  const { t } = useI18n();
  return (
    <FormField invalid={Boolean(error)} type="text" className="utrecht-form-field--distanced">
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
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}
