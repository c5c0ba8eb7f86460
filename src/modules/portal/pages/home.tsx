import { countedIncidentGroups } from '../../../domain/vocabularies.ts';
import { translator } from '../../../i18n/define.ts';
import { formatMonth, formatNumber } from '../../../i18n/format.ts';
import { ColumnChart } from '../../../web/charts/charts.tsx';
import { Layout, type PageFrame } from '../../../web/layout.tsx';
import type { MonthlySeriesPoint as MonthFigures } from '../../stats/index.ts';
import { portalMessages } from '../portal.messages.ts';
import type { DatabaseSummary } from '../portal.repo.ts';
import type { IncidentSummary } from '../portal.schemas.ts';
import { IncidentList, type Labels } from '../portal.views.tsx';
import { monthAxisLabels } from './statistics.tsx';

export function groupSeries(figures: MonthFigures[], lang: Labels['lang'], withLegal: boolean) {
  const t = translator(portalMessages, lang);
  return [
    { key: 'rights', label: t('groupRights'), values: figures.map((month) => month.rights) },
    { key: 'information', label: t('groupInformation'), values: figures.map((month) => month.information) },
    ...(withLegal
      ? [{ key: 'legal', label: t('groupLegal'), values: figures.map((month) => month.legal) }]
      : []),
  ];
}

export function HomePage({
  frame,
  labels,
  month,
  trend,
  latest,
  summary,
}: {
  frame: PageFrame;
  labels: Labels;
  month: MonthFigures | null;
  trend: MonthFigures[];
  latest: IncidentSummary[];
  summary: DatabaseSummary;
}) {
  const { lang } = frame;
  const t = translator(portalMessages, lang);
  const monthList = (groups: readonly string[]) =>
    `/${lang}/incidents?month=${month?.month ?? ''}${groups.map((group) => `&group=${group}`).join('')}`;
  const databaseFigures: Array<[number, string]> = [
    [summary.incidentsPublished, t('incidentsPublished')],
    [summary.casesPublished, t('casesPublished')],
    [summary.actors, t('actorsKnown')],
    [summary.categories, t('categoriesKnown')],
    [summary.regions, t('regionsKnown')],
  ];
  return (
    <Layout frame={frame}>
      <h1>{frame.title}</h1>
      <p>{t('homeIntro')}</p>
      {month ? (
        <section aria-labelledby="month-figures">
          <h2 id="month-figures">{t('figuresFor', { month: formatMonth(month.month, lang) })}</h2>
          <ul class="figures">
            <li>
              <a href={monthList(countedIncidentGroups)} class="figure-link">
                <span class="value">{formatNumber(month.total, lang)}</span> {t('total')}
              </a>
            </li>
            {(
              [
                ['rights', month.rights, t('groupRights')],
                ['information', month.information, t('groupInformation')],
              ] as const
            ).map(([group, value, label]) => (
              <li key={group}>
                <a href={monthList([group])} class="figure-link">
                  <span class="value">{formatNumber(value, lang)}</span> {label}
                </a>
              </li>
            ))}
            <li>
              <a href={`/${lang}/cases`} class="figure-link">
                <span class="value">{formatNumber(month.legal, lang)}</span> {t('groupLegal')}
              </a>
            </li>
          </ul>
        </section>
      ) : null}
      {latest.length > 0 ? (
        <section aria-labelledby="latest">
          <h2 id="latest">{t('latestIncidents')}</h2>
          <IncidentList incidents={latest} labels={labels} />
          <p>
            <a href={`/${lang}/incidents`}>{t('allIncidents')}</a>
          </p>
        </section>
      ) : null}
      {trend.length > 0 ? (
        <section aria-labelledby="trend">
          <h2 id="trend">{t('trendTitle')}</h2>
          <ColumnChart
            lang={lang}
            title={t('trendTitle')}
            labels={trend.map((figures) => formatMonth(figures.month, lang))}
            axisLabels={monthAxisLabels(trend.map((figures) => figures.month))}
            series={groupSeries(trend, lang, true)}
            layout="stacked"
            columnHeader={t('monthColumn')}
          />
        </section>
      ) : null}
      <section aria-labelledby="database-holds">
        <h2 id="database-holds">{t('databaseHolds')}</h2>
        <ul class="figures">
          {databaseFigures.map(([value, label]) => (
            <li key={label}>
              <span class="value">{formatNumber(value, lang)}</span> {label}
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
