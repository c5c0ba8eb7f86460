export {
  addBlockingEvidence,
  blockingFiguresByYear,
  getPublicBlocking,
  listPublicBlocking,
  saveBlocking,
  setBlockingStatus,
} from './blocking.service.ts';
export {
  addRequestAppeal,
  getPublicRequest,
  listPublicRequests,
  refusalRanking,
  saveRequest,
  setRequestStatus,
} from './refusals.service.ts';
export { registerRoutes } from './registers.routes.tsx';
export type { PublicBlocking, PublicRequest } from './registers.schemas.ts';
