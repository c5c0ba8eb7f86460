export {
  createSession,
  destroySession,
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
