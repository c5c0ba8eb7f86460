import { defineMessages, interpolate } from '../i18n/define.ts';
import type { Lang } from '../i18n/langs.ts';

/**
 * What a refusal says, in each language, once. An AppError carries a key of this catalog and its
 * parameters; its English `message` (logs, the CLI, the JSON API) is the English entry filled in,
 * and a page shows the entry of the reader's language. A key missing in kk or ru fails `tsc`.
 */
export const errorMessages = defineMessages({
  en: {
    unknownCategory: 'unknown category "{code}"',
    notALegalSubject: '"{code}" is not a subject of a legal case',
    legalCodeOnIncident: '"{code}" is a legal code: it belongs to a case, linked to this incident',
    subjectOfOtherKind: '"{code}" is a subject of {kind} cases, not {expected} ones',
    subjectListedTwice: 'a subject is listed twice',
    categoryListedTwice: 'a category is listed twice',
    unknownArticle: 'unknown legal article "{code}"',
    articleListedTwice: 'an article is listed twice',
    unknownRegion: 'unknown region "{code}"',
    regionNotYet: 'region "{code}" did not exist yet on {date} (it exists from {from})',
    regionEnded: 'region "{code}" no longer existed on {date} (it ended on {to})',
    countedBeforeDate: 'an incident cannot count in a month before its date',
    victimListedTwice: 'this victim is listed twice',
    perpetratorListedTwice: 'this perpetrator is listed twice',
    partyListedTwice: 'this party is listed twice in one role',
    caseNeedsEvent: 'a case needs at least one dated event',
    noCase: 'no case {id}',
    noIncident: 'no incident {id}',
    noActor: 'no actor {id}',
    linkToItself: 'an incident cannot link to itself',
    incidentIdExists: 'an incident with the id {id} exists already',
    caseIdExists: 'a case with the id {id} exists already',
    actorIdExists: 'an actor with the id {id} exists already',
    invalidTransition: 'cannot {action} a record whose status is {status}',
    revisionNotRestorable: 'revision {revision} cannot be restored',
    staleVersionBy:
      '{id} was changed by {who} on {when} after you opened it (your copy is version {expected}, the record is now version {current}); reload it and apply your changes again',
    staleVersionVia:
      '{id} was changed by the {who} process on {when} after you opened it (your copy is version {expected}, the record is now version {current}); reload it and apply your changes again',
    staleVersion:
      '{id} was changed by someone else after you opened it (your copy is version {expected}, the record is now version {current}); reload it and apply your changes again',
  },
  ru: {
    unknownCategory: 'неизвестная категория «{code}»',
    notALegalSubject: '«{code}» — не предмет судебного дела',
    legalCodeOnIncident: '«{code}» — правовая категория: она относится к делу, связанному с этим случаем',
    subjectOfOtherKind: '«{code}» относится к делам вида «{kind}», а не «{expected}»',
    subjectListedTwice: 'предмет указан дважды',
    categoryListedTwice: 'категория указана дважды',
    unknownArticle: 'неизвестная статья закона «{code}»',
    articleListedTwice: 'статья указана дважды',
    unknownRegion: 'неизвестный регион «{code}»',
    regionNotYet: 'региона «{code}» ещё не было на {date} (он существует с {from})',
    regionEnded: 'региона «{code}» уже не было на {date} (он упразднён {to})',
    countedBeforeDate: 'случай не может учитываться в месяце раньше своей даты',
    victimListedTwice: 'этот пострадавший указан дважды',
    perpetratorListedTwice: 'этот нарушитель указан дважды',
    partyListedTwice: 'эта сторона указана дважды в одной роли',
    caseNeedsEvent: 'у дела должно быть хотя бы одно событие с датой',
    noCase: 'дела {id} нет',
    noIncident: 'случая {id} нет',
    noActor: 'записи {id} нет',
    linkToItself: 'случай не может ссылаться сам на себя',
    incidentIdExists: 'случай с идентификатором {id} уже есть',
    caseIdExists: 'дело с идентификатором {id} уже есть',
    actorIdExists: 'запись с идентификатором {id} уже есть',
    invalidTransition: 'это действие ({action}) невозможно для записи в статусе {status}',
    revisionNotRestorable: 'версию {revision} нельзя восстановить',
    staleVersionBy:
      '{id}: запись изменил(а) {who} {when}, после того как вы её открыли (у вас версия {expected}, сейчас версия {current}); откройте её заново и внесите свои изменения ещё раз',
    staleVersionVia:
      '{id}: запись изменена процессом {who} {when}, после того как вы её открыли (у вас версия {expected}, сейчас версия {current}); откройте её заново и внесите свои изменения ещё раз',
    staleVersion:
      '{id}: запись изменил кто-то другой, после того как вы её открыли (у вас версия {expected}, сейчас версия {current}); откройте её заново и внесите свои изменения ещё раз',
  },
  kk: {
    unknownCategory: 'белгісіз санат «{code}»',
    notALegalSubject: '«{code}» сот ісінің нысанасы емес',
    legalCodeOnIncident: '«{code}» — құқықтық санат: ол осы оқиғаға байланысты іске жатады',
    subjectOfOtherKind: '«{code}» «{kind}» істеріне жатады, «{expected}» істеріне емес',
    subjectListedTwice: 'нысана екі рет көрсетілген',
    categoryListedTwice: 'санат екі рет көрсетілген',
    unknownArticle: 'заңның белгісіз бабы «{code}»',
    articleListedTwice: 'бап екі рет көрсетілген',
    unknownRegion: 'белгісіз өңір «{code}»',
    regionNotYet: '«{code}» өңірі {date} күні әлі болмаған (ол {from} бастап бар)',
    regionEnded: '«{code}» өңірі {date} күні енді болмаған (ол {to} таратылған)',
    countedBeforeDate: 'оқиға өз күнінен бұрынғы айда есепке алына алмайды',
    victimListedTwice: 'бұл зардап шегуші екі рет көрсетілген',
    perpetratorListedTwice: 'бұл құқық бұзушы екі рет көрсетілген',
    partyListedTwice: 'бұл тарап бір рөлде екі рет көрсетілген',
    caseNeedsEvent: 'істің кемінде бір күні көрсетілген оқиғасы болуы керек',
    noCase: '{id} ісі жоқ',
    noIncident: '{id} оқиғасы жоқ',
    noActor: '{id} жазбасы жоқ',
    linkToItself: 'оқиға өзіне-өзі сілтеме жасай алмайды',
    incidentIdExists: '{id} идентификаторы бар оқиға бұрыннан бар',
    caseIdExists: '{id} идентификаторы бар іс бұрыннан бар',
    actorIdExists: '{id} идентификаторы бар жазба бұрыннан бар',
    invalidTransition: 'бұл әрекет ({action}) {status} мәртебесіндегі жазбаға мүмкін емес',
    revisionNotRestorable: '{revision} нұсқасын қалпына келтіру мүмкін емес',
    staleVersionBy:
      '{id}: сіз ашқаннан кейін жазбаны {who} {when} өзгертті (сізде {expected} нұсқа, қазір {current} нұсқа); оны қайта ашып, өзгерістеріңізді қайта енгізіңіз',
    staleVersionVia:
      '{id}: сіз ашқаннан кейін жазба {who} процесімен {when} өзгертілді (сізде {expected} нұсқа, қазір {current} нұсқа); оны қайта ашып, өзгерістеріңізді қайта енгізіңіз',
    staleVersion:
      '{id}: сіз ашқаннан кейін жазбаны басқа біреу өзгертті (сізде {expected} нұсқа, қазір {current} нұсқа); оны қайта ашып, өзгерістеріңізді қайта енгізіңіз',
  },
});

export type ErrorKey = keyof (typeof errorMessages)['en'];
export type ErrorParams = Record<string, string | number>;

/** The text of a refusal in one language. */
export function errorText(lang: Lang, key: ErrorKey, params: ErrorParams = {}): string {
  return interpolate(errorMessages[lang][key], params);
}
