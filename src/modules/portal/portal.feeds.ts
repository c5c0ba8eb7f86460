import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { type Lang, langs } from '../../i18n/langs.ts';
import { publicIncidentId } from './portal.repo.ts';

/** XML text and attribute escaping: feeds and sitemaps are built as strings, so escape everything. */
export function escapeXml(text: string): string {
  // XML 1.0 allows no control characters but tab, line feed and carriage return.
  const allowed = [...text].filter((char) => {
    const code = char.charCodeAt(0);
    return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
  });
  return allowed
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export type FeedEntry = { id: string; title: string; href: string; updated: string; summary: string | null };

export function atomFeed(feed: {
  id: string;
  title: string;
  selfHref: string;
  pageHref: string;
  lang: Lang;
  author: string;
  updated: string;
  entries: FeedEntry[];
}): string {
  const entries = feed.entries
    .map(
      (entry) => `  <entry>
    <id>${escapeXml(entry.id)}</id>
    <title>${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.href)}"/>
    <updated>${escapeXml(entry.updated)}</updated>
${entry.summary ? `    <summary>${escapeXml(entry.summary)}</summary>\n` : ''}  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.lang}">
  <id>${escapeXml(feed.id)}</id>
  <title>${escapeXml(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfHref)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageHref)}"/>
  <updated>${escapeXml(feed.updated)}</updated>
  <author><name>${escapeXml(feed.author)}</name></author>
${entries}
</feed>
`;
}

/**
 * When each public incident changed last, for the feed, by public id; restricted ones give away no
 * more than their month.
 */
export async function loadFeedTimes(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; updated: Date }>`
    select ${publicIncidentId} as id,
      case when s.restricted then s.sort_date::timestamptz else coalesce(i.published_at, i.updated_at) end as updated
    from incident_search s join incidents i on i.id = s.incident_id
    where s.incident_id = any(${ids}::text[])`.execute(db);
  return new Map(rows.rows.map((row) => [row.id, new Date(row.updated).toISOString()]));
}

/** Pages that exist in every language, for the sitemap. */
export const staticPaths = [
  '/',
  '/incidents',
  '/cases',
  '/actors',
  '/regions',
  '/statistics',
  '/bulletins',
  '/methodology',
  '/ask',
];

export const SITEMAP_CHUNK = 10_000;

function urlEntry(origin: string, path: string): string {
  const alternates = langs
    .map(
      (lang) =>
        `    <xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(`${origin}/${lang}${path}`)}"/>`,
    )
    .join('\n');
  return langs
    .map(
      (lang) => `  <url>\n    <loc>${escapeXml(`${origin}/${lang}${path}`)}</loc>\n${alternates}\n  </url>`,
    )
    .join('\n');
}

export function sitemapUrls(origin: string, paths: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${paths.map((path) => urlEntry(origin, path)).join('\n')}
</urlset>
`;
}

export function sitemapIndex(origin: string, sitemaps: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${sitemaps.map((path) => `  <sitemap><loc>${escapeXml(`${origin}${path}`)}</loc></sitemap>`).join('\n')}
</sitemapindex>
`;
}

/** Ids of public incidents in id order, one chunk of the sitemap; restricted ones have no page worth indexing. */
export async function sitemapIncidentIds(db: Db, chunk: number): Promise<{ ids: string[]; chunks: number }> {
  const [rows, count] = await Promise.all([
    sql<{ id: string }>`
      select incident_id as id from incident_search where not restricted
      order by incident_id limit ${SITEMAP_CHUNK} offset ${chunk * SITEMAP_CHUNK}`.execute(db),
    sql<{ n: number }>`select count(*) as n from incident_search where not restricted`.execute(db),
  ]);
  return {
    ids: rows.rows.map((row) => row.id),
    chunks: Math.ceil(Number(count.rows[0]?.n ?? 0) / SITEMAP_CHUNK),
  };
}
