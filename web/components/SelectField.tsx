/** A labelled select, with the same description and error wiring as TextField. */
import { Select, SelectOption } from '@utrecht/component-library-react';
import { FieldFrame } from './FieldFrame';
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
  const invalid = Boolean(error);
  return (
    <FieldFrame id={id} label={label} description={description} error={error} optional={optional} markOptional={markOptional}>
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
    </FieldFrame>
  );
}
