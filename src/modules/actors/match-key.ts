import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

/**
 * The script-independent key of a name, so that Кайдарова, Kaidarova and Kaydarova meet, and
 * Qasymov and Касымов, Şaripova and Шарипова too. There is one definition, the SQL function
 * sozwatch_match_key (migration 0009): the database computes the stored key (the generated column
 * actor_names.match_key) and, through this function, the key of what is typed into a search, so
 * the two can never disagree.
 */
export async function matchKeyOf(db: Db, name: string): Promise<string> {
  const result = await sql<{ key: string | null }>`select sozwatch_match_key(${name}) as key`.execute(db);
  return result.rows[0]?.key ?? '';
}
