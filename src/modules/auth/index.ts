export {
  createSession,
  destroySession,
  loadSession,
  markSecondFactorDone,
  registerSessionHook,
  requireRole,
  SESSION_COOKIE,
  setSessionCookie,
  verifyCsrf,
} from './auth.session.ts';
