export { describeImport, runExportCommand, runImportCommand } from './interchange.cli.ts';
export {
  actorLine,
  caseLine,
  type ExportCounts,
  type ExportOptions,
  exportOptionsSchema,
  exportRecords,
  exportToString,
  incidentLine,
} from './interchange.export.ts';
export {
  type ImportCounts,
  type ImportReport,
  importFile,
  importParsed,
  lineError,
  type ParsedInterchange,
  parseInterchange,
  parseInterchangeObjects,
} from './interchange.import.ts';
export {
  type ActorLine,
  actorLineSchema,
  type CaseLine,
  caseLineSchema,
  type IncidentLine,
  type InterchangeLine,
  incidentLineSchema,
  regionCodes,
} from './interchange.schemas.ts';
