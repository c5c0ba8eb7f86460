import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { taxonomyEntries } from './taxonomy.ts';
import { countedTaxonomyGroups, taxonomyGroups } from './vocabularies.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the taxonomy in src/domain/taxonomy.ts', () => {
  it('is exactly the categories of the migrated database, group, legal columns and order included', async () => {
    const rows = await database.db
      .selectFrom('categories')
      .innerJoin('taxonomy_groups', 'taxonomy_groups.code', 'categories.group_code')
      .select(['categories.code', 'group_code', 'legal_role', 'legal_kind'])
      .orderBy('taxonomy_groups.position')
      .orderBy('categories.position')
      .execute();
    expect(
      rows.map((row) => ({
        code: row.code,
        group: row.group_code,
        legalRole: row.legal_role,
        legalKind: row.legal_kind,
      })),
    ).toEqual(taxonomyEntries);
  });

  it('has its groups in the order of taxonomy_groups', async () => {
    const groups = await database.db
      .selectFrom('taxonomy_groups')
      .select('code')
      .orderBy('position')
      .execute();
    expect(groups.map((group) => group.code)).toEqual([...taxonomyGroups]);
    const counted = await database.db
      .selectFrom('taxonomy_groups')
      .select('code')
      .where('counted', '=', true)
      .orderBy('position')
      .execute();
    expect(counted.map((group) => group.code)).toEqual([...countedTaxonomyGroups]);
  });
});
