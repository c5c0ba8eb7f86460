import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';

/*
 * The Kazakh stemmer (sozwatch_kazakh_stem, migration 0009) on a word list of our own: each row is
 * a base word and forms of it that a reader types or a text contains (plural, possessive, case, and
 * their stacks). A form must meet its base; different words must stay apart. The stem itself need
 * not be a dictionary word, only the same for every form.
 */
const forms: Array<[string, string[]]> = [
  [
    'журналист',
    [
      'журналистер',
      'журналистерге',
      'журналисті',
      'журналиске',
      'журналистің',
      'журналистері',
      'журналистерді',
      'журналистермен',
      'журналистерден',
    ],
  ],
  ['блогер', ['блогерді', 'блогерлер', 'блогерлерге', 'блогердің', 'блогерге', 'блогерден', 'блогермен']],
  ['тілші', ['тілшіні', 'тілшінің', 'тілшілер', 'тілшісі', 'тілшісіне', 'тілшілерге', 'тілшілердің']],
  ['редактор', ['редакторды', 'редакторы', 'редакторлар', 'редакторға', 'редактордың']],
  ['сот', ['сотта', 'сотқа', 'соттың', 'соттан', 'соттар', 'соттардың']],
  ['әкімдік', ['әкімдікке', 'әкімдіктен', 'әкімдіктің', 'әкімдікте']],
  ['газет', ['газеттер', 'газетке', 'газеттің', 'газеттерге']],
  ['мәслихат', ['мәслихатында', 'мәслихатқа', 'мәслихаттың']],
  ['учаске', ['учаскесінде', 'учаскеде', 'учаскеге']],
  ['Қарағанды', ['Қарағандыда', 'Қарағандыға', 'Қарағандыдағы', 'Қарағандының']],
  ['Алматы', ['Алматыда', 'Алматыға', 'Алматыдан', 'Алматыдағы', 'Алматының']],
  ['Маричева', ['Маричеваның', 'Маричеваға', 'Маричеваны', 'Маричевамен']],
  ['Азаттық', ['Азаттықтың', 'Азаттыққа', 'Азаттықта']],
  ['радио', ['радиосы', 'радиосының', 'радиоға']],
  ['мекен', ['мекенде', 'мекенге', 'мекеннің']],
  ['адам', ['адамдар', 'адамдарға', 'адамның', 'адамды']],
];

const apart: Array<[string, string]> = [
  ['журналист', 'блогер'],
  ['тілші', 'тіл'],
  ['сот', 'сайт'],
  ['Маричева', 'Марат'],
  ['әкімдік', 'әкім'],
];

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function stems(words: string[]): Promise<string[]> {
  const result = await sql<{ stem: string }>`
    select sozwatch_kazakh_stem(w) as stem from unnest(${words}::text[]) with ordinality u(w, n) order by n`.execute(
    database.db,
  );
  return result.rows.map((row) => row.stem);
}

describe('the Kazakh stemmer', () => {
  it.each(forms)('gives %s and its forms one stem', async (base, inflected) => {
    const [baseStem, ...others] = await stems([base, ...inflected]);
    expect(others).toEqual(inflected.map(() => baseStem));
  });

  it.each(apart)('keeps %s and %s apart', async (first, second) => {
    const [a, b] = await stems([first, second]);
    expect(a).not.toBe(b);
  });

  it('indexes every word of a text by its stem, at its place, and leaves other scripts alone', async () => {
    const result = await sql<{ document: string }>`
      select sozwatch_kazakh_tsvector('Журналистерге сотта ақпарат берілмеді, Radio Azattyq, ол журналист')::text as document`.execute(
      database.db,
    );
    expect(result.rows[0]?.document).toBe(
      "'azattyq':6 'radio':5 'ақпарат':3 'берілме':4 'журналис':1,8 'ол':7 'сот':2",
    );
  });
});
