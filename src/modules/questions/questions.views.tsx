import type { ComponentChildren } from 'preact';
import type { OutboxStatus, QuestionStatus } from '../../db/types.ts';
import { type Translator, translator } from '../../i18n/define.ts';
import { formatDate } from '../../i18n/format.ts';
import { type Lang, type LocalizedText, pickText } from '../../i18n/langs.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { Layout, type PageFrame } from '../../web/layout.tsx';
import { EditorialLayout } from '../auth/index.ts';
import { questionMessages } from './questions.messages.ts';
import {
  type AskField,
  type AskFieldError,
  type AskFormValues,
  NAME_MAX_CHARS,
  QUESTION_MAX_CHARS,
  QUESTION_MIN_CHARS,
  type QuestionTopic,
  questionTopics,
} from './questions.schemas.ts';
import { HONEYPOT_FIELD } from './questions.spam.ts';
import type { QuestionEvent } from './questions.workflow.ts';
import { questionStatuses } from './questions.workflow.ts';

type Keys = keyof (typeof questionMessages)['en'];
type T = Translator<Keys>;
const tFor = (lang: Lang): T => translator(questionMessages, lang);
export const isoDay = (value: Date | string) =>
  (typeof value === 'string' ? value : value.toISOString()).slice(0, 10);
const day = (value: Date | string, lang: Lang) => formatDate(isoDay(value), lang);

export type RegionOption = { code: string; labels: LocalizedText };

/** Paragraphs from plain text: blank lines split paragraphs, single newlines stay as line breaks. */
export function Paragraphs({ text, lang }: { text: string; lang?: Lang }) {
  return (
    <div class="prose" lang={lang}>
      {text
        .split(/\n{2,}/)
        .filter((paragraph) => paragraph.trim() !== '')
        .map((paragraph, index) => (
          <p key={index}>
            {paragraph.split('\n').map((line, lineIndex) => (
              <span key={lineIndex}>
                {lineIndex > 0 ? <br /> : null}
                {line}
              </span>
            ))}
          </p>
        ))}
    </div>
  );
}

export function ErrorSummary({ title, errors }: { title: string; errors: Array<[string, string]> }) {
  if (errors.length === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      id="error-summary"
    >
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map(([fieldId, message]) => (
          <li key={fieldId}>
            <a href={`#${fieldId}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p class="error-text" id={id}>
      {message}
    </p>
  ) : null;
}

export function Notice({
  children,
  kind = 'info',
}: {
  children: ComponentChildren;
  kind?: 'info' | 'error';
}) {
  return (
    <div
      class={kind === 'error' ? 'notice notice-error' : 'notice'}
      role={kind === 'error' ? 'alert' : 'status'}
    >
      {children}
    </div>
  );
}

// ---------------------------------------------------------------- ask

export type AskPageProps = {
  frame: PageFrame;
  values: AskFormValues;
  errors: Partial<Record<AskField, AskFieldError>>;
  notice?: 'formExpired' | 'tooFast';
  regions: RegionOption[];
  formToken: string;
  stamp: string;
  submissionKey: string;
  retentionDays: number;
};

const fieldIds: Record<AskField, string> = {
  body: 'ask-body',
  topic: 'ask-topic',
  region: 'ask-region',
  name: 'ask-name',
  contact: 'ask-contact',
};

export function AskPage(props: AskPageProps) {
  const { frame, values, errors } = props;
  const t = tFor(frame.lang);
  const message = (field: AskField) => {
    const key = errors[field];
    return key
      ? t(key, { min: QUESTION_MIN_CHARS, max: field === 'name' ? NAME_MAX_CHARS : QUESTION_MAX_CHARS })
      : undefined;
  };
  const summary = (Object.keys(fieldIds) as AskField[])
    .map((field): [string, string] | null => {
      const text = message(field);
      return text ? [fieldIds[field], text] : null;
    })
    .filter((entry): entry is [string, string] => entry !== null);
  const describedBy = (field: AskField, hint?: string) =>
    [hint, errors[field] ? `${fieldIds[field]}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <Layout frame={frame}>
      <h1>{t('askTitle')}</h1>
      <ErrorSummary title={t('errorSummaryTitle')} errors={summary} />
      {props.notice ? <Notice kind="error">{t(props.notice)}</Notice> : null}
      <p>{t('askIntro')}</p>
      <p>{t('askPrivacy', { days: props.retentionDays })}</p>
      <form method="post" action={`/${frame.lang}/ask`} class="ask-form" noValidate>
        <input type="hidden" name="_csrf" value={props.formToken} />
        <input type="hidden" name="_stamp" value={props.stamp} />
        <input type="hidden" name="_submission" value={props.submissionKey} />
        <div class="field">
          <label for={fieldIds.body}>{t('fieldQuestion')}</label>
          <p class="hint" id="ask-body-hint">
            {t('fieldQuestionHint', { max: QUESTION_MAX_CHARS })}
          </p>
          <FieldError id="ask-body-error" message={message('body')} />
          <textarea
            id={fieldIds.body}
            name="body"
            rows={10}
            maxLength={QUESTION_MAX_CHARS}
            required
            aria-invalid={errors.body ? 'true' : undefined}
            aria-describedby={describedBy('body', 'ask-body-hint')}
          >
            {values.body}
          </textarea>
        </div>
        <div class="field">
          <label for={fieldIds.topic}>{t('fieldTopic')}</label>
          <FieldError id="ask-topic-error" message={message('topic')} />
          <select
            id={fieldIds.topic}
            name="topic"
            required
            aria-invalid={errors.topic ? 'true' : undefined}
            aria-describedby={describedBy('topic')}
          >
            <option value="">{t('chooseTopic')}</option>
            {questionTopics.map((topic) => (
              <option key={topic} value={topic} selected={values.topic === topic}>
                {t(`topic_${topic}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={fieldIds.region}>{t('fieldRegion')}</label>
          <FieldError id="ask-region-error" message={message('region')} />
          <select
            id={fieldIds.region}
            name="region"
            aria-invalid={errors.region ? 'true' : undefined}
            aria-describedby={describedBy('region')}
          >
            <option value="">{t('regionNotStated')}</option>
            {props.regions.map((region) => (
              <option key={region.code} value={region.code} selected={values.region === region.code}>
                {pickText(region.labels, frame.lang)?.text ?? region.code}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={fieldIds.name}>{t('fieldName')}</label>
          <FieldError id="ask-name-error" message={message('name')} />
          <input
            id={fieldIds.name}
            name="name"
            type="text"
            autoComplete="name"
            maxLength={NAME_MAX_CHARS}
            value={values.name}
            aria-invalid={errors.name ? 'true' : undefined}
            aria-describedby={describedBy('name')}
          />
        </div>
        <div class="field">
          <label for={fieldIds.contact}>{t('fieldContact')}</label>
          <p class="hint" id="ask-contact-hint">
            {t('fieldContactHint')}
          </p>
          <FieldError id="ask-contact-error" message={message('contact')} />
          <input
            id={fieldIds.contact}
            name="contact"
            type="text"
            autoComplete="email"
            inputMode="email"
            value={values.contact}
            aria-invalid={errors.contact ? 'true' : undefined}
            aria-describedby={describedBy('contact', 'ask-contact-hint')}
          />
        </div>
        <div class="field hp">
          <label for="ask-website">{t('honeypotLabel')}</label>
          <input
            id="ask-website"
            name={HONEYPOT_FIELD}
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value=""
          />
        </div>
        <div class="field field-check">
          <input
            id="ask-consent"
            name="consent"
            type="checkbox"
            value="yes"
            checked={values.consent === 'yes'}
          />
          <label for="ask-consent">{t('fieldConsent')}</label>
        </div>
        <button type="submit">{t('send')}</button>
      </form>
      <p>
        <a href={`/${frame.lang}/ask/status`}>{t('checkStatus')}</a> ·{' '}
        <a href={`/${frame.lang}/answers`}>{t('answersTitle')}</a>
      </p>
    </Layout>
  );
}

export function SentPage({
  frame,
  reference,
  accessCode,
  emailGiven,
}: {
  frame: PageFrame;
  reference: string;
  accessCode: string | null;
  emailGiven: boolean;
}) {
  const t = tFor(frame.lang);
  return (
    <Layout frame={frame}>
      <h1>{t('sentTitle')}</h1>
      {accessCode ? (
        <>
          <dl class="credentials">
            <dt>{t('sentReference')}</dt>
            <dd class="reference">{reference}</dd>
            <dt>{t('sentCode')}</dt>
            <dd class="access-code">{accessCode}</dd>
          </dl>
          <p>{t('sentKeep')}</p>
          {emailGiven ? <p>{t('sentEmailNote')}</p> : null}
        </>
      ) : (
        <p>{t('sentDuplicate', { reference })}</p>
      )}
      <p>
        <a href={`/${frame.lang}/ask/status`}>{t('checkStatus')}</a>
      </p>
    </Layout>
  );
}

export type RefusalKind = 'spam' | 'rate_limited' | 'too_large';

export function RefusedPage({
  frame,
  kind,
  email,
  limits,
}: {
  frame: PageFrame;
  kind: RefusalKind;
  email: string;
  limits: { short: number; minutes: number; daily: number };
}) {
  const t = tFor(frame.lang);
  const [title, text] =
    kind === 'spam'
      ? [t('spamTitle'), t('spamText', { email })]
      : kind === 'rate_limited'
        ? [t('rateLimitedTitle'), t('rateLimitedText', { ...limits, email })]
        : [t('tooLargeTitle'), t('tooLargeText', { max: QUESTION_MAX_CHARS })];
  return (
    <Layout frame={frame}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href={`/${frame.lang}/ask`}>{t('backToForm')}</a>
      </p>
    </Layout>
  );
}

// ---------------------------------------------------------------- status

export type SenderStatus = {
  reference: string;
  createdAt: Date;
  topic: QuestionTopic;
  status: QuestionStatus;
  body: string;
  answer: string | null;
  publishedId: number | null;
  messages: Array<{ kind: 'info_request' | 'sender_reply'; body: string; createdAt: Date }>;
};

export function StatusPage({
  frame,
  formToken,
  reference,
  code,
  error,
  notice,
  found,
}: {
  frame: PageFrame;
  formToken: string;
  reference: string;
  code: string;
  error?: string;
  notice?: string;
  found?: SenderStatus;
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  return (
    <Layout frame={frame}>
      <h1>{t('statusTitle')}</h1>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {notice ? <Notice>{notice}</Notice> : null}
      {found ? (
        <section aria-labelledby="status-result">
          <h2 id="status-result">{found.reference}</h2>
          <dl>
            <dt>{t('statusLabel')}</dt>
            <dd class="question-status">{t(`status_${found.status}`)}</dd>
            <dt>{t('fieldTopic')}</dt>
            <dd>{t(`topic_${found.topic}`)}</dd>
          </dl>
          <p>{t('receivedOn', { date: day(found.createdAt, lang) })}</p>
          <h3>{t('yourQuestion')}</h3>
          <Paragraphs text={found.body} />
          {found.messages.map((message, index) => (
            <section key={index} class="message">
              <h3>{message.kind === 'info_request' ? t('infoRequest') : t('senderReply')}</h3>
              <p class="meta">{day(message.createdAt, lang)}</p>
              <Paragraphs text={message.body} />
            </section>
          ))}
          {found.status === 'awaiting_info' ? (
            <form method="post" action={`/${lang}/ask/status/reply`}>
              <input type="hidden" name="_csrf" value={formToken} />
              <input type="hidden" name="reference" value={found.reference} />
              <input type="hidden" name="code" value={code} />
              <div class="field">
                <label for="reply-body">{t('replyLabel')}</label>
                <textarea id="reply-body" name="reply" rows={6} maxLength={QUESTION_MAX_CHARS} required />
              </div>
              <button type="submit">{t('sendReply')}</button>
            </form>
          ) : null}
          {found.answer ? (
            <section aria-labelledby="answer-heading">
              <h3 id="answer-heading">{t('answerHeading')}</h3>
              <Paragraphs text={found.answer} />
            </section>
          ) : null}
          {found.publishedId ? (
            <p>
              <a href={`/${lang}/answers/${found.publishedId}`}>{t('publishedLink')}</a>
            </p>
          ) : null}
        </section>
      ) : (
        <>
          <p>{t('statusIntro')}</p>
          <form method="post" action={`/${lang}/ask/status`}>
            <input type="hidden" name="_csrf" value={formToken} />
            <div class="field">
              <label for="status-reference">{t('fieldReference')}</label>
              <input
                id="status-reference"
                name="reference"
                type="text"
                required
                autoComplete="off"
                placeholder="Q-2026-000123"
                value={reference}
              />
            </div>
            <div class="field">
              <label for="status-code">{t('fieldCode')}</label>
              <input id="status-code" name="code" type="text" required autoComplete="off" value={code} />
            </div>
            <button type="submit">{t('showStatus')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------- knowledge base

export type PublicAnswer = {
  id: number;
  topic: QuestionTopic;
  lang: Lang;
  public_question: string | null;
  public_answer: string | null;
  published_at: Date | null;
};

function excerpt(text: string, length = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

export function AnswersPage({
  frame,
  answers,
  topic,
  page,
  hasMore,
}: {
  frame: PageFrame;
  answers: PublicAnswer[];
  topic: QuestionTopic | undefined;
  page: number;
  hasMore: boolean;
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  const pageHref = (target: number) =>
    `/${lang}/answers?${new URLSearchParams({ ...(topic ? { topic } : {}), page: String(target) })}`;
  return (
    <Layout frame={frame}>
      <h1>{t('answersTitle')}</h1>
      <p>{t('answersIntro')}</p>
      <form method="get" action={`/${lang}/answers`} class="filters">
        <label for="answers-topic">{t('filterTopic')}</label>{' '}
        <select id="answers-topic" name="topic">
          <option value="">{t('allTopics')}</option>
          {questionTopics.map((code) => (
            <option key={code} value={code} selected={topic === code}>
              {t(`topic_${code}`)}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t('filterApply')}</button>
      </form>
      {answers.length === 0 ? (
        <p>{t('noAnswers')}</p>
      ) : (
        <ul class="answer-list">
          {answers.map((answer) => (
            <li key={answer.id}>
              <h2>
                <a href={`/${lang}/answers/${answer.id}`} lang={answer.lang}>
                  {excerpt(answer.public_question ?? '', 120)}
                </a>
              </h2>
              <p class="meta">
                {t(`topic_${answer.topic}`)}
                {answer.published_at
                  ? ` · ${t('publishedOn', { date: day(answer.published_at, lang) })}`
                  : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="pages" class="pager">
        {page > 1 ? <a href={pageHref(page - 1)}>←</a> : null}{' '}
        {hasMore ? <a href={pageHref(page + 1)}>→</a> : null}
      </nav>
      <p>
        <a class="button" href={`/${lang}/ask`}>
          {t('askTitle')}
        </a>
      </p>
    </Layout>
  );
}

export function AnswerPage({
  frame,
  answer,
  articles,
  cases,
}: {
  frame: PageFrame;
  answer: PublicAnswer;
  articles: Array<{ code: string; names: LocalizedText }>;
  cases: Array<{ id: string; title: LocalizedText }>;
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  return (
    <Layout frame={frame}>
      <p>
        <a href={`/${lang}/answers`}>{t('backToAnswers')}</a>
      </p>
      <article>
        <h1>{t('questionHeading')}</h1>
        <p class="meta">
          {t(`topic_${answer.topic}`)}
          {answer.published_at ? ` · ${t('publishedOn', { date: day(answer.published_at, lang) })}` : ''}
        </p>
        <Paragraphs text={answer.public_question ?? ''} lang={answer.lang} />
        <h2>{t('answerHeading')}</h2>
        <Paragraphs text={answer.public_answer ?? ''} lang={answer.lang} />
        {articles.length > 0 ? (
          <section aria-labelledby="answer-articles">
            <h2 id="answer-articles">{t('legalArticles')}</h2>
            <ul>
              {articles.map((article) => (
                <li key={article.code}>
                  <span class="code">{article.code}</span> {pickText(article.names, lang)?.text ?? ''}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {cases.length > 0 ? (
          <section aria-labelledby="answer-cases">
            <h2 id="answer-cases">{t('similarCases')}</h2>
            <ul>
              {cases.map((item) => (
                <li key={item.id}>
                  <a href={`/${lang}/cases/${encodeURIComponent(item.id)}`}>
                    {pickText(item.title, lang)?.text ?? item.id}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
      <p>
        <a class="button" href={`/${lang}/ask`}>
          {t('askTitle')}
        </a>
      </p>
    </Layout>
  );
}

// ---------------------------------------------------------------- the lawyers' inbox

export type InboxRow = {
  id: number;
  reference: string;
  created_at: Date;
  topic: QuestionTopic;
  region_code: string | null;
  status: QuestionStatus;
  lawyer_name: string | null;
};

export function InboxPage({
  frame,
  user,
  rows,
  filters,
  regions,
  lawyers,
  unsentMail,
  smtpConfigured,
}: {
  frame: PageFrame;
  user: CurrentUser;
  rows: InboxRow[];
  filters: { status?: string; topic?: string; assigned?: string; region?: string };
  regions: RegionOption[];
  lawyers: Array<{ id: number; display_name: string }>;
  unsentMail: number;
  smtpConfigured: boolean;
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  const regionName = (code: string | null) =>
    code ? (pickText(regions.find((region) => region.code === code)?.labels, lang)?.text ?? code) : '—';
  return (
    <EditorialLayout frame={frame} user={user}>
      <h1>{t('inboxTitle')}</h1>
      {smtpConfigured ? null : <Notice>{t('smtpOff')}</Notice>}
      <p>
        <a href={`/${lang}/editorial/questions/outbox`}>{t('outboxLink', { count: unsentMail })}</a>
      </p>
      <form method="get" action={`/${lang}/editorial/questions`} class="filters">
        <label for="f-status">{t('filterStatus')}</label>{' '}
        <select id="f-status" name="status">
          <option value="">{t('allStatuses')}</option>
          {questionStatuses.map((status) => (
            <option key={status} value={status} selected={filters.status === status}>
              {t(`status_${status}`)}
            </option>
          ))}
        </select>{' '}
        <label for="f-topic">{t('filterTopic')}</label>{' '}
        <select id="f-topic" name="topic">
          <option value="">{t('allTopics')}</option>
          {questionTopics.map((topic) => (
            <option key={topic} value={topic} selected={filters.topic === topic}>
              {t(`topic_${topic}`)}
            </option>
          ))}
        </select>{' '}
        <label for="f-assigned">{t('filterAssigned')}</label>{' '}
        <select id="f-assigned" name="assigned">
          <option value="">{t('anyone')}</option>
          <option value="me" selected={filters.assigned === 'me'}>
            {t('assignedToMe')}
          </option>
          <option value="none" selected={filters.assigned === 'none'}>
            {t('unassigned')}
          </option>
          {lawyers.map((lawyer) => (
            <option
              key={lawyer.id}
              value={String(lawyer.id)}
              selected={filters.assigned === String(lawyer.id)}
            >
              {lawyer.display_name}
            </option>
          ))}
        </select>{' '}
        <label for="f-region">{t('fieldRegion')}</label>{' '}
        <select id="f-region" name="region">
          <option value="">{t('allRegions')}</option>
          {regions.map((region) => (
            <option key={region.code} value={region.code} selected={filters.region === region.code}>
              {pickText(region.labels, lang)?.text ?? region.code}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t('filterApply')}</button>
      </form>
      {rows.length === 0 ? (
        <p>{t('inboxEmpty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colReference')}</th>
                <th scope="col">{t('colReceived')}</th>
                <th scope="col">{t('colTopic')}</th>
                <th scope="col">{t('colRegion')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colLawyer')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <a href={`/${lang}/editorial/questions/${row.id}`}>{row.reference}</a>
                  </td>
                  <td>{day(row.created_at, lang)}</td>
                  <td>{t(`topic_${row.topic}`)}</td>
                  <td>{regionName(row.region_code)}</td>
                  <td>{t(`status_${row.status}`)}</td>
                  <td>{row.lawyer_name ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </EditorialLayout>
  );
}

export type OutboxRow = {
  id: number;
  to_address: string | null;
  recipient: 'sender' | 'staff';
  subject: string;
  body: string;
  status: OutboxStatus;
  status_detail: string | null;
  created_at: Date;
  question_id: number | null;
};

function deliveryText(t: T, row: OutboxRow): string {
  const detail = row.status_detail ?? '';
  return t(`mail_${row.status}`, { detail });
}

export function OutboxTable({ t, rows, lang }: { t: T; rows: OutboxRow[]; lang: Lang }) {
  if (rows.length === 0) return <p>{t('outboxEmpty')}</p>;
  return (
    <div class="table-wrap">
      <table class="outbox">
        <thead>
          <tr>
            <th scope="col">{t('colCreated')}</th>
            <th scope="col">{t('colTo')}</th>
            <th scope="col">{t('colSubject')}</th>
            <th scope="col">{t('colDelivery')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{day(row.created_at, lang)}</td>
              <td>{row.to_address ?? t('addressDeleted')}</td>
              <td>
                <details>
                  <summary>{row.subject}</summary>
                  <pre class="mail-body">{row.body}</pre>
                </details>
              </td>
              <td class={`mail-${row.status}`}>{deliveryText(t, row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OutboxPage({
  frame,
  user,
  rows,
}: {
  frame: PageFrame;
  user: CurrentUser;
  rows: OutboxRow[];
}) {
  const t = tFor(frame.lang);
  return (
    <EditorialLayout frame={frame} user={user}>
      <p>
        <a href={`/${frame.lang}/editorial/questions`}>{t('backToInbox')}</a>
      </p>
      <h1>{t('outboxTitle')}</h1>
      <OutboxTable t={t} rows={rows} lang={frame.lang} />
    </EditorialLayout>
  );
}

export type StaffQuestion = InboxRow & {
  version: number;
  lang: Lang;
  body: string;
  sender_name: string | null;
  sender_contact: string | null;
  contact_kind: 'email' | 'phone' | null;
  contact_purged_at: Date | null;
  consent_publish: boolean;
  assigned_to: number | null;
  answer: string | null;
  public_question: string | null;
  public_answer: string | null;
  closed_at: Date | null;
};

export type DetailDraft = {
  text?: string;
  answer?: string;
  publicQuestion?: string;
  publicAnswer?: string;
  articles?: string[];
  cases?: string;
};

export function QuestionDetailPage({
  frame,
  user,
  question,
  messages,
  links,
  outbox,
  lawyers,
  articles,
  events,
  retentionDays,
  flash,
  draft,
}: {
  frame: PageFrame;
  user: CurrentUser;
  question: StaffQuestion;
  messages: Array<{
    id: number;
    kind: 'info_request' | 'sender_reply';
    body: string;
    created_at: Date;
    author_name: string | null;
  }>;
  links: { articles: Array<{ code: string }>; caseIds: string[] };
  outbox: OutboxRow[];
  lawyers: Array<{ id: number; display_name: string }>;
  articles: Array<{ code: string; names: LocalizedText }>;
  events: QuestionEvent[];
  retentionDays: number;
  flash?: { kind: 'info' | 'error'; text: string };
  draft: DetailDraft;
}) {
  const t = tFor(frame.lang);
  const lang = frame.lang;
  const csrf = frame.editorial?.csrfToken ?? '';
  const action = (name: QuestionEvent) => `/${lang}/editorial/questions/${question.id}/${name}`;
  const hidden = (
    <>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="version" value={String(question.version)} />
    </>
  );
  const purgeDate =
    question.closed_at && !question.contact_purged_at
      ? new Date(question.closed_at.getTime() + retentionDays * 86_400_000)
      : null;
  const linkedArticles = draft.articles ?? links.articles.map((article) => article.code);
  return (
    <EditorialLayout frame={frame} user={user}>
      <p>
        <a href={`/${lang}/editorial/questions`}>{t('backToInbox')}</a>
      </p>
      <h1>{t('detailTitle', { reference: question.reference })}</h1>
      {flash ? <Notice kind={flash.kind}>{flash.text}</Notice> : null}
      <dl class="question-meta">
        <dt>{t('colStatus')}</dt>
        <dd class="question-status">{t(`status_${question.status}`)}</dd>
        <dt>{t('colTopic')}</dt>
        <dd>{t(`topic_${question.topic}`)}</dd>
        <dt>{t('colReceived')}</dt>
        <dd>{day(question.created_at, lang)}</dd>
        <dt>{t('assignedTo')}</dt>
        <dd>{question.lawyer_name ?? t('nobody')}</dd>
      </dl>
      <h2>{t('questionHeading')}</h2>
      <Paragraphs text={question.body} lang={question.lang} />
      <section aria-labelledby="sender-heading" class="private">
        <h2 id="sender-heading">{t('senderHeading')}</h2>
        {question.contact_purged_at ? (
          <p>{t('contactPurged', { date: day(question.contact_purged_at, lang) })}</p>
        ) : (
          <>
            <dl>
              <dt>{t('senderName')}</dt>
              <dd>{question.sender_name ?? t('notGiven')}</dd>
              <dt>{t('senderContact')}</dt>
              <dd>{question.sender_contact ?? t('noContact')}</dd>
            </dl>
            {purgeDate ? <p>{t('contactPurgePlanned', { date: day(purgeDate, lang) })}</p> : null}
          </>
        )}
        <p>{question.consent_publish ? t('consentYes') : t('consentNo')}</p>
      </section>
      {messages.length > 0 ? (
        <section aria-labelledby="conversation-heading">
          <h2 id="conversation-heading">{t('conversationHeading')}</h2>
          {messages.map((message) => (
            <div key={message.id} class="message">
              <h3>
                {message.kind === 'info_request' ? t('infoRequest') : t('senderReply')} ·{' '}
                {day(message.created_at, lang)}
                {message.author_name ? ` · ${message.author_name}` : ''}
              </h3>
              <Paragraphs text={message.body} />
            </div>
          ))}
        </section>
      ) : null}
      {question.answer ? (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t('answerHeading')}</h2>
          <Paragraphs text={question.answer} lang={question.lang} />
        </section>
      ) : null}
      {events.includes('assign') ? (
        <form method="post" action={action('assign')} class="inline-form">
          {hidden}
          <label for="assign-lawyer">{t('assignLabel')}</label>{' '}
          <select id="assign-lawyer" name="lawyer">
            {lawyers.map((lawyer) => (
              <option key={lawyer.id} value={String(lawyer.id)} selected={question.assigned_to === lawyer.id}>
                {lawyer.display_name}
              </option>
            ))}
          </select>{' '}
          <button type="submit">{t('assignButton')}</button>
        </form>
      ) : null}
      {events.includes('answer') ? (
        <form method="post" action={action('answer')} class="action-form">
          {hidden}
          <div class="field">
            <label for="answer-text">{t('answerLabel')}</label>
            <textarea id="answer-text" name="answer" rows={10} maxLength={QUESTION_MAX_CHARS}>
              {draft.answer ?? question.answer ?? ''}
            </textarea>
          </div>
          <button type="submit">{t('answerButton')}</button>
        </form>
      ) : null}
      {events.includes('request_info') ? (
        <form method="post" action={action('request_info')} class="action-form">
          {hidden}
          <div class="field">
            <label for="info-text">{t('requestInfoLabel')}</label>
            <textarea id="info-text" name="text" rows={4} maxLength={QUESTION_MAX_CHARS}>
              {draft.text ?? ''}
            </textarea>
          </div>
          <button type="submit">{t('requestInfoButton')}</button>
        </form>
      ) : null}
      {events.includes('publish') ? (
        question.consent_publish ? (
          <section aria-labelledby="publish-heading">
            <h2 id="publish-heading">{t('publishHeading')}</h2>
            <p>{t('publishIntro')}</p>
            <form method="post" action={action('publish')} class="action-form">
              {hidden}
              <div class="field">
                <label for="public-question">{t('publicQuestionLabel')}</label>
                <textarea id="public-question" name="public_question" rows={8} maxLength={QUESTION_MAX_CHARS}>
                  {draft.publicQuestion ?? question.public_question ?? question.body}
                </textarea>
              </div>
              <div class="field">
                <label for="public-answer">{t('publicAnswerLabel')}</label>
                <textarea id="public-answer" name="public_answer" rows={8} maxLength={QUESTION_MAX_CHARS}>
                  {draft.publicAnswer ?? question.public_answer ?? question.answer ?? ''}
                </textarea>
              </div>
              <fieldset>
                <legend>{t('articlesLabel')}</legend>
                <div class="checkbox-columns">
                  {articles.map((article) => (
                    <div key={article.code} class="field-check">
                      <input
                        type="checkbox"
                        id={`article-${article.code}`}
                        name="articles"
                        value={article.code}
                        checked={linkedArticles.includes(article.code)}
                      />
                      <label for={`article-${article.code}`}>
                        {article.code} {pickText(article.names, lang)?.text ?? ''}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
              <div class="field">
                <label for="public-cases">{t('casesLabel')}</label>
                <input
                  id="public-cases"
                  name="cases"
                  type="text"
                  value={draft.cases ?? links.caseIds.join(', ')}
                />
              </div>
              <button type="submit">{t('publishButton')}</button>
            </form>
          </section>
        ) : (
          <p>{t('publishNoConsent')}</p>
        )
      ) : null}
      <div class="actions">
        {(['close', 'reopen', 'unpublish'] as const)
          .filter((name) => events.includes(name))
          .map((name) => (
            <form key={name} method="post" action={action(name)} class="inline-form">
              {hidden}
              <button type="submit" class="secondary">
                {t(name === 'close' ? 'closeButton' : name === 'reopen' ? 'reopenButton' : 'unpublishButton')}
              </button>
            </form>
          ))}
      </div>
      {question.status === 'published' ? (
        <p>
          <a href={`/${lang}/answers/${question.id}`}>{t('publishedLink')}</a>
        </p>
      ) : null}
      <section aria-labelledby="mail-heading">
        <h2 id="mail-heading">{t('mailHeading')}</h2>
        <OutboxTable t={t} rows={outbox} lang={lang} />
      </section>
    </EditorialLayout>
  );
}
