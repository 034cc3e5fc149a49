/** Tab bars of the staff-voice and store economics sections (src/web/shell/staffPages.tsx), English; ru/fa beside. */
export const staffPagesEn = {
  'sv.nav.sections': 'Staff voice sections',
  'sv.nav.results': 'Results',
  'sv.nav.perception': 'Perception gap',
  'sv.nav.focus': 'Focus groups',
  'st.nav.sections': 'Store sections',
  'st.nav.funnel': 'Funnel',
  'st.nav.loyalty': 'Loyalty',
  'st.nav.referrals': 'Referrals',
  'st.nav.imports': 'Imports',
};
