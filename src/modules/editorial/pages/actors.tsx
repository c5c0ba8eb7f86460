import { formatNumber } from '../../../i18n/format.ts';
import { langs } from '../../../i18n/langs.ts';
import { type ActorKind, type ActorView, actorKinds } from '../../actors/index.ts';
import { type FieldErrors, type FormBody, listOf, textOf } from '../editorial.form.ts';
import { deskRoles, type Editorial, type T } from '../editorial.http.tsx';
import {
  ErrorSummary,
  type FormState,
  Hidden,
  type Option,
  Select,
  TextArea,
  TextField,
} from './form-controls.tsx';
import { FilterForm, Pagination, ResultCount } from './list-parts.tsx';
import { ButtonForm, Csrf, EditorialPage, Notice, StaleNotice } from './shell.tsx';

export function actorKindLabel(t: T, kind: ActorKind): string {
  return t(`actorKind_${kind}`);
}

export function actorKindOptions(t: T): Option[] {
  return actorKinds.map((kind) => ({ value: kind, label: actorKindLabel(t, kind) }));
}

export function ActorListPage({
  ed,
  filters,
  result,
  notice,
}: {
  ed: Editorial;
  filters: FormBody;
  result: { items: ActorView[]; total: number; page: number; page_size: number };
  notice?: string | undefined;
}) {
  const { t } = ed;
  const action = `${ed.base}/actors`;
  const form: FormState = { values: filters, errors: new Map() };
  return (
    <EditorialPage ed={ed} title={t('actorsTitle')} current="actors">
      <h1>{t('actorsTitle')}</h1>
      <Notice text={notice} />
      <p>
        <a class="button" href={`${action}/new`}>
          {t('newActor')}
        </a>
      </p>
      <FilterForm ed={ed} action={action}>
        <TextField form={form} name="q" label={t('filterText')} type="search" />
        <Select
          form={form}
          name="kind"
          label={t('filterKind')}
          options={actorKindOptions(t)}
          blank={t('anyOption')}
        />
      </FilterForm>
      <ResultCount ed={ed} total={result.total} />
      {result.items.length > 0 ? (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('actorsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columnName')}</th>
                <th scope="col">{t('columnKind')}</th>
                <th scope="col">{t('columnUsage')}</th>
                <th scope="col">{t('columnId')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((actor) => (
                <tr key={actor.id}>
                  <td>
                    <a href={`${action}/${encodeURIComponent(actor.id)}`}>{actor.name}</a>
                    {actor.merged_into ? <> ({t('mergedInto', { id: actor.merged_into })})</> : null}
                  </td>
                  <td>{actorKindLabel(t, actor.kind)}</td>
                  <td>
                    {t('usageLine', {
                      incidents: formatNumber(actor.usage.incidents, ed.lang),
                      cases: formatNumber(actor.usage.cases, ed.lang),
                    })}
                  </td>
                  <td>
                    <code>{actor.id}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
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

/** An actor as the edit form's values. */
export function actorValues(actor: ActorView): FormBody {
  const values: Record<string, string> = {
    kind: actor.kind,
    name: actor.name,
    variants: actor.variants.join('\n'),
    version: String(actor.version),
  };
  for (const lang of langs) {
    values[`names.${lang}`] = actor.names[lang] ?? '';
    values[`description.${lang}`] = actor.description[lang] ?? '';
  }
  return values;
}

/** The actor form's values as the service's input; blank texts are left out. */
export function actorInputOf(values: FormBody) {
  const texts = (prefix: string) =>
    Object.fromEntries(
      langs.flatMap((lang) =>
        textOf(values, `${prefix}.${lang}`) ? [[lang, textOf(values, `${prefix}.${lang}`)]] : [],
      ),
    );
  return {
    kind: textOf(values, 'kind'),
    name: textOf(values, 'name'),
    names: texts('names'),
    description: texts('description'),
    variants: listOf(values, 'variants')
      .flatMap((block) => block.split(/\r?\n/))
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  };
}

/** Problems of 'variants.3' belong to the variants box. */
export function actorFieldName(path: string): string {
  return path.startsWith('variants.') ? 'variants' : path;
}

export function ActorFormPage({
  ed,
  form,
  actor,
  notice,
}: {
  ed: Editorial;
  form: FormState;
  actor?: ActorView;
  notice?: string | undefined;
}) {
  const { t } = ed;
  const title = actor ? t('editActor', { name: actor.name }) : t('newActor');
  const action = actor ? `${ed.base}/actors/${encodeURIComponent(actor.id)}` : `${ed.base}/actors`;
  const labels = actorLabels(t);
  return (
    <EditorialPage ed={ed} title={title} current="actors" errors={form.errors}>
      <h1>{title}</h1>
      <Notice text={notice} />
      <ErrorSummary errors={form.errors} title={t('errorSummaryTitle')} labelFor={(name) => labels[name]} />
      {form.stale && actor ? <StaleNotice ed={ed} href={action} /> : null}
      {actor ? <ActorFacts ed={ed} actor={actor} /> : null}
      <form method="post" action={action} novalidate>
        <Csrf ed={ed} />
        {actor ? <Hidden name="version" value={textOf(form.values, 'version')} /> : null}
        <p class="hint">{t('requiredNote')}</p>
        <TextField form={form} name="name" label={labels.name ?? ''} required />
        <Select
          form={form}
          name="kind"
          label={labels.kind ?? ''}
          options={actorKindOptions(t)}
          required
          blank=""
        />
        <TextArea
          form={form}
          name="variants"
          label={labels.variants ?? ''}
          hint={t('fieldVariantsHint')}
          rows={3}
        />
        {langs.map((lang) => (
          <TextField key={lang} form={form} name={`names.${lang}`} label={labels[`names.${lang}`] ?? ''} />
        ))}
        {langs.map((lang) => (
          <TextArea
            key={lang}
            form={form}
            name={`description.${lang}`}
            label={labels[`description.${lang}`] ?? ''}
            lang={lang}
            rows={2}
          />
        ))}
        <button type="submit">{actor ? t('saveChanges') : t('save')}</button>{' '}
        <a href={`${ed.base}/actors`}>{t('cancel')}</a>
      </form>
    </EditorialPage>
  );
}

function actorLabels(t: T): Record<string, string> {
  const labels: Record<string, string> = {
    name: t('fieldActorName'),
    kind: t('fieldActorKind'),
    variants: t('fieldVariants'),
  };
  for (const lang of langs) {
    labels[`names.${lang}`] = t('fieldActorNames', { language: t(`lang_${lang}`) });
    labels[`description.${lang}`] = t('fieldDescriptionIn', { language: t(`lang_${lang}`) });
  }
  return labels;
}

function ActorFacts({ ed, actor }: { ed: Editorial; actor: ActorView }) {
  const { t } = ed;
  const base = `${ed.base}/actors/${encodeURIComponent(actor.id)}`;
  return (
    <section aria-labelledby="actor-facts" class="record-facts">
      <h2 id="actor-facts">{t('detailsTitle')}</h2>
      <dl>
        <dt>{t('columnId')}</dt>
        <dd>
          <code>{actor.id}</code>
        </dd>
        <dt>{t('columnUsage')}</dt>
        <dd>
          {t('usageLine', {
            incidents: formatNumber(actor.usage.incidents, ed.lang),
            cases: formatNumber(actor.usage.cases, ed.lang),
          })}
        </dd>
        {actor.merged_into ? (
          <>
            <dt>{t('mergedInto', { id: '' }).trim()}</dt>
            <dd>
              <a href={`${ed.base}/actors/${encodeURIComponent(actor.merged_into)}`}>{actor.merged_into}</a>
            </dd>
          </>
        ) : null}
        {actor.merged_from.length > 0 ? (
          <>
            <dt>{t('mergedFrom')}</dt>
            <dd>
              {actor.merged_from.map((id, index) => (
                <span key={id}>
                  {index > 0 ? ', ' : ''}
                  <a href={`${ed.base}/actors/${encodeURIComponent(id)}`}>{id}</a>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <ul class="record-links">
        <li>
          <a href={`${base}/history`}>{t('historyTitle')}</a>
        </li>
        {actor.merged_into || !deskRoles.includes(ed.user.role) ? null : (
          <li>
            <a href={`${base}/merge`}>{t('mergeLink')}</a>
          </li>
        )}
        {actor.merged_from.length > 0 && deskRoles.includes(ed.user.role) ? (
          <li>
            <a href={`${base}/split`}>{t('splitLink')}</a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** Choose the actor that stays, found by name (any script or spelling) or id; then confirm. */
export function ActorMergePage({
  ed,
  actor,
  q,
  candidates,
  errors,
}: {
  ed: Editorial;
  actor: ActorView;
  q: string;
  candidates: ReadonlyArray<{ id: string; name: string; kind: ActorKind }>;
  errors: FieldErrors;
}) {
  const { t } = ed;
  const base = `${ed.base}/actors/${encodeURIComponent(actor.id)}`;
  const title = t('mergeTitle', { name: actor.name });
  const form: FormState = { values: { q }, errors: new Map() };
  return (
    <EditorialPage ed={ed} title={title} current="actors" errors={errors}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} title={t('errorSummaryTitle')} labelFor={() => undefined} />
      <p>{t('mergeIntro', { name: actor.name })}</p>
      <form method="get" action={`${base}/merge`}>
        <TextField form={form} name="q" label={t('mergeSearchLabel')} type="search" />
        <button type="submit">{t('linkSearch')}</button>
      </form>
      {candidates.length > 0 ? (
        <ul class="candidates">
          {candidates
            .filter((candidate) => candidate.id !== actor.id)
            .map((candidate) => (
              <li key={candidate.id}>
                <span>
                  {candidate.name} ({actorKindLabel(t, candidate.kind)}, <code>{candidate.id}</code>)
                </span>
                <ButtonForm
                  ed={ed}
                  action={`${base}/merge`}
                  label={t('mergeInto', { name: candidate.name })}
                  fields={{ into: candidate.id }}
                />
              </li>
            ))}
        </ul>
      ) : q ? (
        <p>{t('noResults')}</p>
      ) : null}
      <p>
        <a href={base}>{t('cancel')}</a>
      </p>
    </EditorialPage>
  );
}

export function ActorSplitPage({
  ed,
  actor,
  merged,
  errors,
}: {
  ed: Editorial;
  actor: ActorView;
  merged: ReadonlyArray<{ id: string; name: string }>;
  errors: FieldErrors;
}) {
  const { t } = ed;
  const base = `${ed.base}/actors/${encodeURIComponent(actor.id)}`;
  const title = t('splitTitle', { name: actor.name });
  return (
    <EditorialPage ed={ed} title={title} current="actors" errors={errors}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} title={t('errorSummaryTitle')} labelFor={() => undefined} />
      <p>{t('splitIntro')}</p>
      {merged.length === 0 ? <p>{t('noMerges')}</p> : null}
      <ul class="candidates">
        {merged.map((item) => (
          <li key={item.id}>
            <span>
              {item.name} (<code>{item.id}</code>)
            </span>
            <ButtonForm
              ed={ed}
              action={`${base}/split`}
              label={t('splitAction', { name: item.name })}
              fields={{ merged: item.id }}
            />
          </li>
        ))}
      </ul>
      <p>
        <a href={base}>{t('cancel')}</a>
      </p>
    </EditorialPage>
  );
}
