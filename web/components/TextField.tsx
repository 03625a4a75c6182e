/**
 * A labelled text input with description and error message, wired for
 * assistive technology: `aria-describedby` points at the description and the
 * error, `aria-invalid` is set while there is an error.
 *
 * Built from NL Design System parts rather than `FormFieldTextbox`, because
 * the error summary must link to the input by a stable id.
 */
import { Textbox } from '@utrecht/component-library-react';
import { FieldFrame } from './FieldFrame';
import type { Ref } from 'react';

export interface TextFieldProps {
  /** Also the anchor the error summary links to. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'search';
  name?: string;
  autoComplete?: string;
  description?: string;
  error?: string | undefined;
  /** Shows "(niet verplicht)" after the label. Fields are required unless marked optional. */
  optional?: boolean;
  /** Set to false on search and filter forms, where every field is optional. */
  markOptional?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** For names and addresses: browsers should not "correct" them. */
  spellCheck?: boolean;
  size?: number;
}

export function describedBy(id: string, hasDescription: boolean, hasError: boolean): string | undefined {
  const ids = [hasDescription && `${id}-description`, hasError && `${id}-error`].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  name,
  autoComplete,
  description,
  error,
  optional = false,
  markOptional = true,
  inputRef,
  spellCheck,
  size,
}: TextFieldProps) {
  const invalid = Boolean(error);
  return (
    <FieldFrame id={id} label={label} description={description} error={error} optional={optional} markOptional={markOptional}>
      <Textbox
        id={id}
        ref={inputRef}
        name={name ?? id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        invalid={invalid}
        required={!optional}
        spellCheck={spellCheck}
        size={size}
        aria-describedby={describedBy(id, Boolean(description), invalid)}
      />
    </FieldFrame>
  );
}
