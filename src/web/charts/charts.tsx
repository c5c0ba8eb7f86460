import { translator } from '../../i18n/define.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/langs.ts';
import { chartMessages } from './charts.messages.ts';
import { niceScale } from './scale.ts';

/*
 * SVG charts built on the server: no script, no inline style (the CSP forbids both), colours from
 * classes in style.css. Every chart is a figure whose SVG carries a text label, followed by its
 * figures as a real table for screen readers and for copying.
 */

export type Series = { key: string; label: string; values: number[] };

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 44 };

function DataTable({
  lang,
  caption,
  columnHeader,
  labels,
  series,
  withTotal,
}: {
  lang: Lang;
  caption: string;
  columnHeader: string;
  labels: string[];
  series: Series[];
  withTotal: boolean;
}) {
  const t = translator(chartMessages, lang);
  return (
    <details class="chart-data">
      <summary>{t('dataTable')}</summary>
      <div class="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{columnHeader}</th>
              {series.map((item) => (
                <th scope="col" key={item.key}>
                  {item.label}
                </th>
              ))}
              {withTotal ? <th scope="col">{t('total')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, index) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((item) => (
                  <td key={item.key} class="number">
                    {formatNumber(item.values[index] ?? 0, lang)}
                  </td>
                ))}
                {withTotal ? (
                  <td class="number">
                    {formatNumber(
                      series.reduce((sum, item) => sum + (item.values[index] ?? 0), 0),
                      lang,
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Legend({ series }: { series: Series[] }) {
  return (
    <ul class="chart-legend" aria-hidden="true">
      {series.map((item, index) => (
        <li key={item.key}>
          <svg class="swatch" viewBox="0 0 10 10" width="12" height="12" aria-hidden="true">
            <rect width="10" height="10" class={`series-${index}`} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * Columns over a sequence (months, years): stacked when the series add up to a whole (groups of a
 * month), side by side when they compare (this year and last year).
 */
export function ColumnChart({
  lang,
  title,
  labels,
  axisLabels,
  series,
  layout,
  columnHeader,
}: {
  lang: Lang;
  title: string;
  /** Full labels of the columns, for the table and the tooltips. */
  labels: string[];
  /** Short labels under the axis; an empty string leaves a column unlabelled. */
  axisLabels: string[];
  series: Series[];
  layout: 'stacked' | 'grouped';
  columnHeader: string;
}) {
  const t = translator(chartMessages, lang);
  const totals = labels.map((_, index) => series.reduce((sum, item) => sum + (item.values[index] ?? 0), 0));
  const peak =
    layout === 'stacked' ? Math.max(0, ...totals) : Math.max(0, ...series.flatMap((item) => item.values));
  const { max, ticks } = niceScale(peak);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, labels.length);
  const barWidth = Math.max(1, slot * 0.72);
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const description = labels
    .map((label, index) => `${label}: ${formatNumber(totals[index] ?? 0, lang)}`)
    .join('; ');
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {peak === 0 ? <p>{t('noData')}</p> : null}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        class="chart-svg"
        role="img"
        aria-label={`${title}. ${description}`}
      >
        {ticks.map((tick) => (
          <g key={tick} class="tick">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 6} y={y(tick) + 4} text-anchor="end">
              {formatNumber(tick, lang)}
            </text>
          </g>
        ))}
        {labels.map((label, index) => {
          const x = MARGIN.left + index * slot + (slot - barWidth) / 2;
          let base = 0;
          return (
            <g key={label}>
              {series.map((item, seriesIndex) => {
                const value = item.values[index] ?? 0;
                if (value <= 0) return null;
                if (layout === 'stacked') {
                  const top = y(base + value);
                  const height = y(base) - top;
                  base += value;
                  return (
                    <rect
                      key={item.key}
                      class={`series-${seriesIndex}`}
                      x={x}
                      y={top}
                      width={barWidth}
                      height={height}
                    >
                      <title>{`${label}, ${item.label}: ${formatNumber(value, lang)}`}</title>
                    </rect>
                  );
                }
                const width = barWidth / series.length;
                return (
                  <rect
                    key={item.key}
                    class={`series-${seriesIndex}`}
                    x={x + seriesIndex * width}
                    y={y(value)}
                    width={width}
                    height={y(0) - y(value)}
                  >
                    <title>{`${label}, ${item.label}: ${formatNumber(value, lang)}`}</title>
                  </rect>
                );
              })}
              {axisLabels[index] ? (
                <text x={x + barWidth / 2} y={HEIGHT - 8} text-anchor="middle" class="axis-label">
                  {axisLabels[index]}
                </text>
              ) : null}
            </g>
          );
        })}
        <line class="axis" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} />
      </svg>
      {series.length > 1 ? <Legend series={series} /> : null}
      <DataTable
        lang={lang}
        caption={title}
        columnHeader={columnHeader}
        labels={labels}
        series={series}
        withTotal={layout === 'stacked' && series.length > 1}
      />
    </figure>
  );
}

export type BarItem = { key: string; label: string; value: number; href?: string };

/**
 * Horizontal bars for categories or regions: a table (its names are long and must wrap on a phone)
 * with a small SVG bar in each row.
 */
export function BarTable({
  lang,
  title,
  nameHeader,
  valueHeader,
  items,
  approximate = false,
}: {
  lang: Lang;
  title: string;
  nameHeader: string;
  valueHeader: string;
  items: BarItem[];
  approximate?: boolean;
}) {
  const t = translator(chartMessages, lang);
  const peak = Math.max(0, ...items.map((item) => item.value));
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {peak === 0 ? <p>{t('noData')}</p> : null}
      <div class="table-wrap">
        <table class="bar-table">
          <thead>
            <tr>
              <th scope="col">{nameHeader}</th>
              <th scope="col" class="number">
                {valueHeader}
              </th>
              <th scope="col" class="bar-cell">
                <span class="visually-hidden">{valueHeader}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.key}>
                <th scope="row">{item.href ? <a href={item.href}>{item.label}</a> : item.label}</th>
                <td class="number">
                  {approximate && item.value > 0 ? '≈ ' : ''}
                  {formatNumber(item.value, lang)}
                </td>
                <td class="bar-cell">
                  <svg viewBox="0 0 100 10" preserveAspectRatio="none" class="bar" aria-hidden="true">
                    <rect
                      class="series-0"
                      width={peak > 0 ? Math.max(item.value > 0 ? 0.5 : 0, (item.value / peak) * 100) : 0}
                      height="10"
                    />
                  </svg>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
