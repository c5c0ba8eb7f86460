import type { LocalizedText } from '../../i18n/langs.ts';
import type { CaseLine, IncidentLine } from '../interchange/index.ts';

/**
 * Invented records: invented names, invented events, each marked as demo data (the flag, and a
 * sentence in every summary). They show what the seeds do not: restricted incidents, anonymous
 * victims, confidential sources, drafts and items under review, and cases that run for months.
 */
const demoNote = {
  kk: 'Демонстрациялық деректер: есімдер мен оқиғалар ойдан шығарылған.',
  ru: 'Демонстрационные данные: имена и события вымышлены.',
  en: 'Demo data: the names and events are invented.',
} satisfies Required<LocalizedText>;

const noted = (summary: Required<LocalizedText>): LocalizedText => ({
  kk: `${summary.kk} ${demoNote.kk}`,
  ru: `${summary.ru} ${demoNote.ru}`,
  en: `${summary.en} ${demoNote.en}`,
});

type MadeIncident = Omit<IncidentLine, 'type' | 'demo' | 'status' | 'summary' | 'title'> & {
  status?: IncidentLine['status'];
  title: Required<LocalizedText>;
  summary: Required<LocalizedText>;
};
const made = (line: MadeIncident): IncidentLine => ({
  type: 'incident',
  status: 'published',
  ...line,
  summary: noted(line.summary),
  demo: true,
});

type MadeCase = Omit<CaseLine, 'type' | 'demo' | 'status' | 'summary' | 'title'> & {
  status?: CaseLine['status'];
  title: Required<LocalizedText>;
  summary: Required<LocalizedText>;
};
const madeCase = (line: MadeCase): CaseLine => ({
  type: 'case',
  status: 'published',
  ...line,
  summary: noted(line.summary),
  demo: true,
});

const serikbayeva = { actor: 'demo-x-serikbayeva', name: 'Aliya Serikbayeva', kind: 'journalist' } as const;
const steppeHerald = { actor: 'demo-x-steppe-herald', name: 'Steppe Herald', kind: 'media_outlet' } as const;
const omarbekov = { actor: 'demo-x-omarov', name: 'Marat Omarbekov', kind: 'official' } as const;
const tasbolatuly = { actor: 'demo-x-tasbolatov', name: 'Yerbol Tasbolatuly', kind: 'blogger' } as const;
const qalaOnline = { actor: 'demo-x-qala-online', name: 'Qala Online', kind: 'online_channel' } as const;
const nurlankyzy = { actor: 'demo-x-nurlanova', name: 'Dinara Nurlankyzy', kind: 'journalist' } as const;
const aralToday = { actor: 'demo-x-aral-today', name: 'Aral Today', kind: 'media_outlet' } as const;
const zhaksylykov = {
  actor: 'demo-x-zhaksylykov',
  name: 'Timur Zhaksylykov',
  kind: 'camera_operator',
} as const;
const nurZholTv = { actor: 'demo-x-nur-zhol-tv', name: 'Nur Zhol TV', kind: 'media_outlet' } as const;
const kemelbekova = { actor: 'demo-x-kemelbek', name: 'Saule Kemelbekova', kind: 'activist' } as const;
const karatobeAkimat = {
  actor: 'demo-x-akimat-karatobe',
  name: 'Karatobe district akimat',
  kind: 'local_executive',
} as const;
const districtPolice = {
  actor: 'demo-x-police-district',
  name: 'District police department (demo)',
  kind: 'police',
} as const;
const guards = {
  actor: 'demo-x-guards',
  name: 'Security guards of a shopping centre (demo)',
  kind: 'security_guard',
} as const;
const unknownPersons = { actor: 'demo-x-unknown', name: 'Unknown persons (demo)', kind: 'unknown' } as const;
const baimukhanov = { actor: 'demo-x-baimukhan', name: 'Askar Baimukhanov', kind: 'blogger' } as const;
const yermekova = { actor: 'demo-x-ermekova', name: 'Zhanna Yermekova', kind: 'blogger' } as const;
const sadyqova = { actor: 'demo-x-sadykova', name: 'Gaukhar Sadyqova', kind: 'editor' } as const;
const bekov = { actor: 'demo-x-bekov', name: 'Nurlan Bekov', kind: 'official' } as const;
const attackers = { actor: 'demo-x-hacker', name: 'Unidentified attackers (demo)', kind: 'unknown' } as const;
const ministry = { actor: 'demo-x-ministry', name: 'A ministry (demo)', kind: 'ministry' } as const;
const prosecutor = {
  actor: 'demo-x-prosecutor',
  name: 'Regional prosecutor’s office (demo)',
  kind: 'prosecutor',
} as const;

const tip = (n: number) => ({
  url: `https://tips.example.org/demo/${n}`,
  outlet: 'Message to a regional correspondent (demo)',
  correspondent: 'Regional correspondent (demo)',
  confidential: true,
  note: 'The source asked not to be named.',
});

export const inventedCases: CaseLine[] = [
  madeCase({
    id: 'demo-x-case-omarbekov-steppe-herald',
    kind: 'civil',
    subjects: ['civil_honor_dignity'],
    legal_articles: ['CIVC-143', 'CIVC-951'],
    title: {
      kk: 'Омарбеков «Дала хабаршысы» мен Әлия Серікбаеваға қарсы',
      ru: 'Омарбеков против «Степного вестника» и Алии Серикбаевой',
      en: 'Omarbekov v. Steppe Herald and Aliya Serikbayeva',
    },
    summary: {
      kk: 'Аудан әкімінің орынбасары жергілікті жолдарды жөндеу туралы мақала үшін 20 млн теңге моральдық зиян талап етті.',
      ru: 'Заместитель акима района потребовал 20 млн тенге морального вреда за статью о ремонте местных дорог.',
      en: 'A deputy district akim claimed 20 million tenge of moral damage over an article on local road repairs.',
    },
    region: 'karaganda',
    court: 'District court (demo)',
    parties: [
      { ...omarbekov, role: 'plaintiff' },
      { ...steppeHerald, role: 'defendant' },
      { ...serikbayeva, role: 'defendant' },
    ],
    claim_non_pecuniary: 20_000_000,
    outcome: 'for_media',
    events: [
      { date: '2021-03-10', kind: 'filed' },
      { date: '2021-04-15', kind: 'hearing', instance: 'first' },
      {
        date: '2021-06-02',
        kind: 'decision',
        instance: 'first',
        outcome: 'partial',
        awarded: 500_000,
        note: {
          kk: 'Сот талапты ішінара қанағаттандырды.',
          ru: 'Суд удовлетворил иск частично.',
          en: 'The court granted the claim in part.',
        },
      },
      { date: '2021-07-01', kind: 'appeal' },
      {
        date: '2021-09-20',
        kind: 'decision',
        instance: 'appeal',
        outcome: 'for_media',
        awarded: 0,
        note: {
          kk: 'Апелляциялық алқа өтемақыны жойды.',
          ru: 'Апелляционная коллегия отменила взыскание.',
          en: 'The appeal panel set the award aside.',
        },
      },
      { date: '2021-10-05', kind: 'in_force' },
    ],
  }),
  madeCase({
    id: 'demo-x-case-tasbolatuly-274',
    kind: 'criminal',
    subjects: ['criminal_false_information'],
    legal_articles: ['CC-274'],
    title: {
      kk: 'Блогер Ербол Тасболатұлына қатысты жалған ақпарат ісі',
      ru: 'Дело о ложной информации против блогера Ербола Тасболатулы',
      en: 'False-information case against blogger Yerbol Tasbolatuly',
    },
    summary: {
      kk: 'Блогер ауруханадағы дәрі тапшылығы туралы видео жариялағаннан кейін іс қозғалды. Кейін айыпқа алауыздықты қоздыру бабы қосылды.',
      ru: 'Дело возбудили после видео блогера о нехватке лекарств в больнице. Позже к обвинению добавили статью о возбуждении розни.',
      en: 'The case was opened after the blogger’s video about a shortage of medicines in a hospital. An incitement charge was added later.',
    },
    region: 'zhambyl',
    court: 'Regional court (demo)',
    parties: [
      { ...tasbolatuly, role: 'accused' },
      { ...prosecutor, role: 'prosecutor' },
    ],
    outcome: 'against_media',
    events: [
      { date: '2022-02-14', kind: 'investigation_opened' },
      {
        date: '2022-02-16',
        kind: 'measure',
        bail: 1_500_000,
        note: { kk: 'Кепілпұлмен босатылды.', ru: 'Освобождён под залог.', en: 'Released on bail.' },
      },
      { date: '2022-05-10', kind: 'requalified', articles: ['CC-274', 'CC-174'] },
      { date: '2022-07-05', kind: 'hearing', instance: 'first' },
      {
        date: '2022-08-30',
        kind: 'decision',
        instance: 'first',
        outcome: 'against_media',
        fine_mci: 300,
        note: { kk: 'Айыппұл: 300 АЕК.', ru: 'Штраф 300 МРП.', en: 'Fined 300 MCI.' },
      },
      { date: '2022-11-15', kind: 'decision', instance: 'appeal', outcome: 'against_media' },
      { date: '2022-11-15', kind: 'in_force' },
    ],
  }),
  madeCase({
    id: 'demo-x-case-nurlankyzy-456-2',
    kind: 'administrative',
    subjects: ['administrative_false_information'],
    legal_articles: ['CAO-456-2'],
    title: {
      kk: 'Динара Нұрланқызы жалған ақпарат үшін айыппұл төледі',
      ru: 'Динару Нурланкызы оштрафовали за ложную информацию',
      en: 'Dinara Nurlankyzy fined for false information',
    },
    summary: {
      kk: 'Хаттама тілшінің су тапшылығы туралы жазбасы үшін толтырылды.',
      ru: 'Протокол составили из-за поста корреспондентки о нехватке воды.',
      en: 'The report was drawn up over the correspondent’s post about water shortages.',
    },
    region: 'kyzylorda',
    parties: [{ ...nurlankyzy, role: 'accused' }],
    outcome: 'against_media',
    events: [
      { date: '2023-04-03', kind: 'filed' },
      { date: '2023-04-12', kind: 'decision', instance: 'first', outcome: 'against_media', fine_mci: 10 },
    ],
  }),
  madeCase({
    id: 'demo-x-case-bekov-nur-zhol',
    kind: 'civil',
    subjects: ['civil_privacy'],
    legal_articles: ['CIVC-145'],
    title: {
      kk: 'Беков «Нұр жол» телеарнасына қарсы: бейнеге құқық',
      ru: 'Беков против телеканала «Нур жол»: право на изображение',
      en: 'Bekov v. Nur Zhol TV: the right to one’s image',
    },
    summary: {
      kk: 'Шенеунік оны рұқсатсыз көрсеткен сюжет үшін 5 млн теңге талап етті; тараптар татуласты.',
      ru: 'Чиновник потребовал 5 млн тенге за сюжет, где его показали без согласия; стороны заключили мировое соглашение.',
      en: 'An official claimed 5 million tenge over a report that showed him without consent; the parties settled.',
    },
    region: 'abai',
    parties: [
      { ...bekov, role: 'plaintiff' },
      { ...nurZholTv, role: 'defendant' },
    ],
    claim_non_pecuniary: 5_000_000,
    outcome: 'settled',
    events: [
      { date: '2023-09-18', kind: 'filed' },
      { date: '2023-11-02', kind: 'hearing', instance: 'first' },
      {
        date: '2024-02-07',
        kind: 'decision',
        instance: 'first',
        outcome: 'settled',
        note: {
          kk: 'Арна бейнедегі бетті бұлдыратты.',
          ru: 'Канал размыл лицо на видео.',
          en: 'The channel blurred the face in the footage.',
        },
      },
    ],
  }),
  madeCase({
    id: 'demo-x-case-yermekova-copyright',
    kind: 'civil',
    subjects: ['civil_copyright'],
    title: {
      kk: 'Екі блогер арасындағы авторлық құқық дауы',
      ru: 'Спор двух блогеров об авторском праве',
      en: 'A copyright dispute between two bloggers',
    },
    summary: {
      kk: 'Блогер әріптесін өз видеоларын рұқсатсыз пайдаланды деп сотқа берді.',
      ru: 'Блогер подала в суд на коллегу, использовавшего её видео без разрешения.',
      en: 'A blogger sued a colleague who used her videos without permission.',
    },
    region: 'almaty_city',
    parties: [
      { ...yermekova, role: 'plaintiff' },
      { ...baimukhanov, role: 'defendant' },
    ],
    claim_non_pecuniary: 300_000,
    claim_other: 1_000_000,
    outcome: 'partial',
    events: [
      { date: '2024-03-05', kind: 'filed' },
      { date: '2024-04-20', kind: 'hearing', instance: 'first' },
      { date: '2024-06-11', kind: 'decision', instance: 'first', outcome: 'partial', awarded: 200_000 },
      { date: '2024-08-01', kind: 'enforcement', collected: 200_000 },
    ],
  }),
  madeCase({
    id: 'demo-x-case-kemelbekova-667',
    kind: 'administrative',
    subjects: ['administrative_disobedience'],
    legal_articles: ['CAO-667'],
    title: {
      kk: 'Белсенді Сәуле Кемелбековаға пикеттен кейін айыппұл салынды',
      ru: 'Активистку Сауле Кемелбекову оштрафовали после пикета',
      en: 'Activist Saule Kemelbekova fined after a picket',
    },
    summary: {
      kk: 'Ол пикетті тікелей эфирде көрсетіп тұрған кезде ұсталды.',
      ru: 'Её задержали во время прямой трансляции пикета.',
      en: 'She was detained while streaming the picket live.',
    },
    region: 'aktobe',
    parties: [{ ...kemelbekova, role: 'accused' }],
    outcome: 'against_media',
    events: [
      { date: '2022-06-21', kind: 'decision', instance: 'first', outcome: 'against_media', fine_mci: 15 },
    ],
  }),
  madeCase({
    id: 'demo-x-case-sadyqova-defamation',
    kind: 'criminal',
    subjects: ['criminal_defamation'],
    legal_articles: ['CC-130'],
    title: {
      kk: 'Редактор Гауһар Садықоваға қатысты жала жабу ісі',
      ru: 'Дело о клевете против редактора Гаухар Садыковой',
      en: 'Defamation case against editor Gaukhar Sadyqova',
    },
    summary: {
      kk: 'Шенеуніктің арызы бойынша қозғалған іс сотта ақталумен аяқталды.',
      ru: 'Дело, возбуждённое по заявлению чиновника, закончилось в суде оправданием.',
      en: 'Opened on an official’s complaint, the case ended in an acquittal.',
    },
    region: 'north_kazakhstan',
    parties: [
      { ...sadyqova, role: 'accused' },
      { ...bekov, role: 'applicant' },
    ],
    outcome: 'for_media',
    events: [
      { date: '2019-05-14', kind: 'investigation_opened' },
      { date: '2019-10-08', kind: 'decision', instance: 'first', outcome: 'for_media' },
    ],
  }),
  madeCase({
    id: 'demo-x-case-draft-claim',
    kind: 'civil',
    subjects: ['civil_honor_dignity'],
    status: 'draft',
    title: {
      kk: 'Құрылыс компаниясының «Арал бүгін» газетіне талабы (жоба)',
      ru: 'Претензия строительной компании к «Аралу сегодня» (черновик)',
      en: 'A building company’s claim against Aral Today (draft)',
    },
    summary: {
      kk: 'Компания сотқа дейінгі талап жіберді; заңгер құжаттарды тексеріп жатыр.',
      ru: 'Компания направила досудебную претензию; юрист проверяет документы.',
      en: 'The company sent a pre-trial claim; the lawyer is checking the papers.',
    },
    region: 'kyzylorda',
    parties: [
      { actor: 'demo-x-ospanov', name: 'Ospan Stroy LLP', kind: 'company', role: 'plaintiff' },
      { ...aralToday, role: 'defendant' },
    ],
    claim_non_pecuniary: 3_000_000,
    events: [{ date: '2024-06-03', kind: 'filed' }],
    editorial_note: 'Check whether the claim reached court before publishing.',
  }),
];

export const inventedIncidents: IncidentLine[] = [
  made({
    id: 'demo-x-2018-04-camera-attack',
    date: '2018-04-17',
    region: 'karaganda',
    categories: ['attack', 'obstruction'],
    victims: [zhaksylykov, nurZholTv],
    perpetrators: [guards],
    sources: [{ url: 'https://news.example.org/demo/2018-04-camera', outlet: 'Nur Zhol TV (demo)' }],
    title: {
      kk: 'Сауда орталығының күзетшілері операторға шабуыл жасады',
      ru: 'Охранники торгового центра напали на оператора',
      en: 'Shopping centre guards attack a camera operator',
    },
    summary: {
      kk: 'Оператор кіреберістегі жанжалды түсіріп жатқанда камерасы сындырылды.',
      ru: 'Оператор снимал конфликт у входа, его камеру разбили.',
      en: 'He was filming a dispute at the entrance when his camera was smashed.',
    },
  }),
  made({
    id: 'demo-x-2018-09-budget-refusal',
    date: '2018-09-05',
    region: 'kyzylorda',
    categories: ['info_refusal'],
    victims: [aralToday],
    perpetrators: [karatobeAkimat],
    title: {
      kk: 'Аудан әкімдігі бюджет шығыстары туралы деректі бермеді',
      ru: 'Акимат района отказался раскрыть расходы бюджета',
      en: 'District akimat refuses to disclose budget spending',
    },
    summary: {
      kk: 'Газеттің сауалына әкімдік «қызметтік ақпарат» деп жауап берді.',
      ru: 'На запрос газеты акимат ответил, что это «служебная информация».',
      en: 'The akimat answered the newspaper’s request by calling the data “internal”.',
    },
  }),
  made({
    id: 'demo-x-2018-11-anonymous-threat',
    date: '2018-11-20',
    region: 'turkistan',
    categories: ['threat'],
    victims: [{ name: 'Marzhan Tolegenova', kind: 'journalist', anonymous: true }],
    sources: [tip(1)],
    correspondent: 'Regional correspondent (demo)',
    title: {
      kk: 'Жер мәмілелері туралы жазған журналиске телефон арқылы қоқан-лоқы жасалды',
      ru: 'Журналистке, писавшей о земельных сделках, угрожали по телефону',
      en: 'A journalist who wrote about land deals threatened by phone',
    },
    summary: {
      kk: 'Журналист есімін атамауды өтінді.',
      ru: 'Журналистка попросила не называть её имени.',
      en: 'The journalist asked not to be named.',
    },
  }),
  made({
    id: 'demo-x-2019-05-defamation-complaint',
    date: '2019-05-14',
    region: 'north_kazakhstan',
    categories: ['other_context'],
    cases: ['demo-x-case-sadyqova-defamation'],
    title: {
      kk: 'Шенеунік редакторға қатысты жала жабу туралы арыз берді',
      ru: 'Чиновник подал заявление о клевете на редактора',
      en: 'An official files a defamation complaint against an editor',
    },
    summary: {
      kk: 'Арыз газеттегі әкімдік сатып алулары туралы мақалаға байланысты.',
      ru: 'Заявление касается статьи о закупках акимата.',
      en: 'The complaint concerns an article about the akimat’s purchases.',
    },
  }),
  made({
    id: 'demo-x-2019-06-accreditation',
    date: '2019-06-12',
    region: 'almaty_region',
    categories: ['accreditation_denial'],
    victims: [nurlankyzy],
    perpetrators: [karatobeAkimat],
    title: {
      kk: 'Тілшіге облыстық жиынға аккредитация берілмеді',
      ru: 'Корреспондентке отказали в аккредитации на областное совещание',
      en: 'Correspondent refused accreditation to a regional meeting',
    },
    summary: {
      kk: 'Себеп ретінде орын жетіспейтіні айтылды.',
      ru: 'В качестве причины назвали нехватку мест.',
      en: 'A lack of seats was given as the reason.',
    },
  }),
  made({
    id: 'demo-x-2019-08-ddos',
    date: '2019-08-30',
    region: 'west_kazakhstan',
    categories: ['cyberattack'],
    victims: [steppeHerald],
    perpetrators: [attackers],
    title: {
      kk: '«Дала хабаршысы» сайты екі күн DDoS-шабуылға ұшырады',
      ru: 'Сайт «Степного вестника» два дня был под DDoS-атакой',
      en: 'Steppe Herald’s website under a DDoS attack for two days',
    },
    summary: {
      kk: 'Шабуыл сайлау туралы сараптама жарияланғаннан кейін басталды.',
      ru: 'Атака началась после публикации аналитики о выборах.',
      en: 'The attack began after an analysis of the elections was published.',
    },
  }),
  made({
    id: 'demo-x-2020-04-checkpoint',
    date: '2020-04-08',
    region: 'akmola',
    categories: ['obstruction'],
    victims: [nurZholTv],
    perpetrators: [districtPolice],
    title: {
      kk: 'Карантин бекетінде түсірілім тобы өткізілмеді',
      ru: 'Съёмочную группу не пропустили через карантинный блокпост',
      en: 'TV crew turned back at a quarantine checkpoint',
    },
    summary: {
      kk: 'Редакцияның рұқсат қағазы болғанымен, полиция оны жарамсыз деп тапты.',
      ru: 'У редакции был пропуск, но полиция сочла его недействительным.',
      en: 'The crew had a pass, but the police declared it invalid.',
    },
  }),
  made({
    id: 'demo-x-2020-11-restricted-attack',
    date: '2020-11-19',
    region: 'zhambyl',
    categories: ['attack'],
    visibility: 'restricted',
    victims: [{ name: 'Aidos Kenzhebekuly', kind: 'journalist', anonymous: true }],
    perpetrators: [unknownPersons],
    sources: [tip(2)],
    correspondent: 'Regional correspondent (demo)',
    editorial_note: 'Restricted at the victim’s request while the police check goes on.',
    title: {
      kk: 'Тілшіні белгісіз адамдар ұрып кетті',
      ru: 'Корреспондента избили неизвестные',
      en: 'Correspondent beaten by unknown persons',
    },
    summary: {
      kk: 'Шабуыл тілшінің үйінің жанында болды.',
      ru: 'Нападение произошло возле дома корреспондента.',
      en: 'The attack happened near the correspondent’s home.',
    },
  }),
  made({
    id: 'demo-x-2021-02-blocking',
    date: '2021-02-11',
    region: 'kostanay',
    categories: ['blocking'],
    victims: [qalaOnline],
    title: {
      kk: 'Qala Online сайты бір апта бойы түсініксіз себеппен бұғатталды',
      ru: 'Сайт Qala Online неделю был заблокирован без объяснений',
      en: 'Qala Online blocked for a week without explanation',
    },
    summary: {
      kk: 'Провайдерлер бұйрықтың кімнен келгенін айтпады.',
      ru: 'Провайдеры не сообщили, чьё это было распоряжение.',
      en: 'Providers would not say who ordered it.',
    },
  }),
  made({
    id: 'demo-x-2021-03-lawsuit',
    date: '2021-03-10',
    region: 'karaganda',
    categories: ['other_context'],
    cases: ['demo-x-case-omarbekov-steppe-herald'],
    title: {
      kk: 'Аудан әкімінің орынбасары «Дала хабаршысынан» 20 млн теңге талап етті',
      ru: 'Заместитель акима района требует от «Степного вестника» 20 млн тенге',
      en: 'Deputy akim claims 20 million tenge from Steppe Herald',
    },
    summary: {
      kk: 'Талап-арыз жол жөндеу туралы мақалаға байланысты.',
      ru: 'Иск связан со статьёй о ремонте дорог.',
      en: 'The claim concerns an article about road repairs.',
    },
  }),
  made({
    id: 'demo-x-2021-05-fake-brand',
    date: '2021-05-27',
    region: 'mangystau',
    categories: ['image_misuse'],
    victims: [steppeHerald],
    title: {
      kk: '«Дала хабаршысы» атынан жалған жаңалықтар таратылды',
      ru: 'От имени «Степного вестника» распространяли фейки',
      en: 'Fake news spread under Steppe Herald’s name',
    },
    summary: {
      kk: 'Жалған аккаунттар газет логотипін пайдаланды.',
      ru: 'Поддельные аккаунты использовали логотип газеты.',
      en: 'Fake accounts used the newspaper’s logo.',
    },
  }),
  made({
    id: 'demo-x-2021-06-first-decision',
    date: '2021-06-02',
    region: 'karaganda',
    categories: ['other_context'],
    cases: ['demo-x-case-omarbekov-steppe-herald'],
    links: ['demo-x-2021-03-lawsuit'],
    title: {
      kk: 'Сот «Дала хабаршысынан» 500 мың теңге өндіріп алды',
      ru: 'Суд взыскал со «Степного вестника» 500 тысяч тенге',
      en: 'Court orders Steppe Herald to pay 500 thousand tenge',
    },
    summary: {
      kk: 'Газет шешімге шағымданатынын мәлімдеді.',
      ru: 'Газета заявила, что обжалует решение.',
      en: 'The newspaper said it would appeal.',
    },
  }),
  made({
    id: 'demo-x-2021-09-appeal-win',
    date: '2021-09-20',
    region: 'karaganda',
    categories: ['other_context'],
    cases: ['demo-x-case-omarbekov-steppe-herald'],
    links: ['demo-x-2021-06-first-decision'],
    title: {
      kk: 'Апелляция «Дала хабаршысының» пайдасына шешілді',
      ru: 'Апелляция решила дело в пользу «Степного вестника»',
      en: 'Appeal decided in Steppe Herald’s favour',
    },
    summary: {
      kk: 'Облыстық сот бірінші сатыдағы өтемақыны жойды.',
      ru: 'Областной суд отменил взыскание первой инстанции.',
      en: 'The regional court set aside the first-instance award.',
    },
  }),
  made({
    id: 'demo-x-2021-12-insult',
    date: '2021-12-03',
    region: 'karaganda',
    categories: ['discrediting'],
    victims: [serikbayeva],
    perpetrators: [omarbekov],
    links: ['demo-x-2021-09-appeal-win'],
    title: {
      kk: 'Шенеунік ашық жиында журналисті қорлады',
      ru: 'Чиновник оскорбил журналистку на открытом собрании',
      en: 'Official insults a journalist at a public meeting',
    },
    summary: {
      kk: 'Ол журналисті «тапсырыспен жазады» деп айыптады.',
      ru: 'Он обвинил журналистку в том, что она «пишет на заказ».',
      en: 'He accused her of “writing to order”.',
    },
  }),
  made({
    id: 'demo-x-2022-02-blogger-detained',
    date: '2022-02-14',
    region: 'zhambyl',
    categories: ['detention'],
    legal_articles: ['CC-274'],
    cases: ['demo-x-case-tasbolatuly-274'],
    victims: [tasbolatuly, qalaOnline],
    perpetrators: [districtPolice],
    title: {
      kk: 'Аурухана туралы видеодан кейін блогер ұсталды',
      ru: 'Блогера задержали после видео о больнице',
      en: 'Blogger detained after a video about a hospital',
    },
    summary: {
      kk: 'Оған жалған ақпарат тарату бабы бойынша күдік келтірілді.',
      ru: 'Ему предъявили подозрение в распространении ложной информации.',
      en: 'He was named a suspect of spreading false information.',
    },
  }),
  made({
    id: 'demo-x-2022-03-closed-hearing',
    date: '2022-03-15',
    region: 'karaganda',
    categories: ['court_transparency'],
    victims: [serikbayeva],
    title: {
      kk: 'Сот отырысы баспасөз үшін себепсіз жабық деп жарияланды',
      ru: 'Судебное заседание без объяснений закрыли для прессы',
      en: 'Hearing closed to the press without explanation',
    },
    summary: {
      kk: 'Іс құпия мәліметтерге қатысты емес еді.',
      ru: 'Дело не касалось секретных сведений.',
      en: 'The case involved no classified material.',
    },
  }),
  made({
    id: 'demo-x-2022-06-picket-stream',
    date: '2022-06-20',
    region: 'aktobe',
    categories: ['detention'],
    cases: ['demo-x-case-kemelbekova-667'],
    victims: [kemelbekova],
    perpetrators: [districtPolice],
    title: {
      kk: 'Пикетті тікелей көрсетіп тұрған белсенді ұсталды',
      ru: 'Задержана активистка, транслировавшая пикет',
      en: 'Activist detained while streaming a picket',
    },
    summary: {
      kk: 'Келесі күні сот оған 15 АЕК айыппұл салды.',
      ru: 'На следующий день суд оштрафовал её на 15 МРП.',
      en: 'The next day a court fined her 15 MCI.',
    },
  }),
  made({
    id: 'demo-x-2022-07-late-answer',
    date: '2022-07-19',
    region: 'ulytau',
    categories: ['info_refusal'],
    victims: [aralToday],
    perpetrators: [ministry],
    title: {
      kk: 'Сауалға заңды мерзімнен кейін 45 күнде жауап келді',
      ru: 'Ответ на запрос пришёл через 45 дней вместо положенного срока',
      en: 'Answer to an information request arrived after 45 days',
    },
    summary: {
      kk: 'Жауап сұрақтардың жартысын ғана қамтыды.',
      ru: 'Ответ затронул лишь половину вопросов.',
      en: 'It covered only half of the questions.',
    },
  }),
  made({
    id: 'demo-x-2022-08-verdict',
    date: '2022-08-30',
    region: 'zhambyl',
    categories: ['other_context'],
    cases: ['demo-x-case-tasbolatuly-274'],
    links: ['demo-x-2022-02-blogger-detained'],
    title: {
      kk: 'Блогер Тасболатұлына 300 АЕК айыппұл салынды',
      ru: 'Блогера Тасболатулы оштрафовали на 300 МРП',
      en: 'Blogger Tasbolatuly fined 300 MCI',
    },
    summary: {
      kk: 'Қорғаушы үкімге шағымданатынын айтты.',
      ru: 'Защита заявила, что обжалует приговор.',
      en: 'The defence said it would appeal.',
    },
  }),
  made({
    id: 'demo-x-2022-09-restricted-threats',
    date: '2022-09-22',
    region: 'zhetysu',
    categories: ['threat'],
    visibility: 'restricted',
    victims: [{ name: 'Bakhyt Ormanova', kind: 'editor', anonymous: true }],
    sources: [tip(3)],
    correspondent: 'Regional correspondent (demo)',
    title: {
      kk: 'Редактордың отбасына қоқан-лоқы жасалды',
      ru: 'Семье редактора угрожали',
      en: 'An editor’s family threatened',
    },
    summary: {
      kk: 'Қоқан-лоқы редакцияның тергеу материалынан кейін басталды.',
      ru: 'Угрозы начались после журналистского расследования редакции.',
      en: 'The threats began after the newsroom’s investigation.',
    },
  }),
  made({
    id: 'demo-x-2022-11-appeal',
    date: '2022-11-15',
    region: 'zhambyl',
    status: 'in_review',
    categories: ['other_context'],
    cases: ['demo-x-case-tasbolatuly-274'],
    links: ['demo-x-2022-08-verdict'],
    title: {
      kk: 'Апелляция блогердің үкімін өзгеріссіз қалдырды',
      ru: 'Апелляция оставила приговор блогеру без изменений',
      en: 'Appeal upholds the blogger’s sentence',
    },
    summary: {
      kk: 'Үкім заңды күшіне енді.',
      ru: 'Приговор вступил в законную силу.',
      en: 'The sentence entered into force.',
    },
  }),
  made({
    id: 'demo-x-2022-12-briefing',
    date: '2022-12-08',
    region: 'astana',
    categories: ['media_discrimination'],
    victims: [qalaOnline, steppeHerald],
    perpetrators: [ministry],
    title: {
      kk: 'Брифингке тек мемлекеттік БАҚ шақырылды',
      ru: 'На брифинг пригласили только государственные СМИ',
      en: 'Only state media invited to a briefing',
    },
    summary: {
      kk: 'Тәуелсіз басылымдар тізімде жоқ деп есікке жіберілмеді.',
      ru: 'Независимые издания не пустили, сославшись на списки.',
      en: 'Independent outlets were turned away as “not on the list”.',
    },
  }),
  made({
    id: 'demo-x-2023-02-summons',
    date: '2023-02-06',
    region: 'abai',
    locality: 'Semey',
    categories: ['summons'],
    victims: [baimukhanov],
    perpetrators: [districtPolice],
    title: {
      kk: 'Блогер жазбасы үшін полицияға «әңгімеге» шақырылды',
      ru: 'Блогера вызвали в полицию на «беседу» из-за поста',
      en: 'Blogger summoned to the police for a “talk” about a post',
    },
    summary: {
      kk: 'Полиция жазбаны өшіруді ұсынды.',
      ru: 'В полиции ему предложили удалить пост.',
      en: 'The police suggested he delete the post.',
    },
  }),
  made({
    id: 'demo-x-2023-04-fine',
    date: '2023-04-12',
    region: 'kyzylorda',
    categories: ['other_context'],
    cases: ['demo-x-case-nurlankyzy-456-2'],
    victims: [nurlankyzy, aralToday],
    title: {
      kk: 'Тілшіге су тапшылығы туралы жазбасы үшін айыппұл салынды',
      ru: 'Корреспондентку оштрафовали за пост о нехватке воды',
      en: 'Correspondent fined for a post about water shortages',
    },
    summary: {
      kk: 'Айыппұл 10 АЕК болды.',
      ru: 'Штраф составил 10 МРП.',
      en: 'The fine was 10 MCI.',
    },
  }),
  made({
    id: 'demo-x-2023-06-channel-closed',
    date: '2023-06-14',
    region: 'atyrau',
    categories: ['closure_suspension'],
    victims: [qalaOnline],
    title: {
      kk: 'Жергілікті Telegram-арна қысымнан кейін жабылды',
      ru: 'Местный Telegram-канал закрылся после давления',
      en: 'Local Telegram channel closes after pressure',
    },
    summary: {
      kk: 'Арна иесі жарнама берушілерге қоңырау шалынғанын айтты.',
      ru: 'Владелец канала рассказал о звонках рекламодателям.',
      en: 'The owner said advertisers had received calls.',
    },
  }),
  made({
    id: 'demo-x-2023-09-privacy-suit',
    date: '2023-09-18',
    region: 'abai',
    categories: ['other_context'],
    cases: ['demo-x-case-bekov-nur-zhol'],
    title: {
      kk: 'Шенеунік «Нұр жол» арнасына 5 млн теңге талап қойды',
      ru: 'Чиновник требует от канала «Нур жол» 5 млн тенге',
      en: 'Official claims 5 million tenge from Nur Zhol TV',
    },
    summary: {
      kk: 'Ол сюжетте келісімсіз көрсетілгенін айтады.',
      ru: 'Он утверждает, что его показали в сюжете без согласия.',
      en: 'He says he was shown in a report without consent.',
    },
  }),
  made({
    id: 'demo-x-2023-10-photos',
    date: '2023-10-25',
    region: 'almaty_city',
    categories: ['copyright_violation'],
    victims: [{ name: 'Yerlan Sapargaliyev', kind: 'journalist' }],
    perpetrators: [nurZholTv],
    title: {
      kk: 'Телеарна фотографтың суреттерін авторын көрсетпей пайдаланды',
      ru: 'Телеканал использовал снимки фотографа без указания авторства',
      en: 'TV channel uses a photographer’s pictures without credit',
    },
    summary: {
      kk: 'Фотограф өтемақы талап етуге ниетті.',
      ru: 'Фотограф намерен потребовать компенсацию.',
      en: 'The photographer intends to seek compensation.',
    },
  }),
  made({
    id: 'demo-x-2023-12-hacked',
    date: '2023-12-01',
    region: 'aktobe',
    status: 'in_review',
    categories: ['cyberattack'],
    victims: [steppeHerald],
    perpetrators: [attackers],
    sources: [tip(4)],
    title: {
      kk: 'Редакцияның Telegram-арнасы бұзылды',
      ru: 'Telegram-канал редакции взломали',
      en: 'Newsroom’s Telegram channel hacked',
    },
    summary: {
      kk: 'Бұзушылар арнада жарнама жариялады.',
      ru: 'Взломщики опубликовали в канале рекламу.',
      en: 'The intruders posted advertising in the channel.',
    },
  }),
  made({
    id: 'demo-x-2024-02-settlement',
    date: '2024-02-07',
    region: 'abai',
    categories: ['other_context'],
    cases: ['demo-x-case-bekov-nur-zhol'],
    links: ['demo-x-2023-09-privacy-suit'],
    title: {
      kk: '«Нұр жол» мен шенеунік татуласу келісіміне келді',
      ru: '«Нур жол» и чиновник заключили мировое соглашение',
      en: 'Nur Zhol TV and the official settle',
    },
    summary: {
      kk: 'Арна сюжеттегі бетті бұлдыратуға келісті.',
      ru: 'Канал согласился размыть лицо в сюжете.',
      en: 'The channel agreed to blur the face in the report.',
    },
  }),
  made({
    id: 'demo-x-2024-02-draft-threat',
    date: '2024-02-20',
    region: 'pavlodar',
    status: 'draft',
    categories: ['threat'],
    victims: [serikbayeva],
    correspondent: 'Regional correspondent (demo)',
    editorial_note: 'Waiting for the journalist to confirm the details.',
    title: {
      kk: 'Журналиске әлеуметтік желіде қоқан-лоқы жасалды (жоба)',
      ru: 'Журналистке угрожали в соцсетях (черновик)',
      en: 'Journalist threatened on social media (draft)',
    },
    summary: {
      kk: 'Хабарламалар жалған аккаунттан келді.',
      ru: 'Сообщения пришли с поддельного аккаунта.',
      en: 'The messages came from a fake account.',
    },
  }),
  made({
    id: 'demo-x-2024-03-copyright-suit',
    date: '2024-03',
    region: 'almaty_city',
    categories: ['other_context'],
    cases: ['demo-x-case-yermekova-copyright'],
    title: {
      kk: 'Блогер әріптесін видеоларын ұрлады деп сотқа берді',
      ru: 'Блогер подала в суд на коллегу за кражу видео',
      en: 'Blogger sues a colleague for taking her videos',
    },
    summary: {
      kk: 'Талап сомасы 1,3 млн теңге.',
      ru: 'Сумма иска — 1,3 млн тенге.',
      en: 'The claim totals 1.3 million tenge.',
    },
  }),
  made({
    id: 'demo-x-2024-07-flood-site',
    date: '2024-07-09',
    region: 'kyzylorda',
    status: 'in_review',
    categories: ['obstruction'],
    victims: [aralToday, nurlankyzy],
    perpetrators: [karatobeAkimat],
    title: {
      kk: 'Тілшілерді су басқан ауылға жібермеді',
      ru: 'Журналистов не пустили в подтопленное село',
      en: 'Journalists kept out of a flooded village',
    },
    summary: {
      kk: 'Әкімдік қауіпсіздікті сылтауратты, бірақ блогерлер кіргізілді.',
      ru: 'Акимат сослался на безопасность, но блогеров пропустили.',
      en: 'The akimat cited safety, yet bloggers were let in.',
    },
  }),
  made({
    id: 'demo-x-2024-09-draft-restricted',
    date: '2024-09-16',
    region: 'north_kazakhstan',
    status: 'draft',
    visibility: 'restricted',
    categories: ['detention'],
    victims: [{ name: 'Asem Kulzhanova', kind: 'journalist', anonymous: true }],
    perpetrators: [districtPolice],
    sources: [tip(5)],
    correspondent: 'Regional correspondent (demo)',
    title: {
      kk: 'Журналист бірнеше сағат полицияда ұсталды (жоба)',
      ru: 'Журналистку несколько часов продержали в полиции (черновик)',
      en: 'Journalist held at a police station for hours (draft)',
    },
    summary: {
      kk: 'Телефонындағы материалдарды өшіруді талап етті.',
      ru: 'От неё требовали удалить материалы с телефона.',
      en: 'She was told to delete material from her phone.',
    },
  }),
  made({
    id: 'demo-x-2024-10-no-censorship',
    date: '2024-10-02',
    region: 'turkistan',
    categories: ['official_statement'],
    title: {
      kk: 'Облыс басшылығы өңірде цензура жоқ деп мәлімдеді',
      ru: 'Руководство области заявило, что цензуры в регионе нет',
      en: 'Regional leadership says there is no censorship in the region',
    },
    summary: {
      kk: 'Мәлімдеме журналистермен кездесуде жасалды.',
      ru: 'Заявление прозвучало на встрече с журналистами.',
      en: 'The statement was made at a meeting with journalists.',
    },
  }),
  made({
    id: 'demo-x-2024-11-entry-ban',
    date: '2024-11-28',
    counted_in: '2024-12',
    region: 'shymkent',
    categories: ['expulsion'],
    victims: [{ name: 'Pavel Demchenko', kind: 'journalist' }],
    title: {
      kk: 'Шетелдік журналиске елге кіруге тыйым салынды',
      ru: 'Иностранному журналисту запретили въезд в страну',
      en: 'Foreign journalist banned from entering the country',
    },
    summary: {
      kk: 'Бұл туралы желтоқсанда белгілі болды, сондықтан желтоқсанда есептеледі.',
      ru: 'Об этом стало известно в декабре, поэтому запись учтена в декабре.',
      en: 'It became known in December, so it counts in December.',
    },
  }),
  made({
    id: 'demo-x-2024-12-duplicate',
    date: '2024-12-10',
    region: 'almaty_city',
    status: 'archived',
    categories: ['obstruction'],
    victims: [serikbayeva],
    editorial_note: 'Duplicate of another report; archived.',
    title: {
      kk: 'Қайталанған хабар (мұрағатта)',
      ru: 'Повторное сообщение (в архиве)',
      en: 'Duplicate report (archived)',
    },
    summary: {
      kk: 'Бұл жазба қайталанғандықтан мұрағатқа жіберілді.',
      ru: 'Запись отправлена в архив как дубликат.',
      en: 'This record was archived as a duplicate.',
    },
  }),
];
