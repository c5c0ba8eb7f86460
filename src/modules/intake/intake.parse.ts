import { createHash } from 'node:crypto';
import { Readability } from '@mozilla/readability';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { convert } from 'html-to-text';
import { parseHTML } from 'linkedom';
import type { IntakeSourceKind } from '../../db/types.ts';
import type { Lang } from '../../i18n/langs.ts';

/**
 * What a fetched answer holds, as items: RSS 2.0 (and RSS 1.0), Atom and JSON Feed through
 * fast-xml-parser and JSON.parse; a Telegram channel's public web preview (t.me/s/NAME) as one item
 * per message; any other HTML page as one item, its readable text extracted by Mozilla's
 * Readability on a linkedom document. Bytes become text by the charset the answer declares
 * (header, BOM, XML declaration, meta tag), falling back to Windows-1251 when a page that
 * declares nothing, or declares UTF-8, is not valid UTF-8.
 */
export type FeedItem = {
  link: string | null;
  /** What dedupes the item: its link, or for a page its address and a hash of its text. */
  key: string | null;
  title: string;
  publishedAt: Date | null;
  text: string;
  lang: Lang | null;
  outlet: string | null;
};

export type ParsedAnswer = { kind: IntakeSourceKind; items: FeedItem[]; encodingNote: string | null };

export class ParseError extends Error {
  override name = 'ParseError';
}

const MAX_ITEMS = 200;

export function parseAnswer(input: {
  bytes: Uint8Array;
  contentType: string | null;
  url: string;
}): ParsedAnswer {
  const { text, note } = decodeBytes(input.bytes, input.contentType);
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') throw new ParseError('the answer is empty');
  const type = (input.contentType ?? '').toLowerCase();
  let parsed: Omit<ParsedAnswer, 'encodingNote'>;
  if (type.includes('json') || start.startsWith('{')) parsed = parseJsonFeed(start);
  else if (/^<\?xml|^<rss[\s>]|^<feed[\s>]|^<rdf:RDF[\s>]/i.test(start) || /\bxml\b/.test(type)) {
    parsed = parseXmlFeed(start);
  } else if (isTelegramPreview(input.url, start)) parsed = parseTelegram(start, input.url);
  else parsed = parsePage(start, input.url);
  return { ...parsed, items: parsed.items.slice(0, MAX_ITEMS), encodingNote: note };
}

// ---------------------------------------------------------------------------------------------
// Encodings

export function decodeBytes(
  bytes: Uint8Array,
  contentType: string | null,
): { text: string; note: string | null } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes), note: null };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), note: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), note: null };
  const declared = declaredCharset(bytes, contentType);
  const label = declared ? knownLabel(declared) : null;
  if (label && label !== 'utf-8') {
    // A page that declares a one-byte charset but whose non-ASCII bytes form valid UTF-8 is UTF-8:
    // text in Windows-1251 or KOI8-R almost never happens to be valid UTF-8.
    const utf8 = bytes.some((byte) => byte >= 0x80) ? strictUtf8(bytes) : null;
    if (utf8 !== null) return { text: utf8, note: `declared ${declared} but is UTF-8: read as UTF-8` };
    return { text: new TextDecoder(label).decode(bytes), note: null };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), note: null };
  } catch {
    const what = declared ? `declared ${declared}` : 'no charset declared';
    return {
      text: new TextDecoder('windows-1251').decode(bytes),
      note: `not valid UTF-8 (${what}): read as Windows-1251`,
    };
  }
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function declaredCharset(bytes: Uint8Array, contentType: string | null): string | null {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const fromXml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (fromXml) return fromXml.toLowerCase();
  const fromMeta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head)?.[1];
  return fromMeta ? fromMeta.toLowerCase() : null;
}

function knownLabel(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Feeds

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
});

type Node = Record<string, unknown>;

function parseXmlFeed(text: string): Omit<ParsedAnswer, 'encodingNote'> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ParseError(`broken XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  const document = xml.parse(text) as Node;
  const rss = document.rss as Node | undefined;
  if (rss) {
    const channel = (rss.channel ?? {}) as Node;
    const outlet = textOf(channel.title) || null;
    const feedLang = langOf(textOf(channel.language));
    const items = ((channel.item ?? []) as Node[]).map((item) => rssItem(item, outlet, feedLang));
    return { kind: 'rss', items: items.filter(hasContent) };
  }
  const rdf = document['rdf:RDF'] as Node | undefined;
  if (rdf) {
    const channel = (rdf.channel ?? {}) as Node;
    const outlet = textOf(channel.title) || null;
    const items = ((rdf.item ?? []) as Node[]).map((item) => rssItem(item, outlet, null));
    return { kind: 'rss', items: items.filter(hasContent) };
  }
  const feed = document.feed as Node | undefined;
  if (feed) {
    const outlet = textOf(feed.title) || null;
    const feedLang = langOf(textOf(feed['@_xml:lang']));
    const items = ((feed.entry ?? []) as Node[]).map((entry) => {
      const link = atomLink(entry.link);
      const body = htmlText(textOf(entry.content) || textOf(entry.summary));
      return {
        link,
        key: link,
        title: oneLine(htmlText(textOf(entry.title))) || firstWords(body),
        publishedAt: dateOf(textOf(entry.published) || textOf(entry.updated)),
        text: body,
        lang: langOf(textOf(entry['@_xml:lang'])) ?? feedLang,
        outlet,
      };
    });
    return { kind: 'atom', items: items.filter(hasContent) };
  }
  throw new ParseError('XML, but neither an RSS nor an Atom feed (no <rss>, <rdf:RDF> or <feed> element)');
}

function rssItem(item: Node, outlet: string | null, feedLang: Lang | null): FeedItem {
  const link = absoluteOrNull(textOf(firstOf(item.link))) ?? guidLink(item.guid);
  const body = htmlText(textOf(item['content:encoded']) || textOf(item.description));
  return {
    link,
    key: link,
    title: oneLine(htmlText(textOf(item.title))) || firstWords(body),
    publishedAt: dateOf(textOf(item.pubDate) || textOf(item['dc:date'])),
    text: body,
    lang: langOf(textOf(item['dc:language'])) ?? feedLang,
    outlet,
  };
}

function guidLink(guid: unknown): string | null {
  if (guid && typeof guid === 'object' && (guid as Node)['@_isPermaLink'] === 'false') return null;
  return absoluteOrNull(textOf(guid));
}

function atomLink(links: unknown): string | null {
  const list = (Array.isArray(links) ? links : links ? [links] : []) as Node[];
  const alternate = list.find((link) => !link['@_rel'] || link['@_rel'] === 'alternate') ?? list[0];
  return absoluteOrNull(textOf(alternate?.['@_href']));
}

function parseJsonFeed(text: string): Omit<ParsedAnswer, 'encodingNote'> {
  let document: Node;
  try {
    document = JSON.parse(text) as Node;
  } catch (error) {
    throw new ParseError(`broken JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof document.version !== 'string' || !document.version.includes('jsonfeed.org')) {
    throw new ParseError('JSON, but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")');
  }
  if (!Array.isArray(document.items)) throw new ParseError('a JSON Feed without an "items" list');
  const outlet = textOf(document.title) || null;
  const feedLang = langOf(textOf(document.language));
  const items = (document.items as Node[]).map((item) => {
    const link = absoluteOrNull(textOf(item.url)) ?? absoluteOrNull(textOf(item.external_url));
    const body = textOf(item.content_text) || htmlText(textOf(item.content_html)) || textOf(item.summary);
    return {
      link,
      key: link,
      title: oneLine(textOf(item.title)) || firstWords(body),
      publishedAt: dateOf(textOf(item.date_published) || textOf(item.date_modified)),
      text: body.trim(),
      lang: langOf(textOf(item.language)) ?? feedLang,
      outlet,
    };
  });
  return { kind: 'json', items: items.filter(hasContent) };
}

// ---------------------------------------------------------------------------------------------
// Pages

function isTelegramPreview(url: string, html: string): boolean {
  return /^https?:\/\/t\.me\/s\//i.test(url) || html.includes('tgme_widget_message_wrap');
}

function parseTelegram(html: string, url: string): Omit<ParsedAnswer, 'encodingNote'> {
  const { document } = parseHTML(html);
  const channelTitle = document.querySelector('.tgme_channel_info_header_title')?.textContent?.trim() || null;
  const items: FeedItem[] = [];
  const messages = document.querySelectorAll('.tgme_widget_message[data-post]');
  for (let index = 0; index < messages.length; index += 1) {
    const message = messages[index];
    if (!message) continue;
    const post = message.getAttribute('data-post') ?? '';
    const textNode = message.querySelector('.tgme_widget_message_text');
    if (!textNode) continue;
    const body = htmlText(textNode.innerHTML);
    if (body === '') continue;
    const link = /^[\w]+\/\d+$/.test(post) ? `https://t.me/${post}` : null;
    const time = message.querySelector('.tgme_widget_message_date time')?.getAttribute('datetime') ?? null;
    items.push({
      link,
      key: link,
      title: firstWords(body),
      publishedAt: dateOf(time ?? ''),
      text: body,
      lang: null,
      outlet:
        channelTitle ??
        (/t\.me\/s\/([\w]+)/.exec(url)?.[1] ? `@${/t\.me\/s\/([\w]+)/.exec(url)?.[1]}` : null),
    });
  }
  // The preview lists the oldest first; newest first like every feed.
  items.reverse();
  if (items.length === 0) throw new ParseError('a Telegram preview page without any message text');
  return { kind: 'telegram', items };
}

function parsePage(html: string, url: string): Omit<ParsedAnswer, 'encodingNote'> {
  const { document } = parseHTML(html);
  const published =
    document.querySelector('meta[property="article:published_time"]')?.getAttribute('content') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const siteName = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? null;
  const pageLang = langOf(document.documentElement?.getAttribute('lang') ?? '');
  const article = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
  ).parse();
  const body = normalizeSpace(article?.textContent ?? document.body?.textContent ?? '');
  if (body === '') throw new ParseError('an HTML page without readable text');
  const title = oneLine(article?.title ?? '') || firstWords(body);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return {
    kind: 'page',
    items: [
      {
        link: url,
        // A page that changes (an announcements page) gives a new candidate; the same text, none.
        key: `${url}#text-${hash}`,
        title,
        publishedAt: dateOf(published ?? ''),
        text: body,
        lang: pageLang,
        outlet: siteName ?? article?.siteName ?? hostOf(url),
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as Node)['#text']);
  return '';
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function hasContent(item: FeedItem): boolean {
  return item.title !== '' || item.text !== '';
}

export function htmlText(html: string): string {
  if (!/[<&]/.test(html)) return normalizeSpace(html);
  return normalizeSpace(
    convert(html, {
      wordwrap: false,
      selectors: [
        { selector: 'a', options: { ignoreHref: true } },
        { selector: 'img', format: 'skip' },
      ],
    }),
  );
}

function normalizeSpace(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*(\n\s*)+/g, '\n\n')
    .trim();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}

/** A title for an item that has none (a Telegram message): its first sentence, at most 120 characters. */
export function firstWords(text: string): string {
  const line = text.split('\n')[0] ?? '';
  const sentence = /^.{20,}?[.!?](?=\s|$)/u.exec(line)?.[0] ?? line;
  if (sentence.length <= 120) return sentence.trim();
  return `${sentence.slice(0, 117).replace(/\s+\S*$/, '')}…`;
}

function dateOf(value: string): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function langOf(value: string): Lang | null {
  const code = value.toLowerCase().slice(0, 2);
  return code === 'kk' || code === 'ru' || code === 'en' ? code : null;
}

function absoluteOrNull(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    return new URL(value).toString();
  } catch {
    return null;
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
