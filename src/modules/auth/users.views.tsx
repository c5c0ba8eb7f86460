import { translator } from '../../i18n/define.ts';
import type { CurrentUser } from '../../lib/context.ts';
import type { PageFrame } from '../../web/layout.tsx';
import { authMessages } from './auth.messages.ts';
import { roles, rolesRequiringSecondFactor } from './auth.schemas.ts';
import { ErrorSummary, Field, type FormError, Notice } from './auth.views.tsx';
import { CsrfField, EditorialLayout } from './editorial-layout.tsx';
import type { UserSummary } from './users.service.ts';

export type NewUserValues = { email: string; displayName: string; role: string };

export function UsersPage(props: {
  frame: PageFrame;
  user: CurrentUser;
  users: readonly UserSummary[];
  values: NewUserValues;
  errors: readonly FormError[];
  notice?: string | undefined;
}) {
  const t = translator(authMessages, props.frame.lang);
  const base = `/${props.frame.lang}/editorial/users`;
  const roleError = props.errors.find((error) => error.field === 'role');
  return (
    <EditorialLayout frame={props.frame} user={props.user} current="users">
      <h1>{t('usersTitle')}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <ErrorSummary errors={props.errors} title={t('errorSummaryTitle')} />
      <div class="table-wrap">
        <table>
          <caption>{t('usersCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columnName')}</th>
              <th scope="col">{t('columnEmail')}</th>
              <th scope="col">{t('columnRole')}</th>
              <th scope="col">{t('columnSecondFactor')}</th>
              <th scope="col">{t('columnStatus')}</th>
              <th scope="col">{t('columnActions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.displayName}</th>
                <td>{user.email}</td>
                <td>{t(`role_${user.role}`)}</td>
                <td>{user.secondFactor ? t('secondFactorYes') : t('secondFactorNo')}</td>
                <td>{user.disabled ? t('statusDisabled') : t('statusActive')}</td>
                <td class="row-actions">
                  {user.id === props.user.id ? null : (
                    <form method="post" action={`${base}/${user.id}/${user.disabled ? 'enable' : 'disable'}`}>
                      <CsrfField frame={props.frame} />
                      <button type="submit" class="secondary">
                        {t(user.disabled ? 'actionEnable' : 'actionDisable')}
                        <span class="visually-hidden">: {user.displayName}</span>
                      </button>
                    </form>
                  )}
                  {user.secondFactor ? (
                    <form method="post" action={`${base}/${user.id}/reset-second-factor`}>
                      <CsrfField frame={props.frame} />
                      <button type="submit" class="secondary">
                        {t('actionResetSecondFactor')}
                        <span class="visually-hidden">: {user.displayName}</span>
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="add-user">
        <h2 id="add-user">{t('addUserTitle')}</h2>
        <form method="post" action={base} class="narrow-form" noValidate>
          <CsrfField frame={props.frame} />
          <Field
            id="email"
            label={t('emailLabel')}
            type="email"
            value={props.values.email}
            autocomplete="off"
            inputMode="email"
            required
            errors={props.errors}
          />
          <Field
            id="displayName"
            label={t('nameLabel')}
            hint={t('nameHint')}
            value={props.values.displayName}
            autocomplete="off"
            errors={props.errors}
          />
          <div class="field">
            <label for="role">{t('roleLabel')}</label>
            {roleError ? (
              <span id="role-error" class="error-text">
                {roleError.message}
              </span>
            ) : null}
            <select
              id="role"
              name="role"
              required
              aria-invalid={roleError ? 'true' : undefined}
              aria-describedby={roleError ? 'role-error' : undefined}
            >
              <option value="" selected={props.values.role === ''}>
                —
              </option>
              {roles.map((role) => (
                <option key={role} value={role} selected={props.values.role === role}>
                  {t(`role_${role}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('addUserButton')}</button>
        </form>
      </section>
    </EditorialLayout>
  );
}

export function UserCreatedPage(props: {
  frame: PageFrame;
  user: CurrentUser;
  created: UserSummary;
  password: string;
}) {
  const t = translator(authMessages, props.frame.lang);
  const needsSecondFactor = rolesRequiringSecondFactor.includes(props.created.role);
  return (
    <EditorialLayout frame={props.frame} user={props.user} current="users">
      <h1>{t('userCreatedTitle')}</h1>
      <p>{t('userCreatedText', { email: props.created.email })}</p>
      <dl>
        <dt>{t('columnEmail')}</dt>
        <dd>{props.created.email}</dd>
        <dt>{t('columnRole')}</dt>
        <dd>{t(`role_${props.created.role}`)}</dd>
        <dt>{t('generatedPasswordLabel')}</dt>
        <dd>
          <code class="generated-password">{props.password}</code>
        </dd>
      </dl>
      {needsSecondFactor ? <p>{t('userCreatedSecondFactor')}</p> : null}
      <p>
        <a href={`/${props.frame.lang}/editorial/users`}>{t('backToUsers')}</a>
      </p>
    </EditorialLayout>
  );
}
