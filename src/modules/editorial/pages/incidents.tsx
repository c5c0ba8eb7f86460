import { recordStatuses } from '../../../domain/vocabularies.ts';
import { formatDate, formatMonth } from '../../../i18n/format.ts';
import { langs } from '../../../i18n/langs.ts';
import type { IncidentView } from '../../incidents/index.ts';

type RelatedIncident = IncidentView['related']['links'][number];

import { type FormBody, rowTotal, textOf } from '../editorial.form.ts';
import type { Editorial, T } from '../editorial.http.tsx';
import type { ReferenceData } from '../editorial.repo.ts';
import { actorRowKeys, sourceRowKeys } from '../incident-form.ts';
import { actorKindLabel } from './actors.tsx';
import {
  Checkbox,
  ErrorSummary,
  type FormState,
  Hidden,
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
  SourceRows,
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

const statusOptions = (t: T) =>
  recordStatuses.map((status) => ({
    value: status,
    label: t(`status_${status}`),
  }));

export function incidentHref(ed: Editorial, id: string): string {
  return `${ed.base}/incidents/${encodeURIComponent(id)}`;
}

export type IncidentList = { items: IncidentView[]; total: number; page: number; page_size: number };

export function IncidentListPage({
  ed,
  filters,
  result,
  reference,
  notice,
}: {
  ed: Editorial;
  filters: FormBody;
  result: IncidentList;
  reference: ReferenceData;
  notice?: string | undefined;
}) {
  const { t } = ed;
  const action = `${ed.base}/incidents`;
  const form: FormState = { values: filters, errors: new Map() };
  const categories = reference.categories
    .filter((category) => category.group !== 'legal')
    .map((category) => ({ value: category.code, label: localized(category.labels, ed.lang, category.code) }));
  return (
    <EditorialPage ed={ed} title={t('incidentsTitle')} current="incidents">
      <h1>{t('incidentsTitle')}</h1>
      <Notice text={notice} />
      <p>
        <a class="button" href={`${action}/new`}>
          {t('newIncident')}
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
        <TextField
          form={form}
          name="month"
          label={t('filterMonth')}
          hint={t('filterMonthHint')}
          inputMode="numeric"
          pattern="\d{4}-\d{2}"
          size={8}
        />
        <Select
          form={form}
          name="region"
          label={t('filterRegion')}
          options={regionOptions(ed, reference)}
          blank={t('anyOption')}
        />
        <Select
          form={form}
          name="category"
          label={t('filterCategory')}
          options={categories}
          blank={t('anyOption')}
        />
        <TextField form={form} name="q" label={t('filterText')} hint={t('filterTextHint')} type="search" />
        <Checkbox form={form} name="mine" label={t('filterMine')} />
      </FilterForm>
      <ResultCount ed={ed} total={result.total} />
      {result.items.length > 0 ? <IncidentTable ed={ed} items={result.items} reference={reference} /> : null}
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

export function IncidentTable({
  ed,
  items,
  reference,
}: {
  ed: Editorial;
  items: readonly IncidentView[];
  reference: ReferenceData;
}) {
  const { t } = ed;
  const regions = new Map(reference.regions.map((region) => [region.code, region.labels]));
  const categories = new Map(reference.categories.map((category) => [category.code, category.labels]));
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{t('incidentsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columnDate')}</th>
            <th scope="col">{t('columnTitle')}</th>
            <th scope="col">{t('columnStatus')}</th>
            <th scope="col">{t('columnRegion')}</th>
            <th scope="col">{t('columnCategories')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((incident) => (
            <tr key={incident.id}>
              <td>{formatDate(incident.date, ed.lang)}</td>
              <td>
                <a href={incidentHref(ed, incident.id)}>
                  <Localized text={incident.title} lang={ed.lang} fallback={t('untitled')} />
                </a>
                <br />
                <code class="hint">{incident.id}</code>
              </td>
              <td>
                <StatusBadge status={incident.status} t={t} />
              </td>
              <td>
                {incident.region ? localized(regions.get(incident.region), ed.lang, incident.region) : ''}
              </td>
              <td>
                {incident.categories.map((code) => localized(categories.get(code), ed.lang, code)).join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IncidentFormPage({
  ed,
  form,
  reference,
  incident,
}: {
  ed: Editorial;
  form: FormState;
  reference: ReferenceData;
  incident?: IncidentView;
}) {
  const { t } = ed;
  const title = incident ? t('editIncident', { id: incident.id }) : t('newIncident');
  const action = incident ? `${incidentHref(ed, incident.id)}/edit` : `${ed.base}/incidents`;
  const labelFor = labelLookup(
    {
      victims: (n) => t('victimN', { n }),
      perpetrators: (n) => t('perpetratorN', { n }),
      sources: (n) => t('sourceN', { n }),
    },
    {
      date: t('fieldDate'),
      counted_in: t('fieldCountedIn'),
      region: t('fieldRegion'),
      locality: t('fieldLocality'),
      categories: t('fieldCategories'),
      legal_articles: t('fieldLegalArticles'),
      title: t('sectionText'),
      summary: t('sectionText'),
      ...Object.fromEntries(
        langs.flatMap((lang) => [
          [`title.${lang}`, t('fieldTitleIn', { language: t(`lang_${lang}`) })],
          [`summary.${lang}`, t('fieldSummaryIn', { language: t(`lang_${lang}`) })],
        ]),
      ),
      visibility: t('fieldVisibility'),
      correspondent: t('fieldCorrespondent'),
      editorial_note: t('fieldEditorialNote'),
      '*.name': t('fieldActorName'),
      '*.kind': t('fieldActorKind'),
      '*.url': t('fieldSourceUrl'),
      '*.outlet': t('fieldSourceOutlet'),
      '*.correspondent': t('fieldSourceCorrespondent'),
    },
  );
  return (
    <EditorialPage ed={ed} title={title} current="incidents" errors={form.errors}>
      <h1>{title}</h1>
      <ErrorSummary errors={form.errors} title={t('errorSummaryTitle')} labelFor={labelFor} />
      {form.stale && incident ? <StaleNotice ed={ed} href={`${incidentHref(ed, incident.id)}/edit`} /> : null}
      <form method="post" action={action} class="record-form" novalidate>
        <Csrf ed={ed} />
        {incident ? <Hidden name="version" value={textOf(form.values, 'version')} /> : null}
        <p class="hint">{t('requiredNote')}</p>
        <fieldset>
          <legend>{t('sectionWhen')}</legend>
          <div class="two-columns">
            <TextField
              form={form}
              name="date"
              label={t('fieldDate')}
              hint={t('fieldDateHint')}
              required
              inputMode="numeric"
            />
            <TextField
              form={form}
              name="counted_in"
              label={t('fieldCountedIn')}
              hint={t('fieldCountedInHint')}
              inputMode="numeric"
            />
            <Select
              form={form}
              name="region"
              label={t('fieldRegion')}
              options={regionOptions(ed, reference)}
              blank=""
            />
            <TextField form={form} name="locality" label={t('fieldLocality')} />
          </div>
        </fieldset>
        <CategoryChoices
          ed={ed}
          form={form}
          name="categories"
          legend={t('fieldCategories')}
          hint={t('fieldCategoriesHint')}
          reference={reference}
          include={(category) => category.group !== 'legal'}
          required
        />
        <ActorRows
          ed={ed}
          form={form}
          group="victims"
          filled={rowTotal(form.values, 'victims', actorRowKeys)}
          legend={t('sectionVictims')}
          rowLegend={(n) => t('victimN', { n })}
          withAnonymous
        />
        <ActorRows
          ed={ed}
          form={form}
          group="perpetrators"
          filled={rowTotal(form.values, 'perpetrators', actorRowKeys)}
          legend={t('sectionPerpetrators')}
          rowLegend={(n) => t('perpetratorN', { n })}
        />
        <ArticleChoices
          ed={ed}
          form={form}
          name="legal_articles"
          legend={t('fieldLegalArticles')}
          reference={reference}
        />
        <SourceRows ed={ed} form={form} filled={rowTotal(form.values, 'sources', sourceRowKeys)} />
        <LocalizedFields
          ed={ed}
          form={form}
          legend={t('sectionText')}
          hint={t('sectionTextHint')}
          fields={[
            { name: 'title', label: (language) => t('fieldTitleIn', { language }), multiline: false },
            { name: 'summary', label: (language) => t('fieldSummaryIn', { language }), multiline: true },
          ]}
        />
        <fieldset>
          <legend>{t('sectionEditorial')}</legend>
          <Select
            form={form}
            name="visibility"
            label={t('fieldVisibility')}
            options={[
              { value: 'public', label: t('visibility_public') },
              { value: 'restricted', label: t('visibility_restricted') },
            ]}
          />
          <TextField form={form} name="correspondent" label={t('fieldCorrespondent')} />
          <TextArea form={form} name="editorial_note" label={t('fieldEditorialNote')} rows={3} />
        </fieldset>
        <div class="form-buttons">
          <button type="submit">{incident ? t('saveChanges') : t('save')}</button>
          <a href={incident ? incidentHref(ed, incident.id) : `${ed.base}/incidents`}>{t('cancel')}</a>
        </div>
      </form>
    </EditorialPage>
  );
}

export function IncidentPage({
  ed,
  incident,
  reference,
  notice,
  errors,
}: {
  ed: Editorial;
  incident: IncidentView;
  reference: ReferenceData;
  notice?: string | undefined;
  errors?: Map<string, string>;
}) {
  const { t, lang } = ed;
  const href = incidentHref(ed, incident.id);
  const heading = localized(incident.title, lang, t('incidentHeading', { id: incident.id }));
  const regions = new Map(reference.regions.map((region) => [region.code, region.labels]));
  const categories = new Map(reference.categories.map((category) => [category.code, category.labels]));
  const errorMap = errors ?? new Map<string, string>();
  return (
    <EditorialPage ed={ed} title={heading} current="incidents" errors={errorMap}>
      <h1>
        <Localized text={incident.title} lang={lang} fallback={t('incidentHeading', { id: incident.id })} />
      </h1>
      <Notice text={notice} />
      <ErrorSummary errors={errorMap} title={t('errorSummaryTitle')} labelFor={() => undefined} />
      <ul class="record-links">
        <li>
          <a href={`${href}/edit`}>{t('editRecord')}</a>
        </li>
        <li>
          <a href={`${href}/links`}>{t('manageLinks')}</a>
        </li>
        <li>
          <a href={`${href}/history`}>{t('historyTitle')}</a>
        </li>
      </ul>
      <WorkflowPanel
        ed={ed}
        status={incident.status}
        kind="incident"
        createdBy={incident.created_by}
        action={`${href}/status`}
      />
      <section aria-labelledby="details-title" class="record-facts">
        <h2 id="details-title">{t('detailsTitle')}</h2>
        <dl>
          <dt>{t('columnId')}</dt>
          <dd>
            <code>{incident.id}</code>
          </dd>
          <dt>{t('fieldDate')}</dt>
          <dd>{formatDate(incident.date, lang)}</dd>
          <dt>{t('fieldCountedIn')}</dt>
          <dd>{formatMonth(incident.counted_in, lang)}</dd>
          <dt>{t('fieldRegion')}</dt>
          <dd>
            {incident.region ? localized(regions.get(incident.region), lang, incident.region) : '—'}
            {incident.locality ? `, ${incident.locality}` : ''}
          </dd>
          <dt>{t('fieldCategories')}</dt>
          <dd>{incident.categories.map((code) => localized(categories.get(code), lang, code)).join('; ')}</dd>
          <dt>{t('sectionVictims')}</dt>
          <dd>
            {incident.victims.length === 0
              ? '—'
              : incident.victims.map((victim, index) => (
                  <span key={victim.actor_id}>
                    {index > 0 ? '; ' : ''}
                    <a href={`${ed.base}/actors/${encodeURIComponent(victim.actor_id)}`}>{victim.name}</a> (
                    {actorKindLabel(t, victim.kind)}
                    {victim.anonymous ? `; ${t('anonymousMark')}` : ''})
                  </span>
                ))}
          </dd>
          <dt>{t('sectionPerpetrators')}</dt>
          <dd>
            {incident.perpetrators.length === 0
              ? '—'
              : incident.perpetrators.map((perpetrator, index) => (
                  <span key={perpetrator.actor_id}>
                    {index > 0 ? '; ' : ''}
                    <a href={`${ed.base}/actors/${encodeURIComponent(perpetrator.actor_id)}`}>
                      {perpetrator.name}
                    </a>{' '}
                    ({actorKindLabel(t, perpetrator.kind)})
                  </span>
                ))}
          </dd>
          <dt>{t('fieldLegalArticles')}</dt>
          <dd>{incident.legal_articles.map((code) => articleShort(code, t)).join(', ') || '—'}</dd>
          <dt>{t('sectionSources')}</dt>
          <dd>
            {incident.sources.length === 0 ? (
              '—'
            ) : (
              <ul>
                {incident.sources.map((source, index) => (
                  <li key={String(index)}>
                    {source.url ? (
                      <a href={source.url}>{source.outlet ?? source.url}</a>
                    ) : (
                      (source.outlet ?? '')
                    )}
                    {source.correspondent ? ` · ${source.correspondent}` : ''}
                    {source.confidential ? ` · ${t('confidentialMark')}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('fieldVisibility')}</dt>
          <dd>{t(`visibility_${incident.visibility}`)}</dd>
          {incident.correspondent ? (
            <>
              <dt>{t('fieldCorrespondent')}</dt>
              <dd>{incident.correspondent}</dd>
            </>
          ) : null}
          {incident.editorial_note ? (
            <>
              <dt>{t('fieldEditorialNote')}</dt>
              <dd>{incident.editorial_note}</dd>
            </>
          ) : null}
        </dl>
        {langs.map((language) =>
          incident.summary[language] ? (
            <section
              key={language}
              lang={language}
              aria-label={t('fieldSummaryIn', { language: t(`lang_${language}`) })}
            >
              <p>{incident.summary[language]}</p>
            </section>
          ) : null,
        )}
      </section>
      <LinksSummary ed={ed} incident={incident} />
    </EditorialPage>
  );
}

function LinksSummary({ ed, incident }: { ed: Editorial; incident: IncidentView }) {
  const { t } = ed;
  const related = [
    ...incident.related.links,
    ...incident.related.linked_from.filter((item) => !incident.links.includes(item.id)),
  ];
  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">{t('linksTitle')}</h2>
      <h3>{t('linkedCases')}</h3>
      {incident.related.cases.length === 0 ? (
        <p>{t('noLinks')}</p>
      ) : (
        <ul>
          {incident.related.cases.map((item) => (
            <li key={item.id}>
              <a href={`${ed.base}/cases/${encodeURIComponent(item.id)}`}>
                <Localized text={item.title} lang={ed.lang} fallback={item.id} />
              </a>{' '}
              <StatusBadge status={item.status} t={t} />
            </li>
          ))}
        </ul>
      )}
      <h3>{t('linkedIncidents')}</h3>
      <RelatedIncidents ed={ed} items={related} />
    </section>
  );
}

function RelatedIncidents({ ed, items }: { ed: Editorial; items: readonly RelatedIncident[] }) {
  if (items.length === 0) return <p>{ed.t('noLinks')}</p>;
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id}>
          <a href={incidentHref(ed, item.id)}>
            <Localized text={item.title} lang={ed.lang} fallback={item.id} />
          </a>{' '}
          ({formatDate(item.date, ed.lang)}) <StatusBadge status={item.status} t={ed.t} />
        </li>
      ))}
    </ul>
  );
}

export type LinkCandidate = {
  kind: 'case' | 'incident';
  id: string;
  title: string;
  status: IncidentView['status'];
};

/** Link an incident to cases and to other incidents: what it links to now, and a search to add more. */
export function IncidentLinksPage({
  ed,
  incident,
  q,
  candidates,
  notice,
  errors,
}: {
  ed: Editorial;
  incident: IncidentView;
  q: string;
  candidates: readonly LinkCandidate[];
  notice?: string | undefined;
  errors: Map<string, string>;
}) {
  const { t } = ed;
  const href = incidentHref(ed, incident.id);
  const title = t('linksPageTitle', { id: incident.id });
  const searchForm: FormState = { values: { q }, errors: new Map() };
  const linked = new Set([...incident.cases, ...incident.links]);
  return (
    <EditorialPage ed={ed} title={title} current="incidents" errors={errors}>
      <h1>{title}</h1>
      <p>
        <Localized text={incident.title} lang={ed.lang} fallback={incident.id} />
      </p>
      <Notice text={notice} />
      <ErrorSummary errors={errors} title={t('errorSummaryTitle')} labelFor={() => undefined} />
      <h2>{t('linkedCases')}</h2>
      {incident.related.cases.length === 0 ? <p>{t('noLinks')}</p> : null}
      <ul class="candidates">
        {incident.related.cases.map((item) => (
          <li key={item.id}>
            <a href={`${ed.base}/cases/${encodeURIComponent(item.id)}`}>
              <Localized text={item.title} lang={ed.lang} fallback={item.id} />
            </a>
            <ButtonForm
              ed={ed}
              action={`${href}/links/remove`}
              label={t('unlink', { id: item.id })}
              fields={{ case_id: item.id }}
              secondary
            />
          </li>
        ))}
      </ul>
      <h2>{t('linkedIncidents')}</h2>
      {incident.related.links.length === 0 ? <p>{t('noLinks')}</p> : null}
      <ul class="candidates">
        {incident.related.links.map((item) => (
          <li key={item.id}>
            <a href={incidentHref(ed, item.id)}>
              <Localized text={item.title} lang={ed.lang} fallback={item.id} />
            </a>
            <ButtonForm
              ed={ed}
              action={`${href}/links/remove`}
              label={t('unlink', { id: item.id })}
              fields={{ incident_id: item.id }}
              secondary
            />
          </li>
        ))}
      </ul>
      <h2 id="link-search">{t('linkSearchLabel')}</h2>
      <form method="get" action={`${href}/links`} aria-labelledby="link-search">
        <TextField
          form={searchForm}
          name="q"
          label={t('filterText')}
          hint={t('filterTextHint')}
          type="search"
        />
        <button type="submit">{t('linkSearch')}</button>
      </form>
      {q && candidates.length === 0 ? <p>{t('noResults')}</p> : null}
      <ul class="candidates">
        {candidates
          .filter((candidate) => !linked.has(candidate.id) && candidate.id !== incident.id)
          .map((candidate) => (
            <li key={`${candidate.kind}-${candidate.id}`}>
              <span>
                {candidate.kind === 'case' ? t('kindCase') : t('kindIncident')}: {candidate.title} (
                <code>{candidate.id}</code>) <StatusBadge status={candidate.status} t={t} />
              </span>
              <ButtonForm
                ed={ed}
                action={`${href}/links`}
                label={
                  candidate.kind === 'case'
                    ? t('linkCase', { id: candidate.id })
                    : t('linkIncident', { id: candidate.id })
                }
                fields={
                  candidate.kind === 'case' ? { case_id: candidate.id, q } : { incident_id: candidate.id, q }
                }
              />
            </li>
          ))}
      </ul>
      <p>
        <a href={href}>{t('cancel')}</a>
      </p>
    </EditorialPage>
  );
}
