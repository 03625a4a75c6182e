/**
 * The outcome trend as a line chart (recharts), loaded only where a trend
 * is shown. Lines differ in dash and marker shape as well as colour, and
 * the chart is hidden from assistive technology: the table next to it
 * (OutcomesSection) gives the same figures.
 */
import { Paragraph } from '@utrecht/component-library-react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OutcomeTrend } from '../../api/household';
import { useI18n } from '../../i18n/i18n';
import { chartRows } from './household';

const LINE_STYLES = [
  { stroke: '#0f62fe', dash: undefined, marker: 'circle' },
  { stroke: '#b3541e', dash: '8 4', marker: 'square' },
  { stroke: '#198038', dash: '2 3', marker: 'triangle' },
  { stroke: '#8a3ffc', dash: '12 4 2 4', marker: 'diamond' },
  { stroke: '#9f1853', dash: '4 2', marker: 'cross' },
] as const;

type MarkerShape = (typeof LINE_STYLES)[number]['marker'];

/** A solid marker of the given shape at (cx, cy). */
function Marker({ cx, cy, shape, colour }: { cx?: number; cy?: number; shape: MarkerShape; colour: string }) {
  if (cx === undefined || cy === undefined || Number.isNaN(cx) || Number.isNaN(cy)) return null;
  const r = 6;
  switch (shape) {
    case 'square':
      return <rect x={cx - r} y={cy - r} width={2 * r} height={2 * r} fill={colour} />;
    case 'triangle':
      return <polygon points={`${cx},${cy - r - 1} ${cx + r + 1},${cy + r} ${cx - r - 1},${cy + r}`} fill={colour} />;
    case 'diamond':
      return <polygon points={`${cx},${cy - r - 2} ${cx + r + 2},${cy} ${cx},${cy + r + 2} ${cx - r - 2},${cy}`} fill={colour} />;
    case 'cross':
      return <path d={`M${cx - r},${cy - r}L${cx + r},${cy + r}M${cx + r},${cy - r}L${cx - r},${cy + r}`} stroke={colour} strokeWidth={3} />;
    default:
      return <circle cx={cx} cy={cy} r={r} fill={colour} />;
  }
}

export default function TrendChart({ trend }: { trend: OutcomeTrend }) {
  const { t, formatDate } = useI18n();
  const rows = chartRows(trend);
  const domains = trend.domains.filter((d) => d.points.length > 0);
  const scaleLabel = (score: number) => `${score} ${t(`hh.scale.${score}` as 'hh.scale.1')}`;
  return (
    <figure className="samenspel-hh-chart" aria-labelledby="hh-chart-caption">
      <figcaption id="hh-chart-caption" className="samenspel-hh-map__caption">
        {t('hh.outcomes.chartCaption')}
      </figcaption>
      <div className="samenspel-hh-chart__area" aria-hidden="true">
        <ResponsiveContainer width="100%" height={320}>
          <LineChart data={rows} margin={{ top: 10, right: 24, bottom: 10, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" tickFormatter={(d: string) => formatDate(d)} padding={{ left: 70, right: 70 }} />
            <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} width={30} allowDecimals={false} />
            <Tooltip labelFormatter={(d) => formatDate(String(d))} formatter={(value, name) => [scaleLabel(Number(value)), name]} />
            <Legend />
            {domains.map((d, i) => {
              const style = LINE_STYLES[i % LINE_STYLES.length]!;
              return (
                <Line
                  key={d.code}
                  type="linear"
                  dataKey={d.code}
                  name={d.name}
                  stroke={style.stroke}
                  strokeWidth={3}
                  strokeDasharray={style.dash}
                  legendType={style.marker === 'cross' ? 'cross' : style.marker}
                  dot={(props: { cx?: number; cy?: number; index?: number }) => (
                    <Marker key={`${d.code}-${props.index ?? 0}`} cx={props.cx} cy={props.cy} shape={style.marker} colour={style.stroke} />
                  )}
                  activeDot={false}
                  connectNulls
                  isAnimationActive={false}
                />
              );
            })}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Paragraph className="samenspel-hh-chart__note">{t('hh.outcomes.chartNote')}</Paragraph>
    </figure>
  );
}
