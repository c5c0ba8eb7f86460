import { sql } from 'kysely';
import type { Db } from './client.ts';

/**
 * A readable, engine-neutral description of the tables, columns, constraints, indexes, triggers and
 * functions of one schema. It is committed as `schema.txt`, so a schema change shows up in review, and the tests
 * check that PGlite and PostgreSQL build the same schema from the same migrations.
 */
export async function describeSchema(db: Db, schema: string): Promise<string> {
  const columns = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    is_identity: string;
    is_generated: string;
  }>`
    select table_name, column_name, data_type, is_nullable, column_default, is_identity, is_generated
    from information_schema.columns where table_schema = ${schema}
    order by table_name, ordinal_position`.execute(db);
  const constraints = await sql<{ table_name: string; conname: string; definition: string }>`
    select rel.relname as table_name, con.conname, pg_get_constraintdef(con.oid) as definition
    from pg_constraint con
    join pg_class rel on rel.oid = con.conrelid
    join pg_namespace ns on ns.oid = rel.relnamespace
    where ns.nspname = ${schema} and con.contype in ('p', 'f', 'u', 'c', 'x')
    order by rel.relname, con.conname`.execute(db);
  const indexes = await sql<{ tablename: string; indexname: string; indexdef: string }>`
    select tablename, indexname, indexdef from pg_indexes where schemaname = ${schema}
    order by tablename, indexname`.execute(db);
  // Functions (their full definition, as the database runs it) and triggers: the counting and read
  // model upkeep of src/db/functions shows up in review like a table change does.
  const functions = await sql<{ definition: string }>`
    select pg_get_functiondef(p.oid) as definition
    from pg_proc p join pg_namespace ns on ns.oid = p.pronamespace
    where ns.nspname = ${schema}
    order by p.proname, pg_get_function_identity_arguments(p.oid)`.execute(db);
  const triggers = await sql<{ definition: string }>`
    select pg_get_triggerdef(t.oid) as definition
    from pg_trigger t
    join pg_class rel on rel.oid = t.tgrelid
    join pg_namespace ns on ns.oid = rel.relnamespace
    where ns.nspname = ${schema} and not t.tgisinternal
    order by rel.relname, t.tgname`.execute(db);

  const unqualify = (text: string) => text.replaceAll(`${schema}.`, '').replaceAll(`"${schema}".`, '');
  const lines: string[] = [];
  let currentTable = '';
  for (const column of columns.rows) {
    if (column.table_name === 'kysely_migration' || column.table_name === 'kysely_migration_lock') continue;
    if (column.table_name !== currentTable) {
      currentTable = column.table_name;
      lines.push('', `table ${currentTable}`);
    }
    const nullability = column.is_nullable === 'YES' ? 'null' : 'not null';
    const identity = column.is_identity === 'YES' ? ' identity' : '';
    const fallback = column.column_default ? ` default ${unqualify(column.column_default)}` : '';
    lines.push(`  ${column.column_name} ${column.data_type} ${nullability}${identity}${fallback}`);
  }
  lines.push('', 'constraints');
  for (const constraint of constraints.rows) {
    if (constraint.table_name.startsWith('kysely_migration')) continue;
    lines.push(`  ${constraint.table_name}.${constraint.conname}: ${unqualify(constraint.definition)}`);
  }
  lines.push('', 'indexes');
  for (const index of indexes.rows) {
    if (index.tablename.startsWith('kysely_migration')) continue;
    lines.push(`  ${unqualify(index.indexdef)}`);
  }
  lines.push('', 'triggers');
  for (const trigger of triggers.rows) lines.push(`  ${unqualify(trigger.definition)}`);
  lines.push('', 'functions');
  for (const fn of functions.rows) lines.push('', ...unqualify(fn.definition).trimEnd().split('\n'));
  return `${lines.join('\n').trim()}\n`;
}
