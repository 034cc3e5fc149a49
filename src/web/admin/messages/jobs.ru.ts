/** Russian of jobs.ts (same keys as its English messages). */
import type { Translation } from '../../../core/i18n/messages.ts';
import type { jobsEn } from './jobs.ts';

export const jobsRu: Translation<keyof typeof jobsEn> = {
  'jobs.title': 'Фоновые задачи',
  'jobs.link': 'Фоновые задачи: неудавшиеся и их повторный запуск',
  'jobs.noAccess': 'Фоновые задачи видят только владельцы и администраторы с доступом ко всей организации.',
  'jobs.intro': 'Часть работы Сарафан выполняет в фоне, например пересчёт дашбордов. Задача, которая не удалась и после автоматических повторов, показана здесь, пока её не запустят снова.',
  'jobs.none': 'Неудавшихся задач нет',
  'jobs.noneHint': 'Все фоновые задачи вашей организации завершились или ещё повторяются автоматически.',
  'jobs.caption': '{n, plural, one {# неудавшаяся задача, сначала новые} few {# неудавшиеся задачи, сначала новые} many {# неудавшихся задач, сначала новые} other {# неудавшейся задачи, сначала новые}}',
  'jobs.kind': 'Задача',
  'jobs.failedAt': 'Не удалась',
  'jobs.attempts': 'Попыток',
  'jobs.error': 'Последняя ошибка',
  'jobs.actions': 'Действия',
  'jobs.noError': 'без сообщения',
  'jobs.retry': 'Запустить снова',
  'jobs.retryOne': 'Запустить снова: {kind}, не удалась {date}',
  'jobs.retrying': 'Запускаем…',
  'jobs.retried': 'Задача «{kind}» запустится снова через несколько секунд.',
  'jobs.kind.rebuild-org-rollups': 'Пересчёт дашбордов',
  'jobs.kind.fold-rollups': 'Добавление новых ответов в сводки дашбордов',
  'jobs.kind.sweep-rollups': 'Проверка незавершённой работы дашбордов',
  'jobs.kind.plan-invitation-wave': 'Подготовка волны приглашений',
  'jobs.kind.send-invitations': 'Отправка приглашений и напоминаний',
  'jobs.kind.webhook-event': 'Подготовка вебхуков для нового ответа',
  'jobs.kind.deliver-webhook': 'Отправка вебхука',
  'jobs.kind.analyse-comments': 'Анализ комментариев (тональность, темы)',
  'jobs.kind.train-text-model': 'Обучение модели тональности комментариев',
  'jobs.kind.sweep-comments': 'Проверка непроанализированных комментариев',
  'jobs.kind.import-support-events': 'Импорт событий обращений в поддержку',
};
