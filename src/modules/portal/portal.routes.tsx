import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translator } from '../../i18n/define.ts';
import { formatMonth } from '../../i18n/format.ts';
import { type Lang, langs, pickText } from '../../i18n/langs.ts';
import type { ModuleOptions } from '../../lib/deps.ts';
import { AppError } from '../../lib/errors.ts';
import { pathWithoutLang, preferredLang, sendPage } from '../../lib/http.ts';
import type { PageFrame } from '../../web/layout.tsx';
import {
  aggregateIncidents,
  checkListWindow,
  emptyFilters,
  facetIncidents,
  incidentFiltersSchema,
  incidentListQuerySchema,
  listIncidentIds,
  MAX_LIST_OFFSET,
  matchActorNames,
  pageableCount,
  prepareSearch,
} from '../search/index.ts';
import { addMonths, computeMonthlySeries } from '../stats/index.ts';
import { ActorPage, ActorsPage } from './pages/actors.tsx';
import { CasePage, CasesPage, caseKinds, caseTitle } from './pages/cases.tsx';
import { HomePage } from './pages/home.tsx';
import { IncidentPage, incidentTitle } from './pages/incident.tsx';
import { IncidentsPage, listFacets } from './pages/incidents.tsx';
import { MethodologyPage } from './pages/methodology.tsx';
import { RegionPage, RegionsPage } from './pages/regions.tsx';
import { StatisticsPage } from './pages/statistics.tsx';
import {
  atomFeed,
  loadFeedTimes,
  sitemapIncidentIds,
  sitemapIndex,
  sitemapUrls,
  staticPaths,
} from './portal.feeds.ts';
import { latestCountedMonth } from './portal.figures.ts';
import { portalMessages } from './portal.messages.ts';
import {
  listActors,
  listCases,
  loadActor,
  loadCase,
  loadIncident,
  loadIncidentSummaries,
  loadRegions,
  loadTaxonomy,
  summarizeDatabase,
} from './portal.repo.ts';
import { statisticsData } from './portal.statistics.ts';
import { makeLabels } from './portal.views.tsx';

const langParams = z.object({ lang: z.enum(langs) });
const idParams = langParams.extend({ id: z.string().min(1).max(200) });
const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(1000).default(1) });
const PAGE_SIZE = 20;
const FEED_SIZE = 50;
const REFERENCE_TTL_MS = 60_000;

export const portalRoutes: FastifyPluginAsync<ModuleOptions> = async (parent, { deps }) => {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const frameFor = (request: FastifyRequest, lang: Lang, title: string): PageFrame => ({
    lang,
    pathWithoutLang: pathWithoutLang(request.url),
    title,
    organization: deps.config.organization,
  });
  // Labels of categories, regions and articles change rarely: each instance keeps them for a
  // minute instead of reading five small tables for every page.
  const referenceData = keptFor(REFERENCE_TTL_MS, async () => {
    const [taxonomy, regions] = await Promise.all([loadTaxonomy(db), loadRegions(db)]);
    return { taxonomy, regions };
  });
  const reference = async (lang: Lang) => {
    const { taxonomy, regions } = await referenceData();
    return { taxonomy, regions, labels: makeLabels(lang, taxonomy, regions) };
  };
  // The home page's totals count every published case and every actor (two thirds of the page's
  // time at 100k incidents): a minute old is fresh enough for them too.
  const databaseSummary = keptFor(REFERENCE_TTL_MS, () => summarizeDatabase(db));
  const origin = deps.config.publicUrl;
  const notFound = () => new AppError('not_found', 'no such page');

  app.get('/', async (request, reply) =>
    reply.redirect(`/${preferredLang(request.headers['accept-language'])}/`),
  );

  app.get('/:lang(kk|ru|en)', { schema: { params: langParams } }, async (request, reply) => {
    const { lang } = request.params;
    const t = translator(portalMessages, lang);
    const latestMonth = await latestCountedMonth(db, deps.now());
    const [trend, latestIds, summary, { labels }] = await Promise.all([
      latestMonth ? computeMonthlySeries(db, addMonths(latestMonth, -23), latestMonth) : Promise.resolve([]),
      prepareSearch(db, emptyFilters()).then((search) =>
        listIncidentIds(db, search, { sort: 'newest', offset: 0, limit: 5 }),
      ),
      databaseSummary(),
      reference(lang),
    ]);
    return sendPage(
      reply,
      <HomePage
        frame={frameFor(request, lang, t('homeTitle'))}
        labels={labels}
        month={trend.at(-1) ?? null}
        trend={trend}
        latest={await loadIncidentSummaries(db, latestIds)}
        summary={summary}
      />,
    );
  });

  app.get(
    '/:lang(kk|ru|en)/incidents',
    { schema: { params: langParams, querystring: incidentListQuerySchema } },
    async (request, reply) => {
      const { lang } = request.params;
      const query = request.query;
      checkListWindow(query);
      const search = await prepareSearch(db, query);
      const dimensions = listFacets.filter(
        (dimension) => dimension !== 'month' || query.year.length > 0 || query.month.length > 0,
      );
      const [ids, facets, { taxonomy, regions, labels }] = await Promise.all([
        listIncidentIds(db, search, {
          sort: query.sort,
          offset: (query.page - 1) * query.per_page,
          limit: query.per_page,
        }),
        facetIncidents(db, search, dimensions),
        reference(lang),
      ]);
      const reachable = Math.min(pageableCount(search, facets.total), MAX_LIST_OFFSET + query.per_page);
      const pages = Math.max(1, Math.ceil(reachable / query.per_page));
      // "Page 99 of 4" is no page: a page past the last one is not found.
      if (query.page > pages) throw new AppError('not_found', `page ${query.page} of ${pages}`);
      const t = translator(portalMessages, lang);
      return sendPage(
        reply,
        <IncidentsPage
          frame={frameFor(request, lang, t('incidentsTitle'))}
          labels={labels}
          query={query}
          incidents={await loadIncidentSummaries(db, ids)}
          total={facets.total}
          pages={pages}
          facets={facets}
          taxonomy={taxonomy}
          regions={regions}
        />,
      );
    },
  );

  app.get('/:lang(kk|ru|en)/incidents/:id', { schema: { params: idParams } }, async (request, reply) => {
    const { lang, id } = request.params;
    const [incident, { labels }] = await Promise.all([loadIncident(db, id), reference(lang)]);
    if (!incident) throw notFound();
    return sendPage(
      reply,
      <IncidentPage
        frame={frameFor(request, lang, incidentTitle(incident, labels))}
        labels={labels}
        incident={incident}
      />,
    );
  });

  const casesQuery = pageQuery.extend({
    kind: z
      .enum(caseKinds)
      .or(z.literal(''))
      .optional()
      .transform((kind) => (kind === '' ? undefined : kind)),
  });
  app.get(
    '/:lang(kk|ru|en)/cases',
    { schema: { params: langParams, querystring: casesQuery } },
    async (request, reply) => {
      const { lang } = request.params;
      const { kind, page } = request.query;
      const [{ cases, total }, { labels }] = await Promise.all([
        listCases(db, { kind, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
        reference(lang),
      ]);
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      if (page > pages) throw new AppError('not_found', `page ${page} of ${pages}`);
      const t = translator(portalMessages, lang);
      return sendPage(
        reply,
        <CasesPage
          frame={frameFor(request, lang, t('casesTitle'))}
          labels={labels}
          kind={kind}
          cases={cases}
          page={page}
          pages={pages}
          total={total}
        />,
      );
    },
  );

  app.get('/:lang(kk|ru|en)/cases/:id', { schema: { params: idParams } }, async (request, reply) => {
    const { lang, id } = request.params;
    const [legalCase, { labels }] = await Promise.all([loadCase(db, id), reference(lang)]);
    if (!legalCase) throw notFound();
    return sendPage(
      reply,
      <CasePage
        frame={frameFor(request, lang, caseTitle(legalCase, labels))}
        labels={labels}
        legalCase={legalCase}
      />,
    );
  });

  const actorsQuery = pageQuery.extend({ q: z.string().trim().max(200).optional() });
  app.get(
    '/:lang(kk|ru|en)/actors',
    { schema: { params: langParams, querystring: actorsQuery } },
    async (request, reply) => {
      const { lang } = request.params;
      const { q, page } = request.query;
      const matchedIds = q ? await matchActorNames(db, q, 200) : undefined;
      const [{ actors, hasMore }, { labels }] = await Promise.all([
        listActors(db, { matchedIds, kind: [], offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
        reference(lang),
      ]);
      const t = translator(portalMessages, lang);
      return sendPage(
        reply,
        <ActorsPage
          frame={frameFor(request, lang, t('actorsTitle'))}
          labels={labels}
          q={q}
          actors={actors}
          page={page}
          hasMore={hasMore}
        />,
      );
    },
  );

  app.get('/:lang(kk|ru|en)/actors/:id', { schema: { params: idParams } }, async (request, reply) => {
    const { lang, id } = request.params;
    const [actor, { labels }] = await Promise.all([loadActor(db, id), reference(lang)]);
    if (!actor) throw notFound();
    if ('mergedInto' in actor)
      return reply.redirect(`/${lang}/actors/${encodeURIComponent(actor.mergedInto)}`, 301);
    return sendPage(
      reply,
      <ActorPage
        frame={frameFor(request, lang, pickText(actor.names, lang)?.text ?? actor.name)}
        labels={labels}
        actor={actor}
      />,
    );
  });

  app.get('/:lang(kk|ru|en)/regions', { schema: { params: langParams } }, async (request, reply) => {
    const { lang } = request.params;
    const search = await prepareSearch(db, emptyFilters());
    const [counts, { regions, labels }] = await Promise.all([
      aggregateIncidents(db, search, ['region']),
      reference(lang),
    ]);
    const t = translator(portalMessages, lang);
    return sendPage(
      reply,
      <RegionsPage
        frame={frameFor(request, lang, t('regionsTitle'))}
        labels={labels}
        regions={regions}
        counts={counts.counts.get('region') ?? new Map()}
      />,
    );
  });

  const regionParams = langParams.extend({ code: z.string().regex(/^[a-z_]+$/) });
  app.get('/:lang(kk|ru|en)/regions/:code', { schema: { params: regionParams } }, async (request, reply) => {
    const { lang, code } = request.params;
    const { regions, labels } = await reference(lang);
    const region = regions.find((candidate) => candidate.code === code);
    if (!region) throw notFound();
    const search = await prepareSearch(db, { ...emptyFilters(), region: [code] });
    const [years, ids] = await Promise.all([
      aggregateIncidents(db, search, ['year']),
      listIncidentIds(db, search, { sort: 'newest', offset: 0, limit: 10 }),
    ]);
    return sendPage(
      reply,
      <RegionPage
        frame={frameFor(request, lang, labels.region(code))}
        labels={labels}
        region={region}
        regions={regions}
        years={years.counts.get('year') ?? new Map()}
        total={years.total.value}
        latest={await loadIncidentSummaries(db, ids)}
      />,
    );
  });

  app.get(
    '/:lang(kk|ru|en)/statistics',
    { schema: { params: langParams, querystring: incidentFiltersSchema } },
    async (request, reply) => {
      const { lang } = request.params;
      const filters = request.query;
      const { taxonomy, regions, labels } = await reference(lang);
      const data = await statisticsData(db, filters, { labels, taxonomy, regions, today: deps.now() });
      const t = translator(portalMessages, lang);
      return sendPage(
        reply,
        <StatisticsPage
          frame={frameFor(request, lang, t('statisticsTitle'))}
          labels={labels}
          filters={filters}
          taxonomy={taxonomy}
          regions={regions}
          {...data}
        />,
      );
    },
  );

  app.get('/:lang(kk|ru|en)/methodology', { schema: { params: langParams } }, async (request, reply) => {
    const { lang } = request.params;
    const t = translator(portalMessages, lang);
    return sendPage(reply, <MethodologyPage frame={frameFor(request, lang, t('methodologyTitle'))} />);
  });

  app.get('/:lang(kk|ru|en)/feed.xml', { schema: { params: langParams } }, async (request, reply) => {
    const { lang } = request.params;
    const t = translator(portalMessages, lang);
    const search = await prepareSearch(db, emptyFilters());
    const ids = await listIncidentIds(db, search, { sort: 'newest', offset: 0, limit: FEED_SIZE });
    const [incidents, times, { labels }] = await Promise.all([
      loadIncidentSummaries(db, ids),
      loadFeedTimes(db, ids),
      reference(lang),
    ]);
    const base = origin;
    const updated = [...times.values()].sort().at(-1) ?? new Date(0).toISOString();
    const xml = atomFeed({
      id: `${base}/${lang}/feed.xml`,
      title: t('feedTitle', { org: deps.config.organization.name[lang] }),
      selfHref: `${base}/${lang}/feed.xml`,
      pageHref: `${base}/${lang}/incidents`,
      lang,
      author: deps.config.organization.name[lang],
      updated,
      entries: incidents.map((incident) => ({
        id: `${base}/${lang}/incidents/${encodeURIComponent(incident.id)}`,
        href: `${base}/${lang}/incidents/${encodeURIComponent(incident.id)}`,
        title: incident.restricted
          ? t('restrictedFeedTitle', {
              month: formatMonth(incident.date, lang),
              region: labels.region(incident.region),
            })
          : (pickText(incident.title, lang)?.text ?? incident.id),
        updated: times.get(incident.id) ?? updated,
        summary: incident.restricted ? null : (pickText(incident.summary, lang)?.text ?? null),
      })),
    });
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(xml);
  });

  // Crawlers may read the public side and are pointed at the sitemap; the editorial app and its API
  // are behind sign-in anyway, but need not be knocked on.
  app.get('/robots.txt', async (_request, reply) => {
    const editorial = ['kk', 'ru', 'en'].map((lang) => `Disallow: /${lang}/editorial`).join('\n');
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(`User-agent: *\n${editorial}\nDisallow: /api/v1/editorial\n\nSitemap: ${origin}/sitemap.xml\n`);
  });

  // Browsers ask for /favicon.ico whatever a page names; the icon is the SVG in static/.
  app.get('/favicon.ico', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=86400').redirect('/static/favicon.svg', 301),
  );

  app.get('/sitemap.xml', async (_request, reply) => {
    const base = origin;
    const { chunks } = await sitemapIncidentIds(db, 0);
    const xml = sitemapIndex(base, [
      '/sitemaps/pages.xml',
      ...Array.from({ length: chunks }, (_, index) => `/sitemaps/incidents-${index}.xml`),
    ]);
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(xml);
  });

  app.get('/sitemaps/pages.xml', async (_request, reply) => {
    const regions = await loadRegions(db);
    const xml = sitemapUrls(origin, [...staticPaths, ...regions.map((region) => `/regions/${region.code}`)]);
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(xml);
  });

  const chunkParams = z.object({ chunk: z.coerce.number().int().min(0).max(100_000) });
  app.get('/sitemaps/incidents-:chunk.xml', { schema: { params: chunkParams } }, async (request, reply) => {
    const { chunk } = request.params;
    const { ids, chunks } = await sitemapIncidentIds(db, chunk);
    if (chunk >= Math.max(1, chunks)) throw notFound();
    const xml = sitemapUrls(
      origin,
      ids.map((id) => `/incidents/${encodeURIComponent(id)}`),
    );
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(xml);
  });
};

/** `load`'s result, shared by every caller for `ttlMs`; a failed load is not kept. */
function keptFor<T>(ttlMs: number, load: () => Promise<T>): () => Promise<T> {
  let kept: { at: number; value: Promise<T> } | null = null;
  return () => {
    const now = Date.now();
    if (!kept || now - kept.at > ttlMs) {
      const value = load();
      kept = { at: now, value };
      value.catch(() => {
        if (kept?.value === value) kept = null;
      });
    }
    return kept.value;
  };
}
