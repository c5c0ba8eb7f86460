import { B, E, matchesOf, re } from './patterns.ts';

/**
 * Places named in a report, resolved to the region code valid on the item's date. Regions changed:
 * South Kazakhstan became Turkistan region and Shymkent city on 2018-06-19; Abai, Zhetysu and Ulytau
 * regions were carved out on 2022-06-08; Astana was Nur-Sultan from 2019 to 2022 (same code).
 */
export type FoundPlace = { name: string; region: string; start: number; end: number };

const REFORM_2018 = '2018-06-19';
const REFORM_2022 = '2022-06-08';

type Resolve = string | ((date: string) => string);
const since = (reform: string, after: string, before: string) => (date: string) =>
  date >= reform ? after : before;

// "region" in the three languages, so "Almaty region" is not read as the city of Almaty.
const regionWord = '(?:\\s+(?:region|oblast|province)|\\s+обл\\p{L}*\\.?|\\s+облыс\\p{L}*)';
const regionRu = (stem: string) => `${stem}\\p{L}*\\s+обл\\p{L}*\\.?|област\\p{L}+\\s+${stem}\\p{L}*`;

const gazetteer: Array<[string, Resolve]> = [
  // Regions first: "East Kazakhstan region" must win over any city inside the phrase.
  [`Akmola${regionWord}|${regionRu('Акмолинск')}|Ақмола облыс\\p{L}*`, 'akmola'],
  [`(?:Aktobe|Aktyubinsk)${regionWord}|${regionRu('Актюбинск')}|Ақтөбе облыс\\p{L}*`, 'aktobe'],
  [`Almaty${regionWord}|${regionRu('Алматинск')}|Алматы облыс\\p{L}*`, 'almaty_region'],
  [`Atyrau${regionWord}|${regionRu('Атырауск')}`, 'atyrau'],
  [
    `East[- ]Kazakhstan${regionWord}?|EKR|ВКО|Восточно-Казахстанск\\p{L}*(?:\\s+обл\\p{L}*\\.?)?|Шығыс Қазақстан(?:\\s+облыс\\p{L}*)?`,
    'east_kazakhstan',
  ],
  [`(?:Zhambyl|Jambyl)${regionWord}|${regionRu('Жамбылск')}|Жамбыл облыс\\p{L}*`, 'zhambyl'],
  [
    `West[- ]Kazakhstan${regionWord}?|WKR|ЗКО|Западно-Казахстанск\\p{L}*(?:\\s+обл\\p{L}*\\.?)?|Батыс Қазақстан(?:\\s+облыс\\p{L}*)?`,
    'west_kazakhstan',
  ],
  [
    `(?:Karaganda|Karagandy|Qaragandy)${regionWord}|${regionRu('Карагандинск')}|Қарағанды облыс\\p{L}*`,
    'karaganda',
  ],
  [`(?:Kostanay|Kostanai|Qostanay)${regionWord}|${regionRu('Костанайск')}|Қостанай облыс\\p{L}*`, 'kostanay'],
  [`(?:Kyzylorda|Qyzylorda)${regionWord}|${regionRu('Кызылординск')}|Қызылорда облыс\\p{L}*`, 'kyzylorda'],
  [
    `(?:Mangystau|Mangistau|Mangyshlak)${regionWord}|${regionRu('Мангистауск')}|Маңғыстау облыс\\p{L}*`,
    'mangystau',
  ],
  [`Pavlodar${regionWord}|${regionRu('Павлодарск')}|Павлодар облыс\\p{L}*`, 'pavlodar'],
  [
    `North[- ]Kazakhstan${regionWord}?|NKR|СКО|Северо-Казахстанск\\p{L}*(?:\\s+обл\\p{L}*\\.?)?|Солтүстік Қазақстан(?:\\s+облыс\\p{L}*)?`,
    'north_kazakhstan',
  ],
  [`(?:Turkistan|Turkestan)${regionWord}|${regionRu('Туркестанск')}|Түркістан облыс\\p{L}*`, 'turkistan'],
  [
    `South[- ]Kazakhstan${regionWord}?|SKR|ЮКО|Южно-Казахстанск\\p{L}*(?:\\s+обл\\p{L}*\\.?)?|Оңтүстік Қазақстан(?:\\s+облыс\\p{L}*)?`,
    since(REFORM_2018, 'turkistan', 'south_kazakhstan'),
  ],
  [`(?:Abai|Abay)${regionWord}|${regionRu('Абайск')}|област\\p{L}+\\s+Абай|Абай облыс\\p{L}*`, 'abai'],
  [`(?:Zhetysu|Jetisu|Zhetisu)${regionWord}|област\\p{L}+\\s+Жетысу|Жетісу облыс\\p{L}*`, 'zhetysu'],
  [`Ulytau${regionWord}|${regionRu('Улытауск')}|Ұлытау облыс\\p{L}*`, 'ulytau'],
  // Cities and towns.
  ['Astana|Nur-?Sultan|Nursultan|Астан[аеуы]|Нур-Султан\\p{L}*|Нұр-Сұлтан\\p{L}*', 'astana'],
  ['Almaty|Alma-?Ata|Алматы|Алма-Ат\\p{L}*', 'almaty_city'],
  ['Shymkent|Chimkent|Шымкент\\p{L}*|Чимкент\\p{L}*', since(REFORM_2018, 'shymkent', 'south_kazakhstan')],
  [
    'Turkestan|Turkistan|Kentau|Arysi?|Saryagash|Shardara|Suzak|Tulkibas|Lenger|Туркестан\\p{L}*|Түркістан\\p{L}*|Кентау|Арыс\\p{L}*|Сарыагаш\\p{L}*|Шардар\\p{L}*|Сузак\\p{L}*|Тюлькубас\\p{L}*|Ленгер\\p{L}*',
    since(REFORM_2018, 'turkistan', 'south_kazakhstan'),
  ],
  [
    'Semey|Semei|Semipalatinsk|Ayagoz|Kurchatov|Urzhar|Семе[йяею]|Семипалатинск\\p{L}*|Аягоз\\p{L}*|Курчатов\\p{L}*',
    since(REFORM_2022, 'abai', 'east_kazakhstan'),
  ],
  [
    'Ust-Kamenogorsk|Oskemen|Öskemen|Ridder|Zyryanovsk|Altai|Усть-Каменогорск\\p{L}*|Өскемен\\p{L}*|Риддер\\p{L}*|Зыряновск\\p{L}*',
    'east_kazakhstan',
  ],
  [
    'Taldykorgan|Zharkent|Tekeli|Талдыкорган\\p{L}*|Жаркент\\p{L}*|Текели',
    since(REFORM_2022, 'zhetysu', 'almaty_region'),
  ],
  [
    'Konaev|Kunaev|Kapshagay|Kapchagay|Қонаев|Конаев\\p{L}*|Капчага\\p{L}*|Талгар\\p{L}*|Talgar|Esik',
    'almaty_region',
  ],
  [
    'Zhezkazgan|Satpayev|Satpaev|Karazhal|Жезказган\\p{L}*|Сатпаев\\p{L}*|Каражал\\p{L}*',
    since(REFORM_2022, 'ulytau', 'karaganda'),
  ],
  [
    'Karaganda|Karagandy|Temirtau|Balkhash|Saran|Shakhtinsk|Караганд[аеуы]|Темиртау|Балхаш\\p{L}*|Сарань|Шахтинск\\p{L}*',
    'karaganda',
  ],
  ['Pavlodar|Ekibastuz|Павлодар\\p{L}*|Экибастуз\\p{L}*', 'pavlodar'],
  [
    'Kostanay|Kostanai|Rudny|Lisakovsk|Arkalyk|Костана[йяею]\\p{L}*|Рудн\\p{L}+|Лисаковск\\p{L}*|Аркалык\\p{L}*',
    'kostanay',
  ],
  [
    'Aktobe|Aktyubinsk|Alga|Alginsk|Khromtau|Kandyagash|Актоб[еа]|Актюбинск\\p{L}*|Алг[аеиы]|Хромтау|Кандыагаш\\p{L}*',
    'aktobe',
  ],
  ['Atyrau|Kulsary|Атырау|Кульсары', 'atyrau'],
  ['Aktau|Zhanaozen|Janaozen|Zhanaozen|Актау|Жанаозен\\p{L}*|Жаңаөзен\\p{L}*', 'mangystau'],
  ['Uralsk|Oral|Aksai|Уральск\\p{L}*|Орал', 'west_kazakhstan'],
  ['Petropavlovsk|Petropavl|Петропавловск\\p{L}*', 'north_kazakhstan'],
  ['Kokshetau|Stepnogorsk|Shchuchinsk|Burabay|Кокшетау|Степногорск\\p{L}*|Щучинск\\p{L}*|Бурабай', 'akmola'],
  ['Taraz|Karatau|Тараз\\p{L}*|Каратау', 'zhambyl'],
  ['Kyzylorda|Baikonur|Aralsk|Кызылорд\\p{L}*|Байконыр\\p{L}*|Аральск\\p{L}*', 'kyzylorda'],
];

// One pattern for the whole gazetteer, one group per entry: a single pass over the text, and where
// entries overlap the earlier one (a region before a city inside its name) wins.
const gazetteerPattern = re(`${B}(?:${gazetteer.map(([source]) => `(${source})`).join('|')})${E}`, 'gu');

/** Every place named in the text, resolved for the given date ('YYYY-MM-DD' or 'YYYY-MM'). */
export function findPlaces(text: string, date: string): FoundPlace[] {
  const found: FoundPlace[] = [];
  for (const match of matchesOf(gazetteerPattern, text)) {
    const entry = gazetteer[match.findIndex((group, index) => index > 0 && group !== undefined) - 1];
    if (!entry) continue;
    const resolve = entry[1];
    found.push({
      name: match[0],
      region: typeof resolve === 'string' ? resolve : resolve(date),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return found;
}
