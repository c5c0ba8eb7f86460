import type { CaseKind } from '../../../db/types.ts';
import { recordStatuses } from '../../../domain/vocabularies.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { langs } from '../../../i18n/langs.ts';
import {
  type CaseEvent,
  type CaseView,
  caseKinds,
  eventKinds,
  instances,
  outcomes,
  partyRoles,
} from '../../cases/index.ts';
import { type FieldErrors, type FormBody, rowTotal, textOf } from '../editorial.form.ts';
import { type Editorial, incidentRoles, type T } from '../editorial.http.tsx';
import type { ReferenceData } from '../editorial.repo.ts';
import { actorRowKeys } from '../incident-form.ts';
import { actorKindLabel } from './actors.tsx';
import {
  Checkbox,
  ErrorSummary,
  type FormState,
  Hidden,
  type Option,
  Select,
  TextArea,
  TextField,
} from './form-controls.tsx';
import { FilterForm, Pagination, ResultCount } from './list-parts.tsx';
import {
  ActorRows,
  ArticleChoices,
  CategoryChoices,
  LocalizedFields,
  labelLookup,
  regionOptions,
} from './record-parts.tsx';
import {
  articleShort,
  ButtonForm,
  Csrf,
  EditorialPage,
  Localized,
  localized,
  Notice,
  StaleNotice,
  StatusBadge,
} from './shell.tsx';
import { WorkflowPanel } from './workflow-panel.tsx';

export function caseHref(ed: Editorial, id: string): string {
  return `${ed.base}/cases/${encodeURIComponent(id)}`;
}

const statusOptions = (t: T): Option[] =>
  recordStatuses.map((status) => ({
    value: status,
    label: t(`status_${status}`),
  }));
const kindOptions = (t: T): Option[] =>
  caseKinds.map((kind) => ({ value: kind, label: t(`caseKind_${kind}`) }));
const eventKindOptions = (t: T): Option[] =>
  eventKinds.map((kind) => ({ value: kind, label: t(`eventKind_${kind}`) }));
const instanceOptions = (t: T): Option[] =>
  instances.map((value) => ({ value, label: t(`instance_${value}`) }));
const outcomeOptions = (t: T): Option[] => outcomes.map((value) => ({ value, label: t(`outcome_${value}`) }));
const roleOptions = (t: T): Option[] =>
  partyRoles.map((value) => ({ value, label: t(`partyRole_${value}`) }));

function tenge(ed: Editorial, value: number | null): string {
  return value === null ? '—' : ed.t('tenge', { amount: formatNumber(value, ed.lang) });
}

export type CaseList = { items: CaseView[]; total: number; page: number; page_size: number };

export function CaseListPage({
  ed,
  filters,
  result,
  reference,
  notice,
}: {
  ed: Editorial;
  filters: FormBody;
  result: CaseList;
  reference: ReferenceData;
  notice?: string | undefined;
}) {
  const { t } = ed;
  const action = `${ed.base}/cases`;
  const form: FormState = { values: filters, errors: new Map() };
  const subjects = reference.categories
    .filter((category) => category.legalRole === 'subject')
    .map((category) => ({ value: category.code, label: localized(category.labels, ed.lang, category.code) }));
  return (
    <EditorialPage ed={ed} title={t('casesTitle')} current="cases">
      <h1>{t('casesTitle')}</h1>
      <Notice text={notice} />
      <p>
        <a class="button" href={`${action}/new`}>
          {t('newCase')}
        </a>
      </p>
      <FilterForm ed={ed} action={action}>
        <Select
          form={form}
          name="status"
          label={t('filterStatus')}
          options={statusOptions(t)}
          blank={t('anyOption')}
        />
        <Select
          form={form}
          name="kind"
          label={t('filterKind')}
          options={kindOptions(t)}
          blank={t('anyOption')}
        />
        <Select
          form={form}
          name="subject"
          label={t('filterSubject')}
          options={subjects}
          blank={t('anyOption')}
        />
        <TextField
          form={form}
          name="month"
          label={t('filterMonth')}
          hint={t('filterMonthHint')}
          inputMode="numeric"
          pattern="\d{4}-\d{2}"
          size={8}
        />
        <TextField form={form} name="q" label={t('filterText')} hint={t('filterTextHint')} type="search" />
        <Checkbox form={form} name="mine" label={t('filterMine')} />
      </FilterForm>
      <ResultCount ed={ed} total={result.total} />
      {result.items.length > 0 ? <CaseTable ed={ed} items={result.items} /> : null}
      <Pagination
        ed={ed}
        action={action}
        filters={filters}
        page={result.page}
        pageSize={result.page_size}
        total={result.total}
      />
    </EditorialPage>
  );
}

export function CaseTable({ ed, items }: { ed: Editorial; items: readonly CaseView[] }) {
  const { t } = ed;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{t('casesTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columnTitle')}</th>
            <th scope="col">{t('columnKind')}</th>
            <th scope="col">{t('columnStatus')}</th>
            <th scope="col">{t('columnEvents')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const first = item.events[0];
            const last = item.events[item.events.length - 1];
            return (
              <tr key={item.id}>
                <td>
                  <a href={caseHref(ed, item.id)}>
                    <Localized text={item.title} lang={ed.lang} fallback={item.id} />
                  </a>
                  <br />
                  <code class="hint">{item.id}</code>
                </td>
                <td>{t(`caseKind_${item.kind}`)}</td>
                <td>
                  <StatusBadge status={item.status} t={t} />
                </td>
                <td>
                  {first ? formatDate(first.date, ed.lang) : ''}
                  {last && last !== first
                    ? ` — ${formatDate(last.date, ed.lang)}: ${t(`eventKind_${last.kind}`)}`
                    : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The fields of one event, named `<prefix>.*` (`events.2`, or `new` for the one being added). */
export function EventFields({
  ed,
  form,
  prefix,
  reference,
}: {
  ed: Editorial;
  form: FormState;
  prefix: string;
  reference: ReferenceData;
}) {
  const { t } = ed;
  const name = (field: string) => `${prefix}.${field}`;
  return (
    <>
      <div class="three-columns">
        <TextField
          form={form}
          name={name('date')}
          label={t('fieldEventDate')}
          hint={t('fieldEventDateHint')}
          required
          inputMode="numeric"
        />
        <Select
          form={form}
          name={name('kind')}
          label={t('fieldEventKind')}
          options={eventKindOptions(t)}
          required
          blank=""
        />
        <Select
          form={form}
          name={name('instance')}
          label={t('fieldInstance')}
          options={instanceOptions(t)}
          blank=""
        />
        <Select
          form={form}
          name={name('outcome')}
          label={t('fieldOutcome')}
          options={outcomeOptions(t)}
          blank=""
        />
        <TextField form={form} name={name('court')} label={t('fieldEventCourt')} />
      </div>
      <fieldset>
        <legend>{t('sectionMoney')}</legend>
        <div class="three-columns">
          <TextField form={form} name={name('awarded')} label={t('fieldAwarded')} inputMode="numeric" />
          <TextField form={form} name={name('collected')} label={t('fieldCollected')} inputMode="numeric" />
          <TextField form={form} name={name('fine_tenge')} label={t('fieldFineTenge')} inputMode="numeric" />
          <TextField
            form={form}
            name={name('fine_mci')}
            label={t('fieldFineMci')}
            hint={t('fieldFineMciHint')}
            inputMode="decimal"
          />
          <TextField form={form} name={name('bail')} label={t('fieldBail')} inputMode="numeric" />
        </div>
      </fieldset>
      <ArticleChoices
        ed={ed}
        form={form}
        name={name('articles')}
        legend={t('fieldRequalifiedTo')}
        hint={t('fieldRequalifiedToHint')}
        reference={reference}
      />
      <div class="three-columns">
        {langs.map((lang) => (
          <TextArea
            key={lang}
            form={form}
            name={name(`note.${lang}`)}
            label={t('fieldEventNote', { language: t(`lang_${lang}`) })}
            lang={lang}
            rows={2}
          />
        ))}
      </div>
    </>
  );
}

function eventLabels(t: T): Record<string, string> {
  return {
    '*.date': t('fieldEventDate'),
    '*.kind': t('fieldEventKind'),
    '*.instance': t('fieldInstance'),
    '*.outcome': t('fieldOutcome'),
    '*.awarded': t('fieldAwarded'),
    '*.collected': t('fieldCollected'),
    '*.fine_tenge': t('fieldFineTenge'),
    '*.fine_mci': t('fieldFineMci'),
    '*.bail': t('fieldBail'),
    '*.articles': t('fieldRequalifiedTo'),
    '*.court': t('fieldEventCourt'),
  };
}

export function CaseFormPage({
  ed,
  form,
  reference,
  record,
}: {
  ed: Editorial;
  form: FormState;
  reference: ReferenceData;
  record?: CaseView;
}) {
  const { t } = ed;
  const title = record ? t('editCase', { id: record.id }) : t('newCase');
  const action = record ? `${caseHref(ed, record.id)}/edit` : `${ed.base}/cases`;
  const labelFor = labelLookup(
    { parties: (n) => t('partyN', { n }), events: () => t('sectionFirstEvent') },
    {
      kind: t('fieldCaseKind'),
      subjects: t('fieldSubjects'),
      legal_articles: t('fieldLegalArticles'),
      title: t('sectionText'),
      region: t('fieldRegion'),
      court: t('fieldCourt'),
      claim_non_pecuniary: t('fieldClaimNonPecuniary'),
      claim_other: t('fieldClaimOther'),
      outcome: t('fieldOutcome'),
      editorial_note: t('fieldEditorialNote'),
      events: t('sectionFirstEvent'),
      '*.name': t('fieldActorName'),
      '*.kind': t('fieldActorKind'),
      '*.role': t('fieldPartyRole'),
      ...eventLabels(t),
    },
  );
  return (
    <EditorialPage ed={ed} title={title} current="cases" errors={form.errors}>
      <h1>{title}</h1>
      <ErrorSummary errors={form.errors} title={t('errorSummaryTitle')} labelFor={labelFor} />
      {form.stale && record ? <StaleNotice ed={ed} href={`${caseHref(ed, record.id)}/edit`} /> : null}
      <form method="post" action={action} class="record-form" novalidate>
        <Csrf ed={ed} />
        {record ? <Hidden name="version" value={textOf(form.values, 'version')} /> : null}
        <p class="hint">{t('requiredNote')}</p>
        <div class="two-columns">
          <Select
            form={form}
            name="kind"
            label={t('fieldCaseKind')}
            options={kindOptions(t)}
            required
            blank=""
          />
          <Select form={form} name="outcome" label={t('fieldOutcome')} options={outcomeOptions(t)} />
          <TextField form={form} name="court" label={t('fieldCourt')} />
          <Select
            form={form}
            name="region"
            label={t('fieldRegion')}
            options={regionOptions(ed, reference)}
            blank=""
          />
        </div>
        <CategoryChoices
          ed={ed}
          form={form}
          name="subjects"
          legend={t('fieldSubjects')}
          reference={reference}
          include={(category) => category.legalRole === 'subject'}
        />
        <ArticleChoices
          ed={ed}
          form={form}
          name="legal_articles"
          legend={t('fieldLegalArticles')}
          reference={reference}
        />
        <ActorRows
          ed={ed}
          form={form}
          group="parties"
          filled={rowTotal(form.values, 'parties', actorRowKeys)}
          legend={t('sectionParties')}
          rowLegend={(n) => t('partyN', { n })}
          roleOptions={roleOptions(t)}
        />
        <fieldset>
          <legend>{t('sectionMoney')}</legend>
          <div class="two-columns">
            <TextField
              form={form}
              name="claim_non_pecuniary"
              label={t('fieldClaimNonPecuniary')}
              inputMode="numeric"
            />
            <TextField form={form} name="claim_other" label={t('fieldClaimOther')} inputMode="numeric" />
          </div>
        </fieldset>
        {record ? null : (
          <fieldset id="f-events" tabIndex={-1}>
            <legend>{t('sectionFirstEvent')}</legend>
            <p class="hint">{t('sectionFirstEventHint')}</p>
            <EventFields ed={ed} form={form} prefix="events.0" reference={reference} />
          </fieldset>
        )}
        <LocalizedFields
          ed={ed}
          form={form}
          legend={t('sectionText')}
          fields={[
            { name: 'title', label: (language) => t('fieldTitleIn', { language }), multiline: false },
            { name: 'summary', label: (language) => t('fieldSummaryIn', { language }), multiline: true },
          ]}
        />
        <fieldset>
          <legend>{t('sectionEditorial')}</legend>
          <TextArea form={form} name="editorial_note" label={t('fieldEditorialNote')} rows={3} />
        </fieldset>
        <div class="form-buttons">
          <button type="submit">{record ? t('saveChanges') : t('save')}</button>
          <a href={record ? caseHref(ed, record.id) : `${ed.base}/cases`}>{t('cancel')}</a>
        </div>
      </form>
    </EditorialPage>
  );
}

/** One event as a line of the timeline: date, what happened, where, and the money. */
function EventSummary({ ed, event }: { ed: Editorial; event: CaseEvent }) {
  const { t } = ed;
  const facts = [
    event.instance ? t(`instance_${event.instance}`) : '',
    event.court ?? '',
    event.outcome ? t(`outcome_${event.outcome}`) : '',
    event.awarded !== null ? `${t('awardedShort')}: ${tenge(ed, event.awarded)}` : '',
    event.collected !== null ? `${t('collectedShort')}: ${tenge(ed, event.collected)}` : '',
    event.fine_tenge !== null ? `${t('fineShort')}: ${tenge(ed, event.fine_tenge)}` : '',
    event.fine_mci !== null
      ? `${t('fineShort')}: ${t('mci', { amount: formatNumber(event.fine_mci, ed.lang) })}`
      : '',
    event.bail !== null ? `${t('bailShort')}: ${tenge(ed, event.bail)}` : '',
    event.articles.length > 0 ? `→ ${event.articles.map((code) => articleShort(code, t)).join(', ')}` : '',
  ].filter((fact) => fact !== '');
  return (
    <>
      <h3>
        <time dateTime={event.date}>{formatDate(event.date, ed.lang)}</time> — {t(`eventKind_${event.kind}`)}
      </h3>
      {facts.length > 0 ? <p>{facts.join(' · ')}</p> : null}
      {langs.map((lang) =>
        event.note[lang] ? (
          <p key={lang} lang={lang === ed.lang ? undefined : lang}>
            {event.note[lang]}
          </p>
        ) : null,
      )}
    </>
  );
}

export function CasePage({
  ed,
  record,
  reference,
  notice,
  errors,
}: {
  ed: Editorial;
  record: CaseView;
  reference: ReferenceData;
  notice?: string | undefined;
  errors?: FieldErrors;
}) {
  const { t, lang } = ed;
  const href = caseHref(ed, record.id);
  const heading = localized(record.title, lang, t('caseHeading', { id: record.id }));
  const categories = new Map(reference.categories.map((category) => [category.code, category.labels]));
  const regions = new Map(reference.regions.map((region) => [region.code, region.labels]));
  const errorMap = errors ?? new Map<string, string>();
  const money = record.money;
  return (
    <EditorialPage ed={ed} title={heading} current="cases" errors={errorMap}>
      <h1>{heading}</h1>
      <Notice text={notice} />
      <ErrorSummary errors={errorMap} title={t('errorSummaryTitle')} labelFor={() => undefined} />
      <ul class="record-links">
        <li>
          <a href={`${href}/edit`}>{t('editRecord')}</a>
        </li>
        <li>
          <a href={`${href}/timeline`}>{t('editTimeline')}</a>
        </li>
        <li>
          <a href={`${href}/history`}>{t('historyTitle')}</a>
        </li>
      </ul>
      <WorkflowPanel
        ed={ed}
        status={record.status}
        kind="case"
        createdBy={record.created_by}
        action={`${href}/status`}
      />
      <section aria-labelledby="details-title" class="record-facts">
        <h2 id="details-title">{t('detailsTitle')}</h2>
        <dl>
          <dt>{t('columnId')}</dt>
          <dd>
            <code>{record.id}</code>
          </dd>
          <dt>{t('fieldCaseKind')}</dt>
          <dd>{t(`caseKind_${record.kind satisfies CaseKind}`)}</dd>
          <dt>{t('fieldSubjects')}</dt>
          <dd>
            {record.subjects.map((code) => localized(categories.get(code), lang, code)).join('; ') || '—'}
          </dd>
          <dt>{t('qualificationTitle')}</dt>
          <dd>
            {record.qualification.length === 0
              ? '—'
              : record.qualification
                  .map(
                    (step) =>
                      `${formatDate(step.date, lang)}: ${step.articles.map((code) => articleShort(code, t)).join(', ')}`,
                  )
                  .join(' → ')}
          </dd>
          <dt>{t('fieldCourt')}</dt>
          <dd>
            {record.court ?? '—'}
            {record.region ? `, ${localized(regions.get(record.region), lang, record.region)}` : ''}
          </dd>
          <dt>{t('fieldOutcome')}</dt>
          <dd>{t(`outcome_${record.outcome}`)}</dd>
          <dt>{t('sectionParties')}</dt>
          <dd>
            {record.parties.length === 0
              ? '—'
              : record.parties.map((party, index) => (
                  <span key={`${party.actor_id}-${party.role}`}>
                    {index > 0 ? '; ' : ''}
                    <a href={`${ed.base}/actors/${encodeURIComponent(party.actor_id)}`}>{party.name}</a> (
                    {actorKindLabel(t, party.kind)}, {t(`partyRole_${party.role}`)})
                  </span>
                ))}
          </dd>
          <dt>{t('sectionMoney')}</dt>
          <dd>
            {t('moneySummary', {
              claimed: tenge(ed, money.claim_non_pecuniary),
              awarded: tenge(ed, money.awarded),
              collected: tenge(ed, money.collected),
              fines: tenge(ed, money.fines_tenge),
            })}
            {money.bail !== null ? ` · ${t('bailShort')}: ${tenge(ed, money.bail)}` : ''}
          </dd>
          {record.editorial_note ? (
            <>
              <dt>{t('fieldEditorialNote')}</dt>
              <dd>{record.editorial_note}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('timelineTitle')}</h2>
        <ol class="timeline">
          {record.events.map((event, index) => (
            <li key={String(index)}>
              <EventSummary ed={ed} event={event} />
            </li>
          ))}
        </ol>
        <p>
          <a href={`${href}/timeline`}>{t('editTimeline')}</a>
        </p>
      </section>
      <section aria-labelledby="incidents-title">
        <h2 id="incidents-title">{t('incidentsTitle')}</h2>
        {record.related.incidents.length === 0 ? <p>{t('noLinks')}</p> : null}
        <ul>
          {record.related.incidents.map((item) => (
            <li key={item.id}>
              {incidentRoles.includes(ed.user.role) ? (
                <a href={`${ed.base}/incidents/${encodeURIComponent(item.id)}`}>
                  <Localized text={item.title} lang={lang} fallback={item.id} />
                </a>
              ) : (
                <Localized text={item.title} lang={lang} fallback={item.id} />
              )}{' '}
              ({formatDate(item.date, lang)}) <StatusBadge status={item.status} t={t} />
            </li>
          ))}
        </ul>
      </section>
    </EditorialPage>
  );
}

/**
 * The timeline editor: every event as a point on a vertical line, each with a form to change it
 * (folded in a disclosure, open when it holds a problem) and a button to remove it, and a form to
 * add an event. Every change carries the case's version, so two people editing one timeline never
 * lose each other's changes silently.
 */
export function TimelinePage({
  ed,
  record,
  reference,
  form,
  notice,
}: {
  ed: Editorial;
  record: CaseView;
  reference: ReferenceData;
  form: FormState;
  notice?: string | undefined;
}) {
  const { t } = ed;
  const href = caseHref(ed, record.id);
  const title = t('timelineOf', { id: record.id });
  const labels = eventLabels(t);
  const eventLabel = labelLookup(
    { events: (n) => formatDate(textOf(form.values, `events.${n - 1}.date`), ed.lang) },
    labels,
  );
  const labelFor = (name: string) => {
    const field = /^new\.(\w+)$/.exec(name)?.[1];
    return field ? `${t('addEvent')}, ${labels[`*.${field}`] ?? field}` : eventLabel(name);
  };
  const hasErrors = (index: number) =>
    [...form.errors.keys()].some((name) => name.startsWith(`events.${index}.`));
  return (
    <EditorialPage ed={ed} title={title} current="cases" errors={form.errors}>
      <h1>{title}</h1>
      <p>
        <a href={href}>
          <Localized text={record.title} lang={ed.lang} fallback={record.id} />
        </a>
      </p>
      <Notice text={notice} />
      <ErrorSummary errors={form.errors} title={t('errorSummaryTitle')} labelFor={labelFor} />
      {form.stale ? <StaleNotice ed={ed} href={`${href}/timeline`} /> : null}
      {record.events.length === 0 ? <p>{t('noEvents')}</p> : null}
      <ol class="timeline">
        {record.events.map((event, index) => (
          <li key={`${event.date}-${String(index)}`}>
            <EventSummary ed={ed} event={event} />
            <details open={hasErrors(index)}>
              <summary>{t('editEvent', { date: formatDate(event.date, ed.lang) })}</summary>
              <form method="post" action={`${href}/timeline/${index}`} class="record-form" novalidate>
                <Csrf ed={ed} />
                <Hidden name="version" value={textOf(form.values, 'version')} />
                <EventFields ed={ed} form={form} prefix={`events.${index}`} reference={reference} />
                <button type="submit">{t('saveEvent')}</button>
              </form>
            </details>
            {record.events.length > 1 ? (
              <ButtonForm
                ed={ed}
                action={`${href}/timeline/${index}/remove`}
                label={t('removeEvent', { date: formatDate(event.date, ed.lang) })}
                fields={{ version: textOf(form.values, 'version') }}
                secondary
              />
            ) : null}
          </li>
        ))}
      </ol>
      <section aria-labelledby="add-event">
        <h2 id="add-event">{t('addEvent')}</h2>
        <form method="post" action={`${href}/timeline`} class="record-form" novalidate>
          <Csrf ed={ed} />
          <Hidden name="version" value={textOf(form.values, 'version')} />
          <EventFields ed={ed} form={form} prefix="new" reference={reference} />
          <button type="submit">{t('addEvent')}</button>
        </form>
      </section>
    </EditorialPage>
  );
}
