import { describe, expect, it } from 'vitest';
import { linkKey, sameStory, wordStems } from './intake.analyse.ts';
import { decodeBytes, ParseError, parseAnswer } from './intake.parse.ts';

// Test data written for these tests; every name is invented.
const cyrillic = 'Тестовые данные: редактор Ольга Придуманная';
const asWindows1251 = (text: string) =>
  Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0) ?? 0x3f;
      return code < 0x80 ? code : code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : 0x3f;
    }),
  );

describe('decoding', () => {
  it('reads the charset the header declares', () => {
    expect(decodeBytes(asWindows1251(cyrillic), 'text/xml; charset=windows-1251')).toEqual({
      text: cyrillic,
      note: null,
    });
  });

  it('reads a page that declares UTF-8 but is Windows-1251, and says so', () => {
    const decoded = decodeBytes(asWindows1251(cyrillic), 'text/html; charset=utf-8');
    expect(decoded.text).toBe(cyrillic);
    expect(decoded.note).toBe('not valid UTF-8 (declared utf-8): read as Windows-1251');
  });

  it('reads a page that declares Windows-1251 in its meta tag but is UTF-8, and says so', () => {
    const html = `<html><head><meta charset="windows-1251"></head><body><p>${cyrillic}</p></body></html>`;
    const decoded = decodeBytes(new TextEncoder().encode(html), 'text/html');
    expect(decoded.text).toContain(cyrillic);
    expect(decoded.note).toBe('declared windows-1251 but is UTF-8: read as UTF-8');
  });

  it('takes the XML declaration when the header names no charset', () => {
    const xml = `<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>т</title><item><title>${cyrillic}</title><link>https://t.example.test/1</link></item></channel></rss>`;
    const answer = parseAnswer({
      bytes: asWindows1251(xml),
      contentType: 'application/rss+xml',
      url: 'https://t.example.test/rss',
    });
    expect(answer.items[0]?.title).toBe(cyrillic);
    expect(answer.encodingNote).toBeNull();
  });
});

describe('answers that are not feeds', () => {
  const parse = (body: string, contentType: string) =>
    parseAnswer({ bytes: new TextEncoder().encode(body), contentType, url: 'https://t.example.test/x' });

  it('names what is wrong', () => {
    expect(() => parse('{"items": []}', 'application/json')).toThrow(
      new ParseError('JSON, but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")'),
    );
    expect(() => parse('{"version": ', 'application/json')).toThrow(/^broken JSON: /);
    expect(() => parse('<?xml version="1.0"?><opml><body/></opml>', 'text/xml')).toThrow(
      'XML, but neither an RSS nor an Atom feed',
    );
    expect(() => parse('   ', 'text/html')).toThrow('the answer is empty');
    expect(() =>
      parse('<html><body><div class="tgme_widget_message_wrap"></div></body></html>', 'text/html'),
    ).toThrow('a Telegram preview page without any message text');
  });

  it('keeps only http(s) links from a feed', () => {
    const answer = parse(
      '<rss version="2.0"><channel><item><title>One (test)</title><link>javascript:alert(1)</link></item></channel></rss>',
      'application/rss+xml',
    );
    expect(answer.items[0]).toMatchObject({ title: 'One (test)', link: null });
  });
});

describe('links and stories', () => {
  it('keys a link without tracking parameters, fragment, www and trailing slash', () => {
    expect(linkKey('http://www.Example.test/news/1/?utm_source=tg&id=5#top')).toBe(
      'https://example.test/news/1?id=5',
    );
    expect(linkKey('https://example.test/news/1')).toBe('https://example.test/news/1');
  });

  it('tells one story from two when the person is the same but the place differs', () => {
    const at = new Date('2026-11-30T00:00:00Z');
    const story = (region: string) => ({
      publishedAt: at,
      region,
      peopleKeys: ['erjantestov'],
      stems: wordStems('test'),
    });
    expect(sameStory(story('almaty_city'), story('almaty_city'))).toBe(true);
    expect(sameStory(story('almaty_city'), story('shymkent'))).toBe(false);
    const later = { ...story('almaty_city'), publishedAt: new Date('2026-12-10T00:00:00Z') };
    expect(sameStory(story('almaty_city'), later)).toBe(false);
  });
});
