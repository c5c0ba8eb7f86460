import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { translator } from '../../i18n/define.ts';
import { formatDate, formatMonth, formatNumber } from '../../i18n/format.ts';
import { type Lang, type LocalizedText, langs, pickText } from '../../i18n/langs.ts';
import type { ModuleOptions } from '../../lib/deps.ts';
import { pathWithoutLang, sendPage } from '../../lib/http.ts';
import { Layout } from '../../web/layout.tsx';
import { parseFigure } from './counting.ts';
import { parseMonth, scopePeriod } from './periods.ts';
import { statsMessages } from './stats.messages.ts';
import { loadLabels, loadTaxonomy } from './stats.repo.ts';
import { checkScope, listRecordsBehind } from './stats.service.ts';

const params = z.object({ lang: z.enum(langs) });
const query = z.object({
  month: z.string().default(''),
  scope: z.string().default('month'),
  figure: z.string().default(''),
});

type Labels = Awaited<ReturnType<typeof loadLabels>>;

/** The name of a figure for a heading, from the taxonomy's labels and the module's catalog. */
export function figureName(
  figure: string,
  labels: Labels,
  lang: Lang,
  taxonomy: Parameters<typeof parseFigure>[1],
): string {
  const t = translator(statsMessages, lang);
  const label = (map: Record<string, LocalizedText>, code: string) => pickText(map[code], lang)?.text ?? code;
  const ref = parseFigure(figure, taxonomy);
  if (!ref) return figure;
  const kindName = {
    criminal: t('kindCriminal'),
    civil: t('kindCivil'),
    administrative: t('kindAdministrative'),
  };
  switch (ref.kind) {
    case 'group':
      return ref.group === 'total' ? t('figureTotal') : label(labels.groups, ref.group);
    case 'category':
    case 'legal_subject':
      return label(labels.categories, ref.code);
    case 'legal_kind':
      return ref.inCourt
        ? t('figureInCourt', { kind: kindName[ref.caseKind] })
        : label(labels.categories, ref.caseKind);
    case 'judicial_acts':
      return {
        total: t('figureJudicialActs'),
        first: t('figureFirst'),
        appeal: t('figureAppeal'),
        cassation: t('figureCassation'),
        for_media: t('figureForMedia'),
      }[ref.column];
    case 'money':
      return ref.column === 'claims_non_pecuniary' ? t('figureClaims') : t('figureCollected');
  }
}

/** The public page behind every figure: /:lang/statistics/records?month=YYYY-MM&scope=ytd&figure=groups.rights */
export const statsRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  app.get(
    '/:lang(kk|ru|en)/statistics/records',
    { schema: { params, querystring: query } },
    async (request, reply) => {
      const { lang } = request.params as z.infer<typeof params>;
      const input = request.query as z.infer<typeof query>;
      const month = parseMonth(input.month);
      const scope = checkScope(input.scope);
      const [records, labels, taxonomy] = await Promise.all([
        listRecordsBehind(deps.db, month, scope, input.figure),
        loadLabels(deps.db),
        loadTaxonomy(deps.db),
      ]);
      const t = translator(statsMessages, lang);
      const period = scopePeriod(month, scope);
      const name = figureName(input.figure, labels, lang, taxonomy);
      const when =
        scope === 'month'
          ? formatMonth(month, lang)
          : scope === 'ytd'
            ? t('scopeYtd', { month: formatMonth(month, lang) })
            : t('scopeLastYear', {
                from: formatMonth(period.fromMonth, lang),
                to: formatMonth(period.toMonth, lang),
              });
      const region = (code: string | null) =>
        code ? (pickText(labels.regions[code], lang)?.text ?? code) : '—';
      const category = (code: string) => pickText(labels.categories[code], lang)?.text ?? code;
      const frame = {
        lang,
        pathWithoutLang: pathWithoutLang(request.url),
        title: `${name} · ${when}`,
        organization: deps.config.organization,
      };
      const total = records.incidents.length + records.cases.length;
      return sendPage(
        reply,
        <Layout frame={frame}>
          <p class="eyebrow">{t('recordsTitle')}</p>
          <h1>{name}</h1>
          <p>
            {when} · {t('count', { count: formatNumber(total, lang) })}
          </p>
          {input.figure === 'groups.total' ? <p>{t('totalNote')}</p> : null}
          {total === 0 ? <p>{t('none')}</p> : null}
          {records.incidents.length > 0 ? (
            <section aria-labelledby="records-incidents">
              <h2 id="records-incidents">{t('incidents')}</h2>
              <table class="records">
                <thead>
                  <tr>
                    <th scope="col">{t('date')}</th>
                    <th scope="col">{t('title')}</th>
                    <th scope="col">{t('region')}</th>
                    <th scope="col">{t('categories')}</th>
                  </tr>
                </thead>
                <tbody>
                  {records.incidents.map((record, index) =>
                    record.visibility === 'public' ? (
                      <tr key={record.id}>
                        <td>
                          {record.datePrecision === 'day'
                            ? formatDate(record.date, lang)
                            : formatMonth(record.date, lang)}
                        </td>
                        <td>
                          <a
                            href={`/${lang}/incidents/${encodeURIComponent(record.id)}`}
                            lang={pickText(record.title, lang)?.lang}
                          >
                            {pickText(record.title, lang)?.text ?? record.id}
                          </a>
                        </td>
                        <td>{region(record.regionCode)}</td>
                        <td>{record.categories.map(category).join(', ')}</td>
                      </tr>
                    ) : (
                      // Restricted reports have no id to show; their position is their key.
                      <tr key={`restricted-${index}`}>
                        <td>{formatMonth(record.month, lang)}</td>
                        <td>{t('restricted')}</td>
                        <td>{region(record.regionCode)}</td>
                        <td>{record.categories.map(category).join(', ')}</td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </section>
          ) : null}
          {records.cases.length > 0 ? (
            <section aria-labelledby="records-cases">
              <h2 id="records-cases">{t('cases')}</h2>
              <table class="records">
                <thead>
                  <tr>
                    <th scope="col">{t('began')}</th>
                    <th scope="col">{t('title')}</th>
                    <th scope="col">{t('kind')}</th>
                    <th scope="col">{t('region')}</th>
                  </tr>
                </thead>
                <tbody>
                  {records.cases.map((record) => (
                    <tr key={record.id}>
                      <td>{record.firstDate ? formatDate(record.firstDate, lang) : '—'}</td>
                      <td>
                        <a
                          href={`/${lang}/cases/${encodeURIComponent(record.id)}`}
                          lang={pickText(record.title, lang)?.lang}
                        >
                          {pickText(record.title, lang)?.text ?? record.id}
                        </a>
                      </td>
                      <td>{category(record.kind)}</td>
                      <td>{region(record.regionCode)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          <p>
            <a href={`/${lang}/methodology`}>{t('methodology')}</a>
          </p>
        </Layout>,
      );
    },
  );
};
