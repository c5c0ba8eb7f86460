import type { ComponentChildren } from 'preact';
import { type Translator, translator } from '../../i18n/define.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { type Lang, type LocalizedText, langs, pickText } from '../../i18n/langs.ts';
import type { CurrentUser } from '../../lib/context.ts';
import type { PageFrame } from '../../web/layout.tsx';
import { CsrfField, EditorialLayout, ErrorSummary, Field, type FormError, Notice } from '../auth/index.ts';
import { intakeMessages } from './intake.messages.ts';
import type { CandidateRow, SourceRow } from './intake.repo.ts';
import { candidateStatuses, dismissReasons } from './intake.schemas.ts';

type T = Translator<keyof (typeof intakeMessages)['en']>;
export type Labelled = { code: string; labels: LocalizedText; group_code?: string };
export type Measures = {
  perDay: Array<{ day: string; count: number }>;
  total: number;
  toIncidents: number;
  dismissed: number;
  medianSecondsToDraft: number | null;
};

const tFor = (lang: Lang): T => translator(intakeMessages, lang);
const when = (value: Date | string, lang: Lang) => {
  const iso = value instanceof Date ? value.toISOString() : new Date(value).toISOString();
  return `${formatDate(iso.slice(0, 10), lang)} ${iso.slice(11, 16)} UTC`;
};
const label = (list: readonly Labelled[], code: string, lang: Lang) =>
  pickText(list.find((item) => item.code === code)?.labels, lang)?.text ?? code;

function IntakeShell(props: {
  frame: PageFrame;
  user: CurrentUser;
  title: string;
  current: 'queue' | 'sources' | 'paste' | 'candidate';
  children: ComponentChildren;
}) {
  const t = tFor(props.frame.lang);
  const base = `/${props.frame.lang}/editorial/intake`;
  const tabs = [
    { id: 'queue', href: base, text: t('linkQueue') },
    { id: 'sources', href: `${base}/sources`, text: t('linkSources') },
    { id: 'paste', href: `${base}/paste`, text: t('linkPaste') },
  ];
  return (
    <EditorialLayout frame={props.frame} user={props.user} current="intake">
      <link rel="stylesheet" href="/static/intake.css" />
      <h1>{props.title}</h1>
      <nav aria-label={t('navIntake')} class="intake-tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.id}>
              <a href={tab.href} aria-current={tab.id === props.current ? 'page' : undefined}>
                {tab.text}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </EditorialLayout>
  );
}

export type QueueView = {
  rows: CandidateRow[];
  groups: Map<number, CandidateRow[]>;
  total: number;
  page: number;
  pageSize: number;
  filters: {
    status: string;
    category?: string | undefined;
    lang?: string | undefined;
    region?: string | undefined;
    source?: number | undefined;
  };
  sources: Array<{ id: number; name: string }>;
};

export function QueuePage(props: {
  frame: PageFrame;
  user: CurrentUser;
  queue: QueueView;
  categories: Labelled[];
  regions: Labelled[];
  measures: Measures;
  notice?: ComponentChildren;
}) {
  const { frame, queue } = props;
  const lang = frame.lang;
  const t = tFor(lang);
  const base = `/${lang}/editorial/intake`;
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(queue.filters))
      if (value !== undefined && value !== '') params.set(key, String(value));
    params.set('page', String(page));
    return `${base}?${params.toString()}`;
  };
  return (
    <IntakeShell frame={frame} user={props.user} title={t('queueTitle')} current="queue">
      <p>{t('queueIntro')}</p>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <MeasuresPanel lang={lang} measures={props.measures} />
      <form method="get" action={base} class="intake-filters">
        <fieldset>
          <legend>{t('filtersLegend')}</legend>
          <FilterSelect
            id="f-status"
            name="status"
            label={t('filterStatus')}
            value={queue.filters.status}
            options={candidateStatuses.map((status) => ({ value: status, text: t(`status_${status}`) }))}
          />
          <FilterSelect
            id="f-category"
            name="category"
            label={t('filterCategory')}
            value={queue.filters.category}
            any={t('any')}
            options={props.categories
              .filter((category) => category.group_code !== 'legal')
              .map((category) => ({
                value: category.code,
                text: label(props.categories, category.code, lang),
              }))}
          />
          <FilterSelect
            id="f-lang"
            name="lang"
            label={t('filterLang')}
            value={queue.filters.lang}
            any={t('any')}
            options={langs.map((code) => ({ value: code, text: t(`lang_${code}`) }))}
          />
          <FilterSelect
            id="f-region"
            name="region"
            label={t('filterRegion')}
            value={queue.filters.region}
            any={t('any')}
            options={props.regions.map((region) => ({
              value: region.code,
              text: label(props.regions, region.code, lang),
            }))}
          />
          <FilterSelect
            id="f-source"
            name="source"
            label={t('filterSource')}
            value={queue.filters.source === undefined ? undefined : String(queue.filters.source)}
            any={t('any')}
            options={queue.sources.map((source) => ({ value: String(source.id), text: source.name }))}
          />
          <button type="submit">{t('filterApply')}</button>
        </fieldset>
      </form>
      <p>
        {t('shown', { shown: formatNumber(queue.rows.length, lang), total: formatNumber(queue.total, lang) })}
      </p>
      {queue.rows.length === 0 ? <p>{t('empty')}</p> : null}
      <ol class="intake-queue">
        {queue.rows.map((row) => (
          <li key={row.id}>
            <CandidateCard
              lang={lang}
              frame={frame}
              row={row}
              group={(queue.groups.get(Number(row.group_id)) ?? []).filter((other) => other.id !== row.id)}
              categories={props.categories}
              regions={props.regions}
              headingLevel={2}
            />
          </li>
        ))}
      </ol>
      <nav aria-label={t('shown', { shown: queue.rows.length, total: queue.total })} class="intake-pages">
        {queue.page > 1 ? <a href={pageLink(queue.page - 1)}>{t('previous')}</a> : null}{' '}
        {queue.page * queue.pageSize < queue.total ? (
          <a href={pageLink(queue.page + 1)}>{t('next')}</a>
        ) : null}
      </nav>
    </IntakeShell>
  );
}

function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  any?: string;
  options: Array<{ value: string; text: string }>;
}) {
  return (
    <span class="intake-filter">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name}>
        {props.any ? <option value="">{props.any}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={props.value === option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </span>
  );
}

function MeasuresPanel({ lang, measures }: { lang: Lang; measures: Measures }) {
  const t = tFor(lang);
  const share = measures.total === 0 ? 0 : measures.toIncidents / measures.total;
  const percent = new Intl.NumberFormat(lang === 'kk' ? 'kk-KZ' : lang === 'ru' ? 'ru-RU' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
  return (
    <section class="intake-measures" aria-labelledby="intake-measures-title">
      <h2 id="intake-measures-title">{t('measuresTitle')}</h2>
      <ul>
        <li>{t('measuresCandidates', { count: formatNumber(measures.total, lang) })}</li>
        <li>{t('measuresShare', { share: percent })}</li>
        <li>
          {measures.medianSecondsToDraft === null
            ? t('measuresNoDrafts')
            : t('measuresMedian', {
                hours: formatNumber(Math.round(measures.medianSecondsToDraft / 360) / 10, lang),
              })}
        </li>
      </ul>
      {measures.perDay.length > 0 ? (
        <table class="intake-per-day">
          <caption>{t('measuresPerDay')}</caption>
          <tbody>
            {measures.perDay.map((row) => (
              <tr key={row.day}>
                <th scope="row">{formatDate(row.day, lang)}</th>
                <td>{formatNumber(row.count, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

export function CandidateCard(props: {
  lang: Lang;
  frame: PageFrame;
  row: CandidateRow;
  group: CandidateRow[];
  categories: Labelled[];
  regions: Labelled[];
  headingLevel: 2 | 3;
}) {
  const { lang, row } = props;
  const t = tFor(lang);
  const base = `/${lang}/editorial/intake`;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const suggestions = row.suggestions;
  const topMatch = row.matches[0]?.id ?? '';
  return (
    <article class="intake-card" aria-labelledby={`cand-${row.id}-title`} lang={row.lang}>
      <Heading id={`cand-${row.id}-title`}>
        <a href={`${base}/candidates/${row.id}`}>{row.title}</a>
      </Heading>
      <p class="intake-meta" lang={lang}>
        {row.published_at
          ? `${t('published')}: ${when(row.published_at, lang)}`
          : `${t('received')}: ${when(row.created_at, lang)}`}
        {' · '}
        {t(`lang_${row.lang}`)}
        {' · '}
        {row.origin === 'paste' ? t('pasted') : `${t('source')}: ${row.source_name ?? t('none')}`}
        {row.outlet ? ` · ${t('outlet')}: ${row.outlet}` : ''}
        {row.link ? (
          <>
            {' · '}
            <a href={row.link} rel="noopener noreferrer nofollow" target="_blank">
              {t('openLink')}
            </a>
          </>
        ) : null}
      </p>
      {row.excerpt ? <p class="intake-excerpt">{row.excerpt}</p> : null}
      <dl class="intake-suggestions" lang={lang}>
        <dt>{t('categories')}</dt>
        <dd>
          {suggestions.categories.length === 0
            ? t('none')
            : suggestions.categories
                .slice(0, 4)
                .map((s) => `${label(props.categories, s.code, lang)} (${Math.round(s.confidence * 100)}%)`)
                .join(', ')}
        </dd>
        <dt>{t('people')}</dt>
        <dd>
          {suggestions.people.length === 0 ? t('none') : suggestions.people.map((p) => p.name).join(', ')}
        </dd>
        <dt>{t('places')}</dt>
        <dd>
          {suggestions.places.length === 0
            ? t('none')
            : suggestions.places.map((p) => `${p.name} (${label(props.regions, p.region, lang)})`).join(', ')}
        </dd>
        {suggestions.articles.length > 0 ? (
          <>
            <dt>{t('articles')}</dt>
            <dd>{suggestions.articles.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {props.group.length > 0 ? (
        <details class="intake-group" lang={lang}>
          <summary>{t('sameStory', { count: props.group.length })}</summary>
          <ul>
            {props.group.map((other) => (
              <li key={other.id} lang={other.lang}>
                <a href={`${base}/candidates/${other.id}`}>{other.title}</a> (
                {other.outlet ?? other.source_name ?? t('pasted')}, {t(`status_${other.status}`)})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {row.matches.length > 0 ? (
        <div class="intake-matches" lang={lang}>
          <p>{t('matches')}:</p>
          <ul>
            {row.matches.map((match) => (
              <li key={match.id}>
                <a href={`/${lang}/editorial/incidents/${encodeURIComponent(match.id)}`}>
                  {match.id}: {match.title}
                </a>{' '}
                ({match.reasons.map((reason) => t(`reason_${reason}`)).join(', ')})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div lang={lang}>
        {row.status === 'new' ? (
          <CandidateActions frame={props.frame} id={row.id} topMatch={topMatch} t={t} base={base} />
        ) : (
          <p class="intake-decided">
            {row.status === 'dismissed'
              ? t('decidedDismissed', {
                  reason: t(`reason_${row.dismiss_reason as (typeof dismissReasons)[number]}`),
                })
              : t(row.status === 'drafted' ? 'decidedDrafted' : 'decidedAttached', {
                  incident: row.incident_id ?? '—',
                })}
            {row.incident_id ? (
              <>
                {' '}
                <a href={`/${lang}/editorial/incidents/${encodeURIComponent(row.incident_id)}`}>
                  {row.incident_id}
                </a>
              </>
            ) : null}
          </p>
        )}
      </div>
    </article>
  );
}

function CandidateActions(props: { frame: PageFrame; id: number; topMatch: string; t: T; base: string }) {
  const { t, id, base } = props;
  return (
    <div class="intake-actions">
      <form method="post" action={`${base}/candidates/${id}/draft`}>
        <CsrfField frame={props.frame} />
        <button type="submit" class="primary">
          {t('makeDraft')}
        </button>
      </form>
      <form method="post" action={`${base}/candidates/${id}/attach`}>
        <CsrfField frame={props.frame} />
        <label for={`attach-${id}`}>{t('attachIncident')}</label>
        <input
          id={`attach-${id}`}
          name="incident_id"
          type="text"
          value={props.topMatch}
          required
          autocomplete="off"
        />
        <button type="submit">{t('attach')}</button>
      </form>
      <form method="post" action={`${base}/candidates/${id}/dismiss`}>
        <CsrfField frame={props.frame} />
        <label for={`reason-${id}`}>{t('dismissReason')}</label>
        <select id={`reason-${id}`} name="reason" required>
          {dismissReasons.map((reason) => (
            <option key={reason} value={reason}>
              {t(`reason_${reason}`)}
            </option>
          ))}
        </select>
        <label for={`note-${id}`}>{t('dismissNote')}</label>
        <input id={`note-${id}`} name="note" type="text" maxLength={1000} />
        <button type="submit" class="secondary">
          {t('dismiss')}
        </button>
      </form>
    </div>
  );
}

export function CandidatePage(props: {
  frame: PageFrame;
  user: CurrentUser;
  row: CandidateRow;
  group: CandidateRow[];
  categories: Labelled[];
  regions: Labelled[];
  errors?: FormError[];
  notice?: string;
}) {
  const t = tFor(props.frame.lang);
  return (
    <IntakeShell
      frame={props.frame}
      user={props.user}
      title={t('candidateTitle', { id: props.row.id })}
      current="candidate"
    >
      <ErrorSummary errors={props.errors ?? []} title={t('errorTitle')} />
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <CandidateCard
        lang={props.frame.lang}
        frame={props.frame}
        row={props.row}
        group={props.group.filter((other) => other.id !== props.row.id)}
        categories={props.categories}
        regions={props.regions}
        headingLevel={2}
      />
    </IntakeShell>
  );
}

export function SourcesPage(props: {
  frame: PageFrame;
  user: CurrentUser;
  sources: SourceRow[];
  canManage: boolean;
  errors?: FormError[];
  notice?: string;
  values?: { url?: string; name?: string; lang?: string; interval_minutes?: string };
}) {
  const { frame } = props;
  const lang = frame.lang;
  const t = tFor(lang);
  const base = `/${lang}/editorial/intake/sources`;
  const errors = props.errors ?? [];
  return (
    <IntakeShell frame={frame} user={props.user} title={t('sourcesTitle')} current="sources">
      <ErrorSummary errors={props.errors ?? []} title={t('errorTitle')} />
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      {props.sources.length === 0 ? (
        <p>{t('noSources')}</p>
      ) : (
        <div class="table-wrap">
          <table class="intake-sources">
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colLang')}</th>
                <th scope="col">{t('colHealth')}</th>
                <th scope="col">{t('colNext')}</th>
                {props.canManage ? <th scope="col">{t('colActions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {props.sources.map((source) => (
                <tr key={source.id}>
                  <td>
                    {source.name}
                    <br />
                    <span class="intake-url">{source.url}</span>
                    <br />
                    <span class="hint">
                      {source.kind ?? ''} {t('items', { count: source.items_found })}
                    </span>
                  </td>
                  <td>{t(`lang_${source.lang}`)}</td>
                  <td>
                    {source.last_success_at
                      ? t('healthOk', { at: when(source.last_success_at, lang) })
                      : t('healthNever')}
                    {source.last_error && source.last_error_at ? (
                      <>
                        <br />
                        <span class={source.consecutive_errors > 0 ? 'intake-error' : 'hint'}>
                          {t('healthError', {
                            at: when(source.last_error_at, lang),
                            message: source.last_error,
                          })}
                        </span>
                      </>
                    ) : null}
                    {source.consecutive_errors > 1 ? (
                      <>
                        <br />
                        {t('healthErrors', { count: source.consecutive_errors })}
                      </>
                    ) : null}
                  </td>
                  <td>{source.paused ? t('paused') : when(source.next_fetch_at, lang)}</td>
                  {props.canManage ? (
                    <td>
                      <form
                        method="post"
                        action={`${base}/${source.id}/${source.paused ? 'resume' : 'pause'}`}
                      >
                        <CsrfField frame={frame} />
                        <button
                          type="submit"
                          class="secondary"
                          aria-label={`${t(source.paused ? 'resume' : 'pause')}: ${source.name}`}
                        >
                          {t(source.paused ? 'resume' : 'pause')}
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canManage && props.sources.length > 0 ? (
        <form method="post" action={`${base}/fetch`}>
          <CsrfField frame={frame} />
          <button type="submit">{t('fetchNow')}</button>
        </form>
      ) : null}
      {props.canManage ? (
        <form method="post" action={base} class="narrow-form">
          <h2>{t('addSource')}</h2>
          <CsrfField frame={frame} />
          <Field id="url" label={t('fieldUrl')} value={props.values?.url ?? ''} errors={errors} required />
          <Field id="name" label={t('fieldName')} value={props.values?.name ?? ''} errors={errors} />
          <p>
            <label for="lang">{t('fieldLang')}</label>
            <select id="lang" name="lang">
              {langs.map((code) => (
                <option key={code} value={code} selected={(props.values?.lang ?? 'ru') === code}>
                  {t(`lang_${code}`)}
                </option>
              ))}
            </select>
          </p>
          <Field
            id="interval_minutes"
            label={t('fieldInterval')}
            inputMode="numeric"
            value={props.values?.interval_minutes ?? '60'}
            errors={errors}
          />
          <button type="submit" class="primary">
            {t('add')}
          </button>
        </form>
      ) : null}
    </IntakeShell>
  );
}

export function PastePage(props: {
  frame: PageFrame;
  user: CurrentUser;
  errors?: FormError[];
  values?: { text?: string; lang?: string };
}) {
  const { frame } = props;
  const t = tFor(frame.lang);
  const error = props.errors?.find((candidate) => candidate.field === 'text');
  return (
    <IntakeShell frame={frame} user={props.user} title={t('pasteTitle')} current="paste">
      <ErrorSummary errors={props.errors ?? []} title={t('errorTitle')} />
      <form method="post" action={`/${frame.lang}/editorial/intake/paste`} class="intake-paste">
        <CsrfField frame={frame} />
        <p>
          <label for="text">{t('pasteLabel')}</label>
          <span id="text-hint" class="hint">
            {t('pasteHint')}
          </span>
          <textarea
            id="text"
            name="text"
            rows={8}
            required
            aria-describedby={error ? 'text-hint text-error' : 'text-hint'}
            aria-invalid={error ? 'true' : undefined}
          >
            {props.values?.text ?? ''}
          </textarea>
          {error ? (
            <span id="text-error" class="error-text">
              {error.message}
            </span>
          ) : null}
        </p>
        <p>
          <label for="paste-lang">{t('fieldLang')}</label>
          <select id="paste-lang" name="lang">
            <option value="">{t('langAuto')}</option>
            {langs.map((code) => (
              <option key={code} value={code} selected={props.values?.lang === code}>
                {t(`lang_${code}`)}
              </option>
            ))}
          </select>
        </p>
        <button type="submit" class="primary">
          {t('pasteSubmit')}
        </button>
      </form>
    </IntakeShell>
  );
}
