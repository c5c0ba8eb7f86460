import type { FastifyRequest } from 'fastify';
import type { Lang } from '../i18n/langs.ts';
import type { PageFrame } from '../web/layout.tsx';
import type { AppDeps } from './deps.ts';
import { pathWithoutLang } from './http.ts';

/** The frame of a public page in `lang`. */
export function publicFrame(request: FastifyRequest, deps: AppDeps, lang: Lang, title: string): PageFrame {
  return {
    lang,
    pathWithoutLang: pathWithoutLang(request.url),
    title,
    organization: deps.config.organization,
  };
}
