/**
 * The audit log page's own words in en, ru and fa: a catalogue of this chunk (the page is lazy), so none of it weighs
 * on the dashboard's first view. Action, group and actor names come from src/core/audit/names.ts, shared with the export.
 */
import { createCatalogue } from '../../core/i18n/catalogue.ts';
import { defineMessages } from '../../core/i18n/messages.ts';

const en = {
  title: 'Audit log',
  intro: 'Who did what and when in your organisation. Entries cannot be changed or deleted.',
  filters: 'Filters',
  from: 'From', to: 'To', actor: 'Who', anyActor: 'Anyone', action: 'Action', anyAction: 'All actions', group: '{name} (all)',
  apply: 'Apply', reset: 'Reset',
  when: 'When', who: 'Who', what: 'What', target: 'Object', details: 'Details', show: 'Show details',
  empty: 'No events match these filters.',
  more: 'Load more', loading: 'Loading…', failed: 'Could not load the log: {message}',
  exportCsv: 'Export CSV', exportXlsx: 'Export XLSX',
  shown: '{n, plural, one {# event shown} other {# events shown}}',
  ip: 'IP address', browser: 'Browser',
};

export const auditLogPageCatalogue = createCatalogue('audit log page', defineMessages({
  en,
  ru: {
    title: 'Журнал действий',
    intro: 'Кто, что и когда сделал в вашей организации. Записи нельзя изменить или удалить.',
    filters: 'Фильтры',
    from: 'С', to: 'По', actor: 'Кто', anyActor: 'Все', action: 'Действие', anyAction: 'Все действия', group: '{name} (все)',
    apply: 'Применить', reset: 'Сбросить',
    when: 'Когда', who: 'Кто', what: 'Что сделано', target: 'Объект', details: 'Подробности', show: 'Показать подробности',
    empty: 'Нет событий по этим фильтрам.',
    more: 'Показать ещё', loading: 'Загрузка…', failed: 'Не удалось загрузить журнал: {message}',
    exportCsv: 'Выгрузить CSV', exportXlsx: 'Выгрузить XLSX',
    shown: '{n, plural, one {Показано # событие} few {Показано # события} many {Показано # событий} other {Показано # события}}',
    ip: 'IP-адрес', browser: 'Браузер',
  },
  fa: {
    title: 'گزارش رویدادها',
    intro: 'چه کسی، چه کاری و چه زمانی در سازمان شما انجام داد. این ثبت‌ها تغییر یا حذف نمی‌شوند.',
    filters: 'پالایه‌ها',
    from: 'از', to: 'تا', actor: 'چه کسی', anyActor: 'همه', action: 'عمل', anyAction: 'همه عمل‌ها', group: '{name} (همه)',
    apply: 'اعمال', reset: 'بازنشانی',
    when: 'چه زمانی', who: 'چه کسی', what: 'چه کاری', target: 'مورد', details: 'جزئیات', show: 'نمایش جزئیات',
    empty: 'هیچ رویدادی با این پالایه‌ها یافت نشد.',
    more: 'نمایش بیشتر', loading: 'در حال بارگذاری…', failed: 'بارگذاری گزارش ممکن نشد: {message}',
    exportCsv: 'برون‌بری CSV', exportXlsx: 'برون‌بری XLSX',
    shown: '{n, plural, one {# رویداد نمایش داده شد} other {# رویداد نمایش داده شد}}',
    ip: 'نشانی IP', browser: 'مرورگر',
  },
}), { isolateRtlNumbers: true });

export type AuditLogPageKey = keyof typeof en;
