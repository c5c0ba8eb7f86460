import { defineMessages } from '../../i18n/define.ts';

export const portalMessages = defineMessages({
  en: {
    homeTitle: 'Violations of freedom of speech in {country}',
    homeIntro:
      'We record every reported violation of freedom of speech, follow each legal case against journalists and media for as long as it lasts, and publish the figures every month.',
    databaseHolds: 'What the database holds',
    incidentsPublished: 'published incidents',
    casesPublished: 'legal cases followed',
    actorsKnown: 'people and organizations',
    categoriesKnown: 'categories in the taxonomy',
    regionsKnown: 'regions and cities',
  },
  ru: {
    homeTitle: 'Нарушения свободы слова в стране: {country}',
    homeIntro:
      'Мы фиксируем каждое сообщение о нарушении свободы слова, следим за каждым судебным делом против журналистов и СМИ, сколько бы оно ни длилось, и ежемесячно публикуем цифры.',
    databaseHolds: 'Что содержит база данных',
    incidentsPublished: 'опубликованных сообщений',
    casesPublished: 'судебных дел',
    actorsKnown: 'людей и организаций',
    categoriesKnown: 'категорий классификатора',
    regionsKnown: 'регионов и городов',
  },
  kk: {
    homeTitle: 'Сөз бостандығын бұзу: {country}',
    homeIntro:
      'Біз сөз бостандығын бұзу туралы әрбір хабарды тіркейміз, журналистер мен БАҚ-қа қарсы әрбір сот ісін соңына дейін бақылаймыз және ай сайын деректерді жариялаймыз.',
    databaseHolds: 'Дерекқорда не бар',
    incidentsPublished: 'жарияланған хабар',
    casesPublished: 'сот ісі',
    actorsKnown: 'адам мен ұйым',
    categoriesKnown: 'жіктеуіш санаты',
    regionsKnown: 'өңір мен қала',
  },
});
