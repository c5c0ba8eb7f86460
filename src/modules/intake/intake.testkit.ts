import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Tests only: a local HTTP server (127.0.0.1, a free port) serving feeds and pages written by us,
 * in Kazakh, Russian and English, and the bad answers intake must survive: broken XML, an
 * undeclared Windows-1251 feed, a body over the size limit, a redirect loop and a slow answer.
 * Every person and outlet named here is invented test data.
 */
export type FeedServer = {
  base: string;
  /** Requests received per path (conditional requests answered 304 are counted too). */
  hits: Map<string, number>;
  /** Paths answered 304 Not Modified. */
  notModified: Map<string, number>;
  close: () => Promise<void>;
};

export const PUBLISHED = {
  kk: 'Mon, 30 Nov 2026 08:00:00 GMT',
  ru: '2026-11-30T09:00:00Z',
  en: '2026-11-30T10:30:00Z',
};

const kazakhRss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Сынақ Ақпарат (тест)</title>
    <link>https://kk.example.test/</link>
    <language>kk</language>
    <item>
      <title>Шымкентте тілші Айгүл Сейітова полиция бөліміне жеткізілді</title>
      <link>https://kk.example.test/news/1?utm_source=rss</link>
      <description>&lt;p&gt;Тест деректері: тілші Айгүл Сейітова Шымкентте түсірілім кезінде ұсталды. Ол кейін босатылды.&lt;/p&gt;</description>
      <pubDate>${PUBLISHED.kk}</pubDate>
    </item>
    <item>
      <title>Ауа райы: Астанада қар жауады</title>
      <link>https://kk.example.test/news/2</link>
      <description>Тест деректері: ауа райы туралы хабар.</description>
      <pubDate>Mon, 30 Nov 2026 06:00:00 GMT</pubDate>
    </item>
  </channel>
</rss>`;

const russianAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
  <title>Тестовые Новости</title>
  <id>urn:test:ru</id>
  <updated>${PUBLISHED.ru}</updated>
  <entry>
    <title type="html">В Алматы задержан журналист Ержан Тестов</title>
    <link rel="alternate" href="https://ru.example.test/2026/11/30/zaderzhan"/>
    <id>urn:test:ru:1</id>
    <published>${PUBLISHED.ru}</published>
    <summary type="html">&lt;p&gt;Тестовые данные: журналиста Ержана Тестова задержали в Алматы во время съёмки митинга и доставили в отдел полиции.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Суд отказал газете «Вымышленный вестник» в иске</title>
    <link href="https://ru.example.test/2026/11/29/isk"/>
    <id>urn:test:ru:2</id>
    <published>2026-11-29T12:00:00Z</published>
    <content type="html">Тестовые данные: гражданский иск о защите чести, достоинства и деловой репутации.</content>
  </entry>
</feed>`;

const englishJsonFeed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Test Wire',
  language: 'en',
  items: [
    {
      id: 'en-1',
      url: 'https://en.example.test/stories/testov-detained',
      title: 'Journalist Yerzhan Testov detained in Almaty',
      content_text:
        'Test data: police in Almaty detained journalist Yerzhan Testov while he was filming a rally. He was taken to the police station.',
      date_published: PUBLISHED.en,
    },
    {
      id: 'en-2',
      url: 'https://en.example.test/stories/site-blocked',
      title: 'Invented news site blocked in Kazakhstan',
      content_html: '<p>Test data: access to the invented site was <b>blocked</b> by the ministry.</p>',
      date_published: '2026-11-28T10:00:00Z',
    },
  ],
});

const englishPage = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Court announcement — Test District Court</title>
  <meta property="og:site_name" content="Test District Court">
  <meta property="article:published_time" content="2026-11-27T04:00:00Z">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/about">About</a></nav>
  <article>
    <h1>Hearing on the claim against the newspaper Test Courier</h1>
    <p>Test data: the district court in Karaganda will hear a claim for protection of honour, dignity and business reputation brought against the invented newspaper Test Courier and its editor Dana Ismailova.</p>
    <p>The hearing is open to the press. Journalists who wish to attend should bring their press cards. This paragraph is here so that the readable text is long enough to be recognised as an article by the extractor.</p>
    <p>Test data continues: the claimant asks for compensation of moral damage. The court has not yet fixed the amount of the state duty, and the parties were invited to settle.</p>
  </article>
  <footer>Test footer, not part of the article.</footer>
</body>
</html>`;

const telegramPreview = `<!doctype html>
<html><head><meta charset="utf-8"><title>Тестовый канал</title></head>
<body>
<div class="tgme_channel_info_header_title">Тестовый канал (тест)</div>
<section class="tgme_channel_history">
  <div class="tgme_widget_message_wrap">
    <div class="tgme_widget_message" data-post="testchannel/41">
      <div class="tgme_widget_message_text">Тестовые данные: в Караганде блогеру Марату Вымыслову пришла повестка на допрос. Его вызвали в полицию из-за поста.</div>
      <a class="tgme_widget_message_date" href="https://t.me/testchannel/41"><time datetime="2026-11-30T07:15:00+00:00">07:15</time></a>
    </div>
  </div>
  <div class="tgme_widget_message_wrap">
    <div class="tgme_widget_message" data-post="testchannel/42">
      <div class="tgme_widget_message_text">Тестовые данные: сайт вымышленного издания заблокирован.<br>Подробности позже.</div>
      <a class="tgme_widget_message_date" href="https://t.me/testchannel/42"><time datetime="2026-11-30T11:40:00+00:00">11:40</time></a>
    </div>
  </div>
</section>
</body></html>`;

/** A Russian RSS feed that declares no encoding, sent as Windows-1251 bytes. */
const windows1251Rss = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Старая Газета (тест)</title>
<item><title>В Павлодаре редактору Ольге Придуманной угрожали</title>
<link>https://old.example.test/item/7</link>
<description>Тестовые данные: редактору угрожали после публикации о строительстве.</description>
<pubDate>Sun, 29 Nov 2026 05:00:00 GMT</pubDate></item>
</channel></rss>`;

const brokenXml = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Broken (test)</title>
<item><title>Unclosed item<title>
<link>https://broken.example.test/1</link>
</channel></rss>`;

/** Windows-1251 bytes of a text (Cyrillic and ASCII only). */
function windows1251(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else if (code === 0x401) bytes.push(0xa8);
    else if (code === 0x451) bytes.push(0xb8);
    else if (code === 0xab) bytes.push(0xab);
    else if (code === 0xbb) bytes.push(0xbb);
    else bytes.push(0x3f);
  }
  return Buffer.from(bytes);
}

export async function startFeedServer(
  options: { slowMs?: number; hugeBytes?: number } = {},
): Promise<FeedServer> {
  const hits = new Map<string, number>();
  const notModified = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const timers = new Set<NodeJS.Timeout>();
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    count(hits, path);
    const send = (
      status: number,
      type: string,
      body: string | Buffer,
      headers: Record<string, string> = {},
    ) => {
      response.writeHead(status, { 'content-type': type, ...headers });
      response.end(body);
    };
    switch (path) {
      case '/kk/rss.xml': {
        if (request.headers['if-none-match'] === '"kk-v1"') {
          count(notModified, path);
          response.writeHead(304, { etag: '"kk-v1"' });
          return response.end();
        }
        return send(200, 'application/rss+xml; charset=utf-8', kazakhRss, { etag: '"kk-v1"' });
      }
      case '/ru/atom.xml': {
        const modified = 'Mon, 30 Nov 2026 09:00:00 GMT';
        if (request.headers['if-modified-since'] === modified) {
          count(notModified, path);
          response.writeHead(304, { 'last-modified': modified });
          return response.end();
        }
        return send(200, 'application/atom+xml', russianAtom, { 'last-modified': modified });
      }
      case '/en/feed.json':
        return send(200, 'application/feed+json', englishJsonFeed);
      case '/en/court.html':
        return send(200, 'text/html; charset=utf-8', englishPage);
      case '/s/testchannel':
        return send(200, 'text/html; charset=utf-8', telegramPreview);
      case '/ru/old.xml':
        return send(200, 'text/xml', windows1251(windows1251Rss));
      case '/broken.xml':
        return send(200, 'application/rss+xml', brokenXml);
      case '/huge.xml': {
        // No Content-Length: the limit must hold while the body streams in.
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(16 * 1024, 0x20);
        let sent = 0;
        const total = options.hugeBytes ?? 512 * 1024;
        const write = () => {
          while (sent < total) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', write);
          }
          response.end();
        };
        response.on('error', () => undefined);
        return write();
      }
      case '/loop-a':
        response.writeHead(302, { location: '/loop-b' });
        return response.end();
      case '/loop-b':
        response.writeHead(302, { location: '/loop-a' });
        return response.end();
      case '/slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!response.destroyed) send(200, 'application/rss+xml', kazakhRss);
        }, options.slowMs ?? 5000);
        timers.add(timer);
        return;
      }
      default:
        return send(404, 'text/plain', 'not found');
    }
  };
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    notModified,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
