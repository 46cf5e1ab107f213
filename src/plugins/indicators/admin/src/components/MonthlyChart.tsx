import * as React from 'react';
import { useTheme, type DefaultTheme } from 'styled-components';
import { Box, Flex, Typography } from '@strapi/design-system';
import { COUNTED, formatCount, formatMonthLong, formatMonthShort, niceScale, type Report } from '../api';

const STYLE = {
  contacts: { unit: ['contact traité', 'contacts traités'], color: 'primary600' },
  installations: { unit: ['installation', 'installations'], color: 'success600' },
} as const;
const SERIES = COUNTED.map((s) => ({ ...s, ...STYLE[s.key] }));

const HEIGHT = 280;
const MARGIN = { top: 22, right: 12, bottom: 48, left: 52 };

/** Width of an element, followed as it resizes (the chart is drawn in real pixels, so text stays readable). */
const useWidth = <T extends HTMLElement>(fallback: number) => {
  const ref = React.useRef<T>(null);
  const [width, setWidth] = React.useState(fallback);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(240, Math.floor(el.getBoundingClientRect().width)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
};

type Props = { monthly: Report['monthly']; 'data-testid'?: string };

/** Contacts and installations per month: grouped bars, hand-drawn in SVG (no chart library). */
export const MonthlyChart = ({ monthly, 'data-testid': testId }: Props) => {
  const theme = useTheme();
  const colors: Partial<Record<keyof DefaultTheme['colors'], string>> = theme?.colors ?? {};
  const [ref, width] = useWidth<HTMLDivElement>(720);
  const titleId = React.useId();
  const descId = React.useId();

  const max = Math.max(0, ...monthly.flatMap((m) => [m.contacts, m.installations]));
  const { top, step } = niceScale(max);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotW / Math.max(1, monthly.length);
  const barW = Math.max(3, Math.min(26, band * 0.36));
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const years = [...new Set(monthly.map((m) => m.month.slice(0, 4)))];
  const totals = SERIES.map((s) => monthly.reduce((acc, m) => acc + m[s.key], 0));
  const label = (month: string) => {
    const short = formatMonthShort(month);
    const text = band >= 40 ? short : short.charAt(0).toUpperCase();
    // a period over several years: January carries its year
    return years.length > 1 && month.endsWith('-01') && band >= 40 ? `${text} ${month.slice(2, 4)}` : text;
  };
  const color = (token: keyof DefaultTheme['colors']) => colors[token] ?? '#4945ff';

  return (
    <Box data-testid={testId}>
      <Flex gap={5} wrap="wrap" paddingBottom={2} tag="ul" aria-label="Légende">
        {SERIES.map((s, i) => (
          <Flex key={s.key} tag="li" gap={2} alignItems="center" data-testid={`chart-legend-${s.key}`}>
            <span aria-hidden style={{ width: 14, height: 14, borderRadius: 3, background: color(s.color), display: 'inline-block' }} />
            <Typography variant="omega" textColor="neutral800">
              {s.label} <Typography textColor="neutral600">({formatCount(totals[i]!)} sur la période)</Typography>
            </Typography>
          </Flex>
        ))}
      </Flex>
      <div ref={ref} style={{ width: '100%' }}>
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          width="100%"
          viewBox={`0 0 ${width} ${HEIGHT}`}
          style={{ display: 'block', maxWidth: '100%', height: 'auto', fontFamily: 'inherit' }}
        >
          <title id={titleId}>Contacts traités et installations par mois</title>
          <desc id={descId}>
            {monthly
              .map((m) => `${formatMonthLong(m.month)} : ${formatCount(m.contacts)} contacts, ${formatCount(m.installations)} installations`)
              .join(' ; ')}
          </desc>
          {ticks.map((t) => (
            <g key={t}>
              <line
                x1={MARGIN.left}
                x2={width - MARGIN.right}
                y1={y(t)}
                y2={y(t)}
                stroke={t === 0 ? colors.neutral500 ?? '#8e8ea9' : colors.neutral200 ?? '#dcdce4'}
                strokeDasharray={t === 0 ? undefined : '3 3'}
              />
              <text x={MARGIN.left - 8} y={y(t)} dy="0.32em" textAnchor="end" fontSize={12} fill={colors.neutral600 ?? '#666687'}>
                {formatCount(t)}
              </text>
            </g>
          ))}
          <text
            transform={`translate(14 ${MARGIN.top + plotH / 2}) rotate(-90)`}
            textAnchor="middle"
            fontSize={12}
            fill={colors.neutral600 ?? '#666687'}
          >
            Nombre par mois
          </text>
          {monthly.map((m, i) => {
            const x0 = MARGIN.left + i * band + band / 2;
            return (
              <g key={m.month} data-month={m.month}>
                {SERIES.map((s, j) => {
                  const v = m[s.key];
                  const x = x0 + (j === 0 ? -barW - 1 : 1);
                  const h = Math.max(0, y(0) - y(v));
                  return (
                    <g key={s.key}>
                      <rect
                        x={x}
                        y={y(v)}
                        width={barW}
                        height={h}
                        rx={2}
                        fill={color(s.color)}
                        data-testid={`chart-bar-${m.month}-${s.key}`}
                        data-value={v}
                      >
                        <title>{`${formatMonthLong(m.month)} : ${formatCount(v)} ${v >= 2 ? s.unit[1] : s.unit[0]}`}</title>
                      </rect>
                      {v > 0 && band >= 28 ? (
                        <text x={x + barW / 2} y={y(v) - 5} textAnchor="middle" fontSize={11} fill={colors.neutral800 ?? '#32324d'}>
                          {formatCount(v)}
                        </text>
                      ) : null}
                    </g>
                  );
                })}
                <text x={x0} y={y(0) + 18} textAnchor="middle" fontSize={12} fill={colors.neutral700 ?? '#4a4a6a'}>
                  {label(m.month)}
                </text>
              </g>
            );
          })}
          <text x={MARGIN.left + plotW / 2} y={HEIGHT - 6} textAnchor="middle" fontSize={12} fill={colors.neutral600 ?? '#666687'}>
            {years.length === 1 ? `Mois (${years[0]})` : `Mois (${years[0]}–${years[years.length - 1]})`}
          </text>
          {max === 0 ? (
            <text x={MARGIN.left + plotW / 2} y={MARGIN.top + plotH / 2} textAnchor="middle" fontSize={14} fill={colors.neutral600 ?? '#666687'}>
              Aucun contact ni installation sur la période
            </text>
          ) : null}
        </svg>
      </div>
    </Box>
  );
};
