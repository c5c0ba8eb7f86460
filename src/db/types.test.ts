import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDbTypes } from '../../scripts/db-types.ts';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { packagePath } from '../lib/package-root.ts';

const generatedPath = packagePath('src', 'db', 'database.generated.ts');

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('src/db/database.generated.ts', () => {
  it('is what kysely-codegen generates from the migrated database', async () => {
    const generated = await generateDbTypes(database.db, database.schema);
    if (process.env.UPDATE_TYPES === '1') fs.writeFileSync(generatedPath, generated);
    expect(generated, 'run UPDATE_TYPES=1 npx vitest run src/db/types.test.ts').toBe(
      fs.readFileSync(generatedPath, 'utf8'),
    );
  });
});
