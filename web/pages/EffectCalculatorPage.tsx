/**
 * Effectencalculator (`/effectencalculator`, and `/effectencalculator/berekeningen/:id`
 * for a saved one): a policy officer sets what support costs against the
 * formal care it makes unnecessary (issue 6). Every line is editable; the
 * result is previewed live by the server (the same calculator that stores),
 * with every figure explained in plain Dutch and its source next to it.
 * Saving keeps a version with a reason; a saved calculation can be
 * downloaded as CSV or as a tagged PDF, or printed (print stylesheet in
 * effects.css).
 */
import { Button, ButtonGroup, Heading2, Heading3, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import * as api from '../api/effects';
import { COST_KINDS, PAYERS, PERIODS, QUANTITY_UNITS, type Calculation, type Computed, type EffectInput, type ReferencePrices, type Tariff } from '../api/effects';
import { isApiError } from '../api/client';
import type { Membership } from '../api/types';
import { PATHS } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { ErrorSummary } from '../components/ErrorSummary';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useI18n, type Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { problemMessage } from '../lib/errors';
import { useResource } from '../lib/use-resource';
import { navigate, RouterLink } from '../router';
import { decimalText, euro, parseDecimal, percentToProbability, probabilityToPercent } from './effects-format';
import './effects.css';

/** The results bring the charting library; it loads only when a result is shown. */
const EffectResults = lazy(() => import('./EffectResults').then((m) => ({ default: m.EffectResults })));

export const effectCalculationPath = (id: string) => `${PATHS.effects}/berekeningen/${encodeURIComponent(id)}`;

const STATED = '__stated__';

interface CostDraft {
  id: string;
  kind: (typeof COST_KINDS)[number];
  label: string;
  payer: (typeof PAYERS)[number];
  quantity: string;
  quantityUnit: (typeof QUANTITY_UNITS)[number];
  period: (typeof PERIODS)[number];
  duration: string;
  /** a short_var, or STATED for an amount with its own source */
  price: string;
  amount: string;
  statedSource: string;
}

interface ReferenceDraft {
  id: string;
  label: string;
  payer: (typeof PAYERS)[number];
  persons: string;
  probability: string;
  quantity: string;
  quantityUnit: (typeof QUANTITY_UNITS)[number];
  period: (typeof PERIODS)[number];
  duration: string;
  price: string;
}

interface Draft {
  scope: 'case' | 'programme';
  title: string;
  priceYear: string;
  costs: CostDraft[];
  reference: ReferenceDraft[];
}

let nextLine = 1;
const lineId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(nextLine++).toString(36)}`;

const newCost = (): CostDraft => ({
  id: lineId('c'),
  kind: 'coordination',
  label: '',
  payer: 'municipality_wmo',
  quantity: '',
  quantityUnit: 'hour',
  period: 'month',
  duration: '12',
  price: 'homecare_guidance_hour',
  amount: '',
  statedSource: '',
});

const newReference = (): ReferenceDraft => ({
  id: lineId('r'),
  label: '',
  payer: 'municipality_wmo',
  persons: '1',
  probability: '',
  quantity: '',
  quantityUnit: 'hour',
  period: 'week',
  duration: '52',
  price: 'homecare_household',
});

function toInput(d: Draft): EffectInput {
  return {
    scope: d.scope,
    title: d.title.trim(),
    priceYear: Number(d.priceYear),
    costs: d.costs.map((c) => ({
      id: c.id,
      kind: c.kind,
      label: c.label.trim(),
      payer: c.payer,
      quantity: parseDecimal(c.quantity),
      quantityUnit: c.quantityUnit,
      period: c.period,
      duration: parseDecimal(c.duration),
      price: c.price === STATED ? { amount: parseDecimal(c.amount), source: c.statedSource.trim(), priceYear: Number(d.priceYear) } : { shortVar: c.price },
    })),
    reference: d.reference.map((r) => ({
      id: r.id,
      label: r.label.trim(),
      payer: r.payer,
      persons: parseDecimal(r.persons),
      probability: percentToProbability(r.probability),
      quantity: parseDecimal(r.quantity),
      quantityUnit: r.quantityUnit,
      period: r.period,
      duration: parseDecimal(r.duration),
      price: { shortVar: r.price },
    })),
  };
}

function fromInput(input: EffectInput, locale: 'nl' | 'en'): Draft {
  const n = (x: number) => decimalText(x, locale);
  return {
    scope: input.scope,
    title: input.title,
    priceYear: String(input.priceYear),
    costs: input.costs.map((c) => ({
      id: c.id,
      kind: c.kind,
      label: c.label,
      payer: c.payer,
      quantity: n(c.quantity),
      quantityUnit: c.quantityUnit,
      period: c.period,
      duration: n(c.duration),
      price: 'shortVar' in c.price ? c.price.shortVar : STATED,
      amount: 'amount' in c.price ? n(c.price.amount) : '',
      statedSource: 'source' in c.price ? c.price.source : '',
    })),
    reference: input.reference.map((r) => ({
      id: r.id,
      label: r.label,
      payer: r.payer,
      persons: String(r.persons),
      probability: probabilityToPercent(r.probability, locale),
      quantity: n(r.quantity),
      quantityUnit: r.quantityUnit,
      period: r.period,
      duration: n(r.duration),
      price: r.price.shortVar,
    })),
  };
}

/** `costs.0.price.shortVar` → the id of that field. */
const fieldId = (name: string) => `eff-${name.replace(/\./g, '-')}`;

export function EffectCalculatorPage({ id }: { id?: string }) {
  return (
    <RequireAnyRole roles={['policy_officer', 'admin']}>
      {({ membership }) => <Calculator key={`${membership.municipality.code}-${id ?? 'new'}`} membership={membership} id={id} />}
    </RequireAnyRole>
  );
}

interface Lists {
  prices: ReferencePrices;
  tariffs: Tariff[];
  saved: Calculation | null;
  list: api.CalculationSummary[];
}

function Calculator({ membership, id }: { membership: Membership; id?: string | undefined }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const { resource } = useResource<Lists>(async () => {
    const [prices, tariffs, saved, list] = await Promise.all([
      api.getReferencePrices(code),
      api.listTariffs(code),
      id ? api.getCalculation(code, id) : Promise.resolve(null),
      api.listCalculations(code),
    ]);
    return { prices, tariffs, saved, list };
  }, [code, id]);

  return (
    <>
      <PageHeading>{t('effects.title')}</PageHeading>
      <Paragraph appearance="lead">{t('effects.intro')}</Paragraph>
      <Paragraph className="effects-no-print">
        <RouterLink href={PATHS.effectTariffs}>{t('effects.tariffsLink')}</RouterLink>
      </Paragraph>
      <LoadState resource={resource}>{(lists) => <Editor code={code} lists={lists} />}</LoadState>
    </>
  );
}

function Editor({ code, lists }: { code: string; lists: Lists }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const announce = useAnnounce();
  const [saved, setSaved] = useState<Calculation | null>(lists.saved);
  const [draft, setDraft] = useState<Draft>(() =>
    lists.saved
      ? fromInput(lists.saved.input, locale)
      : { scope: 'case', title: '', priceYear: String(lists.prices.years[lists.prices.years.length - 1] ?? 2024), costs: [newCost()], reference: [newReference()] },
  );
  const [computed, setComputed] = useState<Computed | null>(lists.saved);
  const [faults, setFaults] = useState<Array<{ name: string; code: string }>>([]);
  const [previewFailed, setPreviewFailed] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [saveError, setSaveError] = useState<{ message: string | null; items: Array<{ fieldId: string; label: string; message: string }>; attempt: number }>({ message: null, items: [], attempt: 0 });
  const [busy, setBusy] = useState(false);
  const ticket = useRef(0);

  const input = useMemo(() => toInput(draft), [draft]);

  // Live preview: the server computes after a short pause in typing.
  useEffect(() => {
    const mine = ++ticket.current;
    const timer = setTimeout(() => {
      api.previewCalculation(code, input).then(
        (next) => {
          if (mine !== ticket.current) return;
          setComputed(next);
          setFaults([]);
          setPreviewFailed(null);
        },
        (error: unknown) => {
          if (mine !== ticket.current) return;
          if (isApiError(error) && error.code === 'validation_failed') {
            setFaults(error.invalidParams.map((p) => ({ name: p.name, code: p.code })));
            setPreviewFailed(null);
          } else setPreviewFailed(problemMessage(i18n, error));
        },
      );
    }, 400);
    return () => clearTimeout(timer);
    // i18n is stable per language; the input decides.
  }, [code, input]);

  const faultFor = (name: string) => {
    const f = faults.find((x) => x.name === name);
    return f ? faultMessage(t, f.code) : undefined;
  };

  const setCost = (i: number, patch: Partial<CostDraft>) => setDraft((d) => ({ ...d, costs: d.costs.map((c, k) => (k === i ? { ...c, ...patch } : c)) }));
  const setRef = (i: number, patch: Partial<ReferenceDraft>) => setDraft((d) => ({ ...d, reference: d.reference.map((r, k) => (k === i ? { ...r, ...patch } : r)) }));

  const unitOptions = useMemo(() => priceOptions(lists.prices, lists.tariffs, Number(draft.priceYear), t, locale), [lists, draft.priceYear, t, locale]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (saved && reason.trim() === '') {
      setSaveError((s) => ({ message: null, items: [{ fieldId: 'eff-reason', label: t('effects.reason'), message: t('effects.reasonRequired') }], attempt: s.attempt + 1 }));
      return;
    }
    setBusy(true);
    try {
      const next = saved
        ? await api.updateCalculation(code, saved.id, { basedOnVersion: saved.version, reason: reason.trim(), input })
        : await api.createCalculation(code, input, reason.trim() || undefined);
      setSaveError((s) => ({ message: null, items: [], attempt: s.attempt }));
      setReason('');
      announce(t('effects.saved', { version: next.version }));
      if (!saved) navigate(effectCalculationPath(next.id));
      else {
        setSaved(next);
        setComputed(next);
      }
    } catch (error) {
      const items = isApiError(error)
        ? error.invalidParams.map((p) => {
            const name = p.name.replace(/^input\./, '');
            return { fieldId: fieldId(name === 'reason' ? 'reason' : name), label: fieldLabel(t, name), message: faultMessage(t, p.code) };
          })
        : [];
      setSaveError((s) => ({ message: items.length ? null : problemMessage(i18n, error), items, attempt: s.attempt + 1 }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {saved && (
        <section className="samenspel-section" aria-labelledby="eff-saved-heading">
          <Heading2 id="eff-saved-heading">{t('effects.savedHeading', { title: saved.title })}</Heading2>
          <Paragraph>{t('effects.savedVersion', { version: saved.version, name: saved.versions[0]?.authorName ?? saved.createdByName })}</Paragraph>
          <ButtonGroup className="effects-no-print">
            <Link href={api.exportCsvUrl(code, saved.id)} download>
              {t('effects.exportCsv')}
            </Link>
            <Link href={api.exportPdfUrl(code, saved.id)} download>
              {t('effects.exportPdf')}
            </Link>
            <Button appearance="secondary-action-button" onClick={() => window.print()}>
              {t('effects.print')}
            </Button>
          </ButtonGroup>
        </section>
      )}

      <form noValidate onSubmit={save} className="samenspel-form effects-editor" aria-labelledby="eff-input-heading">
        <Heading2 id="eff-input-heading">{t('effects.inputHeading')}</Heading2>
        <div className="effects-grid">
          <div className="effects-wide">
            <TextField id="eff-title" label={t('effects.calcTitle')} description={t('effects.calcTitleHint')} value={draft.title} onChange={(title) => setDraft((d) => ({ ...d, title }))} error={faultFor('title')} />
          </div>
          <SelectField
            id="eff-scope"
            label={t('effects.scope')}
            value={draft.scope}
            onChange={(scope) => setDraft((d) => ({ ...d, scope: scope as Draft['scope'] }))}
            options={[
              { value: 'case', label: t('effects.scope.case') },
              { value: 'programme', label: t('effects.scope.programme') },
            ]}
          />
          <SelectField
            id="eff-priceYear"
            label={t('effects.priceYear')}
            description={t('effects.priceYearHint')}
            value={draft.priceYear}
            onChange={(priceYear) => setDraft((d) => ({ ...d, priceYear }))}
            options={lists.prices.years.map((y) => ({ value: String(y), label: String(y) }))}
            error={faultFor('priceYear')}
          />
        </div>

        <Heading3>{t('effects.costsHeading')}</Heading3>
        <Paragraph>{t('effects.costsIntro')}</Paragraph>
        {draft.costs.map((c, i) => (
          <fieldset key={c.id} className="effects-line">
            <legend className="effects-line__legend">{t('effects.costLine', { n: i + 1 })}</legend>
            <div className="effects-grid">
              <TextField id={fieldId(`costs.${i}.label`)} label={t('effects.label')} value={c.label} onChange={(label) => setCost(i, { label })} error={faultFor(`costs.${i}.label`)} />
              <SelectField id={fieldId(`costs.${i}.kind`)} label={t('effects.kind')} value={c.kind} onChange={(kind) => setCost(i, { kind: kind as CostDraft['kind'] })} options={COST_KINDS.map((k) => ({ value: k, label: t(`effects.kind.${k}` as MessageKey) }))} />
              <PayerField id={fieldId(`costs.${i}.payer`)} value={c.payer} onChange={(payer) => setCost(i, { payer })} />
              <QuantityFields
                prefix={`costs.${i}`}
                quantity={c.quantity}
                quantityUnit={c.quantityUnit}
                period={c.period}
                duration={c.duration}
                onChange={(patch) => setCost(i, patch)}
                faultFor={faultFor}
              />
              <PriceField
                id={fieldId(`costs.${i}.price.shortVar`)}
                value={c.price}
                options={unitOptions}
                allowStated
                onChange={(price) => setCost(i, { price })}
                error={faultFor(`costs.${i}.price.shortVar`)}
              />
              {c.price === STATED && (
                <>
                  <TextField id={fieldId(`costs.${i}.price.amount`)} label={t('effects.amount')} value={c.amount} onChange={(amount) => setCost(i, { amount })} error={faultFor(`costs.${i}.price.amount`)} size={10} />
                  <TextField id={fieldId(`costs.${i}.price.source`)} label={t('effects.statedSource')} description={t('effects.statedSourceHint')} value={c.statedSource} onChange={(statedSource) => setCost(i, { statedSource })} error={faultFor(`costs.${i}.price.source`)} />
                </>
              )}
            </div>
            <Button appearance="subtle-button" onClick={() => setDraft((d) => ({ ...d, costs: d.costs.filter((_, k) => k !== i) }))}>
              {t('effects.removeLine', { what: t('effects.costLine', { n: i + 1 }) })}
            </Button>
          </fieldset>
        ))}
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => setDraft((d) => ({ ...d, costs: [...d.costs, newCost()] }))}>
            {t('effects.addCost')}
          </Button>
        </ButtonGroup>

        <Heading3>{t('effects.referenceHeading')}</Heading3>
        <Paragraph>{t('effects.referenceIntro')}</Paragraph>
        {draft.reference.map((r, i) => (
          <fieldset key={r.id} className="effects-line">
            <legend className="effects-line__legend">{t('effects.referenceLine', { n: i + 1 })}</legend>
            <div className="effects-grid">
              <TextField id={fieldId(`reference.${i}.label`)} label={t('effects.label')} value={r.label} onChange={(label) => setRef(i, { label })} error={faultFor(`reference.${i}.label`)} />
              <PayerField id={fieldId(`reference.${i}.payer`)} value={r.payer} onChange={(payer) => setRef(i, { payer })} />
              <TextField
                id={fieldId(`reference.${i}.probability`)}
                label={t('effects.probability')}
                description={t('effects.probabilityHint')}
                value={r.probability}
                onChange={(probability) => setRef(i, { probability })}
                error={faultFor(`reference.${i}.probability`)}
                size={6}
              />
              {draft.scope === 'programme' && (
                <TextField id={fieldId(`reference.${i}.persons`)} label={t('effects.persons')} value={r.persons} onChange={(persons) => setRef(i, { persons })} error={faultFor(`reference.${i}.persons`)} size={8} />
              )}
              <QuantityFields
                prefix={`reference.${i}`}
                quantity={r.quantity}
                quantityUnit={r.quantityUnit}
                period={r.period}
                duration={r.duration}
                onChange={(patch) => setRef(i, patch)}
                faultFor={faultFor}
              />
              <PriceField id={fieldId(`reference.${i}.price.shortVar`)} value={r.price} options={unitOptions} onChange={(price) => setRef(i, { price })} error={faultFor(`reference.${i}.price.shortVar`)} />
            </div>
            <Button appearance="subtle-button" onClick={() => setDraft((d) => ({ ...d, reference: d.reference.filter((_, k) => k !== i) }))}>
              {t('effects.removeLine', { what: t('effects.referenceLine', { n: i + 1 }) })}
            </Button>
          </fieldset>
        ))}
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => setDraft((d) => ({ ...d, reference: [...d.reference, newReference()] }))}>
            {t('effects.addReference')}
          </Button>
        </ButtonGroup>

        <section aria-labelledby="eff-save-heading" className="effects-save">
          <Heading3 id="eff-save-heading">{t('effects.saveHeading')}</Heading3>
          <ErrorSummary message={saveError.message} items={saveError.items} attempt={saveError.attempt} />
          <TextField
            id="eff-reason"
            label={t('effects.reason')}
            description={saved ? t('effects.reasonHint') : t('effects.reasonHintNew')}
            optional={!saved}
            value={reason}
            onChange={setReason}
            error={saveError.items.find((x) => x.fieldId === 'eff-reason')?.message}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {saved ? t('effects.saveVersion') : t('effects.save')}
            </Button>
          </ButtonGroup>
        </section>
      </form>

      <section className="samenspel-section" aria-labelledby="eff-result-heading" aria-live="polite" aria-busy={false}>
        <Heading2 id="eff-result-heading">{t('effects.resultHeading')}</Heading2>
        {faults.length > 0 && (
          <div className="effects-faults">
            <Paragraph>{t('effects.notYet')}</Paragraph>
            <UnorderedList>
              {faults.map((f) => (
                <UnorderedListItem key={f.name}>
                  <Link href={`#${fieldId(f.name)}`}>{fieldLabel(t, f.name)}</Link>: {faultMessage(t, f.code)}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </div>
        )}
        {previewFailed && <Paragraph>{previewFailed}</Paragraph>}
        {computed && (
          <Suspense fallback={<Paragraph>{t('app.loading')}</Paragraph>}>
            <EffectResults computed={computed} stale={faults.length > 0} />
          </Suspense>
        )}
      </section>

      {saved && saved.versions.length > 0 && (
        <section className="samenspel-section" aria-labelledby="eff-versions-heading">
          <Heading2 id="eff-versions-heading">{t('effects.versionsHeading')}</Heading2>
          <UnorderedList>
            {saved.versions.map((v) => (
              <UnorderedListItem key={v.version}>
                {t('effects.versionLine', { version: v.version, date: new Date(v.createdAt).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB'), name: v.authorName, reason: v.reason })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}

      <section className="samenspel-section effects-no-print" aria-labelledby="eff-list-heading">
        <Heading2 id="eff-list-heading">{t('effects.listHeading')}</Heading2>
        {lists.list.length === 0 ? (
          <Paragraph>{t('effects.listEmpty')}</Paragraph>
        ) : (
          <UnorderedList>
            {lists.list.map((c) => (
              <UnorderedListItem key={c.id}>
                <RouterLink href={effectCalculationPath(c.id)}>{c.title}</RouterLink> — {t('effects.listNet', { net: euro(c.totals.netCents, locale), version: c.version })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        {saved && (
          <Paragraph>
            <RouterLink href={PATHS.effects}>{t('effects.new')}</RouterLink>
          </Paragraph>
        )}
      </section>
    </>
  );
}

function faultMessage(t: Translate, code: string): string {
  const known = ['required', 'invalid_type', 'invalid_value', 'invalid_format', 'too_long', 'too_short'];
  return t(`effects.fault.${known.includes(code) ? code : 'invalid_value'}` as MessageKey);
}

/** "Kostenregel 1, aantal" for `costs.0.quantity`. */
function fieldLabel(t: Translate, name: string): string {
  const parts = name.split('.');
  const field = parts.slice(2).join('.') || parts[0] || '';
  const fieldKey = `effects.field.${field}` as MessageKey;
  const fieldName = t(fieldKey) === fieldKey ? field : t(fieldKey);
  // (unknown keys come back as the key itself)
  if (parts[0] === 'costs' && parts[1]) return `${t('effects.costLine', { n: Number(parts[1]) + 1 })}, ${fieldName}`;
  if (parts[0] === 'reference' && parts[1]) return `${t('effects.referenceLine', { n: Number(parts[1]) + 1 })}, ${fieldName}`;
  const topKey = `effects.field.${name}` as MessageKey;
  return t(topKey) === topKey ? name : t(topKey);
}

function PayerField({ id, value, onChange }: { id: string; value: string; onChange: (v: (typeof PAYERS)[number]) => void }) {
  const { t } = useI18n();
  return <SelectField id={id} label={t('effects.payer')} value={value} onChange={(v) => onChange(v as (typeof PAYERS)[number])} options={PAYERS.map((p) => ({ value: p, label: t(`effects.payer.${p}` as MessageKey) }))} />;
}

function QuantityFields({
  prefix,
  quantity,
  quantityUnit,
  period,
  duration,
  onChange,
  faultFor,
}: {
  prefix: string;
  quantity: string;
  quantityUnit: string;
  period: string;
  duration: string;
  onChange: (patch: { quantity?: string; quantityUnit?: CostDraft['quantityUnit']; period?: CostDraft['period']; duration?: string }) => void;
  faultFor: (name: string) => string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField id={fieldId(`${prefix}.quantity`)} label={t('effects.quantity')} value={quantity} onChange={(v) => onChange({ quantity: v })} error={faultFor(`${prefix}.quantity`)} size={8} />
      <SelectField id={fieldId(`${prefix}.quantityUnit`)} label={t('effects.quantityUnit')} value={quantityUnit} onChange={(v) => onChange({ quantityUnit: v as CostDraft['quantityUnit'] })} options={QUANTITY_UNITS.map((u) => ({ value: u, label: t(`effects.unit.${u}` as MessageKey) }))} />
      <SelectField id={fieldId(`${prefix}.period`)} label={t('effects.period')} value={period} onChange={(v) => onChange({ period: v as CostDraft['period'] })} options={PERIODS.map((p) => ({ value: p, label: t(`effects.period.${p}` as MessageKey) }))} />
      <TextField id={fieldId(`${prefix}.duration`)} label={t('effects.duration')} description={t('effects.durationHint')} value={duration} onChange={(v) => onChange({ duration: v })} error={faultFor(`${prefix}.duration`)} size={6} />
    </>
  );
}

interface PriceOption {
  value: string;
  label: string;
  search: string;
  group: 'tariff' | 'reference';
}

function priceOptions(prices: ReferencePrices, tariffs: Tariff[], year: number, t: Translate, locale: 'nl' | 'en'): PriceOption[] {
  const ownLatest = new Map<string, Tariff>();
  for (const tariff of tariffs) if (!ownLatest.has(tariff.shortVar)) ownLatest.set(tariff.shortVar, tariff);
  const own: PriceOption[] = [...ownLatest.values()].map((tariff) => ({
    value: tariff.shortVar,
    label: t('effects.tariffOption', { name: tariff.unit ?? prices.units.find((u) => u.shortVar === tariff.shortVar)?.unit ?? tariff.shortVar, price: euro(tariff.priceCents, locale), source: tariff.source }),
    search: `${tariff.shortVar} ${tariff.unit ?? ''} ${tariff.source}`.toLowerCase(),
    group: 'tariff',
  }));
  const reference: PriceOption[] = prices.units
    .filter((u) => !ownLatest.has(u.shortVar))
    .map((u) => {
      const cents = u.prices.find((p) => p.year === year)?.cents;
      return {
        value: u.shortVar,
        label: t('effects.referenceOption', { name: u.unit, price: cents === undefined ? '–' : euro(cents, locale), year }),
        search: `${u.shortVar} ${u.unit} ${u.category} ${u.domain}`.toLowerCase(),
        group: 'reference',
      };
    });
  return [...own, ...reference];
}

/** A searchable choice of unit price: a search box filters the list of price-list units and municipal tariffs. */
function PriceField({ id, value, options, onChange, error, allowStated = false }: { id: string; value: string; options: PriceOption[]; onChange: (v: string) => void; error?: string | undefined; allowStated?: boolean }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = options.filter((o) => o.value === value || !q || q.split(/\s+/).every((w) => o.search.includes(w)));
  return (
    <div className="effects-price">
      <TextField id={`${id}-search`} type="search" label={t('effects.search')} description={t('effects.searchHint')} value={query} onChange={setQuery} optional markOptional={false} />
      <SelectField
        id={id}
        label={t('effects.unitPrice')}
        description={t('effects.unitPriceHint', { n: shown.length })}
        value={value}
        onChange={onChange}
        error={error}
        options={[...(allowStated ? [{ value: STATED, label: t('effects.statedOption') }] : []), ...shown.map((o) => ({ value: o.value, label: o.group === 'tariff' ? `★ ${o.label}` : o.label }))]}
      />
    </div>
  );
}
