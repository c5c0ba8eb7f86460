import { defineMessages } from '../../i18n/define.ts';

export const mirrorMessages = defineMessages({
  en: {
    title: 'Copy of the site',
    intro: 'A static copy of the public site, to read from a folder or any host. Choose a language:',
    checksums: 'SHA-256 checksums of every file',
  },
  ru: {
    title: 'Копия сайта',
    intro:
      'Статическая копия публичного сайта: её можно открыть из папки или с любого хостинга. Выберите язык:',
    checksums: 'Контрольные суммы SHA-256 всех файлов',
  },
  kk: {
    title: 'Сайттың көшірмесі',
    intro:
      'Ашық сайттың статикалық көшірмесі: оны қалтадан немесе кез келген хостингтен ашуға болады. Тілді таңдаңыз:',
    checksums: 'Барлық файлдың SHA-256 бақылау қосындылары',
  },
});
