/**
 * Huishoudplan-instellingen (`/beheer/huishoudplan`), for administrators:
 * the number of professionals and organisations above which the network
 * map warns of fragmentation, and the life domains of outcome measurements
 * (the 13 of the ZRM 2017, or the municipality's own list).
 */
import { Button, ButtonGroup, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import * as api from '../api/household';
import type { HouseholdSettings } from '../api/household';
import { useAnnounce } from '../app/status';
import { ErrorSummary } from '../components/ErrorSummary';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RadioFieldset, radioFieldId } from '../components/RadioFieldset';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors, type FieldErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';
import '../components/neighbour-help.css';

type Field = 'threshold' | 'domainsChoice' | 'domains';

export function HouseholdSettingsPage() {
  return (
    <RequireAnyRole roles={['admin']}>
      {({ membership }) => <Settings key={membership.municipality.code} code={membership.municipality.code} />}
    </RequireAnyRole>
  );
}

/** `code; Nederlandse naam; English name`, one domain a line. */
export function parseDomains(text: string): Array<{ code: string; nameNl: string; nameEn: string }> | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const domains = lines.map((line) => line.split(';').map((p) => p.trim()));
  if (domains.length === 0 || domains.some((d) => d.length !== 3 || !/^[a-z][a-z0-9_]{1,39}$/.test(d[0]!) || !d[1] || !d[2])) return null;
  return domains.map(([code, nameNl, nameEn]) => ({ code: code!, nameNl: nameNl!, nameEn: nameEn! }));
}

function Settings({ code }: { code: string }) {
  const { t } = useI18n();
  const settings = useResource(() => api.getHouseholdSettings(code), [code]);
  return (
    <>
      <PageHeading>{t('hh.settings.title')}</PageHeading>
      <Paragraph appearance="lead">{t('hh.settings.intro')}</Paragraph>
      <LoadState resource={settings.resource}>{(s) => <SettingsForm code={code} settings={s} onSaved={settings.setData} />}</LoadState>
    </>
  );
}

function SettingsForm({ code, settings, onSaved }: { code: string; settings: HouseholdSettings; onSaved: (s: HouseholdSettings) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const errors = useFormErrors<Field>();
  const [threshold, setThreshold] = useState(String(settings.fragmentationThreshold));
  const [choice, setChoice] = useState<'default' | 'own'>(settings.defaultDomains ? 'default' : 'own');
  const [domains, setDomains] = useState(settings.defaultDomains ? '' : settings.domains.map((d) => `${d.code}; ${d.nameNl}; ${d.nameEn}`).join('\n'));
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: FieldErrors<Field> = {};
    const n = Number(threshold);
    if (!/^\d+$/.test(threshold.trim()) || n < 1 || n > 100) problems.threshold = t('fieldError.hhThreshold.invalid_value');
    const own = choice === 'own' ? parseDomains(domains) : null;
    if (choice === 'own' && !own) problems.domains = t('fieldError.hhDomains.invalid_format');
    if (Object.keys(problems).length) return errors.fail(problems);
    setBusy(true);
    try {
      const saved = await api.saveHouseholdSettings(code, { fragmentationThreshold: n, outcomeDomains: own });
      announce(t('hh.settings.saved'));
      errors.clear();
      onSaved(saved);
    } catch (failure) {
      const fields = fieldErrorsFromProblem(i18n, failure, ['threshold', 'domainsChoice', 'domains'] as const, (name) =>
        name === 'fragmentationThreshold' ? 'threshold' : name.startsWith('outcomeDomains') ? 'domains' : null,
      );
      errors.fail(fields ? { ...(fields.threshold ? { threshold: t('fieldError.hhThreshold.invalid_value') } : {}), ...(fields.domains ? { domains: t('fieldError.hhDomains.invalid_value') } : {}) } : {}, fields ? null : problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  const defs = [
    { name: 'threshold' as const, id: 'hh-settings-threshold', label: t('hh.settings.threshold') },
    { name: 'domainsChoice' as const, id: radioFieldId('hh-settings-choice', 'default'), label: t('hh.settings.domainsLegend') },
    { name: 'domains' as const, id: 'hh-settings-domains', label: t('hh.settings.domains') },
  ];
  return (
    <>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, defs)} attempt={errors.attempt} />
      <form noValidate onSubmit={(e) => void submit(e)} className="samenspel-form">
        <TextField id="hh-settings-threshold" label={t('hh.settings.threshold')} description={t('hh.settings.thresholdHint')} value={threshold} onChange={setThreshold} error={errors.fields.threshold} size={4} />
        <RadioFieldset
          name="hh-settings-choice"
          legend={t('hh.settings.domainsLegend')}
          value={choice}
          onChange={setChoice}
          options={[
            { value: 'default', label: t('hh.settings.domainsDefault') },
            { value: 'own', label: t('hh.settings.domainsOwn') },
          ]}
        />
        {choice === 'own' && (
          <TextAreaField id="hh-settings-domains" label={t('hh.settings.domains')} description={t('hh.settings.domainsHint')} rows={8} value={domains} onChange={setDomains} error={errors.fields.domains} />
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {t('hh.save')}
          </Button>
        </ButtonGroup>
      </form>
      <section className="samenspel-section" aria-labelledby="hh-settings-current">
        <Heading2 id="hh-settings-current">{t('hh.settings.current')}</Heading2>
        <UnorderedList>
          {settings.domains.map((d) => (
            <UnorderedListItem key={d.code}>{d.name}</UnorderedListItem>
          ))}
        </UnorderedList>
      </section>
    </>
  );
}
