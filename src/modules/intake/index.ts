export { runIntakeAdd, runIntakeFetch, runIntakeList } from './intake.cli.ts';
export { intakeRoutes } from './intake.routes.tsx';
export {
  addSource,
  attachToIncident,
  dismissCandidate,
  type FetchOutcome,
  type FetchPassOptions,
  fetchDueSources,
  getCandidate,
  getMeasures,
  listIntakeSources,
  listQueue,
  makeDraft,
  pasteCandidate,
  pauseSource,
  runFetchPass,
} from './intake.service.ts';
