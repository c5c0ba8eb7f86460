import type { ComponentChildren } from 'preact';
import { type Translator, translator } from '../../i18n/define.ts';
import { type Lang, type LocalizedText, langs, pickText } from '../../i18n/langs.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { Layout, type PageFrame } from '../../web/layout.tsx';
import { EditorialLayout } from '../auth/index.ts';
import { registerMessages } from './registers.messages.ts';

export type T = Translator<keyof (typeof registerMessages)['en']>;
export const tFor = (lang: Lang): T => translator(registerMessages, lang);
export const text = (value: LocalizedText | null | undefined, lang: Lang) =>
  pickText(value, lang)?.text ?? '';
export type Region = { code: string; labels: LocalizedText };
export type FlashMessage = { kind: 'info' | 'error'; text: string };

export function regionName(regions: readonly Region[], code: string | null, lang: Lang) {
  if (!code) return '';
  return text(regions.find((region) => region.code === code)?.labels, lang) || code;
}

/** A link with filters in its query; empty values are left out so that each number has one address. */
export function filteredHref(base: string, filters: Record<string, string | number | undefined | null>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const rendered = query.toString();
  return rendered ? `${base}?${rendered}` : base;
}

export function Flash({ flash }: { flash: FlashMessage | undefined }) {
  if (!flash) return null;
  return (
    <div
      class={flash.kind === 'error' ? 'notice notice-error' : 'notice'}
      role={flash.kind === 'error' ? 'alert' : 'status'}
    >
      {flash.text}
    </div>
  );
}

export function SelectField({
  id,
  label,
  value,
  options,
}: {
  id: string;
  label: string;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={id}>
        {options.map(([code, name]) => (
          <option key={code} value={code} selected={value === code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function InputField({
  id,
  label,
  value,
  type = 'text',
  required = false,
}: {
  id: string;
  label: string;
  value: string;
  type?: 'text' | 'date' | 'url';
  required?: boolean;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} name={id} type={type} value={value} required={required} />
    </div>
  );
}

/** One textarea per language for text stored as {kk, ru, en}. */
export function LocalizedFields({
  name,
  label,
  values,
  t,
}: {
  name: string;
  label: (lang: string) => string;
  values: Record<Lang, string>;
  t: T;
}) {
  return (
    <>
      {langs.map((code) => (
        <div class="field" key={code}>
          <label for={`${name}_${code}`}>{label(t(`langName_${code}`))}</label>
          <textarea id={`${name}_${code}`} name={`${name}_${code}`} lang={code} rows={3}>
            {values[code]}
          </textarea>
        </div>
      ))}
    </>
  );
}

export function RegionOptions(regions: readonly Region[], lang: Lang, emptyLabel: string) {
  return [
    ['', emptyLabel] as const,
    ...regions.map((region) => [region.code, text(region.labels, lang)] as const),
  ];
}

/**
 * The top of an editorial record page: the way back, the title, the message of the last action, the
 * record's status with its public page, and publish or withdraw (the form carries the version).
 */
export function RecordHeading({
  lang,
  title,
  flash,
  record,
}: {
  lang: Lang;
  title: string;
  flash: FlashMessage | undefined;
  record?: {
    status: 'draft' | 'published';
    version: number;
    publicPath: string;
    base: string;
    csrf: string;
  };
}) {
  const t = tFor(lang);
  const action = record?.status === 'published' ? 'unpublish' : 'publish';
  return (
    <>
      <p>
        <a href={`/${lang}/editorial/registers`}>{t('editorialTitle')}</a>
      </p>
      <h1>{title}</h1>
      <Flash flash={flash} />
      {record ? (
        <>
          <p>
            {t('colStatus')}:{' '}
            <strong>{record.status === 'published' ? t('statusPublished') : t('statusDraft')}</strong>
            {record.status === 'published' ? (
              <>
                {' · '}
                <a href={record.publicPath}>{t('viewPublic')}</a>
              </>
            ) : null}
          </p>
          <form method="post" action={`${record.base}/${action}`} class="inline-form">
            <input type="hidden" name="_csrf" value={record.csrf} />
            <input type="hidden" name="version" value={String(record.version)} />
            <button type="submit">{t(action)}</button>
          </form>
        </>
      ) : null}
    </>
  );
}

export function RegistersPage({
  frame,
  blockedNow,
  refusals,
}: {
  frame: PageFrame;
  blockedNow: number;
  refusals: number;
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  return (
    <Layout frame={frame}>
      <h1>{t('registersTitle')}</h1>
      <p>{t('registersIntro')}</p>
      <section aria-labelledby="register-blocking">
        <h2 id="register-blocking">
          <a href={`/${lang}/registers/blocking`}>{t('blockingTitle')}</a>
        </h2>
        <p>{t('blockingIntro')}</p>
        <p>
          {t('filterBlocked')}:{' '}
          <a href={`/${lang}/registers/blocking?state=blocked`}>
            <strong>{blockedNow}</strong>
          </a>
        </p>
      </section>
      <section aria-labelledby="register-refusals">
        <h2 id="register-refusals">
          <a href={`/${lang}/registers/refusals`}>{t('refusalsTitle')}</a>
        </h2>
        <p>{t('refusalsIntro')}</p>
        <p>
          {t('colRefusals')}:{' '}
          <a href={`/${lang}/registers/refusals/records?answer=refusals`}>
            <strong>{refusals}</strong>
          </a>
        </p>
      </section>
    </Layout>
  );
}

export function EditorialRegistersPage({
  frame,
  user,
  children,
}: {
  frame: PageFrame;
  user: CurrentUser;
  children: ComponentChildren;
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  return (
    <EditorialLayout frame={frame} user={user}>
      <h1>{t('editorialTitle')}</h1>
      <p>
        <a href={`/${lang}/editorial/registers/blocking/new`}>{t('newBlocking')}</a> ·{' '}
        <a href={`/${lang}/editorial/registers/refusals/new`}>{t('newRequest')}</a>
      </p>
      {children}
    </EditorialLayout>
  );
}
