import type { Db } from '../../db/client.ts';

export type DatabaseSummary = {
  incidentsPublished: number;
  casesPublished: number;
  actors: number;
  categories: number;
  regions: number;
};

export async function summarizeDatabase(db: Db): Promise<DatabaseSummary> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('incidents')
        .where('status', '=', 'published')
        .select(eb.fn.countAll<number>().as('n'))
        .as('incidents'),
      eb
        .selectFrom('cases')
        .where('status', '=', 'published')
        .select(eb.fn.countAll<number>().as('n'))
        .as('cases'),
      eb
        .selectFrom('actors')
        .where('merged_into', 'is', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('actors'),
      eb
        .selectFrom('categories')
        .where('active', '=', true)
        .select(eb.fn.countAll<number>().as('n'))
        .as('categories'),
      eb.selectFrom('regions').select(eb.fn.countAll<number>().as('n')).as('regions'),
    ])
    .executeTakeFirstOrThrow();
  return {
    incidentsPublished: Number(row.incidents),
    casesPublished: Number(row.cases),
    actors: Number(row.actors),
    categories: Number(row.categories),
    regions: Number(row.regions),
  };
}
