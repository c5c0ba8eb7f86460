import type { LocalizedText } from '../../i18n/langs.ts';
import type { CaseLine, IncidentLine } from '../interchange/index.ts';

/**
 * Records about real people and outlets, written in our own words from the facts stated in the
 * foundation's published monitoring (../shared/seeds/): February 2018, March 2019 (a joint
 * appeal), September 2020 and May 2024. Nothing here goes beyond what those reports state; where a
 * report gives only a month, the record is dated by the month.
 */
const reports = {
  feb2018: {
    en: 'Demo data set, written from the foundation’s monitoring for February 2018.',
    ru: 'Демонстрационные данные по материалам мониторинга фонда за февраль 2018 года.',
    kk: 'Демонстрациялық деректер: қордың 2018 жылғы ақпандағы мониторингі бойынша.',
  },
  mar2019: {
    en: 'Demo data set, written from the joint appeal of media NGOs of 29 March 2019.',
    ru: 'Демонстрационные данные по материалам совместного обращения медиа-НПО от 29 марта 2019 года.',
    kk: 'Демонстрациялық деректер: медиа ҮЕҰ-лардың 2019 жылғы 29 наурыздағы бірлескен үндеуі бойынша.',
  },
  sep2020: {
    en: 'Demo data set, written from the foundation’s monitoring for September 2020.',
    ru: 'Демонстрационные данные по материалам мониторинга фонда за сентябрь 2020 года.',
    kk: 'Демонстрациялық деректер: қордың 2020 жылғы қыркүйектегі мониторингі бойынша.',
  },
  may2024: {
    en: 'Demo data set, written from the foundation’s monitoring for May 2024.',
    ru: 'Демонстрационные данные по материалам мониторинга фонда за май 2024 года.',
    kk: 'Демонстрациялық деректер: қордың 2024 жылғы мамырдағы мониторингі бойынша.',
  },
} satisfies Record<string, Required<LocalizedText>>;
type Report = keyof typeof reports;

function withNote(summary: LocalizedText, report: Report): LocalizedText {
  const out: LocalizedText = {};
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const text = summary[lang];
    if (text) out[lang] = `${text} ${reports[report][lang]}`;
  }
  return out;
}

type SeededIncident = Omit<IncidentLine, 'type' | 'demo' | 'status' | 'summary'> & {
  status?: IncidentLine['status'];
  summary: LocalizedText;
};

function incident(report: Report, line: SeededIncident): IncidentLine {
  return {
    type: 'incident',
    status: 'published',
    ...line,
    summary: withNote(line.summary, report),
    demo: true,
  };
}

type SeededCase = Omit<CaseLine, 'type' | 'demo' | 'status' | 'summary'> & {
  status?: CaseLine['status'];
  summary: LocalizedText;
};

function legalCase(report: Report, line: SeededCase): CaseLine {
  return { type: 'case', status: 'published', ...line, summary: withNote(line.summary, report), demo: true };
}

const actor = (id: string, name: string, kind: NonNullable<IncidentLine['victims']>[number]['kind']) => ({
  actor: id,
  name,
  kind,
});

export const seededCases: CaseLine[] = [
  legalCase('feb2018', {
    id: 'demo-case-kaidarova-public-position',
    kind: 'civil',
    subjects: ['civil_honor_dignity'],
    title: {
      en: 'Kaidarova v. the owner and journalists of Public Position',
      ru: 'Кайдарова против владельца и журналистов «Общественной позиции»',
      kk: 'Қайдарова «Общественная позиция» иесі мен журналистеріне қарсы',
    },
    summary: {
      en: 'The director of the oncology research institute sued over the article “Cancer Harassment of the Doctor” (26 October 2017), asking for a refutation, a public apology and 10 million tenge for moral damage.',
      ru: 'Директор НИИ онкологии подала иск из-за статьи «Раковая травля доктора» (26 октября 2017 года): требует опровержения, публичных извинений и 10 млн тенге морального вреда.',
    },
    region: 'almaty_city',
    court: 'Zhetysu District Court of Almaty',
    parties: [
      { ...actor('demo-kaidarova', 'Dilyara Kaidarova', 'citizen'), role: 'plaintiff' },
      { ...actor('demo-dara-info', 'Dara Info LLP', 'company'), role: 'defendant' },
      { ...actor('demo-makimbai', 'Bakytgul Makimbai', 'editor'), role: 'defendant' },
      { ...actor('demo-datov', 'Syrym Datov', 'journalist'), role: 'defendant' },
      { ...actor('demo-talaeva', 'Shnargul Talaeva', 'citizen'), role: 'defendant' },
    ],
    claim_non_pecuniary: 10_000_000,
    events: [
      {
        date: '2018-02-05',
        kind: 'other',
        instance: 'first',
        court: 'Zhetysu District Court of Almaty',
        note: {
          en: 'Preparation of the case for trial began. The court refused the plaintiff’s request to seize the defendants’ property as security.',
          ru: 'Началась подготовка дела к слушанию. Суд отказал истице в аресте имущества ответчиков в обеспечение иска.',
        },
      },
    ],
  }),
  legalCase('feb2018', {
    id: 'demo-case-aidasheva-maricheva',
    kind: 'civil',
    subjects: ['civil_privacy'],
    title: {
      en: 'Aidasheva v. Maricheva: privacy and the right to one’s image',
      ru: 'Айдашева против Маричевой: частная жизнь и право на изображение',
    },
    summary: {
      en: 'The wife of the head of the Pavlodar regional sports department sued the Ratel.kz journalist over two articles built on photos from her Instagram account, claiming 1.5 million tenge of moral damage and 100 thousand tenge of legal costs.',
      ru: 'Жена руководителя областного управления спорта Павлодарской области подала иск к журналистке Ratel.kz из-за двух статей, основанных на снимках из её Instagram: 1,5 млн тенге морального вреда и 100 тысяч тенге расходов на представителя.',
    },
    region: 'pavlodar',
    court: 'Pavlodar City Court',
    parties: [
      { ...actor('demo-aidasheva', 'Asel Aidasheva', 'private_person'), role: 'plaintiff' },
      { ...actor('demo-maricheva', 'Jamila Maricheva', 'journalist'), role: 'defendant' },
    ],
    claim_non_pecuniary: 1_500_000,
    claim_other: 100_000,
    events: [
      {
        date: '2018-02-28',
        kind: 'filed',
        court: 'Pavlodar City Court',
        note: {
          en: 'Filed at the end of February 2018 (the report gives no exact day).',
          ru: 'Иск подан в конце февраля 2018 года (точный день в отчёте не указан).',
        },
      },
    ],
  }),
  legalCase('feb2018', {
    id: 'demo-case-south-kazakhstan-174',
    kind: 'criminal',
    subjects: ['criminal_incitement'],
    legal_articles: ['CC-174'],
    title: {
      en: 'Twelve people detained in South Kazakhstan over extremist materials online',
      ru: 'Двенадцать задержанных в Южно-Казахстанской области за экстремистские материалы в соцсетях',
      kk: 'Оңтүстік Қазақстан облысында әлеуметтік желідегі материалдар үшін он екі адам ұсталды',
    },
    summary: {
      en: 'The national security department for the region opened a case of inciting discord against twelve residents of several districts. A lawyer for two of them said one client barely used the social network in question and the two did not know each other.',
      ru: 'Департамент КНБ по области возбудил дело о возбуждении розни против двенадцати жителей разных районов. Адвокат двоих из них заявил, что один подзащитный почти не пользовался соцсетью, а сами они друг с другом не знакомы.',
    },
    region: 'south_kazakhstan',
    parties: [
      { ...actor('demo-kaldarbek', 'Maksat Kaldarbek', 'citizen'), role: 'suspect' },
      { ...actor('demo-kasymbekov', 'Kanat Kasymbekov', 'citizen'), role: 'suspect' },
      { ...actor('demo-azanov', 'Bauyrzhan Azanov', 'lawyer'), role: 'representative' },
    ],
    events: [
      {
        date: '2018-02-01',
        kind: 'investigation_opened',
        note: {
          en: 'The department announced the detentions, on suspicion of spreading extremist materials in social networks.',
          ru: 'Департамент сообщил о задержаниях по подозрению в распространении экстремистских материалов в соцсетях.',
        },
      },
    ],
  }),
  legalCase('sep2020', {
    id: 'demo-case-ilyashev',
    kind: 'criminal',
    title: {
      en: 'The criminal case against activist Alnur Ilyashev',
      ru: 'Уголовное дело против активиста Алнура Ильяшева',
      kk: 'Белсенді Алнұр Ильяшевке қатысты қылмыстық іс',
    },
    summary: {
      en: 'A district court in Almaty sentenced the activist to three years of restricted freedom, 100 hours of forced labour a year and a five-year ban on public activity; the city court upheld the sentence on appeal.',
      ru: 'Районный суд Алматы приговорил активиста к трём годам ограничения свободы, 100 часам принудительного труда в год и пятилетнему запрету на общественную деятельность; городской суд оставил приговор в силе.',
      kk: 'Алматының аудандық соты белсендіге үш жыл бас бостандығын шектеу, жылына 100 сағат мәжбүрлі еңбек және бес жыл қоғамдық қызметке тыйым тағайындады; қалалық сот үкімді өзгеріссіз қалдырды.',
    },
    region: 'almaty_city',
    court: 'Almaty City Court',
    parties: [{ ...actor('demo-ilyashev', 'Alnur Ilyashev', 'activist'), role: 'accused' }],
    outcome: 'against_media',
    events: [
      {
        date: '2020-06-22',
        kind: 'decision',
        instance: 'first',
        outcome: 'against_media',
        court: 'District Court No. 2 of the Medeu District of Almaty',
        note: {
          en: 'Sentence: three years of restricted freedom, forced labour, probation supervision, and a five-year ban on public and party activity.',
          ru: 'Приговор: три года ограничения свободы, принудительный труд, пробационный контроль и пятилетний запрет на общественную и партийную деятельность.',
        },
      },
      {
        date: '2020-09-15',
        kind: 'decision',
        instance: 'appeal',
        outcome: 'against_media',
        court: 'Almaty City Court',
        note: {
          en: 'The appeal was dismissed.',
          ru: 'Апелляционная жалоба отклонена.',
          kk: 'Апелляциялық шағым қанағаттандырылмады.',
        },
      },
    ],
  }),
  legalCase('may2024', {
    id: 'demo-case-maricheva-456-2',
    kind: 'administrative',
    subjects: ['administrative_false_information'],
    legal_articles: ['CAO-456-2'],
    title: {
      en: 'Jamila Maricheva fined for a post about accreditation refusals',
      ru: 'Джамилю Маричеву оштрафовали за пост об отказах в аккредитации',
      kk: 'Жамила Маричева аккредитациядан бас тарту туралы жазбасы үшін айыппұл төледі',
    },
    summary: {
      en: 'The administrative case grew out of a post in the ProTenge Telegram channel supporting Radio Azattyq journalists who had been refused accreditation. The court held that the post misstated the reasons for the refusal.',
      ru: 'Административное дело возникло из-за поста в Telegram-канале ProTenge в поддержку журналистов Радио Азаттык, которым отказали в аккредитации. Суд счёл, что в посте искажены причины отказа.',
      kk: 'Әкімшілік іс ProTenge Telegram-арнасында аккредитация берілмеген Азаттық радиосы журналистерін қолдаған жазбадан басталды. Сот жазбада бас тарту себептері бұрмаланған деп тапты.',
    },
    region: 'almaty_city',
    court: 'Specialized interdistrict administrative court of Almaty',
    parties: [{ ...actor('demo-maricheva', 'Jamila Maricheva', 'journalist'), role: 'accused' }],
    outcome: 'against_media',
    events: [
      {
        date: '2024-05-02',
        kind: 'hearing',
        instance: 'first',
        note: { en: 'The trial began.', ru: 'Начался судебный процесс.', kk: 'Сот процесі басталды.' },
      },
      {
        date: '2024-05-13',
        kind: 'decision',
        instance: 'first',
        outcome: 'against_media',
        fine_tenge: 73_840,
        note: {
          en: 'Fined 73,840 tenge; the decision had not entered into force by the time of the report.',
          ru: 'Штраф 73 840 тенге; на момент отчёта постановление не вступило в силу.',
        },
      },
    ],
  }),
  legalCase('may2024', {
    id: 'demo-case-nizovkina-expulsion',
    kind: 'civil',
    title: {
      en: 'Police lawsuit to expel Marina Nizovkina',
      ru: 'Иск полиции о выдворении Марины Низовкиной',
      kk: 'Марина Низовкинаны елден шығару туралы полицияның талап-арызы',
    },
    summary: {
      en: 'The migration service of the Shymkent police asked the court to expel the editor of Vera.kz, a Russian citizen, citing traffic offences, a defamation conviction and living at an unregistered address. Her lawyers said she was targeted for her critical reporting on the police. The court dismissed the lawsuit.',
      ru: 'Миграционная служба полиции Шымкента просила суд выдворить редактора Vera.kz, гражданку России, ссылаясь на нарушения ПДД, осуждение за клевету и проживание без регистрации. Адвокаты связывали преследование с её критическими публикациями о полиции. Суд иск отклонил.',
    },
    region: 'shymkent',
    court: 'Interdistrict civil court of Shymkent',
    parties: [
      { ...actor('demo-police-shymkent', 'Shymkent police, migration service', 'police'), role: 'plaintiff' },
      { ...actor('demo-nizovkina', 'Marina Nizovkina', 'editor'), role: 'defendant' },
      { ...actor('demo-ashetaev', 'Rustem Ashetaev', 'citizen'), role: 'third_party' },
    ],
    outcome: 'for_media',
    events: [
      {
        date: '2024-05-02',
        kind: 'decision',
        instance: 'first',
        outcome: 'for_media',
        note: {
          en: 'The lawsuit was dismissed.',
          ru: 'В иске отказано.',
          kk: 'Талап-арыз қанағаттандырылмады.',
        },
      },
    ],
  }),
  legalCase('may2024', {
    id: 'demo-case-adilbekov',
    kind: 'criminal',
    subjects: ['criminal_false_denunciation', 'criminal_false_information'],
    legal_articles: ['CC-274'],
    title: {
      en: 'The case against blogger Daniyar Adilbekov (Dikaya Orda)',
      ru: 'Дело блогера Данияра Адильбекова («Дикая Орда»)',
      kk: 'Блогер Данияр Әділбековтің ісі («Дикая Орда»)',
    },
    summary: {
      en: 'Statements to the police by a vice minister of energy, a journalist and a foreign investor of the Astana airport concerned five publications of the Telegram channel. The charge moved between dissemination of false information and false denunciation several times.',
      ru: 'Заявления в полицию подали вице-министр энергетики, журналистка и иностранный инвестор аэропорта Астаны — из-за пяти публикаций Telegram-канала. Квалификация несколько раз менялась между распространением ложной информации и ложным доносом.',
      kk: 'Энергетика вице-министрі, журналист және Астана әуежайының шетелдік инвесторы Telegram-арнадағы бес жарияланым бойынша полицияға арыз берді. Айып бірнеше рет жалған ақпарат тарату мен жалған сөз жеткізу арасында өзгерді.',
    },
    region: 'astana',
    parties: [
      { ...actor('demo-adilbekov', 'Daniyar Adilbekov', 'blogger'), role: 'suspect' },
      { ...actor('demo-mautkanov', 'Adilzhan Mautkanov', 'lawyer'), role: 'representative' },
      { ...actor('demo-akkenzhanov', 'Yerlan Akkenzhanov', 'official'), role: 'applicant' },
      { ...actor('demo-ergaliyeva', 'Gulzhan Ergaliyeva', 'journalist'), role: 'applicant' },
    ],
    events: [
      {
        date: '2024-04-01',
        kind: 'requalified',
        articles: ['CC-419'],
        note: {
          en: 'By the time of the arrest the investigators had moved the charge to false denunciation.',
          ru: 'К моменту ареста следствие переквалифицировало дело на заведомо ложный донос.',
        },
      },
      {
        date: '2024-04-01',
        kind: 'measure',
        note: {
          en: 'Detained; the court ordered two months of arrest.',
          ru: 'Задержан; суд санкционировал арест на два месяца.',
          kk: 'Ұсталды; сот екі айға қамауға алуға рұқсат берді.',
        },
      },
      {
        date: '2024-04-19',
        kind: 'requalified',
        articles: ['CC-274'],
        note: {
          en: 'The lawyer announced a return to Article 274.',
          ru: 'Адвокат сообщил о переквалификации на статью 274.',
        },
      },
      {
        date: '2024-05-01',
        kind: 'requalified',
        articles: ['CC-419'],
        note: {
          en: 'Early May (the report gives no exact day): back to false denunciation.',
          ru: 'В начале мая (точный день не указан) следствие вернулось к статье о ложном доносе.',
        },
      },
      {
        date: '2024-05-21',
        kind: 'measure',
        court: 'Investigative court of Astana',
        note: {
          en: 'Detention extended until 27 June 2024.',
          ru: 'Срок содержания под стражей продлён до 27 июня 2024 года.',
          kk: 'Қамауда ұстау мерзімі 2024 жылғы 27 маусымға дейін ұзартылды.',
        },
      },
    ],
  }),
  legalCase('may2024', {
    id: 'demo-case-gusev-privacy',
    kind: 'criminal',
    subjects: ['criminal_privacy'],
    legal_articles: ['CC-147'],
    title: {
      en: 'Privacy investigation against journalists Oleg Gusev and Irina Moskovka',
      ru: 'Расследование о частной жизни в отношении журналистов Олега Гусева и Ирины Московки',
    },
    summary: {
      en: 'Almaty police investigate publications that mentioned a complainant’s expunged criminal record. Gusev learned of the case only when police came to take him to Almaty; his status later changed from witness with the right to defence to suspect.',
      ru: 'Полиция Алматы расследует публикации, в которых упоминалась погашенная судимость заявительницы. Гусев узнал о деле, лишь когда полиция приехала доставить его в Алматы; позже его статус сменился со свидетеля с правом на защиту на подозреваемого.',
    },
    region: 'almaty_city',
    parties: [
      { ...actor('demo-gusev', 'Oleg Gusev', 'journalist'), role: 'suspect' },
      { ...actor('demo-moskovka', 'Irina Moskovka', 'journalist'), role: 'witness_with_defence' },
    ],
    events: [
      { date: '2023-12-12', kind: 'investigation_opened' },
      {
        date: '2024-05-08',
        kind: 'other',
        note: {
          en: 'At questioning, Gusev learned he was now a suspect.',
          ru: 'На допросе Гусев узнал, что стал подозреваемым.',
        },
      },
    ],
  }),
  legalCase('mar2019', {
    id: 'demo-case-toiken-667',
    kind: 'administrative',
    subjects: ['administrative_disobedience'],
    legal_articles: ['CAO-667'],
    title: {
      en: 'Sania Toiken fined 20 MCI for disobeying the police',
      ru: 'Сания Тойкен оштрафована на 20 МРП за неповиновение полиции',
      kk: 'Сания Тойкенге полицияға бағынбағаны үшін 20 АЕК айыппұл салынды',
    },
    summary: {
      en: 'The morning after her detention in Zhanaozen, the administrative court fined the Radio Azattyq reporter.',
      ru: 'Наутро после задержания в Жанаозене административный суд оштрафовал корреспондентку Радио Азаттык.',
      kk: 'Жаңаөзенде ұсталғаннан кейінгі күні таңертең әкімшілік сот Азаттық радиосының тілшісіне айыппұл салды.',
    },
    region: 'mangystau',
    court: 'Administrative court of Zhanaozen',
    parties: [{ ...actor('demo-toiken', 'Sania Toiken', 'journalist'), role: 'accused' }],
    outcome: 'against_media',
    events: [
      { date: '2019-03-12', kind: 'decision', instance: 'first', outcome: 'against_media', fine_mci: 20 },
    ],
  }),
  legalCase('mar2019', {
    id: 'demo-case-toiken-174',
    kind: 'criminal',
    subjects: ['criminal_incitement'],
    legal_articles: ['CC-174'],
    title: {
      en: 'Incitement case opened after Sania Toiken and Sanat Nurbek were detained',
      ru: 'Дело о возбуждении розни после задержания Сании Тойкен и Саната Нурбека',
    },
    summary: {
      en: 'The journalists were told of a criminal case opened on the statement of an unknown person, who suggested that a journalist might incite discord in the future.',
      ru: 'Журналистам сообщили о возбуждении уголовного дела по заявлению неизвестного, предположившего, что журналистка может в будущем возбуждать рознь.',
    },
    region: 'mangystau',
    parties: [
      { ...actor('demo-toiken', 'Sania Toiken', 'journalist'), role: 'other' },
      { ...actor('demo-nurbek', 'Sanat Nurbek', 'camera_operator'), role: 'other' },
    ],
    events: [{ date: '2019-02-27', kind: 'investigation_opened' }],
  }),
];

export const seededIncidents: IncidentLine[] = [
  // February 2018
  incident('feb2018', {
    id: 'demo-2018-02-kaidarova-lawsuit',
    date: '2018-02-05',
    region: 'almaty_city',
    categories: ['other_context'],
    cases: ['demo-case-kaidarova-public-position'],
    title: {
      en: 'Academician Kaidarova seeks 10 million tenge and an apology from Public Position',
      ru: 'Академик Кайдарова требует от «Общественной позиции» 10 млн тенге и извинений',
      kk: 'Академик Қайдарова «Общественная позиция» газетінен 10 млн теңге мен кешірім сұрайды',
    },
    summary: {
      en: 'Preparation for trial began in the Zhetysu District Court of Almaty; the court did not allow the defendants’ property to be seized.',
      ru: 'В Жетысуском районном суде Алматы началась подготовка к слушанию; арестовать имущество ответчиков суд не позволил.',
    },
  }),
  incident('feb2018', {
    id: 'demo-2018-02-aidasheva-privacy',
    date: '2018-02',
    region: 'pavlodar',
    categories: ['other_context'],
    cases: ['demo-case-aidasheva-maricheva'],
    title: {
      en: 'An official’s wife sues a Ratel.kz journalist over photos from her Instagram',
      ru: 'Жена чиновника судится с журналисткой Ratel.kz из-за фото из Instagram',
    },
    summary: {
      en: 'Ratel.kz wrote on 1 and 8 February about trips abroad shown in the public account of Asel Aidasheva; her husband told the portal no such trips took place. She says the account was meant for friends.',
      ru: 'Ratel.kz 1 и 8 февраля писал о зарубежных поездках, показанных в открытом аккаунте Асель Айдашевой; её муж заявил порталу, что поездок не было. Истица утверждает, что аккаунт был для друзей.',
    },
  }),
  incident('feb2018', {
    id: 'demo-2018-02-pretrial-information',
    date: '2018-02',
    categories: ['info_refusal'],
    legal_articles: ['CPC-201'],
    perpetrators: [{ name: 'Pre-trial investigation bodies', kind: 'other_state_body' }],
    title: {
      en: 'Journalists cut off from information on criminal investigations',
      ru: 'Журналистов лишили информации о ходе уголовных расследований',
      kk: 'Журналистер қылмыстық тергеу туралы ақпараттан айырылды',
    },
    summary: {
      en: 'Since late January, investigating bodies cite Article 201 of the Criminal Procedure Code to refuse information, and prosecutors do not answer either. The Guild of Court Reporters and Internews-Kazakhstan wrote to the heads of these bodies and to Minister Dauren Abaev.',
      ru: 'С конца января органы расследования отказывают в информации со ссылкой на статью 201 УПК, прокуратура тоже не отвечает. Гильдия судебных репортёров и «Интерньюс-Казахстан» обратились к руководителям этих органов и к министру Даурену Абаеву.',
      kk: 'Қаңтардың соңынан бері тергеу органдары ҚПК-нің 201-бабына сілтеп ақпарат бермейді, прокуратура да жауап бермейді. Сот репортерлері гильдиясы мен «Интерньюс-Қазақстан» осы органдардың басшыларына және министр Дәурен Абаевқа хат жолдады.',
    },
  }),
  incident('feb2018', {
    id: 'demo-2018-02-south-kazakhstan-detentions',
    date: '2018-02-01',
    region: 'south_kazakhstan',
    categories: ['persecution_for_dissemination'],
    legal_articles: ['CC-174'],
    cases: ['demo-case-south-kazakhstan-174'],
    victims: [
      actor('demo-kaldarbek', 'Maksat Kaldarbek', 'citizen'),
      actor('demo-kasymbekov', 'Kanat Kasymbekov', 'citizen'),
    ],
    perpetrators: [
      actor(
        'demo-knb-south-kazakhstan',
        'National Security Committee, South Kazakhstan region department',
        'national_security',
      ),
    ],
    title: {
      en: 'Twelve people detained for extremist materials in social networks',
      ru: 'Двенадцать человек задержаны за экстремистские материалы в соцсетях',
    },
    summary: {
      en: 'One of them is accused of saving an audio file on his VKontakte page, a page his lawyer says he had not visited since 2016.',
      ru: 'Одного из них обвиняют в том, что он сохранил аудиофайл на своей странице «ВКонтакте», которую, по словам адвоката, он не посещал с 2016 года.',
    },
  }),
  // March 2019 appeal
  incident('mar2019', {
    id: 'demo-2019-01-zhursin',
    date: '2019-01-03',
    region: 'aktobe',
    categories: ['detention'],
    victims: [actor('demo-zhursin', 'Zhanagul Zhursin', 'journalist')],
    title: {
      en: 'Azattyq journalist Zhanagul Zhursin detained in Aktobe',
      ru: 'В Актобе задержан журналист Азаттыка Жанагуль Журсин',
      kk: 'Ақтөбеде Азаттық журналисі Жанағұл Жүрсін ұсталды',
    },
    summary: {
      en: 'Detained while covering events at the court building.',
      ru: 'Задержан во время съёмки событий у здания суда.',
    },
  }),
  incident('mar2019', {
    id: 'demo-2019-01-zhoyamergen-amirkhanov',
    date: '2019-01-09',
    region: 'astana',
    categories: ['detention'],
    victims: [
      actor('demo-zhoyamergen', 'Orken Zhoyamergen', 'journalist'),
      actor('demo-amirkhanov', 'Yerzhan Amirkhanov', 'journalist'),
    ],
    title: {
      en: 'Two journalists detained outside the government building in Astana',
      ru: 'У здания правительства в Астане задержаны два журналиста',
      kk: 'Астанада Үкімет үйінің алдында екі журналист ұсталды',
    },
    summary: {
      en: 'They were covering a protest.',
      ru: 'Они освещали акцию протеста.',
      kk: 'Олар наразылық акциясын жазып жүрген.',
    },
  }),
  incident('mar2019', {
    id: 'demo-2019-02-toiken-astana',
    date: '2019-02-12',
    region: 'astana',
    categories: ['detention'],
    victims: [actor('demo-toiken', 'Sania Toiken', 'journalist')],
    perpetrators: [
      actor('demo-adilov', 'Daniyar Adilov', 'official'),
      actor('demo-police-astana', 'Police in Astana', 'police'),
    ],
    sources: [{ url: 'https://rus.azattyq.org/a/29765946.html', outlet: 'Radio Azattyq' }],
    title: {
      en: 'Sania Toiken taken to a police station while interviewing mothers',
      ru: 'Санию Тойкен доставили в полицию во время интервью с многодетными матерями',
      kk: 'Сания Тойкен көпбалалы аналардан сұхбат алып жүргенде полицияға апарылды',
    },
    summary: {
      en: 'The head of a criminal investigation department talked with her for about half an hour, then she was let go; no reason was given.',
      ru: 'Начальник отдела криминальной полиции около получаса беседовал с ней, после чего её отпустили; причину не назвали.',
      kk: 'Криминалдық полиция бөлімінің бастығы онымен жарты сағаттай сөйлесіп, кейін босатты; себебі айтылмады.',
    },
  }),
  incident('mar2019', {
    id: 'demo-2019-02-toiken-nurbek-aktau',
    date: '2019-02-27',
    region: 'mangystau',
    locality: 'Zhanaozen',
    categories: ['detention'],
    legal_articles: ['CC-174'],
    cases: ['demo-case-toiken-174'],
    victims: [
      actor('demo-toiken', 'Sania Toiken', 'journalist'),
      actor('demo-nurbek', 'Sanat Nurbek', 'camera_operator'),
    ],
    perpetrators: [actor('demo-police-zhanaozen', 'Police in Zhanaozen', 'police')],
    sources: [{ url: 'https://www.svoboda.org/a/29793555.html' }],
    title: {
      en: 'Reporter and camera operator detained by force and driven to Aktau',
      ru: 'Корреспондентку и оператора силой задержали и увезли в Актау',
      kk: 'Тілші мен операторды күшпен ұстап, Ақтауға алып кетті',
    },
    summary: {
      en: 'Police cited a complaint against them; the two were then told a criminal case on inciting discord had been opened.',
      ru: 'Полиция сослалась на поступившее на них заявление; затем им сообщили о возбуждении дела о разжигании розни.',
    },
    links: ['demo-2019-02-toiken-astana'],
  }),
  incident('mar2019', {
    id: 'demo-2019-02-turmagambetova',
    date: '2019-02-27',
    region: 'aktobe',
    locality: 'Alga',
    categories: ['attack'],
    victims: [actor('demo-turmagambetova', 'Shara Turmagambetova', 'editor')],
    title: {
      en: 'Editor of Zhuldyz-Zvezda attacked at the entrance of her building',
      ru: 'На редактора газеты «Жулдыз-Звезда» напали у подъезда',
      kk: '«Жұлдыз-Звезда» газетінің редакторына кіреберісте шабуыл жасалды',
    },
    summary: {
      en: 'She links the attack to her work and did not go to the police; the regional police press service said she had fallen and hurt herself.',
      ru: 'Она связывает нападение со своей работой и в полицию не обращалась; пресс-служба областной полиции заявила, что она упала сама.',
    },
  }),
  incident('mar2019', {
    id: 'demo-2019-03-toiken-zhanaozen',
    date: '2019-03-11',
    region: 'mangystau',
    locality: 'Zhanaozen',
    categories: ['detention'],
    legal_articles: ['CAO-667'],
    cases: ['demo-case-toiken-667'],
    victims: [actor('demo-toiken', 'Sania Toiken', 'journalist')],
    perpetrators: [actor('demo-police-zhanaozen', 'Police in Zhanaozen', 'police')],
    title: {
      en: 'Sania Toiken detained in Zhanaozen and fined the next morning',
      ru: 'Сания Тойкен задержана в Жанаозене и наутро оштрафована',
      kk: 'Сания Тойкен Жаңаөзенде ұсталып, ертесіне айыппұл салынды',
    },
    summary: {
      en: 'Police detained her in the evening as she left a cafe.',
      ru: 'Полиция задержала её вечером на выходе из кафе.',
      kk: 'Полиция оны кешке дәмханадан шыққан кезде ұстады.',
    },
    links: ['demo-2019-02-toiken-nurbek-aktau'],
  }),
  incident('mar2019', {
    id: 'demo-2019-03-kari-akimat',
    date: '2019-03',
    region: 'almaty_city',
    categories: ['summons', 'discrediting'],
    victims: [
      actor('demo-kari', 'Kuanyshbek Kari', 'editor'),
      actor('demo-azattyq', 'Radio Azattyq', 'media_outlet'),
    ],
    perpetrators: [actor('demo-akimat-almaty', 'Almaty city akimat', 'local_executive')],
    title: {
      en: 'Head of Azattyq’s Almaty bureau summoned to the akimat',
      ru: 'Руководителя алматинского бюро Азаттыка вызвали в акимат',
      kk: 'Азаттықтың Алматы бюросының басшысы әкімдікке шақырылды',
    },
    summary: {
      en: 'City officials and prosecutors accused the outlet of one-sided coverage and of inciting discord.',
      ru: 'Представители города и прокуратуры обвинили редакцию в одностороннем освещении и разжигании розни.',
    },
  }),
  incident('mar2019', {
    id: 'demo-2019-03-present-time-akimat',
    date: '2019-03-21',
    region: 'astana',
    categories: ['obstruction'],
    victims: [actor('demo-present-time', 'Present Time', 'media_outlet')],
    perpetrators: [{ name: 'A group of people (Astana, 21 March 2019)', kind: 'unknown' }],
    title: {
      en: 'A group tries to stop Present Time filming near the Astana akimat',
      ru: 'У акимата Астаны пытались помешать съёмке Present Time',
    },
    summary: {
      en: 'The crew was recording residents’ views on renaming the capital.',
      ru: 'Съёмочная группа записывала мнения жителей о переименовании столицы.',
    },
  }),
  incident('mar2019', {
    id: 'demo-2019-03-glushkova',
    date: '2019-03-22',
    region: 'astana',
    categories: ['obstruction', 'detention'],
    legal_articles: ['CC-158', 'CC-293', 'CAO-73-2'],
    victims: [
      actor('demo-glushkova', 'Svetlana Glushkova', 'journalist'),
      actor('demo-present-time', 'Present Time', 'media_outlet'),
    ],
    perpetrators: [
      { name: 'A group of young people (Astana, 22 March 2019)', kind: 'unknown' },
      actor('demo-police-astana', 'Police in Astana', 'police'),
    ],
    title: {
      en: 'Svetlana Glushkova obstructed, then detained for more than five hours',
      ru: 'Светлане Глушковой мешали работать, а затем задержали её более чем на пять часов',
      kk: 'Светлана Глушковаға кедергі келтіріп, кейін бес сағаттан астам ұстады',
    },
    summary: {
      en: 'Young people stopped the Present Time crew near a shopping centre; police watched. After a complaint from one of the group, the journalist was charged with hooliganism, later changed to an administrative charge of battery.',
      ru: 'Молодые люди мешали съёмочной группе Present Time у торгового дома, полиция наблюдала. По заявлению одной из участниц журналистке вменили хулиганство, затем обвинение сменили на административные побои.',
    },
  }),
  incident('mar2019', {
    id: 'demo-2019-03-present-time-almaty',
    date: '2019-03-22',
    region: 'almaty_city',
    categories: ['obstruction'],
    victims: [actor('demo-present-time', 'Present Time', 'media_outlet')],
    perpetrators: [{ name: 'Unknown young people (Almaty, 22 March 2019)', kind: 'unknown' }],
    title: {
      en: 'Present Time crew obstructed on an Almaty boulevard',
      ru: 'Съёмочной группе Present Time мешали на бульваре в Алматы',
    },
    summary: {
      en: 'Police officers nearby did not step in.',
      ru: 'Полицейские поблизости не вмешались.',
    },
    links: ['demo-2019-03-glushkova'],
  }),
  incident('mar2019', {
    id: 'demo-2019-03-ngo-appeal',
    date: '2019-03-29',
    categories: ['other_context'],
    legal_articles: ['CONST-20'],
    title: {
      en: 'Nine NGOs appeal to the country’s leadership to protect journalists',
      ru: 'Девять НПО обратились к руководству страны в защиту журналистов',
      kk: 'Тоғыз ҮЕҰ журналистерді қорғау үшін ел басшылығына үндеу жолдады',
    },
    summary: {
      en: 'The appeal lists recent detentions and obstruction of reporters and asks the interior ministry, the information ministry and the prosecutor general to act.',
      ru: 'В обращении перечислены недавние задержания журналистов и препятствия их работе; авторы просят МВД, министерство информации и генпрокуратуру принять меры.',
      kk: 'Үндеуде журналистерді жақында ұстау және жұмысына кедергі жасау жағдайлары аталып, ІІМ, ақпарат министрлігі мен Бас прокуратурадан шара қолдану сұралады.',
    },
    links: [
      'demo-2019-01-zhoyamergen-amirkhanov',
      'demo-2019-01-zhursin',
      'demo-2019-02-toiken-astana',
      'demo-2019-02-toiken-nurbek-aktau',
      'demo-2019-02-turmagambetova',
      'demo-2019-03-glushkova',
      'demo-2019-03-kari-akimat',
      'demo-2019-03-present-time-akimat',
      'demo-2019-03-present-time-almaty',
      'demo-2019-03-toiken-zhanaozen',
    ],
  }),
  // September 2020
  incident('sep2020', {
    id: 'demo-2020-06-ilyashev-verdict',
    date: '2020-06-22',
    region: 'almaty_city',
    categories: ['other_context'],
    cases: ['demo-case-ilyashev'],
    title: {
      en: 'Activist Alnur Ilyashev sentenced to restricted freedom',
      ru: 'Активист Алнур Ильяшев приговорён к ограничению свободы',
      kk: 'Белсенді Алнұр Ильяшевке бас бостандығын шектеу жазасы тағайындалды',
    },
    summary: {
      en: 'Three years of restricted freedom and a five-year ban on public activity.',
      ru: 'Три года ограничения свободы и пятилетний запрет на общественную деятельность.',
      kk: 'Үш жыл бас бостандығын шектеу және бес жыл қоғамдық қызметке тыйым.',
    },
  }),
  incident('sep2020', {
    id: 'demo-2020-09-bekshin-briefing',
    date: '2020-09-14',
    region: 'almaty_city',
    categories: ['discrediting'],
    perpetrators: [actor('demo-bekshin', 'Zhandarbek Bekshin', 'official')],
    sources: [{ outlet: 'KazTAG' }],
    title: {
      en: 'Almaty’s chief sanitary doctor blames journalists for breaking distancing at a rally',
      ru: 'Главный санврач Алматы обвинил журналистов в нарушении дистанции на митинге',
      kk: 'Алматының бас санитар дәрігері журналистерді митингіде арақашықтық сақтамады деп айыптады',
    },
    summary: {
      en: 'At a briefing the day after the 13 September rally he said reporters in coloured vests rushed for interviews.',
      ru: 'На брифинге на следующий день после митинга 13 сентября он заявил, что журналисты в цветных жилетах толпились ради интервью.',
    },
  }),
  incident('sep2020', {
    id: 'demo-2020-09-ilyashev-appeal',
    date: '2020-09-15',
    region: 'almaty_city',
    categories: ['other_context'],
    cases: ['demo-case-ilyashev'],
    links: ['demo-2020-06-ilyashev-verdict'],
    title: {
      en: 'Appeal court upholds the sentence of Alnur Ilyashev',
      ru: 'Апелляция оставила в силе приговор Алнуру Ильяшеву',
      kk: 'Апелляциялық сот Алнұр Ильяшевтің үкімін өзгеріссіз қалдырды',
    },
    summary: {
      en: 'The Almaty City Court dismissed his complaint.',
      ru: 'Алматинский городской суд отклонил его жалобу.',
    },
  }),
  incident('sep2020', {
    id: 'demo-2020-09-akayeva-semey',
    date: '2020-09-25',
    region: 'east_kazakhstan',
    locality: 'Semey',
    categories: ['detention', 'attack', 'obstruction'],
    victims: [actor('demo-akayeva', 'Khadisha Akayeva', 'journalist')],
    perpetrators: [actor('demo-police-semey', 'Police in Semey', 'police')],
    title: {
      en: 'Azattyq reporter Khadisha Akayeva roughly detained in Semey',
      ru: 'Корреспондентку Азаттыка Хадишу Акаеву грубо задержали в Семее',
      kk: 'Семейде Азаттық тілшісі Хадиша Акаеваны дөрекі түрде ұстады',
    },
    summary: {
      en: 'She was filming the arrest of blogger Daniyar Adilbekov, wore a press vest and carried her press card. Her phone was taken; she was held for about half an hour and then told the detention was a mistake.',
      ru: 'Она снимала задержание блогера Данияра Адильбекова, была в жилете «Пресса» и с удостоверением. Телефон у неё отобрали; продержав около получаса, ей сказали, что задержали по ошибке.',
      kk: 'Ол блогер Данияр Әділбековті ұстауды түсіріп жүрген, үстінде «Баспасөз» жилеті, қолында куәлігі болған. Телефонын тартып алып, жарты сағаттай ұстаған соң қателесіп ұстадық деді.',
    },
  }),
  incident('sep2020', {
    id: 'demo-2020-09-mironova-complaint',
    date: '2020-09',
    region: 'east_kazakhstan',
    locality: 'Ust-Kamenogorsk',
    categories: ['persecution_for_dissemination'],
    victims: [
      actor('demo-asylkhanova', 'Zhanar Asylkhanova', 'journalist'),
      actor('demo-inbusiness', 'inbusiness.kz', 'media_outlet'),
    ],
    perpetrators: [actor('demo-mironova', 'Yulia Mironova', 'official')],
    title: {
      en: 'A local deputy goes to the police over an article on new road signs',
      ru: 'Депутат маслихата обратилась в полицию из-за статьи о новых дорожных знаках',
      kk: 'Мәслихат депутаты жаңа жол белгілері туралы мақала үшін полицияға жүгінді',
    },
    summary: {
      en: 'The head of Vostok Avtoprom wants the author and those who shared the article held liable for slander, although the inaccuracy was corrected at once; before going to the police she did not ask the newsroom for a correction.',
      ru: 'Руководитель ТОО «Восток Автопром» требует привлечь автора и распространивших статью за клевету, хотя неточность сразу исправили; до обращения в полицию она не просила редакцию об исправлении.',
    },
  }),
  incident('sep2020', {
    id: 'demo-2020-09-health-minister-bloggers',
    date: '2020-09',
    region: 'almaty_city',
    categories: ['info_refusal', 'media_discrimination'],
    perpetrators: [actor('demo-ministry-health', 'Ministry of Health', 'ministry')],
    sources: [{ outlet: 'Facebook', title: 'Post by Irina Sevostyanova' }],
    title: {
      en: 'Health minister avoids press briefings but meets selected bloggers',
      ru: 'Министр здравоохранения избегает брифингов, но встретился с избранными блогерами',
      kk: 'Денсаулық сақтау министрі брифингке шықпай, таңдаулы блогерлермен кездесті',
    },
    summary: {
      en: 'He had not faced journalists since 3 August, a journalist noted.',
      ru: 'Как заметила журналистка, с 3 августа он к прессе не выходил.',
    },
  }),
  // May 2024
  incident('may2024', {
    id: 'demo-2024-01-azattyq-accreditation',
    date: '2024-01',
    categories: ['accreditation_denial'],
    victims: [actor('demo-azattyq', 'Radio Azattyq', 'media_outlet')],
    perpetrators: [actor('demo-mfa', 'Ministry of Foreign Affairs', 'ministry')],
    title: {
      en: 'Radio Azattyq journalists refused accreditation',
      ru: 'Журналистам Радио Азаттык отказали в аккредитации',
      kk: 'Азаттық радиосының журналистеріне аккредитация берілмеді',
    },
    summary: {
      en: 'The refusal came before 30 January, when a post supporting the journalists led to a case against Jamila Maricheva.',
      ru: 'Отказ последовал до 30 января, когда пост в поддержку журналистов обернулся делом против Джамили Маричевой.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-04-adilbekov-arrest',
    date: '2024-04-01',
    region: 'astana',
    categories: ['detention'],
    legal_articles: ['CC-419'],
    cases: ['demo-case-adilbekov'],
    victims: [actor('demo-adilbekov', 'Daniyar Adilbekov', 'blogger')],
    title: {
      en: 'Blogger Daniyar Adilbekov detained and arrested for two months',
      ru: 'Блогер Данияр Адильбеков задержан и арестован на два месяца',
      kk: 'Блогер Данияр Әділбеков ұсталып, екі айға қамалды',
    },
    summary: {
      en: 'He is suspected of knowingly false denunciation over publications of the Telegram channel Dikaya Orda.',
      ru: 'Его подозревают в заведомо ложном доносе из-за публикаций Telegram-канала «Дикая Орда».',
      kk: 'Ол «Дикая Орда» Telegram-арнасындағы жарияланымдар үшін көрінеу жалған сөз жеткізді деп күдіктеледі.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-maricheva-trial',
    date: '2024-05-02',
    region: 'almaty_city',
    categories: ['other_context'],
    legal_articles: ['CAO-456-2'],
    cases: ['demo-case-maricheva-456-2'],
    links: ['demo-2024-01-azattyq-accreditation'],
    title: {
      en: 'Trial of ProTenge editor Jamila Maricheva begins',
      ru: 'Начался суд над главным редактором ProTenge Джамилей Маричевой',
      kk: 'ProTenge бас редакторы Жамила Маричеваның соты басталды',
    },
    summary: {
      en: 'She told the court her post was true and harmed no one; her lawyer asked for the case to be closed, pointing to violations during her detention.',
      ru: 'В суде она заявила, что её пост соответствует действительности и никому не навредил; адвокат просил прекратить дело из-за нарушений при задержании.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-nizovkina',
    date: '2024-05-02',
    region: 'shymkent',
    categories: ['expulsion'],
    cases: ['demo-case-nizovkina-expulsion'],
    victims: [
      actor('demo-nizovkina', 'Marina Nizovkina', 'editor'),
      actor('demo-verakz', 'Vera.kz', 'media_outlet'),
    ],
    perpetrators: [actor('demo-police-shymkent', 'Shymkent police, migration service', 'police')],
    title: {
      en: 'Court refuses to expel Vera.kz editor Marina Nizovkina',
      ru: 'Суд отказал в выдворении редактора Vera.kz Марины Низовкиной',
      kk: 'Сот Vera.kz редакторы Марина Низовкинаны елден шығаруға рұқсат бермеді',
    },
    summary: {
      en: 'The police migration service had sought her expulsion.',
      ru: 'Выдворения добивалась миграционная служба полиции.',
      kk: 'Елден шығаруды полицияның көші-қон қызметі талап еткен.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-rsf-index',
    date: '2024-05-03',
    categories: ['ranking'],
    title: {
      en: 'Kazakhstan 142nd of 180 in the World Press Freedom Index',
      ru: 'Казахстан на 142-м месте из 180 во Всемирном индексе свободы прессы',
      kk: 'Қазақстан Дүниежүзілік баспасөз бостандығы индексінде 180 елдің ішінде 142-орында',
    },
    summary: {
      en: 'The country fell eight places from 2023. The authors note better online journalism but tighter control of the internet, a new media law, and more cyberattacks on media.',
      ru: 'Страна опустилась на восемь позиций по сравнению с 2023 годом. Авторы отмечают рост качества онлайн-журналистики, но и усиление контроля над интернетом, новый закон о СМИ и учащение кибератак на редакции.',
      kk: 'Ел 2023 жылмен салыстырғанда сегіз орынға төмендеді. Авторлар онлайн журналистиканың сапасы артқанын, бірақ интернетке бақылау күшейгенін, БАҚ туралы жаңа заңды және редакцияларға кибершабуылдың көбейгенін атап өтеді.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-bukeeva-forbes',
    date: '2024-05-10',
    categories: ['censorship'],
    victims: [
      actor('demo-bukeeva', 'Ardak Bukeeva', 'editor'),
      actor('demo-forbes-kz', 'Forbes Kazakhstan', 'media_outlet'),
    ],
    title: {
      en: 'Forbes Kazakhstan ratings editor on pressure over the rich list',
      ru: 'Редактор рейтингов Forbes Kazakhstan рассказала о давлении из-за списка богатейших',
      kk: 'Forbes Kazakhstan рейтинг редакторы ең бай адамдар тізіміне байланысты қысым туралы айтты',
    },
    summary: {
      en: 'She described, in an interview with Viktor Burdin, how people on the list push back.',
      ru: 'В интервью Виктору Бурдину она описала, как участники списка пытаются на него влиять.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-skiba-court',
    date: '2024-05-10',
    region: 'kostanay',
    locality: 'Kostanay',
    categories: ['censorship', 'court_transparency'],
    victims: [
      actor('demo-skiba', 'Andrey Skiba', 'journalist'),
      actor('demo-nasha-gazeta', 'Nasha Gazeta', 'media_outlet'),
    ],
    perpetrators: [actor('demo-court-kostanay', 'Court in Kostanay', 'court')],
    title: {
      en: 'A judge tells a journalist when to publish and not to record',
      ru: 'Судья указал журналисту, когда публиковать материал, и запретил съёмку',
      kk: 'Судья журналиске материалды қашан жариялау керектігін айтып, түсіруге тыйым салды',
    },
    summary: {
      en: 'In a hearing about a seatbelt fine, the judge suggested waiting for the ruling before writing, and barred recording although the parties did not object.',
      ru: 'На заседании о штрафе за непристёгнутый ремень судья предложил дождаться решения, прежде чем писать, и запретил запись, хотя участники не возражали.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-sozinova-takedown',
    date: '2024-05-16',
    categories: ['censorship'],
    victims: [
      actor('demo-sozinova', 'Vera Sozinova', 'blogger'),
      actor('demo-bishkul-city', 'bishkul_city', 'online_channel'),
    ],
    perpetrators: [actor('demo-local-officials-bishkul', 'Local officials (Bishkul)', 'local_executive')],
    title: {
      en: 'Officials ask an Instagram page to remove videos of the Kulsary protests',
      ru: 'Чиновники попросили Instagram-паблик удалить видео протестов в Кульсары',
      kk: 'Шенеуніктер Instagram парақшасынан Құлсарыдағы наразылық видеоларын өшіруді сұрады',
    },
    summary: {
      en: 'The page administrator made the request public.',
      ru: 'Об этом рассказала администратор паблика.',
      kk: 'Бұл туралы парақша әкімшісі айтты.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-maricheva-fine',
    date: '2024-05-13',
    region: 'almaty_city',
    categories: ['other_context'],
    legal_articles: ['CAO-456-2'],
    cases: ['demo-case-maricheva-456-2'],
    links: ['demo-2024-05-maricheva-trial'],
    title: {
      en: 'Jamila Maricheva fined 73,840 tenge',
      ru: 'Джамилю Маричеву оштрафовали на 73 840 тенге',
      kk: 'Жамила Маричеваға 73 840 теңге айыппұл салынды',
    },
    summary: {
      en: 'The court found that she distorted the reasons why Azattyq journalists were refused accreditation.',
      ru: 'Суд счёл, что она исказила причины отказа журналистам Азаттыка в аккредитации.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-pm-false-information',
    date: '2024-05-21',
    categories: ['official_statement', 'official_statistics'],
    title: {
      en: 'Prime minister reports 41 false stories about the floods',
      ru: 'Премьер-министр сообщил о 41 случае ложной информации о паводках',
      kk: 'Премьер-министр су тасқыны туралы 41 жалған ақпарат анықталғанын хабарлады',
    },
    summary: {
      en: 'Platforms were told to remove material from six primary sources; 29 people were held administratively liable, six of them arrested, and 92 publications went to the prosecutor general for assessment.',
      ru: 'Владельцам платформ направлены требования удалить материалы шести первоисточников; 29 человек привлечены к административной ответственности, шестеро арестованы, 92 публикации переданы в генпрокуратуру для оценки.',
      kk: 'Платформа иелеріне алты бастапқы көздің материалдарын өшіру талабы жіберілді; 29 адам әкімшілік жауапкершілікке тартылды, оның алтауы қамалды, 92 жарияланым бағалау үшін Бас прокуратураға жіберілді.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-adilbekov-extension',
    date: '2024-05-21',
    region: 'astana',
    categories: ['other_context'],
    cases: ['demo-case-adilbekov'],
    links: ['demo-2024-04-adilbekov-arrest'],
    title: {
      en: 'Detention of blogger Daniyar Adilbekov extended to 27 June',
      ru: 'Арест блогера Данияра Адильбекова продлён до 27 июня',
      kk: 'Блогер Данияр Әділбековтің қамау мерзімі 27 маусымға дейін ұзартылды',
    },
    summary: {
      en: 'His lawyer says the court feared he would flee or pressure witnesses; Adilbekov calls the decision absurd.',
      ru: 'По словам адвоката, суд сослался на риск побега и давления на свидетелей; сам Адильбеков называет решение абсурдным.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-kulsary-coverage',
    date: '2024-05-20',
    region: 'atyrau',
    locality: 'Kulsary',
    categories: ['other_context'],
    title: {
      en: 'How state media covered the flood protests in Kulsary',
      ru: 'Как госСМИ освещали протесты пострадавших от паводка в Кульсары',
      kk: 'Мемлекеттік БАҚ Құлсарыдағы су тасқынынан зардап шеккендердің наразылығын қалай көрсетті',
    },
    summary: {
      en: 'A communications specialist observed that official releases left out the protesters’ demands and that state and friendly outlets wrote as if no protest had happened.',
      ru: 'Специалист по коммуникациям отметила, что официальные релизы умалчивали о требованиях протестующих, а государственные и лояльные издания писали так, будто протеста не было.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-akhmedyarov-facebook',
    date: '2024-05-25',
    region: 'west_kazakhstan',
    locality: 'Uralsk',
    categories: ['blocking'],
    victims: [actor('demo-akhmedyarov', 'Lukpan Akhmedyarov', 'journalist')],
    perpetrators: [actor('demo-facebook', 'Facebook', 'platform')],
    title: {
      en: 'Facebook removes a journalist’s year-old post',
      ru: 'Facebook удалил годичной давности пост журналиста',
      kk: 'Facebook журналистің бір жыл бұрынғы жазбасын өшірді',
    },
    summary: {
      en: 'The post warned against Kazakhstani servicemen being sent to fight in Ukraine on Russia’s side; the platform judged it and another post hostile speech.',
      ru: 'В посте он предостерегал от отправки казахстанских военных воевать в Украине на стороне России; платформа сочла этот и ещё один пост враждебными высказываниями.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-mojust-draft',
    date: '2024-05-18',
    categories: ['legislation'],
    title: {
      en: 'Ministry of Justice publishes a draft concept on improving legislation',
      ru: 'Минюст опубликовал проект концепции о совершенствовании законодательства',
      kk: 'Әділет министрлігі заңнаманы жетілдіру туралы тұжырымдама жобасын жариялады',
    },
    summary: {
      en: 'It names weak public participation in law-making and proposes involving local executive bodies in public hearings.',
      ru: 'Документ признаёт слабое участие граждан в законотворчестве и предлагает привлекать местные исполнительные органы к публичным слушаниям.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-constitutional-court',
    date: '2024-05-29',
    categories: ['legislation'],
    title: {
      en: 'Constitutional Court rules on the prosecutor’s role in court',
      ru: 'Конституционный суд высказался о роли прокурора в суде',
      kk: 'Конституциялық сот прокурордың соттағы рөлі туралы шешім шығарды',
    },
    summary: {
      en: 'It recommended improving the rules for investigative judges and prosecutors at the pre-trial stage.',
      ru: 'Суд рекомендовал улучшить регулирование следственного судопроизводства и работы прокуратуры на досудебной стадии.',
    },
  }),
  incident('may2024', {
    id: 'demo-2024-05-gusev-summons',
    date: '2024-05-29',
    region: 'almaty_city',
    categories: ['summons'],
    legal_articles: ['CC-147'],
    cases: ['demo-case-gusev-privacy'],
    victims: [
      actor('demo-gusev', 'Oleg Gusev', 'journalist'),
      actor('demo-moskovka', 'Irina Moskovka', 'journalist'),
    ],
    perpetrators: [actor('demo-police-almaty', 'Almaty Police Department', 'police')],
    title: {
      en: 'Journalist from Temirtau made a suspect in a privacy case',
      ru: 'Журналиста из Темиртау сделали подозреваемым по делу о частной жизни',
      kk: 'Теміртаулық журналист жеке өмір туралы іс бойынша күдікті болды',
    },
    summary: {
      en: 'Police first came to bring him to Almaty by force; it then emerged that another person with similar details had been questioned in his place.',
      ru: 'Сначала полиция пыталась принудительно доставить его в Алматы; затем выяснилось, что ранее вместо него допросили человека с похожими данными.',
    },
  }),
];
