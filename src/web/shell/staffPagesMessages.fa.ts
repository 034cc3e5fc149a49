/** Persian of staffPagesMessages.ts. */
import type { Translation } from '../../core/i18n/messages.ts';
import type { staffPagesEn } from './staffPagesMessages.ts';

export const staffPagesFa: Translation<keyof typeof staffPagesEn> = {
  'sv.nav.sections': 'بخش‌های صدای کارکنان',
  'sv.nav.results': 'نتایج',
  'sv.nav.perception': 'شکاف ادراک',
  'sv.nav.focus': 'گروه‌های کانونی',
  'st.nav.sections': 'بخش‌های فروشگاه',
  'st.nav.funnel': 'قیف فروش',
  'st.nav.loyalty': 'وفاداری',
  'st.nav.referrals': 'معرفی‌ها',
  'st.nav.imports': 'ورود داده',
};
