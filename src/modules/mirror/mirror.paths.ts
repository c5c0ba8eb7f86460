import { createHash } from 'node:crypto';
import path from 'node:path/posix';

/**
 * Where each public address lives in the mirror, and how a page's links become relative paths.
 * Pure functions: the crawl (mirror.crawl.ts) decides what is public, these only name files.
 */

const extensionOfType: Array<[string, string]> = [
  ['application/pdf', 'pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/atom+xml', 'xml'],
  ['application/xml', 'xml'],
  ['text/xml', 'xml'],
  ['application/json', 'json'],
  ['application/x-ndjson', 'jsonl'],
  ['text/csv', 'csv'],
  ['text/markdown', 'md'],
  ['text/css', 'css'],
  ['text/javascript', 'js'],
  ['application/javascript', 'js'],
  ['image/svg+xml', 'svg'],
  ['image/png', 'png'],
  ['text/plain', 'txt'],
];

export function isHtml(contentType: string): boolean {
  return contentType.startsWith('text/html');
}

/** A query string as a file-name part: readable, and unique by its hash (a slug alone can collide). */
function querySuffix(query: string): string {
  if (query === '') return '';
  const slug = decodeURIComponent(query.replace(/\+/g, ' '))
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const hash = createHash('sha256').update(query).digest('hex').slice(0, 8);
  return `--${slug}-${hash}`;
}

/**
 * The mirror file of a site address ('/ru/incidents/abc?x=1'): pages become folders with an
 * index.html, so that a static host serves them at their own address too; other files keep their
 * name, and gain an extension from their type when the address has none.
 */
export function fileForAddress(address: string, contentType: string): string {
  const [pathname = '/', query = ''] = address.split('?', 2);
  const segments = pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment));
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes('\\'))) {
    throw new Error(`mirror: refusing the address ${address}`);
  }
  if (isHtml(contentType)) {
    return path.join(...segments, `index${querySuffix(query)}.html`);
  }
  const last = segments.pop() ?? 'index';
  const dot = last.lastIndexOf('.');
  const hasExtension = dot > 0 && /^[a-z0-9]{1,5}$/i.test(last.slice(dot + 1));
  const type = contentType.split(';')[0]?.trim() ?? '';
  const extension = extensionOfType.find(([known]) => known === type)?.[1] ?? 'bin';
  const name = hasExtension
    ? `${last.slice(0, dot)}${querySuffix(query)}${last.slice(dot)}`
    : `${last}${querySuffix(query)}.${extension}`;
  return path.join(...segments, name);
}

/** The link from one mirror file to another, relative to the first file's folder. */
export function relativeLink(fromFile: string, toFile: string): string {
  const relative = path.relative(path.dirname(fromFile), toFile);
  return relative === '' ? path.basename(toFile) : relative;
}

/**
 * A link as the crawl knows it: the site address ('/ru/cases/x?y=1') of an href or src that points
 * into this site (a path, or an absolute URL on the public origin), or null for any other link
 * (mail, another site, an anchor on the same page). The fragment is returned apart.
 */
export function siteAddress(
  href: string,
  publicOrigin: string,
): { address: string; fragment: string } | null {
  const decoded = href.replaceAll('&amp;', '&');
  let rest = decoded;
  if (rest.startsWith(publicOrigin)) rest = rest.slice(publicOrigin.length) || '/';
  if (!rest.startsWith('/') || rest.startsWith('//')) return null;
  const hashAt = rest.indexOf('#');
  return hashAt >= 0
    ? { address: rest.slice(0, hashAt), fragment: rest.slice(hashAt) }
    : { address: rest, fragment: '' };
}

const linkAttribute = /(\s(?:href|src|action)=")([^"]*)(")/g;

/** Every site address that a page links to (href and src; a form's action is not followed). */
export function linksOf(html: string, publicOrigin: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(linkAttribute)) {
    if (match[1]?.includes('action=')) continue;
    const link = siteAddress(match[2] ?? '', publicOrigin);
    if (link && link.address !== '') found.push(link.address);
  }
  return found;
}

/**
 * Rewrites every link of a page: one to a mirrored address becomes a relative path to its file;
 * one to an address of the site that is not in the mirror (a form, the editorial side, a search)
 * goes to the live site by its absolute address. Escaping is kept: only the attribute's value changes.
 */
export function rewriteLinks(
  html: string,
  fromFile: string,
  options: { publicOrigin: string; fileOf: (address: string) => string | undefined },
): string {
  return html.replace(linkAttribute, (whole, before: string, href: string, after: string) => {
    const link = siteAddress(href, options.publicOrigin);
    if (!link) return whole;
    if (link.address === '') return whole;
    const target = before.includes('action=') ? undefined : options.fileOf(link.address);
    const rewritten =
      target === undefined ? `${options.publicOrigin}${link.address}` : `${relativeLink(fromFile, target)}`;
    return `${before}${rewritten.replaceAll('&', '&amp;')}${link.fragment}${after}`;
  });
}
