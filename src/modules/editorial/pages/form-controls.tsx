import { type FieldErrors, type FormBody, fieldId, listOf, textOf } from '../editorial.form.ts';

/**
 * Form controls of the editorial app. Each takes the form's values (a flat map of dotted names, as
 * posted) and its errors, so one render serves a new form, an edit and a refused save that keeps
 * what was typed. Every control has a visible label; an error is tied to its input by
 * aria-describedby and aria-invalid, and listed in the ErrorSummary with a link to the input.
 */
export type FormState = { values: FormBody; errors: FieldErrors; stale?: boolean };

type Common = {
  form: FormState;
  name: string;
  label: string;
  hint?: string | undefined;
  required?: boolean;
};

function describedBy(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function HintAndError({
  name,
  hint,
  error,
}: {
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <span class="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span class="error-text" id={`${fieldId(name)}-error`}>
          {error}
        </span>
      ) : null}
    </>
  );
}

export function TextField({
  form,
  name,
  label,
  hint,
  required,
  type = 'text',
  autocomplete,
  inputMode,
  list,
  pattern,
  size,
  suggest,
  extraClass,
  autofocus,
}: Common & {
  type?: 'text' | 'url' | 'date' | 'month' | 'number' | 'search' | 'email';
  autocomplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'url';
  list?: string;
  pattern?: string;
  size?: number;
  /** An actor name: the enhancement script offers matching actors as the user types. */
  suggest?: string;
  extraClass?: string;
  /** Only for the row the user just asked for, so the keyboard lands in it. */
  autofocus?: boolean;
}) {
  const error = form.errors.get(name);
  return (
    <div class={`field${error ? ' field-error' : ''}${extraClass ? ` ${extraClass}` : ''}`}>
      <label for={fieldId(name)}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      <input
        type={type}
        id={fieldId(name)}
        name={name}
        value={textOf(form.values, name)}
        required={required}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
        autocomplete={autocomplete}
        inputMode={inputMode}
        list={list}
        pattern={pattern}
        size={size}
        data-suggest={suggest}
        autofocus={autofocus}
      />
    </div>
  );
}

export function TextArea({
  form,
  name,
  label,
  hint,
  rows = 4,
  lang,
}: Common & { rows?: number; lang?: string }) {
  const error = form.errors.get(name);
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={fieldId(name)}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        lang={lang}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {textOf(form.values, name)}
      </textarea>
    </div>
  );
}

export type Option = { value: string; label: string };

export function Select({
  form,
  name,
  label,
  hint,
  required,
  options,
  blank,
}: Common & { options: readonly Option[]; blank?: string }) {
  const error = form.errors.get(name);
  const current = textOf(form.values, name);
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={fieldId(name)}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      <select
        id={fieldId(name)}
        name={name}
        required={required}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === current}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox({ form, name, label, hint }: Omit<Common, 'required'>) {
  const error = form.errors.get(name);
  const value = textOf(form.values, name);
  return (
    <div class={`field checkbox${error ? ' field-error' : ''}`}>
      <input
        type="checkbox"
        id={fieldId(name)}
        name={name}
        value="on"
        checked={value === 'on' || value === 'true'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
      <label for={fieldId(name)}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
    </div>
  );
}

/**
 * A group of checkboxes sharing one name (categories, legal articles), in a fieldset whose legend
 * names the group. The first box carries the group's id, so the error summary can link to it.
 */
export function CheckboxGroup({
  form,
  name,
  legend,
  hint,
  groups,
  required,
}: {
  form: FormState;
  name: string;
  legend: string;
  hint?: string;
  groups: ReadonlyArray<{ label?: string; options: readonly Option[] }>;
  required?: boolean;
}) {
  const error = form.errors.get(name);
  const chosen = new Set(listOf(form.values, name));
  let first = true;
  return (
    <fieldset
      class={`checkbox-group${error ? ' field-error' : ''}`}
      aria-describedby={describedBy(name, hint, error)}
    >
      <legend>
        {legend}
        {required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      <HintAndError name={name} hint={hint} error={error} />
      {groups.map((group, groupIndex) => {
        const boxes = group.options.map((option) => {
          const id = first ? fieldId(name) : `${fieldId(name)}-${option.value}`;
          first = false;
          return (
            <div class="checkbox" key={option.value}>
              <input
                type="checkbox"
                id={id}
                name={name}
                value={option.value}
                checked={chosen.has(option.value)}
                aria-invalid={error ? 'true' : undefined}
              />
              <label for={id}>{option.label}</label>
            </div>
          );
        });
        return group.label ? (
          <fieldset class="checkbox-subgroup" key={group.label}>
            <legend>{group.label}</legend>
            {boxes}
          </fieldset>
        ) : (
          <div key={String(groupIndex)}>{boxes}</div>
        );
      })}
    </fieldset>
  );
}

/**
 * The list of a refused form's problems, at the top of the form. Each links to its input; a
 * problem of the whole form (a stale version, a refused step) is a plain line. It is announced as
 * an alert when the page loads, and the page title starts with the error word.
 */
export function ErrorSummary({
  errors,
  title,
  labelFor,
}: {
  errors: FieldErrors;
  title: string;
  labelFor: (name: string) => string | undefined;
}) {
  if (errors.size === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      id="form-errors"
    >
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {[...errors.entries()].map(([name, message]) => {
          const label = labelFor(name);
          return (
            <li key={name}>
              {name === '' ? (
                message
              ) : (
                <a href={`#${fieldId(name)}`}>{label ? `${label}: ${message}` : message}</a>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Hidden inputs: the CSRF token every POST carries, and others such as the record's version. */
export function Hidden({ name, value }: { name: string; value: string | number }) {
  return <input type="hidden" name={name} value={String(value)} />;
}
