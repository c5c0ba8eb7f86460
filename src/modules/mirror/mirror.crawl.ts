import type { FastifyInstance } from 'fastify';
import { langs } from '../../i18n/langs.ts';
import { AppError } from '../../lib/errors.ts';
import { isHtml, linksOf, siteAddress } from './mirror.paths.ts';

export type CrawledFile = { address: string; contentType: string; body: Buffer };
export type Crawl = {
  files: Map<string, CrawledFile>;
  /** Addresses that answer with a redirect, and where to. */
  redirects: Map<string, string>;
  /** True when the crawl stopped at its limit before it had read every link. */
  truncated: boolean;
};

/**
 * What the public may see and a mirror may copy: the portal in each language, its static assets and
 * the API downloads its pages link to. Forms (asking a question, signing in) need the live site, and
 * the editorial side is never read: the crawl sends no cookie, so it could only see its login page.
 */
export function isMirrored(address: string): boolean {
  const pathname = address.split('?')[0] ?? '';
  if (pathname.startsWith('/static/')) return true;
  if (pathname.startsWith('/api/v1/')) return true;
  const match = /^\/(kk|ru|en)(\/.*)?$/.exec(pathname);
  if (!match) return false;
  const rest = match[2] ?? '/';
  return !/^\/(editorial|login|logout|ask)(\/|$)/.test(rest);
}

/**
 * Reads the public site through the app itself (no network, no server), from the home page of
 * each language and its feeds, following every public link of every page.
 */
export async function crawlPublicSite(
  app: FastifyInstance,
  options: { publicOrigin: string; maxFiles: number },
): Promise<Crawl> {
  // The home pages, and the sections that a home page may not link to in every language.
  const sections = [
    '',
    'feed.xml',
    'regions',
    'statistics',
    'bulletins',
    'appeals',
    'appeals/feed.xml',
    'answers',
  ];
  const queue: string[] = langs.flatMap((lang) => sections.map((section) => `/${lang}/${section}`));
  const seen = new Set<string>(queue);
  const files = new Map<string, CrawledFile>();
  const redirects = new Map<string, string>();
  const enqueue = (address: string) => {
    if (seen.has(address) || !isMirrored(address)) return;
    seen.add(address);
    queue.push(address);
  };
  while (queue.length > 0) {
    if (files.size >= options.maxFiles) return { files, redirects, truncated: true };
    const address = queue.shift() as string;
    const response = await app.inject({ method: 'GET', url: address, headers: { accept: 'text/html, */*' } });
    if (response.statusCode >= 300 && response.statusCode < 400) {
      const target = siteAddress(String(response.headers.location ?? ''), options.publicOrigin);
      if (target && isMirrored(target.address)) {
        redirects.set(address, target.address);
        enqueue(target.address);
      }
      continue;
    }
    if (response.statusCode === 429 || response.statusCode >= 500) {
      // A half-read site would remove good files from the mirror: stop before anything is written.
      throw new AppError(
        'internal',
        `mirror: ${address} answered ${response.statusCode}; nothing was written`,
      );
    }
    if (response.statusCode !== 200) continue;
    const contentType = String(response.headers['content-type'] ?? 'application/octet-stream');
    files.set(address, { address, contentType, body: response.rawPayload });
    if (isHtml(contentType)) {
      for (const link of linksOf(response.body, options.publicOrigin)) enqueue(link);
    }
  }
  return { files, redirects, truncated: false };
}
