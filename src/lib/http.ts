import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { isLang, type Lang } from '../i18n/langs.ts';
import { renderDocument } from '../web/render.ts';

/** The language of a request: its URL prefix, else the browser's preference, else Russian. */
export function requestLang(request: FastifyRequest): Lang {
  const prefix = request.url.split('/')[1]?.split('?')[0];
  if (isLang(prefix)) return prefix;
  return preferredLang(request.headers['accept-language']);
}

export function preferredLang(acceptLanguage: string | undefined): Lang {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (isLang(code)) return code;
  }
  return 'ru';
}

/** The path after the language prefix ('/ru/incidents?x=1' → '/incidents?x=1'). */
export function pathWithoutLang(url: string): string {
  const rest = url.replace(/^\/(kk|ru|en)(?=\/|$|\?)/, '');
  return rest === '' ? '/' : rest.startsWith('?') ? `/${rest}` : rest;
}

export function sendPage(reply: FastifyReply, page: VNode, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page));
}

/**
 * The name of the first field whose name or value holds a NUL character, or undefined. PostgreSQL
 * refuses NUL in text, so such input would otherwise fail deep in a query; it is never meaningful.
 */
export function fieldWithNulByte(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'input' : undefined;
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return itemPath;
    const found = fieldWithNulByte(item, itemPath);
    if (found) return found;
  }
  return undefined;
}
