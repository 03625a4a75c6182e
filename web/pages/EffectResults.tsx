/**
 * The result of an effect calculation: net effect, benefit-cost ratio, who
 * pays and who gains (a bar chart with the same figures in a table), the
 * low/base/high range, and every line with its explanation and source.
 * The sentences come from the server's calculator, in the reader's language.
 */
import { Heading3, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Computed, ResolvedPrice } from '../api/effects';
import { ScrollTable } from '../components/ScrollTable';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { euro, ratioText } from './effects-format';

export function EffectResults({ computed, stale = false }: { computed: Computed; stale?: boolean }) {
  const { t, locale } = useI18n();
  const { result, explanations, sourceLine } = computed;
  const explain = (figure: string) => explanations.find((e) => e.figure === figure)?.text;
  const source = (p: ResolvedPrice) =>
    p.validFrom ? t('effects.sourceTariff', { source: p.source, year: p.priceYear, from: p.validFrom }) : t('effects.source', { source: p.source, year: p.priceYear });
  const payerName = (p: string) => t(`effects.payer.${p}` as MessageKey);
  const chartData = result.byPayer.map((p) => ({ name: payerName(p.payer), cost: p.costCents / 100, avoided: p.avoidedCents / 100 }));

  return (
    <div className={stale ? 'effects-result effects-result--stale' : 'effects-result'}>
      {stale && <Paragraph>{t('effects.stale')}</Paragraph>}
      <dl className="effects-figures">
        <div className="effects-figure effects-figure--main">
          <dt>{t('effects.net')}</dt>
          <dd>
            <span className="effects-figure__value" data-figure="net">{euro(result.totals.netCents, locale)}</span>
            <span className="effects-figure__text">{explain('total.net')}</span>
          </dd>
        </div>
        <div className="effects-figure">
          <dt>{t('effects.ratio')}</dt>
          <dd>
            <span className="effects-figure__value">{ratioText(result.totals.ratio, locale)}</span>
            <span className="effects-figure__text">{explain('total.ratio')}</span>
          </dd>
        </div>
        <div className="effects-figure">
          <dt>{t('effects.cost')}</dt>
          <dd>
            <span className="effects-figure__value">{euro(result.totals.costCents, locale)}</span>
            <span className="effects-figure__text">{explain('total.cost')}</span>
          </dd>
        </div>
        <div className="effects-figure">
          <dt>{t('effects.avoided')}</dt>
          <dd>
            <span className="effects-figure__value">{euro(result.totals.avoidedCents, locale)}</span>
            <span className="effects-figure__text">{explain('total.avoided')}</span>
          </dd>
        </div>
      </dl>

      <Heading3>{t('effects.payersHeading')}</Heading3>
      <Paragraph>{t('effects.payersIntro')}</Paragraph>
      {chartData.length > 0 && (
        // The chart is a picture of the table below, which screen readers read instead.
        <div className="effects-chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={Math.max(180, 60 * chartData.length)}>
            <BarChart data={chartData} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" tickFormatter={(v: number) => euro(v * 100, locale).replace(/[,.]00$/, '')} />
              <YAxis type="category" dataKey="name" width={130} />
              <Tooltip formatter={(v) => euro(Number(v) * 100, locale)} />
              <Legend />
              <Bar dataKey="cost" name={t('effects.payerCost')} fill="#8a1538" isAnimationActive={false} />
              <Bar dataKey="avoided" name={t('effects.payerAvoided')} fill="#00679e" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <ScrollTable caption={t('effects.payersTable')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('effects.payer')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('effects.payerCost')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('effects.payerAvoided')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('effects.payerNet')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.byPayer.map((p) => (
            <TableRow key={p.payer}>
              <TableHeaderCell scope="row">{payerName(p.payer)}</TableHeaderCell>
              <TableCell>{euro(p.costCents, locale)}</TableCell>
              <TableCell>{euro(p.avoidedCents, locale)}</TableCell>
              <TableCell>{euro(p.netCents, locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
      <ul className="effects-explanations">
        {result.byPayer.map((p) => (
          <li key={p.payer}>{explain(`payer.${p.payer}`)}</li>
        ))}
      </ul>

      <Heading3>{t('effects.rangeHeading')}</Heading3>
      <ScrollTable caption={t('effects.rangeTable')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('effects.scenario')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('effects.net')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('effects.ratio')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(['low', 'base', 'high'] as const).map((s) => (
            <TableRow key={s}>
              <TableHeaderCell scope="row">{t(`effects.scenario.${s}`)}</TableHeaderCell>
              <TableCell>{euro(result.sensitivity[s].netCents, locale)}</TableCell>
              <TableCell>{ratioText(result.sensitivity[s].ratio, locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
      <Paragraph>{explain('sensitivity')}</Paragraph>

      <Heading3>{t('effects.costLinesHeading')}</Heading3>
      <ul className="effects-lines">
        {result.costs.map((c) => (
          <li key={c.line.id} className="effects-lines__item">
            <span className="effects-lines__head">
              <strong>{c.line.label}</strong> <span className="effects-lines__amount">{euro(c.cents, locale)}</span>
            </span>
            <span>{explain(`costs.${c.line.id}`)}</span>
            <span className="effects-lines__source">{source(c.unitPrice)}</span>
          </li>
        ))}
      </ul>
      <Heading3>{t('effects.referenceLinesHeading')}</Heading3>
      <ul className="effects-lines">
        {result.reference.map((r) => (
          <li key={r.line.id} className="effects-lines__item">
            <span className="effects-lines__head">
              <strong>{r.line.label}</strong> <span className="effects-lines__amount">{euro(r.cents, locale)}</span>
            </span>
            <span>{explain(`reference.${r.line.id}`)}</span>
            <span className="effects-lines__source">{source(r.unitPrice)}</span>
          </li>
        ))}
      </ul>

      <Heading3>{t('effects.sourcesHeading')}</Heading3>
      <ul className="effects-explanations">
        {result.sources.map((s) => (
          <li key={`${s.source}-${s.priceYear}`}>{t('effects.source', { source: s.source, year: s.priceYear })}</li>
        ))}
      </ul>
      <Paragraph>{sourceLine}</Paragraph>
    </div>
  );
}
