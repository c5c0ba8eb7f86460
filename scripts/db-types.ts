/**
 * Generates src/db/database.generated.ts with kysely-codegen from a migrated database: every table
 * and column as PostgreSQL has it. What the database cannot say is given here: the closed
 * vocabularies of src/domain/vocabularies.ts for the columns their CHECKs hold (`checkedColumns`),
 * and the shape of each jsonb column. `src/db/types.test.ts` generates from a fresh migrated
 * database and fails when the committed file differs (`UPDATE_TYPES=1` rewrites it).
 */
import { sql } from 'kysely';
import { generate, PostgresDialect } from 'kysely-codegen';
import type { Db } from '../src/db/client.ts';
import * as vocabularies from '../src/domain/vocabularies.ts';

/** The TypeScript name of each vocabulary list (its type is exported beside it). */
const vocabularyTypes = new Map<readonly string[], string>([
  [vocabularies.langs, 'Lang'],
  [vocabularies.taxonomyGroups, 'TaxonomyGroup'],
  [vocabularies.legalRoles, 'LegalRole'],
  [vocabularies.caseKinds, 'CaseKind'],
  [vocabularies.caseEventKinds, 'CaseEventKind'],
  [vocabularies.instances, 'Instance'],
  [vocabularies.outcomes, 'Outcome'],
  [vocabularies.partyRoles, 'PartyRole'],
  [vocabularies.laws, 'Law'],
  [vocabularies.actorKinds, 'ActorKind'],
  [vocabularies.incidentActorRoles, 'IncidentActorRole'],
  [vocabularies.visibilities, 'Visibility'],
  [vocabularies.datePrecisions, 'DatePrecision'],
  [vocabularies.regionKinds, 'RegionKind'],
  [vocabularies.recordStatuses, 'RecordStatus'],
  [vocabularies.roles, 'Role'],
  [vocabularies.bulletinSections, 'BulletinSection'],
  [vocabularies.publicationStatuses, 'PublicationStatus'],
  [vocabularies.facetGrains, 'FacetGrain'],
  [vocabularies.facetCountDimensions, 'FacetCountDimension'],
  [vocabularies.questionTopics, 'QuestionTopic'],
  [vocabularies.questionStatuses, 'QuestionStatus'],
  [vocabularies.contactKinds, 'ContactKind'],
  [vocabularies.questionMessageKinds, 'QuestionMessageKind'],
  [vocabularies.mailRecipients, 'MailRecipient'],
  [vocabularies.outboxStatuses, 'OutboxStatus'],
  [vocabularies.intakeOrigins, 'IntakeOrigin'],
  [vocabularies.candidateStatuses, 'CandidateStatus'],
  [vocabularies.blockedResourceKinds, 'BlockedResourceKind'],
  [vocabularies.screenshotTypes, 'ScreenshotType'],
  [vocabularies.requesterKinds, 'RequesterKind'],
  [vocabularies.infoAnswers, 'InfoAnswer'],
  [vocabularies.infoAppealOutcomes, 'InfoAppealOutcome'],
]);

/** Columns whose text holds a vocabulary without a CHECK of its own (a foreign key holds it). */
const referencedColumns: Record<string, string> = {
  'categories.group_code': 'TaxonomyGroup',
};

/** The shape of each jsonb column: text in the three languages, or anything (audit snapshots). */
const jsonShapes: Record<string, string> = {
  'bulletins.section_notes': 'Partial<Record<BulletinSection, LocalizedText>>',
};
const localizedNames = new Set([
  'labels',
  'names',
  'title',
  'summary',
  'description',
  'note',
  'introduction',
  'body',
]);

export async function generateDbTypes(db: Db, schema: string): Promise<string> {
  const columns = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    nullable: boolean;
    has_default: boolean;
    computed: boolean;
  }>`
    select table_name, column_name, data_type, udt_name, is_nullable = 'YES' as nullable,
      is_generated = 'ALWAYS' as computed,
      (column_default is not null or is_identity = 'YES' or is_generated = 'ALWAYS') as has_default
    from information_schema.columns where table_schema = ${schema}`.execute(db);
  const overrides: Record<string, string> = {};
  const wrap = (type: string, column: { nullable: boolean; has_default: boolean }) => {
    const nullable = column.nullable ? `${type} | null` : type;
    return column.has_default ? `Generated<${nullable}>` : nullable;
  };
  for (const column of columns.rows) {
    const path = `${column.table_name}.${column.column_name}`;
    const vocabulary = vocabularies.checkedColumns[path];
    const vocabularyType = vocabulary ? vocabularyTypes.get(vocabulary) : referencedColumns[path];
    if (vocabulary && !vocabularyType) throw new Error(`no type name for the vocabulary of ${path}`);
    if (column.computed) {
      // A generated column (actor_names.match_key) is computed by the database: never written.
      overrides[path] = `GeneratedAlways<${column.udt_name === 'text' ? 'string' : 'unknown'}>`;
    } else if (vocabularyType) overrides[path] = wrap(vocabularyType, column);
    else if (column.data_type === 'jsonb') {
      const shape =
        jsonShapes[path] ?? (localizedNames.has(column.column_name) ? 'LocalizedText' : 'unknown');
      overrides[path] = wrap(`JsonColumn<${shape}>`, column);
    }
  }
  const text = await generate({
    // kysely-codegen carries its own copy of Kysely; the instance is the same API.
    db: db as never,
    dialect: new PostgresDialect({ dateParser: 'string', defaultSchemas: [schema] }),
    defaultSchemas: [schema],
    // The client parses int8 to a number (client.ts): tenge amounts and ids stay far below 2^53.
    typeMapping: { int8: 'number' },
    overrides: { columns: overrides },
    customImports: {
      ...Object.fromEntries(
        [...new Set([...vocabularyTypes.values(), 'BulletinSection'])].map((name) => [
          name,
          '../domain/vocabularies.ts',
        ]),
      ),
      LocalizedText: '../i18n/langs.ts',
      JsonColumn: './column-types.ts',
      GeneratedAlways: 'kysely',
    },
    typeOnlyImports: true,
    // Only this schema (tests on one PostgreSQL server migrate many side by side), without the
    // migrator's own tables.
    includePattern: `${schema}.*`,
    excludePattern: `${schema}.kysely_migration*`,
    logger: { debug() {}, error() {}, info() {}, log() {}, success() {}, warn() {} } as never,
    print: false,
  });
  return text;
}
