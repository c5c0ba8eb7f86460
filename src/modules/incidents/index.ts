export { type MergeResult, mergeActors, splitActor } from './actor-merge.service.ts';
export { incidentMessages, recordLabels } from './incidents.messages.ts';
export {
  type PublicIncident,
  type PublicOpenIncident,
  type PublicRestrictedIncident,
  type PublicVictim,
  toPublicIncident,
} from './incidents.present.ts';
export {
  existingIncidentIds,
  insertIncidents,
  loadIncidentRecords,
  loadIncidentViews,
  updateIncidentRow,
} from './incidents.repo.ts';
export { incidentRoutes } from './incidents.routes.ts';
export {
  dayOrMonthSchema,
  type IncidentFilters,
  type IncidentInput,
  type IncidentRecord,
  type IncidentSource,
  type IncidentUpdateInput,
  type IncidentView,
  type IncidentWrite,
  incidentFiltersSchema,
  incidentInputSchema,
  incidentUpdateSchema,
  monthSchema,
  type SourceInput,
  sourceSchema,
  type Visibility,
  visibilities,
} from './incidents.schemas.ts';
export {
  auditIncident,
  changeIncidentStatus,
  createIncident,
  getIncident,
  incidentProblems,
  incidentRecord,
  incidentWriteOf,
  type LinkInput,
  linkRecords,
  listIncidents,
  normalizeSource,
  restoreIncidentRevision,
  unlinkRecords,
  updateIncident,
} from './incidents.service.ts';
export {
  listRecordRevisions,
  type RecordEntity,
  recordEntities,
  restoreRevision,
} from './revisions.service.ts';
