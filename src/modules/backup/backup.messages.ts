import { defineMessages } from '../../i18n/define.ts';

export const backupMessages = defineMessages({
  en: {
    title: 'Backup',
    embeddedIntro:
      'Download a copy of the whole database without stopping the site. Keep it somewhere safe: it holds every record, including the confidential ones.',
    restoreHint: 'To restore it, stop the site and run: sozwatch restore FILE',
    download: 'Download a backup',
    postgresIntro:
      'The database is a PostgreSQL server. Back it up with "sozwatch backup" (pg_dump), which works while the site runs.',
  },
  ru: {
    title: 'Резервная копия',
    embeddedIntro:
      'Скачайте копию всей базы данных, не останавливая сайт. Храните её надёжно: в ней все записи, в том числе конфиденциальные.',
    restoreHint: 'Чтобы восстановить её, остановите сайт и выполните: sozwatch restore ФАЙЛ',
    download: 'Скачать резервную копию',
    postgresIntro:
      'База данных работает на сервере PostgreSQL. Сохраняйте её командой «sozwatch backup» (pg_dump): она работает, не останавливая сайт.',
  },
  kk: {
    title: 'Сақтық көшірме',
    embeddedIntro:
      'Сайтты тоқтатпай, бүкіл дерекқордың көшірмесін жүктеп алыңыз. Оны сенімді жерде сақтаңыз: онда барлық жазба, соның ішінде құпиялары да бар.',
    restoreHint: 'Қалпына келтіру үшін сайтты тоқтатып, мынаны орындаңыз: sozwatch restore ФАЙЛ',
    download: 'Сақтық көшірмені жүктеп алу',
    postgresIntro:
      'Дерекқор PostgreSQL серверінде жұмыс істейді. Оны «sozwatch backup» (pg_dump) командасымен сақтаңыз: ол сайтты тоқтатпай жұмыс істейді.',
  },
});
