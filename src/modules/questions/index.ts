export { deliverMail, enqueueMail, type OutgoingMail, SMTP_NOT_CONFIGURED } from './questions.mail.ts';
export { runQuestionMaintenance, scheduleRepeating } from './questions.maintenance.ts';
export { questionRoutes } from './questions.routes.tsx';
export { questionTopics } from './questions.schemas.ts';
export {
  answerQuestion,
  assignQuestion,
  closeQuestion,
  containsSenderData,
  getPublishedAnswer,
  listPublishedAnswers,
  publishQuestion,
  purgeExpiredContacts,
  requestMoreInformation,
  submitQuestion,
} from './questions.service.ts';
export { questionTransition, questionTransitions } from './questions.workflow.ts';
