import { defineMessages } from '../i18n/define.ts';

/** Labels of the workflow's statuses and actions, for lists, badges and the buttons of record pages. */
export const workflowMessages = defineMessages({
  en: {
    status_draft: 'Draft',
    status_in_review: 'In review',
    status_published: 'Published',
    status_archived: 'Archived',
    action_submit: 'Submit for review',
    action_withdraw: 'Withdraw from review',
    action_return: 'Return for changes',
    action_publish: 'Publish',
    action_unpublish: 'Unpublish',
    action_archive: 'Archive',
    action_restore: 'Restore as draft',
  },
  ru: {
    status_draft: 'Черновик',
    status_in_review: 'На проверке',
    status_published: 'Опубликовано',
    status_archived: 'В архиве',
    action_submit: 'Отправить на проверку',
    action_withdraw: 'Отозвать с проверки',
    action_return: 'Вернуть на доработку',
    action_publish: 'Опубликовать',
    action_unpublish: 'Снять с публикации',
    action_archive: 'Перенести в архив',
    action_restore: 'Восстановить как черновик',
  },
  kk: {
    status_draft: 'Жоба',
    status_in_review: 'Тексеруде',
    status_published: 'Жарияланған',
    status_archived: 'Мұрағатта',
    action_submit: 'Тексеруге жіберу',
    action_withdraw: 'Тексеруден кері алу',
    action_return: 'Пысықтауға қайтару',
    action_publish: 'Жариялау',
    action_unpublish: 'Жариялаудан алу',
    action_archive: 'Мұрағатқа жіберу',
    action_restore: 'Жоба ретінде қалпына келтіру',
  },
});
