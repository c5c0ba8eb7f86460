export { escapeXml } from './portal.feeds.ts';
export { latestCountedMonth } from './portal.figures.ts';
export {
  listActors,
  listCases,
  loadActor,
  loadCase,
  loadIncident,
  loadIncidentSummaries,
  loadRegions,
  loadTaxonomy,
  summarizeDatabase,
} from './portal.repo.ts';
export { portalRoutes } from './portal.routes.tsx';
export {
  type ActorDetail,
  type ActorSummary,
  actorDetailSchema,
  actorSummarySchema,
  type CaseDetail,
  type CaseSummary,
  caseDetailSchema,
  caseSummarySchema,
  type IncidentDetail,
  type IncidentSummary,
  incidentDetailSchema,
  incidentSummarySchema,
  localizedTextSchema,
  type Region,
  regionSchema,
  type Taxonomy,
  taxonomySchema,
} from './portal.schemas.ts';
export { type Labels, makeLabels } from './portal.views.tsx';
