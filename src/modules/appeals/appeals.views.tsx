import { type Translator, translator } from '../../i18n/define.ts';
import { formatDate } from '../../i18n/format.ts';
import { type Lang, type LocalizedText, langs, pickText } from '../../i18n/langs.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { Layout, type PageFrame } from '../../web/layout.tsx';
import { EditorialLayout } from '../auth/index.ts';
import { type TextBlock, textBlocks } from './appeals.documents.ts';
import { appealMessages } from './appeals.messages.ts';
import type { PublicAppeal, PublishedAppeal } from './appeals.service.ts';

/** An appeal's text as its author wrote it: paragraphs with their line breaks, and real lists. */
function TextBlocks({ blocks }: { blocks: TextBlock[] }) {
  return (
    <>
      {blocks.map((block, index) =>
        block.kind === 'paragraph' ? (
          <p key={index}>
            {block.lines.flatMap((line, lineIndex) =>
              lineIndex === 0 ? [line] : [<br key={lineIndex} />, line],
            )}
          </p>
        ) : block.ordered ? (
          <ol key={index} start={block.start}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>{item}</li>
            ))}
          </ol>
        ) : (
          <ul key={index}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

type T = Translator<keyof (typeof appealMessages)['en']>;
const tFor = (lang: Lang): T => translator(appealMessages, lang);
const text = (value: LocalizedText | null | undefined, lang: Lang) => pickText(value, lang)?.text ?? '';

function Flash({ flash }: { flash: { kind: 'info' | 'error'; text: string } | undefined }) {
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

export function AppealsPage({ frame, appeals }: { frame: PageFrame; appeals: PublicAppeal[] }) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  return (
    <Layout frame={frame}>
      <h1>{t('appealsTitle')}</h1>
      <p>{t('appealsIntro')}</p>
      <p>
        <a href={`/${lang}/appeals/feed.xml`} type="application/atom+xml">
          {t('feedLink')}
        </a>
      </p>
      {appeals.length === 0 ? (
        <p>{t('noAppeals')}</p>
      ) : (
        <ul class="appeal-list">
          {appeals.map((appeal) => {
            const title = pickText(appeal.title, lang);
            return (
              <li key={appeal.id}>
                <h2>
                  <a href={`/${lang}/appeals/${appeal.id}`} lang={title?.lang}>
                    {title?.text ?? ''}
                  </a>
                </h2>
                <p class="meta">
                  {formatDate(appeal.date, lang)}
                  {appeal.addressees.length > 0 ? ` · ${appeal.addressees.slice(0, 3).join('; ')}` : ''}
                  {appeal.addressees.length > 3 ? '…' : ''}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}

export function AppealPage({ frame, published }: { frame: PageFrame; published: PublishedAppeal }) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  const { appeal } = published;
  const title = pickText(appeal.title, lang);
  const body = pickText(appeal.body, lang);
  const otherLanguages = langs.filter((code) => code !== lang && (appeal.body[code] ?? '') !== '');
  return (
    <Layout frame={frame}>
      <p>
        <a href={`/${lang}/appeals`}>{t('backToAppeals')}</a>
      </p>
      <article>
        <h1 lang={title?.lang}>{title?.text ?? ''}</h1>
        <p class="meta">
          <time dateTime={appeal.date}>{formatDate(appeal.date, lang)}</time>
        </p>
        <p class="downloads">
          <a href={`/${lang}/appeals/${appeal.id}.pdf`}>{t('downloadPdf')}</a> ·{' '}
          <a href={`/${lang}/appeals/${appeal.id}.docx`}>{t('downloadDocx')}</a>
          {otherLanguages.length > 0 ? (
            <>
              {' · '}
              {t('otherLanguages')}:{' '}
              {otherLanguages.map((code, index) => (
                <span key={code}>
                  {index > 0 ? ', ' : ''}
                  <a href={`/${code}/appeals/${appeal.id}`} hrefLang={code} lang={code}>
                    {code.toUpperCase()}
                  </a>
                </span>
              ))}
            </>
          ) : null}
        </p>
        {appeal.addressees.length > 0 ? (
          <section aria-labelledby="addressees">
            <h2 id="addressees">{t('addresseesHeading')}</h2>
            <ul>
              {appeal.addressees.map((addressee) => (
                <li key={addressee}>{addressee}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="appeal-text">
          <h2 id="appeal-text">{t('textHeading')}</h2>
          {body && body.lang !== lang ? <p class="meta">{t('noTextInLanguage')}</p> : null}
          <div class="prose" lang={body?.lang}>
            <TextBlocks blocks={textBlocks(body?.text ?? '')} />
          </div>
        </section>
        {appeal.signatories.length > 0 ? (
          <section aria-labelledby="signatories">
            <h2 id="signatories">{t('signatoriesHeading')}</h2>
            <ul>
              {appeal.signatories.map((signatory) => (
                <li key={signatory}>{signatory}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {published.incidents.length > 0 ? (
          <section aria-labelledby="appeal-incidents">
            <h2 id="appeal-incidents">{t('incidentsHeading')}</h2>
            <ul>
              {published.incidents.map((incident) => (
                <li key={incident.id}>
                  <a href={`/${lang}/incidents/${encodeURIComponent(incident.id)}`}>
                    {text(incident.title, lang)}
                  </a>{' '}
                  <span class="meta">{formatDate(incident.date, lang)}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {published.cases.length > 0 ? (
          <section aria-labelledby="appeal-cases">
            <h2 id="appeal-cases">{t('casesHeading')}</h2>
            <ul>
              {published.cases.map((item) => (
                <li key={item.id}>
                  <a href={`/${lang}/cases/${encodeURIComponent(item.id)}`}>
                    {text(item.title, lang) || item.id}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="appeal-responses">
          <h2 id="appeal-responses">{t('responsesHeading')}</h2>
          {published.responses.length === 0 ? (
            <p>{t('noResponses')}</p>
          ) : (
            published.responses.map((response, index) => (
              <div key={index} class="response">
                <h3>
                  {t('responseFrom', {
                    responder: response.responder,
                    date: formatDate(response.date, lang),
                  })}
                </h3>
                <TextBlocks blocks={textBlocks(response.text)} />
              </div>
            ))
          )}
        </section>
      </article>
    </Layout>
  );
}

export type EditorialAppealRow = {
  id: number;
  title: LocalizedText;
  date: string;
  status: 'draft' | 'published';
  incident_count: string | number | null;
};

export function EditorialAppealsPage({
  frame,
  user,
  appeals,
}: {
  frame: PageFrame;
  user: CurrentUser;
  appeals: EditorialAppealRow[];
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  return (
    <EditorialLayout frame={frame} user={user}>
      <h1>{t('editorialTitle')}</h1>
      <p>
        <a class="button" href={`/${lang}/editorial/appeals/new`}>
          {t('newAppeal')}
        </a>
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('colTitle')}</th>
              <th scope="col">{t('colDate')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colIncidents')}</th>
            </tr>
          </thead>
          <tbody>
            {appeals.map((appeal) => (
              <tr key={appeal.id}>
                <td>
                  <a href={`/${lang}/editorial/appeals/${appeal.id}`}>
                    {text(appeal.title, lang) || `#${appeal.id}`}
                  </a>
                </td>
                <td>{formatDate(appeal.date, lang)}</td>
                <td>{appeal.status === 'published' ? t('statusPublished') : t('statusDraft')}</td>
                <td>{Number(appeal.incident_count ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </EditorialLayout>
  );
}

export type SelectableIncident = {
  id: string;
  date: string;
  title: LocalizedText;
  summary: LocalizedText;
  status: string;
  region_labels: LocalizedText | null;
};

export function SelectIncidentsPage({
  frame,
  user,
  incidents,
  filters,
  regions,
  error,
}: {
  frame: PageFrame;
  user: CurrentUser;
  incidents: SelectableIncident[];
  filters: { from?: string | undefined; to?: string | undefined; region?: string | undefined };
  regions: Array<{ code: string; labels: LocalizedText }>;
  error?: string;
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  return (
    <EditorialLayout frame={frame} user={user}>
      <h1>{t('selectTitle')}</h1>
      <Flash flash={error ? { kind: 'error', text: error } : undefined} />
      <p>{t('selectIntro')}</p>
      <form method="get" action={`/${lang}/editorial/appeals/new`} class="filters">
        <label for="sel-from">{t('filterFrom')}</label>{' '}
        <input id="sel-from" type="date" name="from" value={filters.from ?? ''} />{' '}
        <label for="sel-to">{t('filterTo')}</label>{' '}
        <input id="sel-to" type="date" name="to" value={filters.to ?? ''} />{' '}
        <label for="sel-region">{t('filterRegion')}</label>{' '}
        <select id="sel-region" name="region">
          <option value="">{t('allRegions')}</option>
          {regions.map((region) => (
            <option key={region.code} value={region.code} selected={filters.region === region.code}>
              {text(region.labels, lang)}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t('filterApply')}</button>
      </form>
      {incidents.length === 0 ? (
        <p>{t('noIncidents')}</p>
      ) : (
        <form method="post" action={`/${lang}/editorial/appeals`}>
          <input type="hidden" name="_csrf" value={frame.editorial?.csrfToken ?? ''} />
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('selectColumn')}</th>
                  <th scope="col">{t('colDate')}</th>
                  <th scope="col">{t('colTitle')}</th>
                  <th scope="col">{t('filterRegion')}</th>
                  <th scope="col">{t('colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {incidents.map((incident) => (
                  <tr key={incident.id}>
                    <td>
                      <input
                        type="checkbox"
                        name="incidents"
                        value={incident.id}
                        id={`pick-${incident.id}`}
                        aria-labelledby={`pick-title-${incident.id}`}
                      />
                    </td>
                    <td>{formatDate(incident.date, lang)}</td>
                    <td id={`pick-title-${incident.id}`}>
                      <label for={`pick-${incident.id}`}>{text(incident.title, lang) || incident.id}</label>
                    </td>
                    <td>{text(incident.region_labels, lang)}</td>
                    <td>{incident.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit">{t('draftButton')}</button>
        </form>
      )}
    </EditorialLayout>
  );
}

export type EditableAppeal = {
  id: number;
  version: number;
  status: 'draft' | 'published';
  title: LocalizedText;
  body: LocalizedText;
  date: string;
  addressees: string[];
  signatories: string[];
};

export type AppealFormValues = {
  title: Record<Lang, string>;
  body: Record<Lang, string>;
  date: string;
  addressees: string;
  signatories: string;
  incidents: string;
  cases: string;
};

export function EditAppealPage({
  frame,
  user,
  appeal,
  values,
  links,
  responses,
  flash,
}: {
  frame: PageFrame;
  user: CurrentUser;
  appeal: EditableAppeal;
  values: AppealFormValues;
  links: { incidents: Array<{ id: string; title: LocalizedText; status: string }> };
  responses: Array<{ id: number; date: string; responder: string; body: string }>;
  flash?: { kind: 'info' | 'error'; text: string };
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  const csrf = frame.editorial?.csrfToken ?? '';
  const base = `/${lang}/editorial/appeals/${appeal.id}`;
  const langName = (code: Lang) => t(`langName_${code}`);
  return (
    <EditorialLayout frame={frame} user={user}>
      <p>
        <a href={`/${lang}/editorial/appeals`}>{t('editorialTitle')}</a>
      </p>
      <h1>{t('editTitle')}</h1>
      <Flash flash={flash} />
      <p>
        {t('colStatus')}:{' '}
        <strong class="appeal-status">
          {appeal.status === 'published' ? t('statusPublished') : t('statusDraft')}
        </strong>
        {appeal.status === 'published' ? (
          <>
            {' · '}
            <a href={`/${lang}/appeals/${appeal.id}`}>{t('viewPublic')}</a>
          </>
        ) : null}
      </p>
      <form method="post" action={base} class="editorial-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="version" value={String(appeal.version)} />
        {langs.map((code) => (
          <div class="field" key={`title-${code}`}>
            <label for={`title-${code}`}>{t('fieldTitle', { lang: langName(code) })}</label>
            <input
              id={`title-${code}`}
              name={`title_${code}`}
              type="text"
              lang={code}
              value={values.title[code]}
            />
          </div>
        ))}
        <div class="field">
          <label for="appeal-date">{t('fieldDate')}</label>
          <input id="appeal-date" name="date" type="date" value={values.date} required />
        </div>
        <div class="field">
          <label for="appeal-addressees">{t('fieldAddressees')}</label>
          <textarea id="appeal-addressees" name="addressees" rows={5}>
            {values.addressees}
          </textarea>
        </div>
        {langs.map((code) => (
          <div class="field" key={`body-${code}`}>
            <label for={`body-${code}`}>{t('fieldBody', { lang: langName(code) })}</label>
            <textarea
              id={`body-${code}`}
              name={`body_${code}`}
              rows={code === lang || values.body[code] ? 18 : 4}
              lang={code}
            >
              {values.body[code]}
            </textarea>
          </div>
        ))}
        <div class="field">
          <label for="appeal-signatories">{t('fieldSignatories')}</label>
          <textarea id="appeal-signatories" name="signatories" rows={6}>
            {values.signatories}
          </textarea>
        </div>
        <div class="field">
          <label for="appeal-incidents">{t('fieldIncidents')}</label>
          <input id="appeal-incidents" name="incidents" type="text" value={values.incidents} />
          <ul class="meta">
            {links.incidents.map((incident) => (
              <li key={incident.id}>
                {incident.id}: {text(incident.title, lang)} ({incident.status})
              </li>
            ))}
          </ul>
        </div>
        <div class="field">
          <label for="appeal-cases">{t('fieldCases')}</label>
          <input id="appeal-cases" name="cases" type="text" value={values.cases} />
        </div>
        <button type="submit">{t('save')}</button>
      </form>
      <form
        method="post"
        action={`${base}/${appeal.status === 'published' ? 'unpublish' : 'publish'}`}
        class="inline-form"
      >
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="version" value={String(appeal.version)} />
        <button type="submit" class={appeal.status === 'published' ? 'secondary' : undefined}>
          {appeal.status === 'published' ? t('unpublish') : t('publish')}
        </button>
      </form>
      <section aria-labelledby="responses-heading">
        <h2 id="responses-heading">{t('responsesHeading')}</h2>
        {responses.length === 0 ? <p>{t('noResponses')}</p> : null}
        {responses.map((response) => (
          <div key={response.id} class="response">
            <h3>
              {t('responseFrom', { responder: response.responder, date: formatDate(response.date, lang) })}
            </h3>
            <TextBlocks blocks={textBlocks(response.body)} />
          </div>
        ))}
        <h3>{t('responseFormHeading')}</h3>
        <form method="post" action={`${base}/responses`} class="editorial-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <div class="field">
            <label for="response-date">{t('fieldResponseDate')}</label>
            <input id="response-date" name="date" type="date" required />
          </div>
          <div class="field">
            <label for="response-responder">{t('fieldResponder')}</label>
            <input id="response-responder" name="responder" type="text" required />
          </div>
          <div class="field">
            <label for="response-text">{t('fieldResponseText')}</label>
            <textarea id="response-text" name="text" rows={6} required />
          </div>
          <button type="submit">{t('addResponse')}</button>
        </form>
      </section>
    </EditorialLayout>
  );
}

/** The step between the Publish button and publication; a plain form, so it works without script. */
export function ConfirmPublishAppealPage({
  frame,
  user,
  appeal,
}: {
  frame: PageFrame;
  user: CurrentUser;
  appeal: EditableAppeal;
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  const base = `/${lang}/editorial/appeals/${appeal.id}`;
  const written = langs.filter((code) => (appeal.body[code] ?? '').trim() !== '');
  const missing = langs.filter((code) => !written.includes(code));
  const names = (codes: Lang[]) => codes.map((code) => t(`langName_${code}`)).join(', ');
  return (
    <EditorialLayout frame={frame} user={user}>
      <h1>{t('confirmPublishTitle')}</h1>
      <p>
        {t('confirmPublishText', {
          title: pickText(appeal.title, lang)?.text ?? '',
          langs: names(written),
        })}
      </p>
      {missing.length > 0 ? (
        <p class="notice translation-gaps">{t('confirmPublishMissing', { langs: names(missing) })}</p>
      ) : null}
      <form method="post" action={`${base}/publish`} class="inline-form">
        <input type="hidden" name="_csrf" value={frame.editorial?.csrfToken ?? ''} />
        <input type="hidden" name="version" value={String(appeal.version)} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit">{t('confirmPublish')}</button> <a href={base}>{t('cancel')}</a>
      </form>
    </EditorialLayout>
  );
}
