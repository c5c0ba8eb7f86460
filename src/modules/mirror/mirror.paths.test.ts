import { describe, expect, it } from 'vitest';
import { isMirrored } from './mirror.crawl.ts';
import { fileForAddress, linksOf, relativeLink, rewriteLinks, siteAddress } from './mirror.paths.ts';

const origin = 'https://monitoring.example';

describe('mirror file names', () => {
  it('puts pages in folders with an index.html, and keeps the names of other files', () => {
    expect(fileForAddress('/ru/', 'text/html; charset=utf-8')).toBe('ru/index.html');
    expect(fileForAddress('/ru/incidents/abc', 'text/html')).toBe('ru/incidents/abc/index.html');
    expect(fileForAddress('/ru/feed.xml', 'application/atom+xml')).toBe('ru/feed.xml');
    expect(fileForAddress('/static/style.css', 'text/css')).toBe('static/style.css');
    expect(fileForAddress('/en/bulletins/2024-05/pdf', 'application/pdf')).toBe(
      'en/bulletins/2024-05/pdf.pdf',
    );
  });

  it('names a query by a readable slug and a hash, so that two queries never share a file', () => {
    const a = fileForAddress('/ru/incidents?region=abai&year=2024', 'text/html');
    const b = fileForAddress('/ru/incidents?region=abai-year=2024', 'text/html');
    expect(a).toMatch(/^ru\/incidents\/index--region-abai-year-2024-[0-9a-f]{8}\.html$/);
    expect(a).not.toBe(b);
    expect(fileForAddress('/api/v1/incidents.csv?lang=kk', 'text/csv')).toMatch(
      /^api\/v1\/incidents--lang-kk-[0-9a-f]{8}\.csv$/,
    );
  });

  it('refuses an address that would leave the folder', () => {
    expect(() => fileForAddress('/ru/%2e%2e/x', 'text/html')).toThrow(/refusing/);
  });
});

describe('mirror links', () => {
  it('reads the site links of a page, on its own origin too, and not its form actions', () => {
    const html =
      '<a href="/ru/cases">c</a><a href="https://monitoring.example/en/?x=1&amp;y=2#top">e</a>' +
      '<a href="https://other.example/ru/">o</a><a href="mailto:a@b.c">m</a><a href="#main">s</a>' +
      '<form action="/ru/incidents"></form><script src="/static/app.js"></script>';
    expect(linksOf(html, origin)).toEqual(['/ru/cases', '/en/?x=1&y=2', '/static/app.js']);
    expect(siteAddress('//evil.example/x', origin)).toBeNull();
  });

  it('makes mirrored links relative to the page and sends the rest to the live site', () => {
    const files: Record<string, string> = {
      '/ru/cases': 'ru/cases/index.html',
      '/en/?x=1&y=2': 'en/index--x-1-y-2-00000000.html',
    };
    const html =
      '<a href="/ru/cases#list">c</a><a href="/en/?x=1&amp;y=2">e</a><a href="/ru/ask">q</a>' +
      '<form action="/ru/incidents" method="get"></form><a href="#main">s</a>';
    expect(
      rewriteLinks(html, 'ru/incidents/abc/index.html', { publicOrigin: origin, fileOf: (a) => files[a] }),
    ).toBe(
      '<a href="../../cases/index.html#list">c</a><a href="../../../en/index--x-1-y-2-00000000.html">e</a>' +
        '<a href="https://monitoring.example/ru/ask">q</a>' +
        '<form action="https://monitoring.example/ru/incidents" method="get"></form><a href="#main">s</a>',
    );
    expect(relativeLink('index.html', 'ru/index.html')).toBe('ru/index.html');
  });

  it('never mirrors the editorial side, sign-in or the question form', () => {
    for (const address of [
      '/ru/editorial',
      '/en/editorial/incidents',
      '/kk/login',
      '/ru/logout',
      '/en/ask',
    ]) {
      expect(isMirrored(address), address).toBe(false);
    }
    for (const address of ['/ru/', '/en/incidents?page=2', '/static/style.css', '/api/v1/incidents.csv']) {
      expect(isMirrored(address), address).toBe(true);
    }
    expect(isMirrored('/healthz')).toBe(false);
  });
});
