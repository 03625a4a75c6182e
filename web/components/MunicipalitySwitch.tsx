/**
 * Shown only to people with memberships in more than one municipality.
 * A choice takes effect with the button, not on selection, so moving
 * through the options with the arrow keys does not reload the page under
 * the person (WCAG 3.2.2).
 */
import { Button, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useSession } from '../app/session';
import { useAnnounce } from '../app/status';
import { useI18n } from '../i18n/i18n';

export function MunicipalitySwitch() {
  const { t } = useI18n();
  const { session, membership, selectMunicipality } = useSession();
  const announce = useAnnounce();
  const [choice, setChoice] = useState(membership?.municipality.code ?? '');
  const memberships = session?.memberships ?? [];
  if (memberships.length < 2 || !membership) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = memberships.find((m) => m.municipality.code === choice);
    if (!chosen || chosen.municipality.code === membership.municipality.code) return;
    selectMunicipality(chosen.municipality.code);
    announce(t('layout.municipalitySwitched', { name: chosen.municipality.name }), 'info');
  };

  return (
    <form className="samenspel-municipality-switch" onSubmit={submit}>
      <FormLabel htmlFor="municipality-switch">{t('layout.municipality')}</FormLabel>
      <Select id="municipality-switch" value={choice} onChange={(event) => setChoice(event.target.value)}>
        {memberships.map((m) => (
          <SelectOption key={m.municipality.code} value={m.municipality.code}>
            {m.municipality.name}
          </SelectOption>
        ))}
      </Select>
      <Button type="submit" appearance="secondary-action-button">
        {t('layout.switchMunicipality')}
      </Button>
    </form>
  );
}
