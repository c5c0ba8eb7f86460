import { defineMessages } from '../../i18n/define.ts';

export const chartMessages = defineMessages({
  en: {
    dataTable: 'Show the figures as a table',
    total: 'Total',
    noData: 'No records for this selection.',
    notOnMap: 'Not on today’s map',
  },
  ru: {
    dataTable: 'Показать цифры таблицей',
    total: 'Всего',
    noData: 'По этому выбору записей нет.',
    notOnMap: 'Нет на современной карте',
  },
  kk: {
    dataTable: 'Сандарды кесте түрінде көрсету',
    total: 'Барлығы',
    noData: 'Бұл таңдау бойынша жазба жоқ.',
    notOnMap: 'Қазіргі картада жоқ',
  },
});
