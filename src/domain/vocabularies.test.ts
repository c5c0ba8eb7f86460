import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { checkedColumns } from './vocabularies.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** The codes of a CHECK written as `column IN ('a', 'b')`, as PostgreSQL prints it back. */
function listedCodes(definition: string): { column: string; codes: string[] } | null {
  const match = /\(\((\w+) = ANY \(ARRAY\[(.*?)\]\)\)\)/.exec(definition);
  if (!match?.[1] || match[2] === undefined) return null;
  const codes = [...match[2].matchAll(/'((?:[^']|'')*)'::text/g)].map((code) => code[1] ?? '');
  return { column: match[1], codes };
}

describe('closed vocabularies', () => {
  it('every IN (...) CHECK of the migrated database allows exactly its list in src/domain/vocabularies.ts', async () => {
    const constraints = await sql<{ table: string; definition: string }>`
      select rel.relname as "table", pg_get_constraintdef(con.oid) as definition
      from pg_constraint con
      join pg_class rel on rel.oid = con.conrelid
      join pg_namespace ns on ns.oid = rel.relnamespace
      where con.contype = 'c' and ns.nspname = ${database.schema}
      order by 1, 2`.execute(database.db);
    const found = new Map<string, string[]>();
    for (const row of constraints.rows) {
      const listed = listedCodes(row.definition);
      if (listed) found.set(`${row.table}.${listed.column}`, listed.codes);
    }
    expect(found.size).toBeGreaterThan(20);
    for (const [column, codes] of found) {
      const vocabulary = checkedColumns[column];
      expect(vocabulary, `${column} has a CHECK list but no vocabulary in checkedColumns`).toBeDefined();
      expect([...codes].sort(), column).toEqual([...(vocabulary ?? [])].sort());
    }
    for (const column of Object.keys(checkedColumns)) {
      expect(found.has(column), `${column} is in checkedColumns but has no CHECK list`).toBe(true);
    }
  });
});
