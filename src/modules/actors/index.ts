export { actorKindInSentence, actorKindLabels, actorMessages } from './actors.messages.ts';
export { type PublicActor, toPublicActor } from './actors.present.ts';
export {
  actorUsage,
  existingActorIds,
  findActorsByNameKind,
  insertActors,
  loadActorRecords,
  loadActorViews,
  resolveSurvivors,
  updateActorRow,
} from './actors.repo.ts';
export { actorRoutes } from './actors.routes.ts';
export {
  type ActorFilters,
  type ActorInput,
  type ActorKind,
  type ActorRecord,
  type ActorSuggestion,
  type ActorUpdateInput,
  type ActorView,
  type ActorWrite,
  actorFiltersSchema,
  actorInputSchema,
  actorKinds,
  actorName,
  actorRefFields,
  actorUpdateSchema,
  organizationKinds,
  recordId,
  requireActorRef,
  stateActorKinds,
  toActorRef,
} from './actors.schemas.ts';
export {
  type ActorRef,
  actorRecord,
  auditActor,
  createActor,
  getActor,
  listActors,
  resolveActorRefs,
  restoreActorRevision,
  suggestActors,
  updateActor,
} from './actors.service.ts';
export { matchKeyOf } from './match-key.ts';
