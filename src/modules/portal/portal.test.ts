import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertPublicRecords, secrets } from '../../../test/public-records.ts';
import { loadConfig } from '../../config.ts';
import { langs } from '../../i18n/langs.ts';
import { buildServer } from '../../server.tsx';

let database: TestDatabase;
let app: FastifyInstance;
let ids: Awaited<ReturnType<typeof insertPublicRecords>>;

beforeAll(async () => {
  database = await createTestDatabase();
  ids = await insertPublicRecords(database.db);
  app = await buildServer(
    {
      config: loadConfig({ PUBLIC_URL: 'https://sozwatch.example' }),
      db: database.db,
      engine: database.engine,
      now: () => new Date('2024-07-15T10:00:00Z'),
    },
    { logger: false },
  );
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function page(url: string) {
  const response = await app.inject({ url, headers: { accept: 'text/html' } });
  return { status: response.statusCode, body: response.body, headers: response.headers };
}

const publicPaths = (lang: string) => [
  `/${lang}/`,
  `/${lang}/incidents`,
  `/${lang}/incidents?q=journalist`,
  `/${lang}/incidents?category=threat`,
  `/${lang}/incidents?year=2024&region=abai`,
  `/${lang}/incidents/inc-main`,
  `/${lang}/incidents/${ids.restrictedPublicId}`,
  `/${lang}/cases`,
  `/${lang}/cases/case-honor`,
  `/${lang}/actors`,
  `/${lang}/actors?q=Kaidarova`,
  `/${lang}/actors/actor-kaidarova`,
  `/${lang}/actors/actor-outlet`,
  `/${lang}/regions`,
  `/${lang}/regions/abai`,
  `/${lang}/regions/turkistan`,
  `/${lang}/statistics`,
  `/${lang}/statistics?year=2024&category=threat`,
  `/${lang}/methodology`,
  `/${lang}/feed.xml`,
];

describe('privacy of the public pages', () => {
  it.each(langs)('no page in %s shows a confidential field, a restricted detail or a draft', async (lang) => {
    for (const path of [
      ...publicPaths(lang),
      '/sitemap.xml',
      '/sitemaps/pages.xml',
      '/sitemaps/incidents-0.xml',
    ]) {
      const { status, body } = await page(path);
      expect(status, path).toBe(200);
      for (const secret of secrets) expect(body, `${path} shows ${secret}`).not.toContain(secret);
    }
  });

  it('answers 404 for drafts, for actors who appear only anonymously or in restricted records', async () => {
    expect((await page('/en/incidents/inc-draft')).status).toBe(404);
    expect((await page('/en/cases/case-draft')).status).toBe(404);
    expect((await page(`/en/actors/${ids.anonymous}`)).status).toBe(404);
    expect((await page(`/en/actors/${ids.restrictedOnly}`)).status).toBe(404);
    expect((await page('/en/incidents/nowhere')).body).toContain('Page not found');
  });

  it('shows a restricted incident by its month, region and categories only', async () => {
    const { body } = await page(`/en/incidents/${ids.restrictedPublicId}`);
    expect(body).toContain('Record with restricted details');
    expect(body).toContain('May 2024');
    expect(body).toContain('Abai region');
    expect(body).toContain('Threat');
    expect(body).not.toContain('20 May');
  });
});

describe('the incidents list', () => {
  it('lists published incidents with facets and the total, in three languages', async () => {
    const en = await page('/en/incidents');
    expect(en.body).toContain('4 incidents');
    expect(en.body).toContain('Journalist detained outside the court');
    expect(en.body).toMatch(/name="region" value="astana"/);
    expect(en.body).toMatch(/Astana <span class="count">\(1\)<\/span>/);
    const ru = await page('/ru/incidents');
    expect(ru.body).toContain('4 сообщения');
    expect(ru.body).toContain('Журналистку задержали у здания суда');
    const kk = await page('/kk/incidents');
    expect(kk.body).toContain('4 хабар');
    expect(kk.body).toContain('Тілшіні сот ғимаратының жанында ұстады');
  });

  it('searches, filters and keeps the filter in the page, the pagination and the download links', async () => {
    const { body } = await page('/en/incidents?q=detained&region=almaty_city&per_page=1');
    expect(body).toContain('1 incident');
    expect(body).toContain('href="/en/incidents/inc-main"');
    expect(body).not.toContain('href="/en/incidents/inc-attack"');
    expect(body).toMatch(/id="f-region-almaty_city" name="region" value="almaty_city" checked/);
    expect(body).toContain('href="/api/v1/incidents.csv?q=detained&amp;region=almaty_city&amp;lang=en"');
  });

  it('shows a text in another language, marked with its language, when the page language has none', async () => {
    const { body } = await page('/kk/incidents?region=south_kazakhstan');
    expect(body).toContain('<span lang="ru">Заблокирован сайт газеты</span>');
  });

  it('refuses a malformed filter with one clear error', async () => {
    const response = await app.inject({
      url: '/en/incidents?year=twenty',
      headers: { accept: 'application/json' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'validation_failed', field: 'year.0' });
  });
});

describe('record pages', () => {
  it('shows an incident with its named actors, public sources, articles, case and links', async () => {
    const { body } = await page('/en/incidents/inc-main');
    expect(body).toContain('<h1>Journalist detained outside the court</h1>');
    expect(body).toContain('href="/en/actors/actor-kaidarova"');
    expect(body).toContain('Demo city police');
    expect(body).toContain('https://news.example/report');
    expect(body).toContain('Administrative Code 667');
    expect(body).toContain('href="/en/cases/case-honor"');
    expect(body).toContain('href="/en/incidents/inc-attack"');
    expect(body).not.toContain('href="/en/incidents/inc-restricted');
    expect(body).not.toContain(`href="/en/incidents/${ids.restrictedPublicId}"`);
  });

  it('shows a case with its timeline and money', async () => {
    const { body } = await page('/ru/cases/case-honor');
    expect(body).toContain('Иск о защите чести к Demo Weekly');
    expect(body).toContain('Учтено как новое дело: февраль 2024');
    expect(body).toMatch(/10\s000\s000 ₸/);
    expect(body).toContain('апелляционная инстанция');
    expect(body).toContain('В пользу СМИ');
    expect(body).toContain('href="/ru/incidents/inc-main"');
  });

  it('shows everything public about an actor, and sends a merged actor to the survivor', async () => {
    const { body } = await page('/en/actors/actor-kaidarova');
    expect(body).toContain('Zhanna Kaydarova');
    expect(body).toContain('href="/en/incidents/inc-main"');
    expect(body).toContain('href="/en/cases/case-honor"');
    const merged = await app.inject(`/en/actors/${ids.merged}`);
    expect(merged.statusCode).toBe(301);
    expect(merged.headers.location).toBe('/en/actors/actor-kaidarova');
  });

  it('lists cases and actors', async () => {
    expect((await page('/en/cases?kind=civil')).body).toContain(
      'Honor and dignity claim against Demo Weekly',
    );
    expect((await page('/en/cases?kind=criminal')).body).toContain('No legal cases match this selection.');
    const actors = await page('/ru/actors?q=Кайдарова');
    expect(actors.body).toContain('href="/ru/actors/actor-kaidarova"');
    expect(actors.body).not.toContain('actor-police');
  });
});

describe('regions, statistics and methodology', () => {
  it('draws the tile map of today’s regions and says where the historic region is', async () => {
    const { body } = await page('/en/regions');
    expect(body).toContain('<svg viewBox="0 0 800 408" class="tile-map">');
    expect(body).toMatch(/aria-label="Astana: 1"/);
    expect(body).toContain('South Kazakhstan region existed until 18 June 2018');
    expect(body).toContain('Turkistan region, Shymkent');
  });

  it('links a successor region to the historic one', async () => {
    const { body } = await page('/en/regions/turkistan');
    expect(body).toContain('Before 19 June 2018 this area belonged to South Kazakhstan region.');
    expect(body).toContain('href="/en/regions/south_kazakhstan"');
  });

  it('draws the charts of a filter with tables of their figures', async () => {
    const { body } = await page('/en/statistics?year=2024');
    expect(body).toContain('Incidents by group, month by month');
    expect(body).toMatch(
      /<rect class="series-0"[^>]*><title>May 2024, Rights of journalists and media: 2<\/title>/,
    );
    expect(body).toMatch(
      /<rect class="series-2"[^>]*><title>February 2024, Claims and charges \(new cases\): 1<\/title>/,
    );
    expect(body).toContain('2024 against 2023, month by month');
    expect(body).toContain('href="/en/incidents?year=2024&amp;category=threat"');
  });

  it('states the counting rules in three languages', async () => {
    expect((await page('/en/methodology')).body).toContain(
      'A case counts once, as new, in the month of its earliest event',
    );
    expect((await page('/ru/methodology')).body).toContain('Дело учитывается один раз, как новое');
    expect((await page('/kk/methodology')).body).toContain('Іс бір рет, жаңа іс ретінде');
  });

  it('shows this month’s figures and the latest incidents on the home page', async () => {
    const { body } = await page('/en/');
    expect(body).toContain('Recorded in May 2024');
    expect(body).toContain('href="/en/incidents?month=2024-05&amp;group=rights&amp;group=information"');
    expect(body).toContain('The last 24 months');
  });
});

describe('feeds', () => {
  it('serves an Atom feed of new incidents', async () => {
    const { body, headers } = await page('/ru/feed.xml');
    expect(headers['content-type']).toContain('application/atom+xml');
    expect(body).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">');
    expect(body).toContain(
      '<link rel="alternate" type="text/html" href="https://sozwatch.example/ru/incidents/inc-main"/>',
    );
    expect(body).toContain('Запись с ограниченными сведениями (май 2024, Абайская область)');
  });

  it('serves robots.txt pointing at the sitemap, and an icon', async () => {
    const robots = await page('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.headers['content-type']).toContain('text/plain');
    expect(robots.body).toContain('Sitemap: https://sozwatch.example/sitemap.xml');
    expect(robots.body).toContain('Disallow: /kk/editorial');
    expect(robots.body).not.toMatch(/Disallow: \/\s*$/m);
    const icon = await page('/favicon.ico');
    expect(icon.status).toBe(301);
    expect(icon.headers.location).toBe('/static/favicon.svg');
    const svg = await page('/static/favicon.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect((await page('/ru/')).body).toContain('rel="icon"');
  });

  it('serves a sitemap with every language of every page', async () => {
    expect((await page('/sitemap.xml')).body).toContain(
      '<loc>https://sozwatch.example/sitemaps/incidents-0.xml</loc>',
    );
    const incidents = (await page('/sitemaps/incidents-0.xml')).body;
    expect(incidents).toContain('<loc>https://sozwatch.example/kk/incidents/inc-main</loc>');
    expect(incidents).toContain('hreflang="en" href="https://sozwatch.example/en/incidents/inc-main"');
    expect(incidents).not.toContain('inc-restricted');
    expect((await page('/sitemaps/incidents-1.xml')).status).toBe(404);
  });
});

describe('text of the pages', () => {
  it('writes dates, counts and places as sentences, titles a 404 and refuses a page past the last', async () => {
    for (const lang of langs) {
      const regions = await page(`/${lang}/regions`);
      expect(regions.body).not.toMatch(/\.\./);
      expect(regions.body).not.toMatch(/Its \d+ incidents/);
      const missing = await page(`/${lang}/no-such-page`);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatch(/<title>[^<·]+ · /);
      expect((await page(`/${lang}/incidents?page=99`)).status).toBe(404);
      expect((await page(`/${lang}/cases?page=99`)).status).toBe(404);
      expect((await page(`/${lang}/incidents?page=1`)).status).toBe(200);
    }
    expect((await page('/ru/regions')).body).toContain('существовала до');

    // A city whose locality repeats its region's name is named once.
    await database.db
      .updateTable('incidents')
      .set({ locality: 'Алматы', region_code: 'almaty_city' })
      .where('id', '=', 'inc-attack')
      .execute();
    const list = await page('/ru/incidents?region=almaty_city');
    expect(list.body).not.toContain('Алматы, Алматы');
    const incident = await page('/ru/incidents/inc-attack');
    expect(incident.body).not.toContain('<dt>Место</dt>');
  });
});
