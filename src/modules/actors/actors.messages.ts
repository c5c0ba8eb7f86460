import { defineMessages } from '../../i18n/define.ts';
import type { Lang } from '../../i18n/langs.ts';
import type { ActorKind } from './actors.schemas.ts';

/**
 * Every actor kind in every language, the one wording of each kind for the public side and the
 * editor alike (the editor uses it in running text through `actorKindInSentence`). A kind without
 * a label fails the type check.
 */
export const actorKindLabels: Record<Lang, Record<ActorKind, string>> = {
  en: {
    journalist: 'Journalist',
    editor: 'Editor',
    camera_operator: 'Camera operator',
    blogger: 'Blogger',
    activist: 'Activist',
    lawyer: 'Lawyer',
    citizen: 'Citizen',
    official: 'Official',
    media_outlet: 'Media outlet',
    online_channel: 'Online channel or page',
    ngo: 'NGO',
    police: 'Police',
    prosecutor: 'Prosecutor’s office',
    court: 'Court',
    national_security: 'National security committee',
    local_executive: 'Akimat (local executive)',
    ministry: 'Ministry',
    election_commission: 'Election commission',
    other_state_body: 'Other state body',
    company: 'Company',
    security_guard: 'Security guard',
    private_person: 'Private person',
    platform: 'Online platform',
    foreign_state: 'Foreign state',
    unknown: 'Unknown',
  },
  ru: {
    journalist: 'Журналист',
    editor: 'Редактор',
    camera_operator: 'Оператор',
    blogger: 'Блогер',
    activist: 'Активист',
    lawyer: 'Юрист',
    citizen: 'Гражданин',
    official: 'Должностное лицо',
    media_outlet: 'СМИ',
    online_channel: 'Онлайн-канал или страница',
    ngo: 'НПО',
    police: 'Полиция',
    prosecutor: 'Прокуратура',
    court: 'Суд',
    national_security: 'КНБ',
    local_executive: 'Акимат',
    ministry: 'Министерство',
    election_commission: 'Избирательная комиссия',
    other_state_body: 'Другой госорган',
    company: 'Компания',
    security_guard: 'Охрана',
    private_person: 'Частное лицо',
    platform: 'Онлайн-платформа',
    foreign_state: 'Иностранное государство',
    unknown: 'Неизвестно',
  },
  kk: {
    journalist: 'Журналист',
    editor: 'Редактор',
    camera_operator: 'Оператор',
    blogger: 'Блогер',
    activist: 'Белсенді',
    lawyer: 'Заңгер',
    citizen: 'Азамат',
    official: 'Лауазымды тұлға',
    media_outlet: 'БАҚ',
    online_channel: 'Онлайн-арна немесе парақша',
    ngo: 'ҮЕҰ',
    police: 'Полиция',
    prosecutor: 'Прокуратура',
    court: 'Сот',
    national_security: 'ҰҚК',
    local_executive: 'Әкімдік',
    ministry: 'Министрлік',
    election_commission: 'Сайлау комиссиясы',
    other_state_body: 'Басқа мемлекеттік орган',
    company: 'Компания',
    security_guard: 'Күзет',
    private_person: 'Жеке тұлға',
    platform: 'Онлайн-платформа',
    foreign_state: 'Шет мемлекет',
    unknown: 'Белгісіз',
  },
};

/**
 * The label inside a sentence ("media outlet, defendant"): the first letter lowered unless the
 * label is an acronym (NGO, КНБ, БАҚ).
 */
export function actorKindInSentence(lang: Lang, kind: ActorKind): string {
  const label = actorKindLabels[lang][kind];
  const second = label.charAt(1);
  return second !== '' &&
    second === second.toLocaleLowerCase(lang) &&
    second !== second.toLocaleUpperCase(lang)
    ? label.charAt(0).toLocaleLowerCase(lang) + label.slice(1)
    : label;
}

export const actorMessages = defineMessages({
  en: {
    actors: 'People and organizations',
    actor: 'Person or organization',
    name: 'Name',
    kind: 'Kind',
    namesByLanguage: 'Name in each language',
    variants: 'Other spellings',
    variantsHint: 'Spellings seen in reports, one per line (Kaydarova, Кайдарова).',
    description: 'Description',
    suggestions: 'Existing people and organizations with a similar name',
    noSuggestions: 'No similar name yet; a new entry will be created.',
    merge: 'Merge into another entry',
    mergeHint: 'Every report and case moves to the entry you keep. The merge can be undone.',
    mergedInto: 'Merged into {name}',
    mergedFrom: 'Merged entries',
    split: 'Undo the merge',
    usage: 'Appears in {incidents} reports and {cases} cases',
    notPublic: 'Not shown to the public: named in nothing public.',
  },
  ru: {
    actors: 'Люди и организации',
    actor: 'Человек или организация',
    name: 'Имя или название',
    kind: 'Тип',
    namesByLanguage: 'Имя на каждом языке',
    variants: 'Другие написания',
    variantsHint: 'Написания из сообщений, по одному в строке (Kaydarova, Кайдарова).',
    description: 'Описание',
    suggestions: 'Похожие люди и организации в базе',
    noSuggestions: 'Похожих имён пока нет; будет создана новая запись.',
    merge: 'Объединить с другой записью',
    mergeHint: 'Все сообщения и дела перейдут к записи, которую вы оставляете. Объединение можно отменить.',
    mergedInto: 'Объединено с записью «{name}»',
    mergedFrom: 'Объединённые записи',
    split: 'Отменить объединение',
    usage: 'Упоминается в сообщениях: {incidents}, в делах: {cases}',
    notPublic: 'Не показывается публике: нигде публично не названо.',
  },
  kk: {
    actors: 'Адамдар мен ұйымдар',
    actor: 'Адам немесе ұйым',
    name: 'Аты немесе атауы',
    kind: 'Түрі',
    namesByLanguage: 'Әр тілдегі аты',
    variants: 'Басқа жазылу нұсқалары',
    variantsHint: 'Хабарлардағы жазылу нұсқалары, әр жолға біреуден (Kaydarova, Кайдарова).',
    description: 'Сипаттама',
    suggestions: 'Базадағы ұқсас адамдар мен ұйымдар',
    noSuggestions: 'Ұқсас есім әзірге жоқ; жаңа жазба жасалады.',
    merge: 'Басқа жазбамен біріктіру',
    mergeHint: 'Барлық хабарлар мен істер сіз қалдыратын жазбаға ауысады. Біріктіруді болдырмауға болады.',
    mergedInto: '«{name}» жазбасымен біріктірілді',
    mergedFrom: 'Біріктірілген жазбалар',
    split: 'Біріктіруді болдырмау',
    usage: 'Хабарларда: {incidents}, істерде: {cases}',
    notPublic: 'Жұртшылыққа көрсетілмейді: еш жерде жария аталмаған.',
  },
});
