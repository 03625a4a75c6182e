/** One checkbox with its label on the right, and an optional description. */
import { Checkbox, FormField, FormFieldDescription, FormLabel } from '@utrecht/component-library-react';

export interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: string;
  disabled?: boolean;
  /** Points at a shared error message, e.g. of the surrounding fieldset. */
  invalid?: boolean;
}

export function CheckboxField({ id, label, checked, onChange, description, disabled, invalid }: CheckboxFieldProps) {
  return (
    <FormField type="checkbox" className="samenspel-checkbox-field">
      <div className="utrecht-form-field__input">
        <Checkbox
          id={id}
          name={id}
          checked={checked}
          disabled={disabled}
          invalid={invalid}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={description ? `${id}-description` : undefined}
        />
      </div>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id} type="checkbox" checked={checked} disabled={disabled}>
          {label}
        </FormLabel>
      </div>
      {description && (
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      )}
    </FormField>
  );
}
