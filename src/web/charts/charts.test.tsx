import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { BarTable, ColumnChart } from './charts.tsx';
import { niceScale, shadeOf } from './scale.ts';
import { TileMap } from './tile-map.tsx';

describe('scales', () => {
  it('rounds an axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceScale(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(93)).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('shades a map in fifths of the largest value, nothing recorded apart', () => {
    expect([0, 1, 20, 21, 100].map((value) => shadeOf(value, 100))).toEqual([0, 1, 1, 2, 5]);
  });
});

describe('charts', () => {
  it('stacks the groups of a month and gives the figures as a table', () => {
    const html = renderToString(
      <ColumnChart
        lang="ru"
        title="Сообщения по месяцам"
        labels={['май 2024', 'июнь 2024']}
        axisLabels={['05', '06']}
        series={[
          { key: 'rights', label: 'Права', values: [3, 1] },
          { key: 'legal', label: 'Дела', values: [2, 0] },
        ]}
        layout="stacked"
        columnHeader="Месяц"
      />,
    );
    expect(html).toContain('role="img" aria-label="Сообщения по месяцам. май 2024: 5; июнь 2024: 1"');
    expect(html).toContain('<title>май 2024, Права: 3</title>');
    expect(html).toContain(
      '<th scope="row">май 2024</th><td class="number">3</td><td class="number">2</td><td class="number">5</td>',
    );
    expect(html).not.toContain('style=');
  });

  it('draws bars as a table whose bar length follows the value', () => {
    const html = renderToString(
      <BarTable
        lang="en"
        title="By category"
        nameHeader="Category"
        valueHeader="Incidents"
        items={[
          { key: 'attack', label: 'Attack', value: 40, href: '/en/incidents?category=attack' },
          { key: 'threat', label: 'Threat', value: 10 },
        ]}
        approximate
      />,
    );
    expect(html).toContain('<a href="/en/incidents?category=attack">Attack</a>');
    expect(html).toContain('≈ 40');
    expect(html).toMatch(/<rect class="series-0" width="25" height="10"/);
  });

  it('places tiles by column and row and names each link with its figure', () => {
    const html = renderToString(
      <TileMap
        lang="kk"
        title="Өңірлер"
        tiles={[{ code: 'astana', label: 'Астана', col: 4, row: 2, value: 12, href: '/kk/regions/astana' }]}
      />,
    );
    expect(html).toContain('<a href="/kk/regions/astana" aria-label="Астана: 12" class="shade-5">');
    expect(html).toContain('<rect x="400" y="136" width="96" height="64" rx="4" class="tile"');
  });
});
