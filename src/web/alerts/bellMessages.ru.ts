/** Колокольчик уведомлений и пункт меню «Правила оповещений», по-русски. */
import type { Translation } from '../../core/i18n/messages.ts';
import type { bellEn } from './bellMessages.ts';

export const bellRu: Translation<keyof typeof bellEn> = {
  'nav.alerts': 'Правила оповещений',
  'bell.button': '{n, plural, =0 {Уведомления, непрочитанных нет} one {Уведомления, # непрочитанное} few {Уведомления, # непрочитанных} many {Уведомления, # непрочитанных} other {Уведомления, # непрочитанного}}',
  'bell.title': 'Уведомления',
  'bell.empty': 'Уведомлений пока нет. Здесь появятся оповещения и назначенные вам обращения.',
  'bell.markAll': 'Отметить все прочитанными',
  'bell.markRead': 'Отметить прочитанным',
  'bell.unread': 'Не прочитано',
  'bell.close': 'Закрыть',
  'bell.error': 'Не удалось загрузить уведомления: {message}',
  'bell.openCase': 'Открыть обращение № {number}',
  'bell.openResponse': 'Открыть ответ',
  'bell.alert.low_score': '{metric} {score}',
  'bell.alert.negative_review': 'Негативный отзыв',
  'bell.alert.comment_match': 'Найдено: {words}',
  'bell.alert.sla_breach': 'Обращение {ticket} вышло за SLA',
  'bell.alert.metric_drop': '{metric} снизился с {previous} до {current}',
  'bell.case_assigned': 'Обращение № {number} назначено вам: {title}',
  'bell.mention': 'Вас упомянули в обращении № {number}',
  'bell.escalated': 'Обращение № {number} передано вам по эскалации',
  'bell.reply_received': 'Клиент ответил в обращении № {number}',
  'bell.digest': 'Еженедельная сводка по обращениям',
};
