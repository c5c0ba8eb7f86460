import type { ColumnType } from 'kysely';

/**
 * Column types that the generated database types (database.generated.ts) refer to, written once by
 * hand: a jsonb column's shape, which the database does not know.
 */
export type JsonColumn<T> = ColumnType<T, T | string, T | string>;
