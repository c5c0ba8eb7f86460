-- Reference data: taxonomy, regions with their history, legal articles, MCI values.
-- Migrations are never edited after they land; later changes go in new files.

CREATE TABLE taxonomy_groups (
  code text PRIMARY KEY CHECK (code IN ('rights', 'information', 'legal', 'context')),
  position int NOT NULL,
  counted boolean NOT NULL,
  labels jsonb NOT NULL
);

INSERT INTO taxonomy_groups (code, position, counted, labels) VALUES
('rights', 1, true, '{"en":"Violations of the rights of journalists, media and newsmakers","ru":"Нарушения прав журналистов, СМИ и ньюсмейкеров","kk":"Журналистердің, БАҚ пен ньюсмейкерлердің құқықтарын бұзу"}'),
('information', 2, true, '{"en":"The right to receive and disseminate information","ru":"Право на получение и распространение информации","kk":"Ақпарат алу және тарату құқығы"}'),
('legal', 3, true, '{"en":"Pre-trial and court claims and lawsuits against journalists, media and citizens","ru":"Досудебные и судебные претензии и иски к журналистам, СМИ и гражданам","kk":"Журналистерге, БАҚ пен азаматтарға қойылған сотқа дейінгі және соттық талаптар мен талап-арыздар"}'),
('context', 4, false, '{"en":"Context (not counted)","ru":"Контекст (не учитывается)","kk":"Контекст (есепке алынбайды)"}');

-- Codes are a contract: labels may change, a code never changes meaning.
CREATE TABLE categories (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  group_code text NOT NULL REFERENCES taxonomy_groups(code),
  -- Legal categories are either a case kind or a subject of one kind.
  legal_role text CHECK (legal_role IN ('kind', 'subject')),
  legal_kind text CHECK (legal_kind IN ('criminal', 'civil', 'administrative')),
  position int NOT NULL,
  labels jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  CHECK ((group_code = 'legal') = (legal_role IS NOT NULL AND legal_kind IS NOT NULL))
);

INSERT INTO categories (code, group_code, legal_role, legal_kind, position, labels) VALUES
('murder','rights',NULL,NULL,1,'{"en":"Murder","ru":"Убийство","kk":"Кісі өлтіру"}'),
('attack','rights',NULL,NULL,2,'{"en":"Attack (physical violence)","ru":"Нападение (физическое насилие)","kk":"Шабуыл (күш қолдану)"}'),
('threat','rights',NULL,NULL,3,'{"en":"Threat","ru":"Угроза","kk":"Қорқыту"}'),
('detention','rights',NULL,NULL,4,'{"en":"Detention of journalists and bloggers","ru":"Задержание журналистов и блогеров","kk":"Журналистер мен блогерлерді ұстау"}'),
('obstruction','rights',NULL,NULL,5,'{"en":"Obstruction of lawful professional activity","ru":"Воспрепятствование законной профессиональной деятельности","kk":"Заңды кәсіби қызметке кедергі келтіру"}'),
('censorship','rights',NULL,NULL,6,'{"en":"Interference in the activity of media","ru":"Вмешательство в деятельность СМИ","kk":"БАҚ қызметіне араласу"}'),
('summons','rights',NULL,NULL,7,'{"en":"Summons to police, prosecutors or regulators","ru":"Вызов в полицию, прокуратуру или к регуляторам","kk":"Полицияға, прокуратураға немесе реттеушіге шақыру"}'),
('expulsion','rights',NULL,NULL,8,'{"en":"Expulsion from the country or entry ban","ru":"Выдворение из страны или запрет на въезд","kk":"Елден шығарып жіберу немесе елге кіруге тыйым"}'),
('image_misuse','rights',NULL,NULL,9,'{"en":"Fakes under a media brand","ru":"Фейки под брендом СМИ","kk":"БАҚ атынан жасалған фейктер"}'),
('discrediting','rights',NULL,NULL,10,'{"en":"Defamation, insult or smear of journalists","ru":"Клевета, оскорбление или дискредитация журналистов","kk":"Журналистерге жала жабу, қорлау немесе беделін түсіру"}'),
('copyright_violation','rights',NULL,NULL,11,'{"en":"Copyright violation","ru":"Нарушение авторских прав","kk":"Авторлық құқықты бұзу"}'),
('info_refusal','information',NULL,NULL,1,'{"en":"Refusal, restriction or delay of socially significant information","ru":"Отказ, ограничение или задержка в предоставлении общественно значимой информации","kk":"Қоғамдық маңызы бар ақпаратты беруден бас тарту, шектеу немесе кешіктіру"}'),
('court_transparency','information',NULL,NULL,2,'{"en":"Transparency of courts","ru":"Прозрачность судов","kk":"Соттардың ашықтығы"}'),
('media_discrimination','information',NULL,NULL,3,'{"en":"Discrimination of media","ru":"Дискриминация СМИ","kk":"БАҚ-ты кемсіту"}'),
('accreditation_denial','information',NULL,NULL,4,'{"en":"Denial of accreditation","ru":"Отказ в аккредитации","kk":"Аккредитациядан бас тарту"}'),
('blocking','information',NULL,NULL,5,'{"en":"Blocking of sites, accounts or content","ru":"Блокировка сайтов, аккаунтов или материалов","kk":"Сайттарды, аккаунттарды немесе материалдарды бұғаттау"}'),
('closure_suspension','information',NULL,NULL,6,'{"en":"Closure or suspension of media","ru":"Закрытие или приостановление СМИ","kk":"БАҚ-ты жабу немесе тоқтата тұру"}'),
('cyberattack','information',NULL,NULL,7,'{"en":"Cyberattack","ru":"Кибератака","kk":"Кибершабуыл"}'),
('persecution_for_dissemination','information',NULL,NULL,8,'{"en":"Persecution for disseminating information","ru":"Преследование за распространение информации","kk":"Ақпарат таратқаны үшін қудалау"}'),
('criminal','legal','kind','criminal',1,'{"en":"Criminal cases","ru":"Уголовные дела","kk":"Қылмыстық істер"}'),
('civil','legal','kind','civil',2,'{"en":"Civil claims","ru":"Гражданские иски","kk":"Азаматтық талап-арыздар"}'),
('administrative','legal','kind','administrative',3,'{"en":"Administrative charges","ru":"Административные обвинения","kk":"Әкімшілік айыптар"}'),
('criminal_defamation','legal','subject','criminal',4,'{"en":"Criminal defamation","ru":"Уголовная клевета","kk":"Қылмыстық жала"}'),
('criminal_false_information','legal','subject','criminal',5,'{"en":"Dissemination of false information (Criminal Code 274)","ru":"Распространение ложной информации (УК 274)","kk":"Жалған ақпарат тарату (ҚК 274)"}'),
('criminal_incitement','legal','subject','criminal',6,'{"en":"Incitement of discord (Criminal Code 174)","ru":"Возбуждение розни (УК 174)","kk":"Алауыздықты қоздыру (ҚК 174)"}'),
('criminal_false_denunciation','legal','subject','criminal',7,'{"en":"False denunciation (Criminal Code 419)","ru":"Заведомо ложный донос (УК 419)","kk":"Көрінеу жалған сөз жеткізу (ҚК 419)"}'),
('criminal_privacy','legal','subject','criminal',8,'{"en":"Violation of privacy (criminal)","ru":"Нарушение неприкосновенности частной жизни (уголовное)","kk":"Жеке өмірге қол сұғылмаушылықты бұзу (қылмыстық)"}'),
('criminal_extremism','legal','subject','criminal',9,'{"en":"Extremism charges (Criminal Code 182, 258, 405)","ru":"Обвинения в экстремизме (УК 182, 258, 405)","kk":"Экстремизм бойынша айыптар (ҚК 182, 258, 405)"}'),
('civil_honor_dignity','legal','subject','civil',10,'{"en":"Protection of honor, dignity and business reputation","ru":"Защита чести, достоинства и деловой репутации","kk":"Ар-намысты, қадір-қасиетті және іскерлік беделді қорғау"}'),
('civil_privacy','legal','subject','civil',11,'{"en":"Privacy claims","ru":"Иски о неприкосновенности частной жизни","kk":"Жеке өмірге қол сұғылмаушылық туралы талап-арыздар"}'),
('civil_copyright','legal','subject','civil',12,'{"en":"Copyright claims","ru":"Иски об авторском праве","kk":"Авторлық құқық туралы талап-арыздар"}'),
('administrative_false_information','legal','subject','administrative',13,'{"en":"False information (Administrative Code 456-2)","ru":"Ложная информация (КоАП 456-2)","kk":"Жалған ақпарат (ӘҚБтК 456-2)"}'),
('administrative_defamation','legal','subject','administrative',14,'{"en":"Defamation (Administrative Code 73-3)","ru":"Клевета (КоАП 73-3)","kk":"Жала жабу (ӘҚБтК 73-3)"}'),
('administrative_disobedience','legal','subject','administrative',15,'{"en":"Disobedience to police (Administrative Code 667)","ru":"Неповиновение полиции (КоАП 667)","kk":"Полицияға бағынбау (ӘҚБтК 667)"}'),
('ranking','context',NULL,NULL,1,'{"en":"Rankings and indexes","ru":"Рейтинги и индексы","kk":"Рейтингтер мен индекстер"}'),
('legislation','context',NULL,NULL,2,'{"en":"Legislation","ru":"Законодательство","kk":"Заңнама"}'),
('official_statement','context',NULL,NULL,3,'{"en":"Official statements","ru":"Официальные заявления","kk":"Ресми мәлімдемелер"}'),
('official_statistics','context',NULL,NULL,4,'{"en":"Official statistics","ru":"Официальная статистика","kk":"Ресми статистика"}'),
('other_context','context',NULL,NULL,5,'{"en":"Other context","ru":"Прочий контекст","kk":"Басқа контекст"}');

-- Regions: the 17 regions, 3 cities of national significance, and the historic South Kazakhstan.
-- tile_col/tile_row place each one on the tile map of today's country.
CREATE TABLE regions (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
  kind text NOT NULL CHECK (kind IN ('region', 'city')),
  valid_from date,
  valid_to date,
  successors text[] NOT NULL DEFAULT '{}',
  tile_col int,
  tile_row int,
  labels jsonb NOT NULL
);

INSERT INTO regions (code, kind, valid_from, valid_to, successors, tile_col, tile_row, labels) VALUES
('astana','city',NULL,NULL,'{}',4,2,'{"en":"Astana","ru":"Астана","kk":"Астана"}'),
('almaty_city','city',NULL,NULL,'{}',6,5,'{"en":"Almaty","ru":"Алматы","kk":"Алматы"}'),
('shymkent','city','2018-06-19',NULL,'{}',3,5,'{"en":"Shymkent","ru":"Шымкент","kk":"Шымкент"}'),
('abai','region','2022-06-08',NULL,'{}',6,2,'{"en":"Abai region","ru":"Абайская область","kk":"Абай облысы"}'),
('akmola','region',NULL,NULL,'{}',4,1,'{"en":"Akmola region","ru":"Акмолинская область","kk":"Ақмола облысы"}'),
('aktobe','region',NULL,NULL,'{}',1,2,'{"en":"Aktobe region","ru":"Актюбинская область","kk":"Ақтөбе облысы"}'),
('almaty_region','region',NULL,NULL,'{}',5,4,'{"en":"Almaty region","ru":"Алматинская область","kk":"Алматы облысы"}'),
('atyrau','region',NULL,NULL,'{}',0,3,'{"en":"Atyrau region","ru":"Атырауская область","kk":"Атырау облысы"}'),
('east_kazakhstan','region',NULL,NULL,'{}',7,2,'{"en":"East Kazakhstan region","ru":"Восточно-Казахстанская область","kk":"Шығыс Қазақстан облысы"}'),
('zhambyl','region',NULL,NULL,'{}',4,4,'{"en":"Zhambyl region","ru":"Жамбылская область","kk":"Жамбыл облысы"}'),
('zhetysu','region','2022-06-08',NULL,'{}',6,4,'{"en":"Zhetysu region","ru":"Область Жетысу","kk":"Жетісу облысы"}'),
('west_kazakhstan','region',NULL,NULL,'{}',0,2,'{"en":"West Kazakhstan region","ru":"Западно-Казахстанская область","kk":"Батыс Қазақстан облысы"}'),
('karaganda','region',NULL,NULL,'{}',4,3,'{"en":"Karaganda region","ru":"Карагандинская область","kk":"Қарағанды облысы"}'),
('kostanay','region',NULL,NULL,'{}',3,1,'{"en":"Kostanay region","ru":"Костанайская область","kk":"Қостанай облысы"}'),
('kyzylorda','region',NULL,NULL,'{}',2,4,'{"en":"Kyzylorda region","ru":"Кызылординская область","kk":"Қызылорда облысы"}'),
('mangystau','region',NULL,NULL,'{}',0,4,'{"en":"Mangystau region","ru":"Мангистауская область","kk":"Маңғыстау облысы"}'),
('pavlodar','region',NULL,NULL,'{}',5,1,'{"en":"Pavlodar region","ru":"Павлодарская область","kk":"Павлодар облысы"}'),
('north_kazakhstan','region',NULL,NULL,'{}',4,0,'{"en":"North Kazakhstan region","ru":"Северо-Казахстанская область","kk":"Солтүстік Қазақстан облысы"}'),
('turkistan','region','2018-06-19',NULL,'{}',3,4,'{"en":"Turkistan region","ru":"Туркестанская область","kk":"Түркістан облысы"}'),
('ulytau','region','2022-06-08',NULL,'{}',3,3,'{"en":"Ulytau region","ru":"Улытауская область","kk":"Ұлытау облысы"}'),
('south_kazakhstan','region',NULL,'2018-06-18','{turkistan,shymkent}',NULL,NULL,'{"en":"South Kazakhstan region","ru":"Южно-Казахстанская область","kk":"Оңтүстік Қазақстан облысы"}');

-- Names a region carried in a period (Astana was Nur-Sultan from 2019-03-23 to 2022-09-17).
CREATE TABLE region_names (
  region_code text NOT NULL REFERENCES regions(code),
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  labels jsonb NOT NULL,
  PRIMARY KEY (region_code, valid_from)
);

INSERT INTO region_names VALUES
('astana','2019-03-23','2022-09-16','{"en":"Nur-Sultan","ru":"Нур-Султан","kk":"Нұр-Сұлтан"}');

CREATE TABLE legal_articles (
  code text PRIMARY KEY CHECK (code ~ '^(CC|CAO|CPC|CIVC|CONST)-[0-9]+(-[0-9]+)?$'),
  law text NOT NULL CHECK (law IN ('CC', 'CAO', 'CPC', 'CIVC', 'CONST')),
  number text NOT NULL,
  names jsonb NOT NULL,
  valid_from date,
  valid_to date
);

INSERT INTO legal_articles (code, law, number, names, valid_from, valid_to) VALUES
('CC-130','CC','130','{"en":"Defamation","ru":"Клевета","kk":"Жала жабу"}','2015-01-01','2020-07-01'),
('CC-131','CC','131','{"en":"Insult","ru":"Оскорбление","kk":"Қорлау"}','2015-01-01','2020-07-01'),
('CC-147','CC','147','{"en":"Violation of privacy","ru":"Нарушение неприкосновенности частной жизни","kk":"Жеке өмірге қол сұғылмаушылықты бұзу"}','2015-01-01',NULL),
('CC-158','CC','158','{"en":"Obstruction of the lawful professional activity of a journalist","ru":"Воспрепятствование законной профессиональной деятельности журналиста","kk":"Журналистің заңды кәсіптік қызметіне кедергі келтіру"}','2015-01-01',NULL),
('CC-174','CC','174','{"en":"Incitement of social, national, tribal, racial, class or religious discord","ru":"Возбуждение социальной, национальной, родовой, расовой, сословной или религиозной розни","kk":"Әлеуметтік, ұлттық, рулық, нәсілдік, топтық немесе діни алауыздықты қоздыру"}','2015-01-01',NULL),
('CC-182','CC','182','{"en":"Creation or leadership of an extremist group","ru":"Создание, руководство экстремистской группой или участие в ее деятельности","kk":"Экстремистік топ құру, басқару немесе оның қызметіне қатысу"}','2015-01-01',NULL),
('CC-258','CC','258','{"en":"Financing of extremist or terrorist activity","ru":"Финансирование экстремистской или террористической деятельности","kk":"Экстремистік немесе террористік әрекетті қаржыландыру"}','2015-01-01',NULL),
('CC-274','CC','274','{"en":"Dissemination of knowingly false information","ru":"Распространение заведомо ложной информации","kk":"Көрінеу жалған ақпарат тарату"}','2015-01-01',NULL),
('CC-293','CC','293','{"en":"Hooliganism","ru":"Хулиганство","kk":"Бұзақылық"}','2015-01-01',NULL),
('CC-405','CC','405','{"en":"Participation in the activity of an extremist organization","ru":"Организация и участие в деятельности экстремистской организации","kk":"Экстремистік ұйымның қызметіне қатысу"}','2015-01-01',NULL),
('CC-419','CC','419','{"en":"Knowingly false denunciation","ru":"Заведомо ложный донос","kk":"Көрінеу жалған сөз жеткізу"}','2015-01-01',NULL),
('CAO-73-2','CAO','73-2','{"en":"Battery","ru":"Побои","kk":"Ұрып-соғу"}','2017-07-01',NULL),
('CAO-73-3','CAO','73-3','{"en":"Defamation","ru":"Клевета","kk":"Жала жабу"}','2020-07-01',NULL),
('CAO-456-2','CAO','456-2','{"en":"Dissemination of false information","ru":"Распространение ложной информации","kk":"Жалған ақпарат тарату"}','2016-01-01',NULL),
('CAO-488','CAO','488','{"en":"Violation of the law on peaceful assemblies","ru":"Нарушение законодательства о мирных собраниях","kk":"Бейбіт жиналыстар туралы заңнаманы бұзу"}','2015-01-01',NULL),
('CAO-667','CAO','667','{"en":"Disobedience to a lawful order of a police officer","ru":"Неповиновение законному распоряжению сотрудника полиции","kk":"Полиция қызметкерінің заңды өкіміне бағынбау"}','2015-01-01',NULL),
('CPC-201','CPC','201','{"en":"Inadmissibility of disclosing pre-trial investigation data","ru":"Недопустимость разглашения данных досудебного расследования","kk":"Сотқа дейінгі тергеп-тексеру деректерін жария етуге жол бермеу"}','2015-01-01',NULL),
('CIVC-143','CIVC','143','{"en":"Protection of honor, dignity and business reputation","ru":"Защита чести, достоинства и деловой репутации","kk":"Ар-намысты, қадір-қасиетті және іскерлік беделді қорғау"}',NULL,NULL),
('CIVC-145','CIVC','145','{"en":"Protection of the right to one''s own image","ru":"Охрана права гражданина на собственное изображение","kk":"Азаматтың өз бейнесіне құқығын қорғау"}',NULL,NULL),
('CIVC-951','CIVC','951','{"en":"Compensation for moral damage","ru":"Компенсация морального вреда","kk":"Моральдық зиянды өтеу"}',NULL,NULL),
('CONST-20','CONST','20','{"en":"Freedom of speech and creativity; prohibition of censorship","ru":"Свобода слова и творчества; запрет цензуры","kk":"Сөз және шығармашылық еркіндігі; цензураға тыйым"}',NULL,NULL);

-- Monthly calculation index (MCI, МРП): fines stated in MCI convert by the value on the decision's
-- date. A year can have two values (2022 changed on 1 April).
CREATE TABLE mci_values (
  valid_from date PRIMARY KEY,
  tenge int NOT NULL CHECK (tenge > 0)
);

INSERT INTO mci_values VALUES
('2010-01-01',1413),('2011-01-01',1512),('2012-01-01',1618),('2013-01-01',1731),('2014-01-01',1852),
('2015-01-01',1982),('2016-01-01',2121),('2017-01-01',2269),('2018-01-01',2405),('2019-01-01',2525),
('2020-01-01',2651),('2021-01-01',2917),('2022-01-01',3063),('2022-04-01',3180),('2023-01-01',3450),
('2024-01-01',3692),('2025-01-01',3932),('2026-01-01',4325);
