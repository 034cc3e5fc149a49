/** Russian of staffPagesMessages.ts. */
import type { Translation } from '../../core/i18n/messages.ts';
import type { staffPagesEn } from './staffPagesMessages.ts';

export const staffPagesRu: Translation<keyof typeof staffPagesEn> = {
  'sv.nav.sections': 'Разделы голоса сотрудников',
  'sv.nav.results': 'Результаты',
  'sv.nav.perception': 'Разрыв восприятия',
  'sv.nav.focus': 'Фокус-группы',
  'st.nav.sections': 'Разделы магазинов',
  'st.nav.funnel': 'Воронка',
  'st.nav.loyalty': 'Лояльность',
  'st.nav.referrals': 'Рекомендации',
  'st.nav.imports': 'Импорт',
};
