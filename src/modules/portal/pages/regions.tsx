import { translator } from '../../../i18n/define.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { BarTable } from '../../../web/charts/charts.tsx';
import { type MapTile, TileMap } from '../../../web/charts/tile-map.tsx';
import { Layout, type PageFrame } from '../../../web/layout.tsx';
import { emptyFilters, filtersQueryString } from '../../search/index.ts';
import { portalMessages } from '../portal.messages.ts';
import type { IncidentSummary, Region } from '../portal.schemas.ts';
import { IncidentList, type Labels } from '../portal.views.tsx';

export function regionListHref(lang: string, code: string, extra: { year?: number[] } = {}): string {
  return `/${lang}/incidents${filtersQueryString({ ...emptyFilters(), region: [code], year: extra.year ?? [] })}`;
}

export function regionTiles(regions: Region[], counts: Map<string, number>, labels: Labels): MapTile[] {
  return regions.flatMap((region) =>
    region.tile
      ? [
          {
            code: region.code,
            label: labels.region(region.code),
            col: region.tile.col,
            row: region.tile.row,
            value: counts.get(region.code) ?? 0,
            href: `/${labels.lang}/regions/${region.code}`,
          },
        ]
      : [],
  );
}

/** Historic regions are not on today's map: say where their records are and what replaced them. */
export function HistoricRegions({
  regions,
  counts,
  labels,
  hrefFor,
}: {
  regions: Region[];
  counts: Map<string, number>;
  labels: Labels;
  hrefFor: (code: string) => string;
}) {
  const t = translator(portalMessages, labels.lang);
  const historic = regions.filter((region) => !region.tile && region.valid_to);
  if (historic.length === 0) return null;
  return (
    <ul class="historic-regions">
      {historic.map((region) => (
        <li key={region.code}>
          <a href={hrefFor(region.code)}>{labels.region(region.code)}</a>
          {': '}
          {t('historicRegion', {
            name: labels.region(region.code),
            date: formatDate(region.valid_to ?? '', labels.lang),
            n: formatNumber(counts.get(region.code) ?? 0, labels.lang),
            successors: region.successors.map((code) => labels.region(code)).join(', '),
          })}
        </li>
      ))}
    </ul>
  );
}

export function RegionsPage({
  frame,
  labels,
  regions,
  counts,
}: {
  frame: PageFrame;
  labels: Labels;
  regions: Region[];
  counts: Map<string, number>;
}) {
  const { lang } = frame;
  const t = translator(portalMessages, lang);
  const items = regions
    .filter((region) => region.tile)
    .map((region) => ({
      key: region.code,
      label: labels.region(region.code),
      value: counts.get(region.code) ?? 0,
      href: `/${lang}/regions/${region.code}`,
    }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  return (
    <Layout frame={frame}>
      <h1>{t('regionsTitle')}</h1>
      <p>{t('regionsIntro')}</p>
      <TileMap lang={lang} title={t('mapTitle')} tiles={regionTiles(regions, counts, labels)} />
      <HistoricRegions
        regions={regions}
        counts={counts}
        labels={labels}
        hrefFor={(code) => `/${lang}/regions/${code}`}
      />
      <BarTable
        lang={lang}
        title={t('mapTitle')}
        nameHeader={t('regionColumn')}
        valueHeader={t('incidentsColumn')}
        items={items}
      />
    </Layout>
  );
}

export function RegionPage({
  frame,
  labels,
  region,
  regions,
  years,
  total,
  latest,
}: {
  frame: PageFrame;
  labels: Labels;
  region: Region;
  regions: Region[];
  years: Map<string, number>;
  total: number;
  latest: IncidentSummary[];
}) {
  const { lang } = frame;
  const t = translator(portalMessages, lang);
  const predecessors = regions.filter((other) => other.successors.includes(region.code));
  const yearItems = [...years.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([year, value]) => ({
      key: year,
      label: year,
      value,
      href: regionListHref(lang, region.code, { year: [Number(year)] }),
    }));
  return (
    <Layout frame={frame}>
      <h1>{labels.region(region.code)}</h1>
      {region.valid_from ? <p>{t('regionCreated', { date: formatDate(region.valid_from, lang) })}</p> : null}
      {predecessors.map((predecessor) => (
        <p key={predecessor.code}>
          {t('regionHistoricPart', {
            date: formatDate(region.valid_from ?? predecessor.valid_to ?? '', lang),
            name: labels.region(predecessor.code),
          })}{' '}
          <a href={`/${lang}/regions/${predecessor.code}`}>{labels.region(predecessor.code)}</a>
        </p>
      ))}
      {region.valid_to ? (
        <HistoricRegions
          regions={[region]}
          counts={new Map([[region.code, total]])}
          labels={labels}
          hrefFor={(code) => regionListHref(lang, code)}
        />
      ) : null}
      {region.former_names.length > 0 ? (
        <>
          <h2>{t('regionFormerNames')}</h2>
          <ul>
            {region.former_names.map((name) => (
              <li key={name.valid_from}>
                {name.labels[lang] ?? ''} ({formatDate(name.valid_from, lang)} –{' '}
                {formatDate(name.valid_to, lang)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={regionListHref(lang, region.code)}>{t('regionIncidentsLink')}</a> (
        {formatNumber(total, lang)})
      </p>
      <BarTable
        lang={lang}
        title={t('regionFigures')}
        nameHeader={t('yearColumn')}
        valueHeader={t('incidentsColumn')}
        items={yearItems}
      />
      {latest.length > 0 ? (
        <section aria-labelledby="region-latest">
          <h2 id="region-latest">{t('latestIncidents')}</h2>
          <IncidentList incidents={latest} labels={labels} />
        </section>
      ) : null}
    </Layout>
  );
}
