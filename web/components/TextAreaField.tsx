/** A labelled multi-line text field, wired like TextField (description, error, aria). */
import { Textarea } from '@utrecht/component-library-react';
import { FieldFrame } from './FieldFrame';
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
  const invalid = Boolean(error);
  return (
    <FieldFrame id={id} label={label} description={description} error={error} optional={optional}>
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
    </FieldFrame>
  );
}
