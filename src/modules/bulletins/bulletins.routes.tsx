import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { z } from 'zod';
import type { BulletinSection } from '../../db/types.ts';
import { translator } from '../../i18n/define.ts';
import { formatDate, formatMonth } from '../../i18n/format.ts';
import { type Lang, type LocalizedText, langs } from '../../i18n/langs.ts';
import type { AppDeps, ModuleOptions } from '../../lib/deps.ts';
import { AppError, isAppError } from '../../lib/errors.ts';
import { pathWithoutLang, sendPage } from '../../lib/http.ts';
import { parseInput } from '../../lib/input.ts';
import { Layout, type PageFrame } from '../../web/layout.tsx';
import {
  EditorialLayout,
  editorialFrame,
  editorialGuard,
  requireRole,
  serviceContext,
  verifyCsrf,
} from '../auth/index.ts';
import { figureName, loadFigureLabels, loadTaxonomy, parseMonth } from '../stats/index.ts';
import { type AssembledBulletin, assembleBulletin, bulletinSections } from './assemble.ts';
import { BulletinArticle, type FigureLinker } from './bulletin.view.tsx';
import { bulletinPageMessages } from './bulletins.messages.ts';
import {
  findBulletin,
  findBulletinItems,
  listAllBulletins,
  listPublishedBulletins,
} from './bulletins.repo.ts';
import { bulletinTextsForm, monthForm, moveForm, versionForm } from './bulletins.schemas.ts';
import {
  bulletinDrift,
  createBulletinDraft,
  loadBulletinInput,
  moveBulletinItem,
  publishBulletin,
  refreshBulletinItems,
  updateBulletinTexts,
} from './bulletins.service.ts';
import { renderBulletin, reportContentTypes } from './report.ts';
import { translationGaps } from './translation-status.ts';

const langParams = z.object({ lang: z.enum(langs) });
const monthParams = z.object({ lang: z.enum(langs), month: z.string().regex(/^\d{4}-\d{2}$/) });
const downloadParams = monthParams.extend({ format: z.enum(['md', 'pdf', 'docx']) });
const previewParams = monthParams.extend({ show: z.enum(langs) });

const languageNames: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
const editors = ['editor', 'admin'] as const;

const figureLinker =
  (lang: Lang, month: string): FigureLinker =>
  (figure) =>
    `/${lang}/statistics/records?month=${month}&scope=${figure.scope}&figure=${encodeURIComponent(figure.path)}`;
const recordHref = (lang: Lang) => (record: { type: 'incident' | 'case'; id: string }) =>
  `/${lang}/${record.type === 'incident' ? 'incidents' : 'cases'}/${encodeURIComponent(record.id)}`;

function frameOf(request: FastifyRequest, deps: AppDeps, lang: Lang, title: string): PageFrame {
  return {
    lang,
    pathWithoutLang: pathWithoutLang(request.url),
    title,
    organization: deps.config.organization,
  };
}

/** An editorial page: the editorial shell (navigation, who is signed in, sign-out) around the content. */
function editorialPage(
  request: FastifyRequest,
  deps: AppDeps,
  lang: Lang,
  title: string,
  children: ComponentChildren,
) {
  const user = requireRole(request, editors);
  const frame = editorialFrame(request, { lang, title, organization: deps.config.organization });
  return (
    <EditorialLayout frame={frame} user={user}>
      {children}
    </EditorialLayout>
  );
}

function Csrf({ token }: { token: string | null }) {
  return <input type="hidden" name="_csrf" value={token ?? ''} />;
}

export const bulletinRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  const published = async (lang: Lang, month: string): Promise<AssembledBulletin> => {
    const input = await loadBulletinInput(deps.db, deps.config.organization, parseMonth(month), {
      includeDraft: false,
      live: false,
    });
    if (!input) throw new AppError('not_found', `no bulletin is published for ${month}`);
    return assembleBulletin(input, lang);
  };

  // The public archive: published bulletins only.
  app.get('/:lang(kk|ru|en)/bulletins', { schema: { params: langParams } }, async (request, reply) => {
    const { lang } = request.params as z.infer<typeof langParams>;
    const t = translator(bulletinPageMessages, lang);
    const rows = await listPublishedBulletins(deps.db);
    return sendPage(
      reply,
      <Layout frame={frameOf(request, deps, lang, t('archiveTitle'))}>
        <h1>{t('archiveTitle')}</h1>
        <p>{t('archiveIntro')}</p>
        {rows.length === 0 ? (
          <p>{t('archiveEmpty')}</p>
        ) : (
          <ul class="bulletin-archive">
            {rows.map((row) => {
              const month = row.month.slice(0, 7);
              return (
                <li key={month}>
                  <a href={`/${lang}/bulletins/${month}`}>{formatMonth(month, lang, { capitalize: true })}</a>{' '}
                  <span class="muted">
                    (<a href={`/${lang}/bulletins/${month}/pdf`}>{t('downloadPdf')}</a>,{' '}
                    <a href={`/${lang}/bulletins/${month}/docx`}>{t('downloadDocx')}</a>,{' '}
                    <a href={`/${lang}/bulletins/${month}/md`}>{t('downloadMd')}</a>)
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </Layout>,
    );
  });

  app.get(
    '/:lang(kk|ru|en)/bulletins/:month',
    { schema: { params: monthParams } },
    async (request, reply) => {
      const { lang, month } = request.params as z.infer<typeof monthParams>;
      const t = translator(bulletinPageMessages, lang);
      const bulletin = await published(lang, month);
      return sendPage(
        reply,
        <Layout frame={frameOf(request, deps, lang, bulletin.title)}>
          <BulletinArticle
            bulletin={bulletin}
            link={figureLinker(lang, month)}
            recordHref={recordHref(lang)}
          />
          <nav aria-label={t('download')} class="bulletin-downloads">
            <h2>{t('download')}</h2>
            <ul>
              {(['pdf', 'docx', 'md'] as const).map((format) => (
                <li key={format}>
                  <a href={`/${lang}/bulletins/${month}/${format}`} download>
                    {t(format === 'pdf' ? 'downloadPdf' : format === 'docx' ? 'downloadDocx' : 'downloadMd')}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </Layout>,
      );
    },
  );

  app.get(
    '/:lang(kk|ru|en)/bulletins/:month/:format',
    { schema: { params: downloadParams } },
    async (request, reply) => {
      const { lang, month, format } = request.params as z.infer<typeof downloadParams>;
      const output = await renderBulletin(await published(lang, month), format);
      return reply
        .type(reportContentTypes[format])
        .header('content-disposition', `attachment; filename="bulletin-${month}-${lang}.${format}"`)
        .send(output);
    },
  );

  // The editor's builder.
  app.get(
    '/:lang(kk|ru|en)/editorial/bulletins',
    { schema: { params: langParams }, preHandler: editorialGuard(deps, editors) },
    async (request, reply) => {
      requireRole(request, editors);
      const { lang } = request.params as z.infer<typeof langParams>;
      const t = translator(bulletinPageMessages, lang);
      const rows = await listAllBulletins(deps.db);
      return sendPage(
        reply,
        editorialPage(
          request,
          deps,
          lang,
          t('builderTitle'),
          <>
            <h1>{t('builderTitle')}</h1>
            <p>{t('builderIntro')}</p>
            <form method="post" action={`/${lang}/editorial/bulletins`} class="stack">
              <Csrf token={request.csrfToken} />
              <label for="bulletin-month">{t('month')}</label>
              <input
                id="bulletin-month"
                name="month"
                type="month"
                required
                pattern="\d{4}-\d{2}"
                placeholder="2024-05"
              />
              <button type="submit">{t('startDraft')}</button>
            </form>
            {rows.length > 0 ? (
              <table class="records">
                <thead>
                  <tr>
                    <th scope="col">{t('month')}</th>
                    <th scope="col">{t('status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <a href={`/${lang}/editorial/bulletins/${row.month.slice(0, 7)}`}>
                          {formatMonth(row.month.slice(0, 7), lang, { capitalize: true })}
                        </a>
                      </td>
                      <td>{row.status === 'published' ? t('statusPublished') : t('statusDraft')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </>,
        ),
      );
    },
  );

  app.post(
    '/:lang(kk|ru|en)/editorial/bulletins',
    { schema: { params: langParams }, preHandler: editorialGuard(deps, editors) },
    async (request, reply) => {
      requireRole(request, editors);
      verifyCsrf(request);
      const { lang } = request.params as z.infer<typeof langParams>;
      const form = parseInput(monthForm, request.body);
      const month = parseMonth(form.month.trim());
      await createBulletinDraft(serviceContext(request, deps), { month });
      return reply.redirect(`/${lang}/editorial/bulletins/${month}`, 303);
    },
  );

  /** The builder page; a form it refused comes back to it with the status and the reason. */
  const renderBuilder = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    month: string,
    refusal?: { status: number; message: string },
  ) => {
    const t = translator(bulletinPageMessages, lang);
    const bulletin = await findBulletin(deps.db, parseMonth(month));
    if (!bulletin) throw new AppError('not_found', `no bulletin for ${month}; start one from the list`);
    const input = await loadBulletinInput(deps.db, deps.config.organization, month, {
      includeDraft: true,
      live: false,
    });
    if (!input) throw new AppError('not_found', `no bulletin for ${month}`);
    const assembled = assembleBulletin(input, lang);
    const isDraft = bulletin.status === 'draft';
    const drift = isDraft ? null : await bulletinDrift(deps.db, month);
    const [figureLabels, taxonomy] = drift
      ? await Promise.all([loadFigureLabels(deps.db), loadTaxonomy(deps.db)])
      : [null, []];
    const itemRows = await findBulletinItems(deps.db, bulletin.id);
    const sectionHeadings = Object.fromEntries(
      assembled.sections.map((section) => [section.key, section.heading]),
    );
    const headingOf = (section: BulletinSection) =>
      sectionHeadings[section] ??
      assembleBulletin({ ...input, sectionNotes: { [section]: { [lang]: '-' } } }, lang).sections.find(
        (each) => each.key === section,
      )?.heading ??
      section;
    const scopeName = {
      month: t('scopeMonth'),
      ytd: t('scopeYtd'),
      same_period_last_year: t('scopeLastYear'),
    };
    const title = `${t('builderTitle')}: ${formatMonth(month, lang, { capitalize: true })}`;
    const savedParam = (request.query as Record<string, string | undefined>).saved;
    const saved = savedParam === '1' || savedParam === 'published';
    const gaps = translationGaps(input);
    return sendPage(
      reply,
      editorialPage(
        request,
        deps,
        lang,
        title,
        <>
          <h1>{title}</h1>
          {refusal ? (
            <p role="alert" class="error">
              {t('formRefused', { message: refusal.message })}
            </p>
          ) : null}
          {saved ? (
            <p role="status" class="notice">
              {savedParam === 'published' ? t('publishedDone') : t('saved')}
            </p>
          ) : null}
          <p>
            {t('status')}: <strong>{isDraft ? t('statusDraft') : t('statusPublished')}</strong>
            {bulletin.published_at
              ? ` · ${t('published', { date: formatDate(new Date(bulletin.published_at).toISOString().slice(0, 10), lang) })}`
              : ''}
          </p>
          <section aria-labelledby="translation-status">
            <h2 id="translation-status">{t('translationStatus')}</h2>
            <ul class="translation-status">
              {langs.map((each) => (
                <li key={each} class={gaps[each] > 0 ? 'translation-gap' : 'translation-complete'}>
                  {gaps[each] > 0
                    ? t('translationMissing', { language: languageNames[each], n: String(gaps[each]) })
                    : t('translationComplete', { language: languageNames[each] })}
                </li>
              ))}
            </ul>
          </section>
          <nav aria-label={t('preview')}>
            <ul>
              {langs.map((show) => (
                <li key={show}>
                  <a href={`/${lang}/editorial/bulletins/${month}/preview/${show}`}>
                    {t('previewIn', { language: languageNames[show] })}
                  </a>
                </li>
              ))}
              {isDraft ? null : (
                <li>
                  <a href={`/${lang}/bulletins/${month}`}>{t('publicPage')}</a>
                </li>
              )}
            </ul>
          </nav>

          {drift ? (
            <section aria-labelledby="drift">
              <h2 id="drift">{t('drift')}</h2>
              {drift.differences.length === 0 ? (
                <p>{t('driftNone')}</p>
              ) : (
                <table class="records">
                  <thead>
                    <tr>
                      <th scope="col">{t('driftFigure')}</th>
                      <th scope="col">{t('driftScope')}</th>
                      <th scope="col">{t('driftFrozen')}</th>
                      <th scope="col">{t('driftNow')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {drift.differences.map((difference) => (
                      <tr key={`${difference.scope}-${difference.path}`}>
                        <td>
                          <a
                            href={figureLinker(
                              lang,
                              month,
                            )?.({ scope: difference.scope, path: difference.path })}
                          >
                            {figureLabels
                              ? figureName(difference.path, figureLabels, lang, taxonomy)
                              : difference.path}
                          </a>
                        </td>
                        <td>{scopeName[difference.scope]}</td>
                        <td>{difference.frozen}</td>
                        <td>{difference.current}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <h3>{t('driftRecords')}</h3>
              {drift.changedRecords.length === 0 ? (
                <p>{t('driftRecordsNone')}</p>
              ) : (
                <ul>
                  {drift.changedRecords.map((record) => (
                    <li key={`${record.type}:${record.id}`}>
                      <a
                        href={`/${lang}/editorial/${record.type === 'incident' ? 'incidents' : 'cases'}/${encodeURIComponent(record.id)}`}
                      >
                        {record.type}: {record.id}
                      </a>{' '}
                      ({formatDate(record.lastChange.slice(0, 10), lang)}, ×{record.changes})
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}

          <section aria-labelledby="items">
            <h2 id="items">{t('items')}</h2>
            {isDraft ? <p>{t('itemsHint')}</p> : null}
            {itemRows.length === 0 ? <p>{t('noneInMonth')}</p> : null}
            {bulletinSections.map((section) => {
              const rows = itemRows.filter((row) => row.section === section);
              const assembledItems = new Map(
                assembled.sections.flatMap((each) => each.items).map((item) => [item.itemId, item]),
              );
              if (rows.length === 0) return null;
              return (
                <div key={section}>
                  <h3>{headingOf(section)}</h3>
                  <ol class="bulletin-items">
                    {rows.map((row, index) => {
                      const item = assembledItems.get(row.id);
                      const label = item
                        ? `${item.dateLabel ? `${item.dateLabel}. ` : ''}${item.heading}`
                        : (row.incident_id ?? row.case_id ?? '');
                      return (
                        <li key={row.id}>
                          <span>{label}</span>
                          {isDraft ? (
                            <form
                              method="post"
                              action={`/${lang}/editorial/bulletins/${month}/move`}
                              class="inline"
                            >
                              <Csrf token={request.csrfToken} />
                              <input type="hidden" name="item" value={String(row.id)} />
                              <button
                                type="submit"
                                name="direction"
                                value="up"
                                disabled={index === 0}
                                aria-label={t('moveUpLabel', { item: label })}
                              >
                                ↑ {t('moveUp')}
                              </button>
                              <button
                                type="submit"
                                name="direction"
                                value="down"
                                disabled={index === rows.length - 1}
                                aria-label={t('moveDownLabel', { item: label })}
                              >
                                ↓ {t('moveDown')}
                              </button>
                            </form>
                          ) : null}
                        </li>
                      );
                    })}
                  </ol>
                </div>
              );
            })}
            {isDraft ? (
              <form method="post" action={`/${lang}/editorial/bulletins/${month}/refresh`}>
                <Csrf token={request.csrfToken} />
                <input type="hidden" name="version" value={String(bulletin.version)} />
                <button type="submit">{t('refresh')}</button>
              </form>
            ) : null}
          </section>

          {isDraft ? (
            <section aria-labelledby="texts">
              <h2 id="texts">{t('texts')}</h2>
              <p>{t('textsHint')}</p>
              <form method="post" action={`/${lang}/editorial/bulletins/${month}/texts`} class="stack">
                <Csrf token={request.csrfToken} />
                <input type="hidden" name="version" value={String(bulletin.version)} />
                {langs.map((each) => (
                  <div key={each}>
                    <label for={`introduction-${each}`}>
                      {t('introduction', { lang: languageNames[each] })}
                    </label>
                    <textarea id={`introduction-${each}`} name={`introduction_${each}`} rows={4} lang={each}>
                      {bulletin.introduction[each] ?? ''}
                    </textarea>
                  </div>
                ))}
                {bulletinSections.map((section) => (
                  <details
                    key={section}
                    open={langs.some((each) => Boolean(bulletin.section_notes[section]?.[each]))}
                  >
                    <summary>{headingOf(section)}</summary>
                    {langs.map((each) => (
                      <div key={each}>
                        <label for={`note-${section}-${each}`}>
                          {t('sectionNote', { section: headingOf(section), lang: languageNames[each] })}
                        </label>
                        <textarea
                          id={`note-${section}-${each}`}
                          name={`note_${section}_${each}`}
                          rows={3}
                          lang={each}
                        >
                          {bulletin.section_notes[section]?.[each] ?? ''}
                        </textarea>
                      </div>
                    ))}
                  </details>
                ))}
                <button type="submit">{t('save')}</button>
              </form>
            </section>
          ) : null}

          {isDraft ? (
            <section aria-labelledby="publish">
              <h2 id="publish">{t('publish')}</h2>
              <p>{t('publishHint')}</p>
              <form method="post" action={`/${lang}/editorial/bulletins/${month}/publish`}>
                <Csrf token={request.csrfToken} />
                <input type="hidden" name="version" value={String(bulletin.version)} />
                <button type="submit" class="primary">
                  {t('publish')}
                </button>
              </form>
            </section>
          ) : null}
        </>,
      ),
      refusal?.status ?? 200,
    );
  };

  app.get(
    '/:lang(kk|ru|en)/editorial/bulletins/:month',
    { schema: { params: monthParams }, preHandler: editorialGuard(deps, editors) },
    async (request, reply) => {
      requireRole(request, editors);
      const { lang, month } = request.params as z.infer<typeof monthParams>;
      return renderBuilder(request, reply, lang, month);
    },
  );

  /** Runs a builder form's action; input it cannot parse shows the builder again with a 422. */
  const builderAction = async (
    request: FastifyRequest,
    reply: FastifyReply,
    action: (lang: Lang, month: string) => Promise<unknown>,
  ) => {
    requireRole(request, editors);
    verifyCsrf(request);
    const { lang, month } = request.params as z.infer<typeof monthParams>;
    try {
      return await action(lang, month);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'validation_failed') throw error;
      return renderBuilder(request, reply, lang, month, { status: 422, message: error.message });
    }
  };

  app.get(
    '/:lang(kk|ru|en)/editorial/bulletins/:month/preview/:show',
    { schema: { params: previewParams }, preHandler: editorialGuard(deps, editors) },
    async (request, reply) => {
      requireRole(request, editors);
      const { lang, month, show } = request.params as z.infer<typeof previewParams>;
      const t = translator(bulletinPageMessages, lang);
      const input = await loadBulletinInput(deps.db, deps.config.organization, parseMonth(month), {
        includeDraft: true,
        live: false,
      });
      if (!input) throw new AppError('not_found', `no bulletin for ${month}`);
      const bulletin = assembleBulletin(input, show);
      return sendPage(
        reply,
        editorialPage(
          request,
          deps,
          lang,
          `${t('preview')}: ${bulletin.title}`,
          <>
            <p>
              <a href={`/${lang}/editorial/bulletins/${month}`}>{t('backToBuilder')}</a>
            </p>
            <BulletinArticle
              bulletin={bulletin}
              link={figureLinker(show, month)}
              recordHref={recordHref(show)}
            />
          </>,
        ),
      );
    },
  );

  const bulletinIdOf = async (month: string) => {
    const bulletin = await findBulletin(deps.db, parseMonth(month));
    if (!bulletin) throw new AppError('not_found', `no bulletin for ${month}`);
    return bulletin.id;
  };
  const back = (reply: FastifyReply, lang: Lang, month: string) =>
    reply.redirect(`/${lang}/editorial/bulletins/${month}?saved=1`, 303);

  app.post(
    '/:lang(kk|ru|en)/editorial/bulletins/:month/texts',
    { schema: { params: monthParams }, preHandler: editorialGuard(deps, editors) },
    async (request, reply) =>
      builderAction(request, reply, async (lang, month) => {
        const form = parseInput(bulletinTextsForm, request.body) as Record<
          string,
          string | number | undefined
        >;
        const textOf = (prefix: string): LocalizedText =>
          Object.fromEntries(
            langs.flatMap((each) => {
              const value = String(form[`${prefix}_${each}`] ?? '').trim();
              return value ? [[each, value]] : [];
            }),
          );
        const sectionNotes: Partial<Record<BulletinSection, LocalizedText>> = {};
        for (const section of bulletinSections) {
          const note = textOf(`note_${section}`);
          if (Object.keys(note).length > 0) sectionNotes[section] = note;
        }
        await updateBulletinTexts(serviceContext(request, deps), {
          bulletinId: await bulletinIdOf(month),
          version: Number(form.version),
          introduction: textOf('introduction'),
          sectionNotes,
        });
        return back(reply, lang, month);
      }),
  );

  app.post(
    '/:lang(kk|ru|en)/editorial/bulletins/:month/move',
    { schema: { params: monthParams }, preHandler: editorialGuard(deps, editors) },
    async (request, reply) =>
      builderAction(request, reply, async (lang, month) => {
        const form = parseInput(moveForm, request.body);
        await moveBulletinItem(serviceContext(request, deps), {
          bulletinId: await bulletinIdOf(month),
          itemId: form.item,
          direction: form.direction,
        });
        return reply.redirect(`/${lang}/editorial/bulletins/${month}#items`, 303);
      }),
  );

  /** The step between the Publish button and publication: says what happens and which texts are missing. */
  const confirmPublish = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    month: string,
    version: number,
  ) => {
    const t = translator(bulletinPageMessages, lang);
    const input = await loadBulletinInput(deps.db, deps.config.organization, month, {
      includeDraft: true,
      live: false,
    });
    if (!input) throw new AppError('not_found', `no bulletin for ${month}`);
    const gaps = translationGaps(input);
    const missing = langs.filter((each) => gaps[each] > 0);
    return sendPage(
      reply,
      editorialPage(
        request,
        deps,
        lang,
        t('confirmPublishTitle'),
        <>
          <h1>{t('confirmPublishTitle')}</h1>
          <p>{t('confirmPublishText')}</p>
          {missing.length > 0 ? (
            <div class="notice translation-gaps">
              <p>{t('confirmGapsWarning')}</p>
              <ul>
                {missing.map((each) => (
                  <li key={each}>
                    {t('translationMissing', { language: languageNames[each], n: String(gaps[each]) })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <form method="post" action={`/${lang}/editorial/bulletins/${month}/publish`}>
            <Csrf token={request.csrfToken} />
            <input type="hidden" name="version" value={String(version)} />
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" class="primary">
              {t('confirmPublish')}
            </button>{' '}
            <a href={`/${lang}/editorial/bulletins/${month}`}>{t('cancel')}</a>
          </form>
        </>,
      ),
    );
  };

  // Refreshing the items and publishing take only the version the editor saw.
  const versionActions = { refresh: refreshBulletinItems, publish: publishBulletin } as const;
  for (const [name, action] of Object.entries(versionActions)) {
    app.post(
      `/:lang(kk|ru|en)/editorial/bulletins/:month/${name}`,
      { schema: { params: monthParams }, preHandler: editorialGuard(deps, editors) },
      async (request, reply) =>
        builderAction(request, reply, async (lang, month) => {
          const form = parseInput(versionForm, request.body);
          const confirmed = (request.body as Record<string, unknown> | undefined)?.confirm === 'yes';
          if (name === 'publish' && !confirmed)
            return confirmPublish(request, reply, lang, month, form.version);
          await action(serviceContext(request, deps), {
            bulletinId: await bulletinIdOf(month),
            version: form.version,
          });
          return name === 'publish'
            ? reply.redirect(`/${lang}/editorial/bulletins/${month}?saved=published`, 303)
            : back(reply, lang, month);
        }),
    );
  }
};
