/** A fieldset of radio buttons with a legend; one choice out of a few. */
import { Fieldset, FieldsetLegend, FormField, FormLabel, RadioButton } from '@utrecht/component-library-react';

interface RadioGroupProps<V extends string> {
  name: string;
  legend: string;
  value: V;
  onChange: (value: V) => void;
  options: { value: V; label: string; lang?: string }[];
}

export function RadioGroup<V extends string>({ name, legend, value, onChange, options }: RadioGroupProps<V>) {
  return (
    <Fieldset className="utrecht-form-fieldset--distanced">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <FormField key={option.value} type="radio" className="samenspel-radio-field">
            <div className="utrecht-form-field__input">
              <RadioButton
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
            </div>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={id} type="radio" checked={value === option.value} lang={option.lang}>
                {option.label}
              </FormLabel>
            </div>
          </FormField>
        );
      })}
    </Fieldset>
  );
}
