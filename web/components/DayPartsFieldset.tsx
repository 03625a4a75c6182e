/**
 * When someone can: a compact grid of check boxes, one small fieldset per
 * day (legend "Maandag") with three boxes (ochtend, middag, avond). A
 * screen reader hears "Ochtend, selectievakje, groep Maandag"; on a phone
 * each day is one short block, two or three days side by side on a wider
 * screen. The error summary links to Monday morning (`dayPartsFieldId`).
 */
import { Fieldset, FieldsetLegend, FormFieldDescription, FormFieldErrorMessage } from '@utrecht/component-library-react';
import type { DayPart } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { CheckboxField } from './CheckboxField';
import { DAYS, PARTS, sortDayParts } from './neighbour-help';
import './neighbour-help.css';

interface DayPartsFieldsetProps {
  idPrefix: string;
  legend: string;
  description?: string;
  value: readonly DayPart[];
  onChange: (value: DayPart[]) => void;
  error?: string | undefined;
}

export const dayPartsFieldId = (idPrefix: string) => `${idPrefix}-${DAYS[0]}-${PARTS[0]}`;

export function DayPartsFieldset({ idPrefix, legend, description, value, onChange, error }: DayPartsFieldsetProps) {
  const { t } = useI18n();
  const descriptionId = `${idPrefix}-description`;
  const errorId = `${idPrefix}-error`;
  const describedBy = [description && descriptionId, error && errorId].filter(Boolean).join(' ') || undefined;

  const toggle = (part: DayPart, checked: boolean) =>
    onChange(checked ? sortDayParts([...value, part]) : value.filter((p) => p !== part));

  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy} className="utrecht-form-fieldset--distanced">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <div className="samenspel-day-parts">
        {DAYS.map((day) => (
          <fieldset key={day} className="samenspel-day-parts__day">
            <legend className="samenspel-day-parts__legend">{t(`day.${day}`)}</legend>
            <div className="samenspel-day-parts__choices">
              {PARTS.map((part) => {
                const code = `${day}:${part}` as DayPart;
                return (
                  <CheckboxField
                    key={part}
                    id={`${idPrefix}-${day}-${part}`}
                    label={t(`dayPart.${part}`)}
                    checked={value.includes(code)}
                    invalid={Boolean(error)}
                    onChange={(checked) => toggle(code, checked)}
                  />
                );
              })}
            </div>
          </fieldset>
        ))}
      </div>
    </Fieldset>
  );
}
