/**
 * A fieldset of radio buttons with a legend, an optional description, an
 * error message, and optionally a line of explanation under each choice.
 * Like RadioGroup, plus the error wiring the error summary needs: it links
 * to the first choice (`radioFieldId`).
 */
import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  description?: string;
}

interface RadioFieldsetProps<V extends string> {
  name: string;
  legend: string;
  value: V | '';
  onChange: (value: V) => void;
  options: RadioOption<V>[];
  description?: string;
  error?: string | undefined;
}

/** Id of the first radio button: where the error summary sends focus. */
export const radioFieldId = (name: string, firstValue: string | undefined) => `${name}-${firstValue ?? ''}`;

export function RadioFieldset<V extends string>({ name, legend, value, onChange, options, description, error }: RadioFieldsetProps<V>) {
  const descriptionId = `${name}-description`;
  const errorId = `${name}-error`;
  const describedBy = [description && descriptionId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy} className="utrecht-form-fieldset--distanced">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        const checked = value === option.value;
        return (
          <FormField key={option.value} type="radio" className="samenspel-radio-field">
            <div className="utrecht-form-field__input">
              <RadioButton
                id={id}
                name={name}
                value={option.value}
                checked={checked}
                invalid={Boolean(error)}
                onChange={() => onChange(option.value)}
                aria-describedby={option.description ? `${id}-description` : undefined}
              />
            </div>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={id} type="radio" checked={checked}>
                {option.label}
              </FormLabel>
            </div>
            {option.description && (
              <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
                {option.description}
              </FormFieldDescription>
            )}
          </FormField>
        );
      })}
    </Fieldset>
  );
}
