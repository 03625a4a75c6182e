/**
 * Tarieven van de gemeente (`/effectencalculator/tarieven`): the
 * municipality's own prices for the effect calculator. Adding a price never
 * changes an old one: the history lists every version with who entered it.
 */
import { Button, ButtonGroup, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import * as api from '../api/effects';
import type { Tariff } from '../api/effects';
import type { Membership } from '../api/types';
import { PATHS } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { ErrorSummary } from '../components/ErrorSummary';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { ScrollTable } from '../components/ScrollTable';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { isApiError } from '../api/client';
import { problemMessage } from '../lib/errors';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import { euro, parseDecimal } from './effects-format';
import './effects.css';

const FIELDS = ['shortVar', 'unit', 'price', 'validFrom', 'source'] as const;
type Field = (typeof FIELDS)[number];

export function EffectTariffsPage() {
  return (
    <RequireAnyRole roles={['policy_officer', 'admin']}>
      {({ membership }) => <Tariffs key={membership.municipality.code} membership={membership} />}
    </RequireAnyRole>
  );
}

function Tariffs({ membership }: { membership: Membership }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const announce = useAnnounce();
  const code = membership.municipality.code;
  const { resource, setData } = useResource(() => api.listTariffs(code), [code]);
  const [form, setForm] = useState<Record<Field, string>>({ shortVar: '', unit: '', price: '', validFrom: '', source: '' });
  const [errors, setErrors] = useState<{ fields: Partial<Record<Field, string>>; message: string | null; attempt: number }>({ fields: {}, message: null, attempt: 0 });
  const [busy, setBusy] = useState(false);
  const set = (f: Field) => (v: string) => setForm((x) => ({ ...x, [f]: v }));
  const label = (f: Field) => t(`effects.tariff.${f}` as MessageKey);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing: Partial<Record<Field, string>> = {};
    for (const f of ['shortVar', 'price', 'validFrom', 'source'] as const) if (!form[f].trim()) missing[f] = t('effects.fault.required');
    if (Object.keys(missing).length) return setErrors((e) => ({ fields: missing, message: null, attempt: e.attempt + 1 }));
    setBusy(true);
    try {
      const next = await api.addTariff(code, {
        shortVar: form.shortVar.trim(),
        ...(form.unit.trim() ? { unit: form.unit.trim() } : {}),
        price: parseDecimal(form.price),
        validFrom: form.validFrom,
        source: form.source.trim(),
      });
      setData(next);
      setForm({ shortVar: '', unit: '', price: '', validFrom: '', source: '' });
      setErrors((e) => ({ fields: {}, message: null, attempt: e.attempt }));
      announce(t('effects.tariffAdded'));
    } catch (error) {
      const fields: Partial<Record<Field, string>> = {};
      if (isApiError(error)) for (const p of error.invalidParams) if ((FIELDS as readonly string[]).includes(p.name)) fields[p.name as Field] = t(`effects.fault.${p.code}` as MessageKey);
      setErrors((e) => ({ fields, message: Object.keys(fields).length ? null : problemMessage(i18n, error), attempt: e.attempt + 1 }));
    } finally {
      setBusy(false);
    }
  };

  const items = FIELDS.filter((f) => errors.fields[f]).map((f) => ({ fieldId: `tariff-${f}`, label: label(f), message: errors.fields[f]! }));

  return (
    <>
      <PageHeading>{t('effects.tariffsTitle')}</PageHeading>
      <Paragraph appearance="lead">{t('effects.tariffsIntro')}</Paragraph>
      <Paragraph>
        <RouterLink href={PATHS.effects}>{t('effects.backToCalculator')}</RouterLink>
      </Paragraph>
      <section className="samenspel-section" aria-labelledby="tariff-add">
        <Heading2 id="tariff-add">{t('effects.tariffAddHeading')}</Heading2>
        <ErrorSummary message={errors.message} items={items} attempt={errors.attempt} />
        <form noValidate onSubmit={submit} className="samenspel-form">
          <TextField id="tariff-shortVar" label={label('shortVar')} description={t('effects.tariff.shortVarHint')} value={form.shortVar} onChange={set('shortVar')} error={errors.fields.shortVar} spellCheck={false} />
          <TextField id="tariff-unit" label={label('unit')} description={t('effects.tariff.unitHint')} value={form.unit} onChange={set('unit')} error={errors.fields.unit} optional />
          <TextField id="tariff-price" label={label('price')} description={t('effects.tariff.priceHint')} value={form.price} onChange={set('price')} error={errors.fields.price} size={10} />
          <TextField id="tariff-validFrom" type="date" label={label('validFrom')} value={form.validFrom} onChange={set('validFrom')} error={errors.fields.validFrom} />
          <TextField id="tariff-source" label={label('source')} description={t('effects.tariff.sourceHint')} value={form.source} onChange={set('source')} error={errors.fields.source} />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {t('effects.tariffAdd')}
            </Button>
          </ButtonGroup>
        </form>
      </section>
      <section className="samenspel-section" aria-labelledby="tariff-history">
        <Heading2 id="tariff-history">{t('effects.tariffHistory')}</Heading2>
        <LoadState resource={resource}>
          {(tariffs: Tariff[]) =>
            tariffs.length === 0 ? (
              <Paragraph>{t('effects.tariffNone')}</Paragraph>
            ) : (
              <ScrollTable caption={t('effects.tariffHistory')} hideCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{label('shortVar')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{label('price')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{label('validFrom')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{label('source')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('effects.tariff.entered')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {tariffs.map((x) => (
                    <TableRow key={x.id}>
                      <TableHeaderCell scope="row">
                        {x.shortVar}
                        {x.unit ? ` (${x.unit})` : ''}
                      </TableHeaderCell>
                      <TableCell>{euro(x.priceCents, locale)}</TableCell>
                      <TableCell>{i18n.formatDate(x.validFrom)}</TableCell>
                      <TableCell>{x.source}</TableCell>
                      <TableCell>{`${x.createdByName}, ${i18n.formatDateTime(x.createdAt)}`}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </ScrollTable>
            )
          }
        </LoadState>
      </section>
    </>
  );
}
