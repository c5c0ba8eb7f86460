/** The auth module: users and roles, sign-in with TOTP, sessions, CSRF, and the editorial shell. */

export { userAddCommand } from './auth.cli.ts';
export {
  editorialGuard,
  loginUrl,
  minutesText,
  noStore,
  safeNext,
  serviceContext,
} from './auth.http.tsx';
export { generatePassword, hashPassword, verifyPassword } from './auth.passwords.ts';
export { authRoutes } from './auth.routes.tsx';
export { roles, rolesRequiringSecondFactor } from './auth.schemas.ts';
export {
  createSession,
  destroySession,
  destroyUserSessions,
  issueFormToken,
  loadSession,
  markSecondFactorDone,
  registerSessionHook,
  requireRole,
  SESSION_COOKIE,
  setSessionCookie,
  verifyCsrf,
  verifyFormToken,
} from './auth.session.ts';
export { ErrorSummary, Field, type FormError, Notice } from './auth.views.tsx';
export {
  CsrfField,
  EditorialLayout,
  type EditorialSection,
  editorialFrame,
  editorialSections,
} from './editorial-layout.tsx';
export {
  changePassword,
  createUser,
  disableUser,
  enableUser,
  listUsers,
  resetSecondFactor,
  type UserSummary,
} from './users.service.ts';
