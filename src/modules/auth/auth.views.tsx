import type { ComponentChildren } from 'preact';
import { translator } from '../../i18n/define.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { Layout, type PageFrame } from '../../web/layout.tsx';
import { authMessages } from './auth.messages.ts';
import { groupSecret } from './auth.totp.ts';
import { CsrfField, EditorialLayout, EditorialStyles, editorialSections } from './editorial-layout.tsx';

/** One problem with a form; `field` is the id of the input it concerns, when there is one. */
export type FormError = { field: string | null; message: string };

/** The list of problems at the top of a form, announced by screen readers, each linked to its input. */
export function ErrorSummary({ errors, title }: { errors: readonly FormError[]; title: string }) {
  if (errors.length === 0) return null;
  return (
    <div class="notice error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.message} class="error-text">
            {error.field ? <a href={`#${error.field}`}>{error.message}</a> : error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <p class="notice" role="status">
      {children}
    </p>
  );
}

/** A labelled input with its hint and its error, tied together for assistive technology. */
export function Field(props: {
  id: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string;
  autocomplete?: string;
  hint?: string;
  errors: readonly FormError[];
  required?: boolean;
  inputMode?: 'numeric' | 'email' | 'text';
  autofocus?: boolean;
}) {
  const error = props.errors.find((candidate) => candidate.field === props.id);
  const describedBy = [props.hint ? `${props.id}-hint` : '', error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <span id={`${props.id}-hint`} class="hint">
          {props.hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${props.id}-error`} class="error-text">
          {error.message}
        </span>
      ) : null}
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        required={props.required}
        inputMode={props.inputMode}
        autofocus={props.autofocus}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

export function LoginPage(props: {
  frame: PageFrame;
  csrfToken: string;
  email: string;
  next: string;
  errors: readonly FormError[];
  notice?: string | undefined;
}) {
  const t = translator(authMessages, props.frame.lang);
  return (
    <Layout frame={props.frame}>
      <EditorialStyles />
      <h1>{t('loginTitle')}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <ErrorSummary errors={props.errors} title={t('errorSummaryTitle')} />
      <p>{t('loginIntro')}</p>
      <form method="post" action={`/${props.frame.lang}/login`} class="narrow-form" noValidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <Field
          id="email"
          label={t('emailLabel')}
          type="email"
          value={props.email}
          autocomplete="username"
          inputMode="email"
          required
          errors={props.errors}
          autofocus={props.email === ''}
        />
        <Field
          id="password"
          label={t('passwordLabel')}
          type="password"
          autocomplete="current-password"
          required
          errors={props.errors}
          autofocus={props.email !== ''}
        />
        <button type="submit">{t('signInButton')}</button>
      </form>
    </Layout>
  );
}

/** The code form after the password: either a code from an enrolled app, or the enrolment itself. */
export function SecondFactorPage(props: {
  frame: PageFrame;
  user: CurrentUser;
  csrfToken: string;
  next: string;
  errors: readonly FormError[];
  enrolment?: { secret: string; uri: string } | undefined;
}) {
  const t = translator(authMessages, props.frame.lang);
  const { lang } = props.frame;
  const enrolment = props.enrolment;
  return (
    <Layout frame={props.frame}>
      <EditorialStyles />
      <h1>{enrolment ? t('enrolTitle') : t('codeTitle')}</h1>
      <ErrorSummary errors={props.errors} title={t('errorSummaryTitle')} />
      {enrolment ? (
        <section aria-labelledby="enrol-key">
          <p>{t('enrolIntro', { role: t(`role_${props.user.role}`) })}</p>
          <h2 id="enrol-key">{t('enrolSecretLabel')}</h2>
          <p>
            <code class="totp-secret" data-secret={enrolment.secret}>
              {groupSecret(enrolment.secret)}
            </code>
          </p>
          <h2>{t('enrolUriLabel')}</h2>
          <p>
            <code class="totp-uri">{enrolment.uri}</code>
          </p>
          <p class="notice">{t('enrolWarning')}</p>
        </section>
      ) : (
        <p>{t('codeIntro')}</p>
      )}
      <form
        method="post"
        action={`/${lang}/login/${enrolment ? 'enrol' : 'code'}`}
        class="narrow-form"
        noValidate
      >
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <Field
          id="code"
          label={t('codeLabel')}
          hint={t('codeHint')}
          autocomplete="one-time-code"
          inputMode="numeric"
          required
          errors={props.errors}
          autofocus={!enrolment}
        />
        <button type="submit">{t('confirmButton')}</button>
      </form>
      <form method="post" action={`/${lang}/logout`}>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <button type="submit" class="secondary">
          {t('cancelSignIn')}
        </button>
      </form>
    </Layout>
  );
}

export function EditorialHomePage(props: {
  frame: PageFrame;
  user: CurrentUser;
  secondFactor: boolean;
  notice?: string | undefined;
}) {
  const t = translator(authMessages, props.frame.lang);
  const base = `/${props.frame.lang}/editorial`;
  return (
    <EditorialLayout frame={props.frame} user={props.user} current="overview">
      <h1>{t('editorialTitle')}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <section aria-labelledby="your-role">
        <h2 id="your-role">{t('yourRole')}</h2>
        <p>{t(`roleDuty_${props.user.role}`)}</p>
        <p>{props.secondFactor ? t('secondFactorOn') : t('secondFactorOff')}</p>
      </section>
      <ul class="editorial-links">
        {editorialSections
          .filter((section) => section.id !== 'overview' && section.roles.includes(props.user.role))
          .map((section) => (
            <li key={section.id}>
              <a href={`${base}${section.path}`}>{t(section.label)}</a>
            </li>
          ))}
        <li>
          <a href={`${base}/password`}>{t('navPassword')}</a>
        </li>
      </ul>
    </EditorialLayout>
  );
}

export function ForbiddenPage(props: { frame: PageFrame; user: CurrentUser }) {
  const t = translator(authMessages, props.frame.lang);
  return (
    <EditorialLayout frame={props.frame} user={props.user}>
      <h1>{t('forbiddenTitle')}</h1>
      <p>{t('forbiddenText', { role: t(`role_${props.user.role}`) })}</p>
      <p>
        <a href={`/${props.frame.lang}/editorial`}>{t('navOverview')}</a>
      </p>
    </EditorialLayout>
  );
}

export function PasswordPage(props: {
  frame: PageFrame;
  user: CurrentUser;
  errors: readonly FormError[];
  notice?: string | undefined;
}) {
  const t = translator(authMessages, props.frame.lang);
  return (
    <EditorialLayout frame={props.frame} user={props.user}>
      <h1>{t('passwordTitle')}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <ErrorSummary errors={props.errors} title={t('errorSummaryTitle')} />
      <form method="post" action={`/${props.frame.lang}/editorial/password`} class="narrow-form" noValidate>
        <CsrfField frame={props.frame} />
        <Field
          id="currentPassword"
          label={t('currentPasswordLabel')}
          type="password"
          autocomplete="current-password"
          required
          errors={props.errors}
        />
        <Field
          id="newPassword"
          label={t('newPasswordLabel')}
          hint={t('newPasswordHint')}
          type="password"
          autocomplete="new-password"
          required
          errors={props.errors}
        />
        <Field
          id="confirmPassword"
          label={t('confirmPasswordLabel')}
          type="password"
          autocomplete="new-password"
          required
          errors={props.errors}
        />
        <button type="submit">{t('savePasswordButton')}</button>
      </form>
    </EditorialLayout>
  );
}

/** Shown when a sign-out form was stale: one button that signs out with a fresh token. */
export function SignOutPage(props: { frame: PageFrame; csrfToken: string }) {
  const t = translator(authMessages, props.frame.lang);
  return (
    <Layout frame={props.frame}>
      <EditorialStyles />
      <h1>{t('signOut')}</h1>
      <ErrorSummary
        errors={[{ field: null, message: t('errorFormExpired') }]}
        title={t('errorSummaryTitle')}
      />
      <form method="post" action={`/${props.frame.lang}/logout`}>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <button type="submit">{t('signOut')}</button>
      </form>
    </Layout>
  );
}
