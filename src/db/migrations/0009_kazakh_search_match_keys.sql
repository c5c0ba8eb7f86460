-- One key for names, and Kazakh endings in full-text search. Both are SQL functions, so that what is
-- stored (actor_names.match_key, incident_search.document), what the triggers write and what a query
-- looks for come from one definition, on PGlite and on PostgreSQL alike.

-- The script-independent key of a name: Кайдарова, Kaidarova and Kaydarova meet, as do Qasymov and
-- Касымов, Şaripova and Шарипова, Alexandrova and Александрова. Cyrillic (with the Kazakh letters)
-- and the Kazakh and Turkish Latin letters become one plain Latin spelling, accents go, then the
-- spellings that transliteration systems disagree on are folded together (y/i, kh/h, j/zh, q/k, x/ks,
-- ye/e, doubled letters). What it cannot fold (Aidasheva/Adasheva) is left to trigram similarity.
CREATE FUNCTION sozwatch_match_key(name text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  key text := normalize(lower(name), NFC);
  folding text[];
BEGIN
  key := replace(replace(replace(replace(replace(replace(replace(replace(replace(key,
    'ж', 'zh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'щ', 'sh'), 'ю', 'iu'), 'я', 'ia'), 'ş', 'sh'), 'ç', 'ch');
  -- Letter for letter; ъ and ь, past the end of the second list, are dropped.
  key := translate(key,
    'аәбвгғдеёзийкқлмнңоөпрстуұүфхһыіэğñıäəöüūъь',
    'aabvggdeeziikklmnnooprstuuufhhiiegniaaouu');
  key := regexp_replace(normalize(key, NFD), '[\u0300-\u036f]', '', 'g');
  -- In this order: shch before sh-like folds, c before h is kept for ch, doubled letters last.
  FOREACH folding SLICE 1 IN ARRAY ARRAY[
    ['shch', 'sh'], ['dzh', 'zh'], ['j', 'zh'], ['kh', 'h'], ['x', 'ks'], ['ph', 'f'], ['q', 'k'], ['w', 'v'],
    ['c(?!h)', 'k'], ['ye', 'e'], ['y', 'i'], ['([a-z])\1+', '\1'], ['[^a-z0-9]+', ' ']]
  LOOP
    key := regexp_replace(key, folding[1], folding[2], 'g');
  END LOOP;
  RETURN btrim(key);
END $$;

-- The stored key is computed by the database from the name, so no writer can store another one.
DROP INDEX actor_names_match_key_trgm;
ALTER TABLE actor_names DROP COLUMN match_key;
ALTER TABLE actor_names ADD COLUMN match_key text NOT NULL GENERATED ALWAYS AS (sozwatch_match_key(name)) STORED;
CREATE INDEX actor_names_match_key_trgm ON actor_names USING gin (match_key gin_trgm_ops);

-- The Kazakh stem of one word, by suffix stripping. Up to four times, the word loses its longest
-- ending from the list below that leaves at least three letters: plural (-лар/-лер/-дар/-дер/-тар/
-- -тер), possessive (-ым, -ың, -сы, -мыз, -ңыз, …; a lone -ы/-і only after a consonant, as in
-- редакторы), case (genitive -ның/-дың/-тың, dative -ға/-қа, accusative -ны/-ды/-ты, locative
-- -да/-та and -дағы, ablative -дан/-тан/-нан, instrumental -мен/-бен/-пен; the н-forms that follow
-- a third-person possessive are listed with it: -ында, -ына, -ынан, -ын). Outermost and longest
-- first, as the endings stack: журналистерге is журналист-тер-ге, тілшінің is тілші-нің. Then a
-- final -ст becomes -с, because Kazakh spelling drops the т of such a loanword before an ending
-- (журналистер, журналиске). The same stripping is applied to the text and to the query, so a word
-- and its inflected forms meet even where the stem is cut short (Қарағанды and Қарағандыда both
-- become "қараған"). The endings are matched on the reversed word: a prefix alternation without
-- captures is what the regular expression engine runs fastest, and rebuild_incident_search stems
-- the Kazakh text of every document. The word list it is checked on is in
-- src/modules/search/kazakh-stem.test.ts.
CREATE FUNCTION sozwatch_kazakh_stem(word text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  -- The endings, each reversed.
  ending constant text := '^(?:'
    || 'рал|рел|рад|ред|рат|рет|ырал|ірел|ырад|іред|ырат|ірет|зымы|'
    || 'зімі|зыңы|зіңі|зым|зім|зың|зің|мы|мі|ңы|ңі|ыс|іс|ңын|ңін|'
    || 'ңыд|ңід|ңыт|ңіт|ағ|ег|ақ|ек|аны|ені|аныс|еніс|ын|ін|ыд|ід|'
    || 'ыт|іт|ны|ні|ныс|ніс|ад|ед|ат|ет|адны|едні|адныс|едніс|ығад|'
    || 'ігед|ығат|ігет|ығадн|ігедн|над|нед|нат|нет|нан|нен|наны|'
    || 'нені|наныс|неніс|нем|неб|неп|ненем|ненеб|ненеп'
    || ')';
  backwards text := reverse(lower(word));
  found text;
BEGIN
  IF backwards !~ '^[а-яёәғқңөұүһі]' THEN
    RETURN lower(word);
  END IF;
  FOR pass IN 1..4 LOOP
    found := substring(backwards from ending);
    IF found IS NULL THEN
      EXIT WHEN backwards !~ '^[ыі][бвгғджзйклмнңпрстфхһцчшщ]';
      found := left(backwards, 1);
    END IF;
    EXIT WHEN length(backwards) - length(found) < 3;
    backwards := substr(backwards, length(found) + 1);
  END LOOP;
  RETURN regexp_replace(reverse(backwards), 'ст$', 'с');
END $$;

-- Kazakh text for the index: the words of the `simple` configuration (as before), each stemmed, at
-- its positions, so that ranking still sees where they stand.
CREATE FUNCTION sozwatch_kazakh_tsvector(text_to_index text) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(
    string_agg('''' || replace(sozwatch_kazakh_stem(v.lexeme), '''', '''''') || ''':'
      || array_to_string(v.positions, ','), ' ')::tsvector,
    ''::tsvector)
  FROM unnest(to_tsvector('simple', text_to_index)) v
$$;

-- The public row of migration 0005, with the Kazakh title and summary indexed by stem and the
-- counting month as a lexeme. Names and
-- localities stay as written: a query word is looked up as written and by its stem (tsqueryOf in
-- search.query.ts), so Маричеваның finds the name Маричева.
CREATE OR REPLACE VIEW incident_search_source AS
SELECT
  i.id AS incident_id,
  CASE WHEN i.visibility = 'restricted' THEN date_trunc('month', i.date)::date ELSE i.date END AS sort_date,
  i.counted_in,
  i.region_code,
  i.visibility = 'restricted' AS restricted,
  ARRAY(SELECT DISTINCT c.group_code FROM incident_categories ic JOIN categories c ON c.code = ic.category_code
        WHERE ic.incident_id = i.id ORDER BY 1) AS groups,
  ARRAY(SELECT ic.category_code FROM incident_categories ic WHERE ic.incident_id = i.id ORDER BY 1) AS categories,
  CASE WHEN i.visibility = 'restricted' THEN '{}'::text[] ELSE
    ARRAY(SELECT DISTINCT a.kind FROM incident_actors ia JOIN actors a ON a.id = ia.actor_id
          WHERE ia.incident_id = i.id AND ia.role = 'victim' AND NOT ia.anonymous ORDER BY 1) END AS victim_kinds,
  CASE WHEN i.visibility = 'restricted' THEN '{}'::text[] ELSE
    ARRAY(SELECT DISTINCT a.kind FROM incident_actors ia JOIN actors a ON a.id = ia.actor_id
          WHERE ia.incident_id = i.id AND ia.role = 'perpetrator' AND NOT ia.anonymous ORDER BY 1) END AS perpetrator_kinds,
  CASE WHEN i.visibility = 'restricted' THEN '{}'::text[] ELSE
    ARRAY(SELECT la.article_code FROM incident_legal_articles la WHERE la.incident_id = i.id ORDER BY 1) END AS articles,
  CASE WHEN i.visibility = 'restricted' THEN '{}'::text[] ELSE
    ARRAY(SELECT DISTINCT coalesce(a.merged_into, a.id) FROM incident_actors ia JOIN actors a ON a.id = ia.actor_id
          WHERE ia.incident_id = i.id AND NOT ia.anonymous ORDER BY 1) END AS actor_ids,
  CASE WHEN i.visibility = 'restricted' THEN ''::tsvector ELSE
    setweight(to_tsvector('russian', coalesce(i.title ->> 'ru', '')), 'A')
    || setweight(to_tsvector('english', coalesce(i.title ->> 'en', '')), 'A')
    || setweight(sozwatch_kazakh_tsvector(coalesce(i.title ->> 'kk', '')), 'A')
    || setweight(to_tsvector('simple', coalesce(i.locality, '') || ' ' || coalesce(
         (SELECT string_agg(concat_ws(' ', a.name, a.names ->> 'kk', a.names ->> 'ru', a.names ->> 'en'), ' ')
          FROM incident_actors ia JOIN actors a ON a.id = ia.actor_id
          WHERE ia.incident_id = i.id AND NOT ia.anonymous), '')), 'B')
    || setweight(to_tsvector('russian', coalesce(i.summary ->> 'ru', '')), 'C')
    || setweight(to_tsvector('english', coalesce(i.summary ->> 'en', '')), 'C')
    || setweight(sozwatch_kazakh_tsvector(coalesce(i.summary ->> 'kk', '')), 'C')
    -- The month as a lexeme ('m202405'): a text search that walks month by month intersects it with
    -- the words inside the GIN index (see textMatches in search.repo.ts).
    || to_tsvector('simple', 'm' || to_char(i.date, 'YYYYMM'))
    -- The counting month as a lexeme ('c202405'): a text search with a year or month filter
    -- intersects the words with the period inside the GIN index (textCondition in search.query.ts).
    || to_tsvector('simple', 'c' || to_char(i.counted_in, 'YYYYMM'))
  END AS document
FROM incidents i
WHERE i.status = 'published';

-- Rare and absent words: with the default statistics the planner knows only the thousand commonest
-- lexemes and guesses about two thousand matches for any other word (see search.repo.ts).
ALTER TABLE incident_search ALTER COLUMN document SET STATISTICS 1000;

SELECT rebuild_incident_search();
