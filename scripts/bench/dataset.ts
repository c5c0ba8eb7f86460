import { sql } from 'kysely';
import type { Db } from '../../src/db/client.ts';
import type { ActorKind } from '../../src/domain/vocabularies.ts';

/*
 * A synthetic registry with realistic distributions, generated inside the database with
 * generate_series (no rows cross the wire except the actors' names):
 *  - dates from 2015 to mid-2025, growing over the years; 5% counted in the following month;
 *  - regions weighted like the real reports (the two big cities first), South Kazakhstan only before
 *    June 2018, Turkistan and Shymkent after, Abai, Zhetysu and Ulytau after June 2022;
 *  - one to three categories per incident with a long tail (obstruction and refusals of information
 *    common, murders very rare), 4% context items;
 *  - titles and summaries in Russian (all), English (40%) and Kazakh (20%, with inflected forms)
 *    built from a vocabulary, so common words ("журналист"), rare words (surnames) and an era word
 *    ("Нур-Султан", 2019 to 2022 only) behave as in real text; every Russian summary and Kazakh
 *    summary also has words of a long tail (longTailWord): most words of real text are rare;
 *  - named victims with a Zipf-like popularity, perpetrators, 3% anonymous victims, 2% restricted
 *    incidents, 5% drafts, 10% with legal articles, 3% confidential sources;
 *  - one legal case per 25 incidents with one to five events.
 * random() is seeded, so a size always gives the same data set. Incidents are stored in date order,
 * as records entered over the years are.
 */

const regionWeights: Array<[string, number]> = [
  ['almaty_city', 20],
  ['astana', 14],
  ['shymkent', 5],
  ['karaganda', 6],
  ['east_kazakhstan', 5],
  ['pavlodar', 4],
  ['aktobe', 4],
  ['atyrau', 4],
  ['mangystau', 4],
  ['west_kazakhstan', 3],
  ['kostanay', 3],
  ['akmola', 3],
  ['north_kazakhstan', 2],
  ['almaty_region', 5],
  ['zhambyl', 4],
  ['kyzylorda', 3],
  ['turkistan', 5],
  ['abai', 2],
  ['zhetysu', 2],
  ['ulytau', 1],
];

const categoryWeights: Array<[string, number]> = [
  ['obstruction', 18],
  ['info_refusal', 15],
  ['summons', 8],
  ['threat', 8],
  ['discrediting', 7],
  ['attack', 6],
  ['blocking', 6],
  ['censorship', 5],
  ['detention', 4],
  ['cyberattack', 3],
  ['court_transparency', 3],
  ['accreditation_denial', 3],
  ['media_discrimination', 2],
  ['persecution_for_dissemination', 2],
  ['image_misuse', 2],
  ['closure_suspension', 1],
  ['copyright_violation', 1],
  ['expulsion', 0.5],
  ['murder', 0.05],
  ['official_statement', 2],
  ['legislation', 1],
  ['ranking', 1],
];

const articles = [
  'CC-174',
  'CC-274',
  'CC-419',
  'CC-130',
  'CAO-456-2',
  'CAO-73-3',
  'CAO-667',
  'CAO-488',
  'CIVC-143',
  'CPC-201',
];

const vocabulary = {
  ruSubject: [
    'Журналиста',
    'Журналистку',
    'Редактора',
    'Блогера',
    'Оператора',
    'Корреспондента',
    'Фотографа',
    'Главного редактора',
    'Съёмочную группу',
    'Активиста',
  ],
  ruVerb: [
    'задержали',
    'избили',
    'не пустили на заседание',
    'оштрафовали',
    'вызвали в полицию',
    'обвинили в клевете',
    'лишили аккредитации',
    'угрожали расправой',
    'заставили удалить видео',
    'не допустили к документам',
  ],
  ruPlace: [
    'у здания акимата',
    'в суде',
    'на митинге',
    'в редакции',
    'на пресс-конференции',
    'в Алматы',
    'в Шымкенте',
    'в Караганде',
    'в областном центре',
    'на избирательном участке',
  ],
  ruSentence: [
    'Полиция не объяснила причин.',
    'Редакция обратилась в прокуратуру.',
    'Представитель акимата отказался от комментариев.',
    'Материал был опубликован накануне.',
    'Журналист снимал сюжет о строительстве дороги.',
    'Иск о защите чести и достоинства подан в районный суд.',
    'Сайт издания был недоступен несколько дней.',
    'Запрос об общественно значимой информации остался без ответа.',
    'Коллеги потребовали провести расследование.',
    'Суд рассмотрел дело без участия ответчика.',
  ],
  enSubject: [
    'Journalist',
    'Editor',
    'Blogger',
    'Camera operator',
    'Correspondent',
    'Photographer',
    'Editor-in-chief',
    'Film crew',
    'Activist',
    'Reporter',
  ],
  enVerb: [
    'detained',
    'beaten',
    'barred from a hearing',
    'fined',
    'summoned by police',
    'accused of defamation',
    'stripped of accreditation',
    'threatened',
    'forced to delete a video',
    'refused documents',
  ],
  enPlace: [
    'outside the akimat',
    'in court',
    'at a rally',
    'in the newsroom',
    'at a press conference',
    'in Almaty',
    'in Shymkent',
    'in Karaganda',
    'in the regional centre',
    'at a polling station',
  ],
  enSentence: [
    'The police gave no reason.',
    'The newsroom complained to the prosecutor.',
    'The akimat declined to comment.',
    'The story had been published the day before.',
    'The reporter was filming a story about road construction.',
    'A claim for the protection of honour and dignity was filed.',
    'The site was unavailable for several days.',
    'A request for socially significant information went unanswered.',
    'Colleagues demanded an investigation.',
    'The court heard the case without the defendant.',
  ],
  kkSubject: [
    'Тілшіні',
    'Журналисті',
    'Редакторды',
    'Блогерді',
    'Операторды',
    'Фототілшіні',
    'Бас редакторды',
    'Түсірілім тобын',
    'Белсендіні',
    'Корреспондентті',
  ],
  kkVerb: [
    'ұстады',
    'соққыға жықты',
    'отырысқа кіргізбеді',
    'айыппұл салды',
    'полицияға шақырды',
    'жала жапты деп айыптады',
    'аккредитациядан айырды',
    'қорқытты',
    'бейнені өшіртті',
    'құжат бермеді',
  ],
  kkPlace: [
    'әкімдік алдында',
    'сотта',
    'митингте',
    'редакцияда',
    'баспасөз мәслихатында',
    'Алматыда',
    'Шымкентте',
    'Қарағандыда',
    'облыс орталығында',
    'сайлау учаскесінде',
  ],
  kkSentence: [
    'Журналистерге ақпарат берілмеді.',
    'Блогерді полиция бөліміне шақырды.',
    'Тілшілер сотқа шағым түсірді.',
    'Редакцияның сайты бірнеше күн ашылмады.',
    'Әкімдіктен жауап келмеді.',
    'Журналиске қатысты тексеру басталды.',
    'Оператордың камерасын тартып алды.',
    'Сот отырысына журналистерді кіргізбеді.',
  ],
  syllables: [
    'ай',
    'бек',
    'гуль',
    'дар',
    'жан',
    'кал',
    'мар',
    'нур',
    'сай',
    'тай',
    'ум',
    'ер',
    'ас',
    'ыл',
    'сул',
    'бол',
    'кен',
    'жар',
    'там',
    'ораз',
  ],
  firstNames: [
    'Айгуль',
    'Асель',
    'Бауыржан',
    'Гульнара',
    'Дана',
    'Ержан',
    'Жанна',
    'Ирина',
    'Кайрат',
    'Лаура',
    'Марат',
    'Нурлан',
    'Ольга',
    'Сауле',
    'Тимур',
    'Улан',
  ],
};

const literal = (values: string[]) =>
  sql.raw(`ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(',')}]`);
const pick = (values: string[]) =>
  sql`(${literal(values)})[1 + floor(random() * ${sql.lit(values.length)})::int]`;

/** A weighted pick: width_bucket over the cumulative weights. */
function weighted(entries: Array<[string, number]>) {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let running = 0;
  const bounds = entries.slice(0, -1).map(([, weight]) => {
    running += weight;
    return (running / total).toFixed(6);
  });
  return sql`(${literal(entries.map(([code]) => code))})[1 + width_bucket(random(), ${sql.raw(`ARRAY[${bounds.join(',')}]::float8[]`)})]`;
}

/**
 * A word of the long tail, as real text has: word k of 200,000 (five syllables, its digits in base
 * 20) with probability proportional to 1/k, so a few words are in some percent of the documents
 * and most are in a handful. Use it where `g` (the row) is in scope: it must be evaluated per row.
 */
function longTailWord() {
  const syllables = literal(vocabulary.syllables);
  const digits = [1, 20, 400, 8000, 160000].map(
    (place) => sql`(${syllables})[1 + (k / ${sql.lit(place)}) % 20]`,
  );
  return sql`(select ${sql.join(digits, sql` || `)} from (select floor(exp(random() * ln(${sql.lit(LONG_TAIL_WORDS)})))::int + g * 0 as k) w)`;
}

/** How many distinct words the long tail has. */
export const LONG_TAIL_WORDS = 200_000;

/** The long-tail word of rank k (1 is the commonest), spelled as longTailWord spells it. */
export function longTailWordOf(k: number): string {
  const { syllables } = vocabulary;
  return [1, 20, 400, 8000, 160000].map((place) => syllables[Math.floor(k / place) % 20] ?? '').join('');
}

export type DatasetSize = { incidents: number; actors: number; perpetrators: number; cases: number };

export function datasetSize(incidents: number): DatasetSize {
  return {
    incidents,
    actors: Math.max(200, Math.round(incidents / 50)),
    perpetrators: Math.max(50, Math.round(incidents / 400)),
    cases: Math.max(10, Math.round(incidents / 25)),
  };
}

/** A surname built from syllables: thousands of distinct, rare words. */
function surname(index: number): string {
  const { syllables } = vocabulary;
  const a = syllables[index % syllables.length] ?? 'ай';
  const b = syllables[Math.floor(index / syllables.length) % syllables.length] ?? 'бек';
  const c = syllables[Math.floor(index / syllables.length ** 2) % syllables.length] ?? '';
  const base = `${a}${b}${c}`;
  return `${base.charAt(0).toUpperCase()}${base.slice(1)}${index % 2 === 0 ? 'ова' : 'ов'}`;
}

async function insertActors(db: Db, size: DatasetSize) {
  const perpetratorKinds: ActorKind[] = [
    'police',
    'local_executive',
    'court',
    'prosecutor',
    'official',
    'national_security',
    'ministry',
    'company',
    'private_person',
    'unknown',
  ];
  const victimKinds: ActorKind[] = [
    'journalist',
    'journalist',
    'journalist',
    'media_outlet',
    'blogger',
    'editor',
    'camera_operator',
    'activist',
    'online_channel',
    'citizen',
  ];
  const rows: Array<{ id: string; kind: ActorKind; name: string }> = [];
  for (let index = 1; index <= size.actors + size.perpetrators; index += 1) {
    const isVictim = index <= size.actors;
    const kind = isVictim
      ? (victimKinds[index % victimKinds.length] ?? 'journalist')
      : (perpetratorKinds[index % perpetratorKinds.length] ?? 'police');
    const first = vocabulary.firstNames[index % vocabulary.firstNames.length] ?? 'Жанна';
    const name = kind === 'media_outlet' ? `Газета «${surname(index)}»` : `${first} ${surname(index)}`;
    rows.push({ id: `a${index}`, kind, name });
  }
  for (let start = 0; start < rows.length; start += 2000) {
    const chunk = rows.slice(start, start + 2000);
    await db
      .insertInto('actors')
      .values(chunk.map((row) => ({ id: row.id, kind: row.kind, name: row.name, is_demo: true })))
      .execute();
    await db
      .insertInto('actor_names')
      .values(chunk.map((row) => ({ actor_id: row.id, name: row.name })))
      .execute();
  }
}

/** The registry tables whose triggers keep the public read model; a bulk load rebuilds it once. */
const triggeredTables = [
  'incidents',
  'incident_categories',
  'incident_actors',
  'incident_legal_articles',
  'actors',
] as const;

export async function loadDataset(
  db: Db,
  incidents: number,
  log: (line: string) => void,
): Promise<DatasetSize> {
  const size = datasetSize(incidents);
  const v = vocabulary;
  await sql`select setseed(0.42)`.execute(db);
  for (const table of triggeredTables)
    await sql`alter table ${sql.table(table)} disable trigger user`.execute(db);
  try {
    let started = Date.now();
    await insertActors(db, size);
    log(`actors: ${size.actors + size.perpetrators} in ${Date.now() - started} ms`);

    started = Date.now();
    await sql`
      insert into incidents (id, date, date_precision, counted_in, region_code, locality, title, summary, status,
        visibility, correspondent, is_demo, created_at, updated_at, published_at)
      select 'i' || g, d, case when random() < 0.05 then 'month' else 'day' end,
        date_trunc('month', d + case when random() < 0.05 then 31 else 0 end)::date,
        case
          when r in ('turkistan', 'shymkent') and d < date '2018-06-19' then 'south_kazakhstan'
          when r = 'abai' and d < date '2022-06-08' then 'east_kazakhstan'
          when r = 'zhetysu' and d < date '2022-06-08' then 'almaty_region'
          when r = 'ulytau' and d < date '2022-06-08' then 'karaganda'
          else r end,
        null,
        jsonb_strip_nulls(jsonb_build_object(
          'ru', ${pick(v.ruSubject)} || ' ' || ${pick(v.ruVerb)} || ' ' ||
            case when d between date '2019-03-23' and date '2022-09-16' and random() < 0.3 then 'в Нур-Султане'
                 when random() < 0.15 then 'в Астане' else ${pick(v.ruPlace)} end,
          'en', case when lang_roll < 0.4 then ${pick(v.enSubject)} || ' ' || ${pick(v.enVerb)} || ' ' || ${pick(v.enPlace)} end,
          'kk', case when lang_roll > 0.8 then ${pick(v.kkSubject)} || ' ' || ${pick(v.kkPlace)} || ' ' || ${pick(v.kkVerb)} end)),
        jsonb_strip_nulls(jsonb_build_object(
          'ru', ${pick(v.ruSentence)} || ' ' || ${pick(v.ruSentence)} ||
            case when random() < 0.3 then ' Журналист ' || ${pick(v.firstNames)} || ' ' || ${pick(v.syllables)} || ${pick(v.syllables)} || 'ова рассказала об этом.' else '' end
            || ' ' || ${longTailWord()} || ' ' || ${longTailWord()} || ' ' || ${longTailWord()},
          'en', case when lang_roll < 0.4 then ${pick(v.enSentence)} || ' ' || ${pick(v.enSentence)} end,
          'kk', case when lang_roll > 0.8 then ${pick(v.kkSentence)} || ' ' || ${longTailWord()} end)),
        case when random() < 0.05 then 'draft' else 'published' end,
        case when random() < 0.02 then 'restricted' else 'public' end,
        case when random() < 0.5 then 'Correspondent ' || (g % 40) end,
        true, now(), now(), now()
      from generate_series(1, ${size.incidents}) g
      cross join lateral (select
        (date '2015-01-01' + floor(power(random(), 0.75) * (date '2025-06-30' - date '2015-01-01'))::int + g * 0) as d,
        ${weighted(regionWeights)} as r,
        random() as lang_roll) x
      -- Records arrive roughly in date order, so the table is stored in date order, as a real one is.
      order by x.d`.execute(db);
    // Every lateral subquery above mentions g (g * 0, g % 1): an uncorrelated one would be evaluated
    // once, and every row would get the same random values.
    log(`incidents: ${size.incidents} in ${Date.now() - started} ms`);

    started = Date.now();
    await sql`
      insert into incident_categories (incident_id, category_code)
      select distinct 'i' || g, ${weighted(categoryWeights)}
      from generate_series(1, ${size.incidents}) g
      cross join lateral generate_series(1, case when random() < 0.7 then 1 when random() < 0.85 then 2 else 3 end + (g % 1)) k
      on conflict do nothing`.execute(db);
    await sql`
      insert into incident_actors (incident_id, actor_id, role, anonymous, position)
      select distinct on (incident_id, actor_id, role) incident_id, actor_id, role, anonymous, position from (
        select 'i' || g as incident_id, 'a' || (1 + floor(${size.actors} * power(random(), 3))::int) as actor_id,
          'victim' as role, random() < 0.03 as anonymous, k as position
        from generate_series(1, ${size.incidents}) g cross join lateral generate_series(0, (random() < 0.2)::int + (g % 1)) k
        union all
        select 'i' || g, 'a' || (${size.actors} + 1 + floor(${size.perpetrators} * power(random(), 2))::int), 'perpetrator', false, 0
        from generate_series(1, ${size.incidents}) g where random() < 0.6
      ) rows
      on conflict do nothing`.execute(db);
    await sql`
      insert into incident_legal_articles (incident_id, article_code)
      select 'i' || g, ${pick(articles)} from generate_series(1, ${size.incidents}) g where random() < 0.1
      on conflict do nothing`.execute(db);
    await sql`
      insert into incident_sources (incident_id, position, url, outlet, title, correspondent, confidential, note)
      select 'i' || g, 0, 'https://news.example/' || g, 'Demo News ' || (g % 30), null, null, random() < 0.03, null
      from generate_series(1, ${size.incidents}) g`.execute(db);
    log(`categories, actors, articles, sources in ${Date.now() - started} ms`);

    started = Date.now();
    await sql`
      insert into cases (id, kind, title, summary, region_code, court, claim_non_pecuniary, claim_other, outcome, status, is_demo)
      select 'c' || g, k, jsonb_build_object('ru', 'Дело № ' || g, 'en', 'Case ' || g), '{}', ${weighted(regionWeights)},
        'Районный суд', case when k = 'civil' then (1 + floor(random() * 100)) * 1000000 end, null,
        ${pick(['pending', 'for_media', 'against_media', 'partial', 'dismissed', 'settled'])},
        case when random() < 0.05 then 'draft' else 'published' end, true
      from generate_series(1, ${size.cases}) g
      cross join lateral (select ${weighted([
        ['civil', 50],
        ['criminal', 25],
        ['administrative', 25],
      ])} as k, g as correlated) x`.execute(db);
    await sql`
      insert into case_events (case_id, date, kind, instance, outcome, awarded, position)
      select 'c' || g, start + n * 45, case when n = 0 then 'filed' when n % 2 = 1 then 'hearing' else 'decision' end,
        case when n > 0 then (array['first','appeal','cassation'])[least(3, 1 + n / 2)] end,
        case when n > 0 and n % 2 = 0 then ${pick(['for_media', 'against_media', 'partial', 'dismissed'])} end,
        case when n > 0 and n % 2 = 0 and random() < 0.3 then (1 + floor(random() * 50)) * 100000 end, n
      from generate_series(1, ${size.cases}) g
      cross join lateral (select date '2015-01-01' + floor(power(random(), 0.75) * 3700)::int + g * 0 as start,
                                 floor(random() * 5)::int as events) s
      cross join lateral generate_series(0, s.events) n`.execute(db);
    await sql`
      insert into case_parties (case_id, actor_id, role, position)
      select 'c' || g, 'a' || (1 + floor(${size.actors} * power(random(), 3))::int), 'defendant', 0
      from generate_series(1, ${size.cases}) g on conflict do nothing`.execute(db);
    await sql`
      insert into incident_cases (incident_id, case_id)
      select 'i' || (1 + floor(random() * ${size.incidents})::int), 'c' || g from generate_series(1, ${size.cases}) g
      on conflict do nothing`.execute(db);
    log(`cases: ${size.cases} with events in ${Date.now() - started} ms`);
  } finally {
    for (const table of triggeredTables)
      await sql`alter table ${sql.table(table)} enable trigger user`.execute(db);
  }
  let started = Date.now();
  await sql`select rebuild_incident_search()`.execute(db);
  log(`public read model rebuilt in ${Date.now() - started} ms`);
  // The stats module's counting tables (migration 0003) are kept by triggers that the load
  // switched off with the others: fill them the way their migration does.
  started = Date.now();
  await sql`select sozwatch_refresh_incident_counting(array(select id from incidents))`.execute(db);
  log(`counting tables of the stats module refreshed in ${Date.now() - started} ms`);
  // VACUUM sets the visibility map, so that counts are read from index-only scans.
  await sql`vacuum analyze`.execute(db);
  return size;
}
