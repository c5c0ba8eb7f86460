export { type DraftIncident, draftAppealText } from './appeals.draft.ts';
export { appealRoutes } from './appeals.routes.tsx';
export {
  addAppealResponse,
  createAppealFromIncidents,
  getPublishedAppeal,
  listPublishedAppeals,
  type PublicAppeal,
  publishAppeal,
  updateAppeal,
} from './appeals.service.ts';
