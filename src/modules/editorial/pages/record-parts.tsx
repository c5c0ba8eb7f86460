import { langs } from '../../../i18n/langs.ts';
import { type FormBody, fieldId, textOf } from '../editorial.form.ts';
import type { Editorial } from '../editorial.http.tsx';
import type { ReferenceData } from '../editorial.repo.ts';
import { actorKindOptions } from './actors.tsx';
import {
  Checkbox,
  CheckboxGroup,
  type FormState,
  Hidden,
  type Option,
  Select,
  TextArea,
  TextField,
} from './form-controls.tsx';
import { articleLabel, localized } from './shell.tsx';

/**
 * Parts shared by the incident and case forms: repeated rows of actors and sources (with spare
 * rows and an "add another row" button that works without JavaScript), texts in three languages,
 * categories and legal articles from the reference tables.
 */
export type RowGroup = 'victims' | 'perpetrators' | 'parties' | 'sources';

/** The number of rows to draw: the filled ones plus one spare, or more after "add another row". */
export function rowCount(values: FormBody, group: RowGroup, filled: number): number {
  const drawn = Number(textOf(values, `_rows.${group}`)) || 0;
  const adding = textOf(values, '_add') === group ? 1 : 0;
  return Math.min(200, Math.max(filled + 1, drawn + adding));
}

/** The index of the first row the user has not filled, to put the keyboard there after adding a row. */
function isNewRow(values: FormBody, group: RowGroup, index: number): boolean {
  return textOf(values, '_add') === group && index === (Number(textOf(values, `_rows.${group}`)) || 0);
}

export function AddRowButton({ ed, group, count }: { ed: Editorial; group: RowGroup; count: number }) {
  return (
    <p>
      <Hidden name={`_rows.${group}`} value={count} />
      <button type="submit" name="_add" value={group} class="secondary" formNoValidate>
        {ed.t('addRow')}
      </button>
    </p>
  );
}

/**
 * Rows naming actors: a name (with suggestions when JavaScript runs) and a kind; a victim may be
 * anonymous, a party has a role. A row keeps the id of the actor it named, so an unchanged name
 * links that very actor; a changed name is matched (or created) on save.
 */
export function ActorRows({
  ed,
  form,
  group,
  filled,
  legend,
  rowLegend,
  roleOptions,
  withAnonymous,
}: {
  ed: Editorial;
  form: FormState;
  group: 'victims' | 'perpetrators' | 'parties';
  filled: number;
  legend: string;
  rowLegend: (n: number) => string;
  roleOptions?: readonly Option[];
  withAnonymous?: boolean;
}) {
  const { t } = ed;
  const count = rowCount(form.values, group, filled);
  const kinds = actorKindOptions(t);
  return (
    <fieldset class="rows" id={fieldId(group)} tabIndex={-1}>
      <legend>{legend}</legend>
      <p class="hint">
        {t('actorsHint')} {t('removeRowHint')}
      </p>
      {Array.from({ length: count }, (_, index) => {
        const prefix = `${group}.${index}`;
        return (
          <fieldset class="row-group" key={prefix}>
            <legend>{rowLegend(index + 1)}</legend>
            <TextField
              form={form}
              name={`${prefix}.name`}
              label={t('fieldActorName')}
              suggest={`${ed.base}/actors/suggest`}
              autofocus={isNewRow(form.values, group, index)}
            />
            <Hidden name={`${prefix}.actor_id`} value={textOf(form.values, `${prefix}.actor_id`)} />
            <Hidden name={`${prefix}.actor_name`} value={textOf(form.values, `${prefix}.actor_name`)} />
            <Select
              form={form}
              name={`${prefix}.kind`}
              label={t('fieldActorKind')}
              options={kinds}
              blank=""
            />
            {roleOptions ? (
              <Select
                form={form}
                name={`${prefix}.role`}
                label={t('fieldPartyRole')}
                options={roleOptions}
                blank=""
              />
            ) : null}
            {withAnonymous ? (
              <Checkbox form={form} name={`${prefix}.anonymous`} label={t('fieldAnonymous')} />
            ) : null}
          </fieldset>
        );
      })}
      <AddRowButton ed={ed} group={group} count={count} />
    </fieldset>
  );
}

export function SourceRows({ ed, form, filled }: { ed: Editorial; form: FormState; filled: number }) {
  const { t } = ed;
  const count = rowCount(form.values, 'sources', filled);
  return (
    <fieldset class="rows" id={fieldId('sources')} tabIndex={-1}>
      <legend>{t('sectionSources')}</legend>
      {Array.from({ length: count }, (_, index) => {
        const prefix = `sources.${index}`;
        return (
          <fieldset class="row-group row-source" key={prefix}>
            <legend>{t('sourceN', { n: index + 1 })}</legend>
            <TextField
              form={form}
              name={`${prefix}.url`}
              label={t('fieldSourceUrl')}
              type="url"
              inputMode="url"
              autofocus={isNewRow(form.values, 'sources', index)}
            />
            <TextField form={form} name={`${prefix}.outlet`} label={t('fieldSourceOutlet')} />
            <TextField form={form} name={`${prefix}.correspondent`} label={t('fieldSourceCorrespondent')} />
            <Checkbox form={form} name={`${prefix}.confidential`} label={t('fieldConfidential')} />
          </fieldset>
        );
      })}
      <AddRowButton ed={ed} group="sources" count={count} />
    </fieldset>
  );
}

/** Title and summary in kk, ru and en; a problem of the whole title (none given) shows in the fieldset. */
export function LocalizedFields({
  ed,
  form,
  legend,
  hint,
  fields,
}: {
  ed: Editorial;
  form: FormState;
  legend: string;
  hint?: string;
  fields: ReadonlyArray<{
    name: 'title' | 'summary';
    label: (language: string) => string;
    multiline: boolean;
  }>;
}) {
  return (
    <fieldset id={fieldId(fields[0]?.name ?? 'title')} tabIndex={-1}>
      <legend>{legend}</legend>
      {hint ? <p class="hint">{hint}</p> : null}
      {fields.map((field) => {
        const error = form.errors.get(field.name);
        return error ? (
          <p class="error-text" key={`${field.name}-error`} id={`${fieldId(field.name)}-error`}>
            {error}
          </p>
        ) : null;
      })}
      <div class="three-columns">
        {langs.map((lang) => (
          <div key={lang} lang={lang === ed.lang ? undefined : lang}>
            {fields.map((field) =>
              field.multiline ? (
                <TextArea
                  key={field.name}
                  form={form}
                  name={`${field.name}.${lang}`}
                  label={field.label(ed.t(`lang_${lang}`))}
                  lang={lang}
                  rows={5}
                />
              ) : (
                <TextField
                  key={field.name}
                  form={form}
                  name={`${field.name}.${lang}`}
                  label={field.label(ed.t(`lang_${lang}`))}
                />
              ),
            )}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Categories grouped by their taxonomy group; `groups` picks which groups the record may carry. */
export function CategoryChoices({
  ed,
  form,
  name,
  legend,
  hint,
  reference,
  include,
  required,
}: {
  ed: Editorial;
  form: FormState;
  name: string;
  legend: string;
  hint?: string;
  reference: ReferenceData;
  include: (category: ReferenceData['categories'][number]) => boolean;
  required?: boolean;
}) {
  const groups = reference.groups
    .map((group) => ({
      label: localized(group.labels, ed.lang, group.code),
      options: reference.categories
        .filter((category) => category.group === group.code && include(category))
        .map((category) => ({
          value: category.code,
          label: localized(category.labels, ed.lang, category.code),
        })),
    }))
    .filter((group) => group.options.length > 0);
  return (
    <CheckboxGroup
      form={form}
      name={name}
      legend={legend}
      {...(hint ? { hint } : {})}
      groups={groups}
      {...(required ? { required } : {})}
    />
  );
}

export function ArticleChoices({
  ed,
  form,
  name,
  legend,
  hint,
  reference,
}: {
  ed: Editorial;
  form: FormState;
  name: string;
  legend: string;
  hint?: string;
  reference: ReferenceData;
}) {
  const laws = [...new Set(reference.articles.map((article) => article.law))];
  return (
    <CheckboxGroup
      form={form}
      name={name}
      legend={legend}
      {...(hint ? { hint } : {})}
      groups={laws.map((law) => ({
        options: reference.articles
          .filter((article) => article.law === law)
          .map((article) => ({ value: article.code, label: articleLabel(article, ed) })),
      }))}
    />
  );
}

export function regionOptions(ed: Editorial, reference: ReferenceData): Option[] {
  return reference.regions
    .map((region) => ({ value: region.code, label: localized(region.labels, ed.lang, region.code) }))
    .sort((a, b) => a.label.localeCompare(b.label, ed.lang));
}

/**
 * The label of a field for the error summary: a plain field by its name, a row's field as
 * "Victim 2, Kind".
 */
export function labelLookup(
  rowLegends: Record<string, (n: number) => string>,
  fieldLabels: Record<string, string>,
): (name: string) => string | undefined {
  return (name) => {
    if (fieldLabels[name]) return fieldLabels[name];
    const match = /^(\w+)\.(\d+)\.(\w+)$/.exec(name);
    const rowLegend = match?.[1] ? rowLegends[match[1]] : undefined;
    if (!match || !rowLegend) return undefined;
    const legend = rowLegend(Number(match[2]) + 1);
    const field = fieldLabels[`*.${match[3]}`];
    return field ? `${legend}, ${field}` : legend;
  };
}
