import type { ComponentChildren } from 'preact';
import type { RecordStatus } from '../../../db/types.ts';
import { type Lang, type LocalizedText, pickText } from '../../../i18n/langs.ts';
import { CsrfField, EditorialLayout, type EditorialSection } from '../../auth/index.ts';
import type { FieldErrors } from '../editorial.form.ts';
import type { Editorial, T } from '../editorial.http.tsx';
import type { ReferenceData } from '../editorial.repo.ts';

/**
 * Every page of the editorial records app: the editorial layout (auth's), this app's stylesheet and
 * its one enhancement script. A page with a refused form says so first in its title.
 */
export function EditorialPage({
  ed,
  title,
  current,
  errors,
  children,
}: {
  ed: Editorial;
  title: string;
  current?: EditorialSection;
  errors?: FieldErrors;
  children: ComponentChildren;
}) {
  const fullTitle = errors && errors.size > 0 ? `${ed.t('errorTitlePrefix')}: ${title}` : title;
  return (
    <EditorialLayout frame={ed.frame(fullTitle)} user={ed.user} current={current}>
      <link rel="stylesheet" href="/static/editorial-records.css" />
      <script src="/static/editorial-records.js" defer />
      {children}
    </EditorialLayout>
  );
}

/** The session's CSRF token, for every form of an editorial page. */
export function Csrf({ ed }: { ed: Editorial }) {
  return <CsrfField frame={ed.frame('')} />;
}

/** A status change or another one-button POST (unlink, restore, remove): a form of its own. */
export function ButtonForm({
  ed,
  action,
  label,
  fields = {},
  secondary,
}: {
  ed: Editorial;
  action: string;
  label: string;
  fields?: Record<string, string | number>;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={action} class="button-form">
      <Csrf ed={ed} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <button type="submit" class={secondary ? 'secondary' : undefined}>
        {label}
      </button>
    </form>
  );
}

export function Notice({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p class="notice" role="status">
      {text}
    </p>
  );
}

/** Text in the reader's language, else another; marked with its own language for screen readers. */
export function Localized({
  text,
  lang,
  fallback,
}: {
  text: LocalizedText | null | undefined;
  lang: Lang;
  fallback: string;
}) {
  const picked = pickText(text, lang);
  if (!picked) return fallback;
  return picked.lang === lang ? picked.text : <span lang={picked.lang}>{picked.text}</span>;
}

export function localized(text: LocalizedText | null | undefined, lang: Lang, fallback = ''): string {
  return pickText(text, lang)?.text ?? fallback;
}

export function StatusBadge({ status, t }: { status: RecordStatus; t: T }) {
  return <span class={`status status-${status}`}>{t(`status_${status}`)}</span>;
}

/** "CC 174 Incitement of discord", in the reader's language. */
export function articleLabel(
  article: ReferenceData['articles'][number],
  ed: Pick<Editorial, 't' | 'lang'>,
): string {
  return `${lawLabel(article.law, ed.t)} ${article.number} — ${localized(article.names, ed.lang, article.code)}`;
}

export function articleShort(code: string, t: T): string {
  const match = /^([A-Z]+)-(.+)$/.exec(code);
  return match?.[1] && match[2] ? `${lawLabel(match[1], t)} ${match[2]}` : code;
}

function lawLabel(law: string, t: T): string {
  switch (law) {
    case 'CC':
      return t('law_CC');
    case 'CAO':
      return t('law_CAO');
    case 'CPC':
      return t('law_CPC');
    case 'CIVC':
      return t('law_CIVC');
    case 'CONST':
      return t('law_CONST');
    default:
      return law;
  }
}

/** Shown above a form whose save was refused because the record moved on meanwhile. */
export function StaleNotice({ ed, href }: { ed: Editorial; href: string }) {
  return (
    <div class="notice stale-notice">
      <p>{ed.t('staleExplanation')}</p>
      <p>
        <a href={href} target="_blank" rel="noopener">
          {ed.t('openCurrentVersion')}
        </a>
      </p>
    </div>
  );
}
