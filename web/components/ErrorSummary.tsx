/**
 * The error summary at the top of a form. It takes focus when it appears, so
 * a screen reader reads it at once and a keyboard user can follow its links
 * to each field. Each link moves focus into the field without changing the
 * URL (the reset page keeps its token in the fragment).
 */
import { Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEffect, useRef, type MouseEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { AlertBox } from './AlertBox';

export interface SummaryItem {
  /** Id of the input to focus. */
  fieldId: string;
  label: string;
  message: string;
}

interface ErrorSummaryProps {
  /** A message for the whole form, e.g. "Het e-mailadres of het wachtwoord klopt niet." */
  message?: string | null | undefined;
  items: SummaryItem[];
  /** Changes on every failed submit, so focus moves back here each time. */
  attempt: number;
}

export function ErrorSummary({ message, items, attempt }: ErrorSummaryProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const visible = Boolean(message) || items.length > 0;

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, attempt]);

  if (!visible) return null;

  const focusField = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: 'center' });
  };

  return (
    <AlertBox type="error" boxRef={ref} tabIndex={-1} className="samenspel-error-summary">
      <Heading2>{t('form.summaryHeading')}</Heading2>
      {message && <Paragraph>{message}</Paragraph>}
      {items.length > 0 && (
        <>
          <Paragraph>{t('form.summaryFields')}</Paragraph>
          <UnorderedList>
            {items.map((item) => (
              <UnorderedListItem key={item.fieldId}>
                <a className="utrecht-link" href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId)}>
                  {item.label}: {item.message}
                </a>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </AlertBox>
  );
}
