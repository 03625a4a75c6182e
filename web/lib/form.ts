/**
 * Error state for one form: field messages, a form-level message, and an
 * attempt counter so the error summary takes focus again on every failed
 * submit.
 */
import { useCallback, useState } from 'react';
import type { SummaryItem } from '../components/ErrorSummary';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

interface FormErrorState<F extends string> {
  fields: FieldErrors<F>;
  message: string | null;
  attempt: number;
}

export function useFormErrors<F extends string>() {
  const [state, setState] = useState<FormErrorState<F>>({ fields: {}, message: null, attempt: 0 });
  const fail = useCallback((fields: FieldErrors<F>, message: string | null = null) => {
    setState((current) => ({ fields, message, attempt: current.attempt + 1 }));
  }, []);
  const clear = useCallback(() => {
    setState((current) => ({ fields: {}, message: null, attempt: current.attempt }));
  }, []);
  return { ...state, fail, clear };
}

/** Summary items in the order the fields appear on screen. */
export function summaryItems<F extends string>(
  errors: FieldErrors<F>,
  fields: readonly { name: F; id: string; label: string }[],
): SummaryItem[] {
  return fields.flatMap(({ name, id, label }) => {
    const message = errors[name];
    return message ? [{ fieldId: id, label, message }] : [];
  });
}

export function hasErrors<F extends string>(errors: FieldErrors<F>): boolean {
  return Object.values(errors).some(Boolean);
}
