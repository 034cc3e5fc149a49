/**
 * What the `sarafan` command reports (results with counts, states) in the operator's language, on the
 * shared translation layer (src/core/i18n). The language comes from the locale environment
 * (LC_ALL, LC_MESSAGES, LANG: `ru_RU.UTF-8` -> ru); English otherwise. Option help, errors and the
 * `stats` calculator's tables stay English.
 */
import { createCatalogue, type MessageVars } from '../core/i18n/catalogue.ts';
import { defineMessages, type KeyOf } from '../core/i18n/messages.ts';
import { languageOr, type Language } from '../core/i18n/languages.ts';

const cliMessages = defineMessages({
  en: {
    'audit.heading': 'Audit of "{visit}" against the checklist "{checklist}"',
    'audit.visitScore': 'Visit score',
    'audit.scoreOf': '{score, number, ::percent .##} ({earned, number} of {possible, plural, one {# point} other {# points}})',
    'audit.nothingApplicable': 'no score (nothing applicable)',
    'audit.autofail': '0% (autofail; {earned, number} of {possible, plural, one {# point} other {# points}} earned)',
    'audit.failedCritical': 'Failed critical items: {items}',
    'audit.unanswered': '{count, plural, one {# item was not answered} other {# items were not answered}} (counted as N/A)',
    'audit.section': 'Section',
    'audit.standard': 'Standard',
    'audit.score': 'Score',
    'jobs.none': 'No {state} jobs.',
    'jobs.count': '{n, plural, one {# {state} job} other {# {state} jobs}}{newest, select, yes { (the newest)} other {}}:',
    'jobs.retryHint': 'Run one again with: npx sarafan jobs retry ID',
    'jobs.retried': 'Job {id} ({kind}) is queued again ({state}): a running server takes it within seconds, else the next start.',
    'migrate.done': 'Schema is up to date.',
    'demo.existsNewPassword': 'The demo already exists; its users have a new password.',
    'demo.exists': 'The demo already exists; nothing was added.',
    'demo.createdMeanwhile': 'The demo was created by another process meanwhile; nothing was added.',
    'demo.created':
      'Created "Sarafan Demo Retail": {responses, plural, one {# response} other {# responses}}, {answers, plural, one {# answer} other {# answers}}, ' +
      '{rollupRows, plural, one {# rollup row} other {# rollup rows}} in {seconds, number, ::.0} s.',
    'backup.done':
      'Backup written to {file}: {tables, plural, one {# table} other {# tables}}, {rows, plural, one {# row} other {# rows}}, {size}, ' +
      'schema at {migration}, in {seconds, number, ::.0} s.',
    'restore.done': 'Restored {rows, plural, one {# row} other {# rows}} in {tables, plural, one {# table} other {# tables}} from {file} in {seconds, number, ::.0} s.',
    'restore.migrated': 'Migrated the restored data through {migrations, plural, one {# newer migration} other {# newer migrations}}.',
    'rollups.org': 'org {org}: {scoreRows, plural, one {# score row} other {# score rows}}, {responseRows, plural, one {# response row} other {# response rows}} in {ms, number} ms',
    'rollups.done': 'Rebuilt rollups of {orgs, plural, one {# organisation} other {# organisations}}: {rows, plural, one {# row} other {# rows}} in {ms, number} ms',
    'rollups.settled': 'org {org}: its failed background rebuild is settled (dashboards read the rollups again)',
    'import.done':
      'Imported {file}: {rows, plural, one {# row} other {# rows}} read, {events, plural, one {# new event} other {# new events}}, ' +
      '{contacts, plural, one {# contact updated} other {# contacts updated}}, {refused, plural, =0 {no rows refused} one {# row refused} other {# rows refused}}, in {seconds, number, ::.0} s.',
    'importStore.done':
      'Imported {file} ({kind}): {rows, plural, one {# row} other {# rows}} read, {stored, plural, one {# row stored} other {# rows stored}}, ' +
      '{refused, plural, =0 {no rows refused} one {# row refused} other {# rows refused}}, in {seconds, number, ::.0} s.',
    'import.already': '{file} was imported already ({status}, {when}); nothing changed.',
    'import.refused':
      'Nothing was imported: {refused, plural, one {# row was refused} other {# rows were refused}}. ' +
      'Fix them, or import the rest with --skip-bad-rows.',
    'import.failed': 'Nothing was imported: {reason}',
    'text.trained':
      'Trained a {classes, number}-class model on {texts, plural, one {# text} other {# texts}} ({counts}) in {seconds, number, ::.0} s; ' +
      '{folds, number}-fold cross-validated accuracy {accuracy, number, ::percent .0}, macro-F1 {macroF1, number, ::.000}. Written to {file}.',
    'text.trainedUnmeasured':
      'Trained a {classes, number}-class model on {texts, plural, one {# text} other {# texts}} ({counts}) in {seconds, number, ::.0} s; ' +
      'too few texts per label for cross-validation (at least {min, number} each). Written to {file}.',
    'kpi.heading': 'Support KPIs of {file}',
    'kpi.businessHours': 'Times in business hours: {calendar}',
    'kpi.contacts': 'Contacts',
    'kpi.solved': 'Solved at least once',
    'kpi.firstResponse': 'First response (median / p90 / mean)',
    'kpi.firstResolution': 'First resolution (median / p90 / mean)',
    'kpi.fullResolution': 'Full resolution (median / p90 / mean)',
    'kpi.reopenRate': 'Reopen rate',
    'kpi.oneTouchRate': 'One-touch resolution',
    'kpi.repeatRate': 'Repeat contacts within {window}',
    'kpi.complaints': 'Complaints',
    'kpi.sla': 'SLA attainment, priority {priority} ({met, number} of {judged, number})',
    'kpi.group': '{by, select, team {Team} agent {Agent} channel {Channel} location {Location} category {Category} priority {Priority} other {Month}}',
    'kpi.frtMedian': 'First response, median',
    'kpi.resolutionMedian': 'Full resolution, median',
    'kpi.hours': '{hours, number, ::.0} h',
    'kpi.percent': '{rate, number, ::percent .0}',
    'kpi.days': '{days, plural, one {# day} other {# days}}',
    'kpi.windowHours': '{hours, plural, one {# hour} other {# hours}}',
    'kpi.badRows': '{count, plural, one {# row was refused} other {# rows were refused}}; the first:',
    'loyalty.heading': 'Loyalty economics of {file} (by {period, select, day {day} week {ISO week} month {month} quarter {quarter} other {year}})',
    'loyalty.customers': 'Customers',
    'loyalty.transactions': 'Transactions',
    'loyalty.revenue': 'Revenue',
    'loyalty.revenuePerCustomer': 'Revenue per customer',
    'loyalty.top20': 'Revenue share of the top 20% of customers',
    'loyalty.repeat': 'Customers who bought on two or more days',
    'loyalty.none': 'none',
    'loyalty.number': '{value, number, ::.##}',
    'loyalty.percent': '{rate, number, ::percent .0}',
    'loyalty.retention': 'Retention: customers of a period who buy again in the next one',
    'loyalty.period': 'Period',
    'loyalty.active': 'Active',
    'loyalty.retained': 'Retained',
    'loyalty.rate': 'Rate',
    'loyalty.noRetention': 'No period has a next one with data: retention needs purchases in at least two periods.',
    'loyalty.skipped': '{count, plural, one {# row was left out} other {# rows were left out}}; the first:',
  },
  ru: {
    'audit.heading': 'Аудит «{visit}» по чек-листу «{checklist}»',
    'audit.visitScore': 'Оценка визита',
    'audit.scoreOf': '{score, number, ::percent .##} ({earned, number} из {possible, plural, one {# балла} few {# баллов} many {# баллов} other {# балла}})',
    'audit.nothingApplicable': 'нет оценки (ничего не применимо)',
    'audit.autofail': '0% (автопровал; набрано {earned, number} из {possible, plural, one {# балла} few {# баллов} many {# баллов} other {# балла}})',
    'audit.failedCritical': 'Проваленные критичные пункты: {items}',
    'audit.unanswered': '{count, plural, one {# пункт без ответа} few {# пункта без ответа} many {# пунктов без ответа} other {# пункта без ответа}} (считаются неприменимыми)',
    'audit.section': 'Раздел',
    'audit.standard': 'Стандарт',
    'audit.score': 'Оценка',
    'jobs.none': 'Заданий в состоянии {state} нет.',
    'jobs.count': '{n, plural, one {# задание} few {# задания} many {# заданий} other {# задания}} в состоянии {state}{newest, select, yes { (самые новые)} other {}}:',
    'jobs.retryHint': 'Запустить одно из них снова: npx sarafan jobs retry ID',
    'jobs.retried': 'Задание {id} ({kind}) снова в очереди ({state}): работающий сервер возьмёт его в течение нескольких секунд, иначе — при следующем запуске.',
    'migrate.done': 'Схема базы данных актуальна.',
    'demo.existsNewPassword': 'Демо уже есть; у его пользователей новый пароль.',
    'demo.exists': 'Демо уже есть; ничего не добавлено.',
    'demo.createdMeanwhile': 'Демо тем временем создал другой процесс; ничего не добавлено.',
    'demo.created':
      'Создана организация «Sarafan Demo Retail»: {responses, plural, one {# ответ} few {# ответа} many {# ответов} other {# ответа}}, ' +
      '{answers, plural, one {# ответ на вопрос} few {# ответа на вопросы} many {# ответов на вопросы} other {# ответа на вопросы}}, ' +
      '{rollupRows, plural, one {# строка сводок} few {# строки сводок} many {# строк сводок} other {# строки сводок}} за {seconds, number, ::.0} с.',
    'backup.done':
      'Резервная копия записана в {file}: {tables, plural, one {# таблица} few {# таблицы} many {# таблиц} other {# таблицы}}, ' +
      '{rows, plural, one {# строка} few {# строки} many {# строк} other {# строки}}, {size}, схема на уровне {migration}, за {seconds, number, ::.0} с.',
    'restore.done':
      'Восстановлено из {file}: {rows, plural, one {# строка} few {# строки} many {# строк} other {# строки}} ' +
      'в {tables, plural, one {# таблице} few {# таблицах} many {# таблицах} other {# таблицах}}, за {seconds, number, ::.0} с.',
    'restore.migrated': 'Восстановленные данные обновлены: {migrations, plural, one {# новая миграция} few {# новые миграции} many {# новых миграций} other {# новой миграции}}.',
    'rollups.org':
      'организация {org}: {scoreRows, plural, one {# строка оценок} few {# строки оценок} many {# строк оценок} other {# строки оценок}}, ' +
      '{responseRows, plural, one {# строка ответов} few {# строки ответов} many {# строк ответов} other {# строки ответов}} за {ms, number} мс',
    'rollups.done':
      'Сводки пересчитаны для {orgs, plural, one {# организации} few {# организаций} many {# организаций} other {# организации}}: ' +
      '{rows, plural, one {# строка} few {# строки} many {# строк} other {# строки}} за {ms, number} мс',
    'rollups.settled': 'организация {org}: неудавшийся фоновый пересчёт закрыт (дашборды снова читают сводки)',
    'import.done':
      'Импортирован {file}: прочитано {rows, plural, one {# строка} few {# строки} many {# строк} other {# строки}}, ' +
      '{events, plural, one {# новое событие} few {# новых события} many {# новых событий} other {# нового события}}, ' +
      '{contacts, plural, one {# обращение обновлено} few {# обращения обновлены} many {# обращений обновлено} other {# обращения обновлено}}, ' +
      '{refused, plural, =0 {отклонённых строк нет} one {# строка отклонена} few {# строки отклонены} many {# строк отклонено} other {# строки отклонено}}, за {seconds, number, ::.0} с.',
    'importStore.done':
      'Импортирован {file} ({kind}): прочитано {rows, plural, one {# строка} few {# строки} many {# строк} other {# строки}}, ' +
      'сохранено {stored, plural, one {# строка} few {# строки} many {# строк} other {# строки}}, ' +
      '{refused, plural, =0 {отклонённых строк нет} one {# строка отклонена} few {# строки отклонены} many {# строк отклонено} other {# строки отклонено}}, за {seconds, number, ::.0} с.',
    'import.already': '{file} уже импортирован ({status}, {when}); ничего не изменилось.',
    'import.refused':
      'Ничего не импортировано: {refused, plural, one {# строка отклонена} few {# строки отклонены} many {# строк отклонено} other {# строки отклонено}}. ' +
      'Исправьте их или импортируйте остальное с --skip-bad-rows.',
    'import.failed': 'Ничего не импортировано: {reason}',
    'text.trained':
      'Обучена модель на {classes, number} класса по {texts, plural, one {# тексту} few {# текстам} many {# текстам} other {# текста}} ({counts}) за {seconds, number, ::.0} с; ' +
      'точность при {folds, number}-кратной перекрёстной проверке {accuracy, number, ::percent .0}, macro-F1 {macroF1, number, ::.000}. Записана в {file}.',
    'text.trainedUnmeasured':
      'Обучена модель на {classes, number} класса по {texts, plural, one {# тексту} few {# текстам} many {# текстам} other {# текста}} ({counts}) за {seconds, number, ::.0} с; ' +
      'для перекрёстной проверки мало текстов каждой метки (нужно не меньше {min, number}). Записана в {file}.',
    'kpi.heading': 'Показатели поддержки по файлу {file}',
    'kpi.businessHours': 'Время в рабочие часы: {calendar}',
    'kpi.contacts': 'Обращения',
    'kpi.solved': 'Решены хотя бы раз',
    'kpi.firstResponse': 'Первый ответ (медиана / p90 / среднее)',
    'kpi.firstResolution': 'Первое решение (медиана / p90 / среднее)',
    'kpi.fullResolution': 'Полное решение (медиана / p90 / среднее)',
    'kpi.reopenRate': 'Доля переоткрытых',
    'kpi.oneTouchRate': 'Решены с одного ответа',
    'kpi.repeatRate': 'Повторные обращения в течение {window}',
    'kpi.complaints': 'Жалобы',
    'kpi.sla': 'Соблюдение SLA, приоритет {priority} ({met, number} из {judged, number})',
    'kpi.group': '{by, select, team {Группа} agent {Сотрудник} channel {Канал} location {Точка} category {Категория} priority {Приоритет} other {Месяц}}',
    'kpi.frtMedian': 'Первый ответ, медиана',
    'kpi.resolutionMedian': 'Полное решение, медиана',
    'kpi.hours': '{hours, number, ::.0} ч',
    'kpi.percent': '{rate, number, ::percent .0}',
    'kpi.days': '{days, plural, one {# дня} few {# дней} many {# дней} other {# дня}}',
    'kpi.windowHours': '{hours, plural, one {# часа} few {# часов} many {# часов} other {# часа}}',
    'kpi.badRows': '{count, plural, one {# строка отклонена} few {# строки отклонены} many {# строк отклонено} other {# строки отклонено}}; первые:',
    'loyalty.heading': 'Экономика лояльности по файлу {file} (по {period, select, day {дням} week {неделям ISO} month {месяцам} quarter {кварталам} other {годам}})',
    'loyalty.customers': 'Клиенты',
    'loyalty.transactions': 'Покупки',
    'loyalty.revenue': 'Выручка',
    'loyalty.revenuePerCustomer': 'Выручка на клиента',
    'loyalty.top20': 'Доля выручки от 20% лучших клиентов',
    'loyalty.repeat': 'Клиенты, купившие в два дня и более',
    'loyalty.none': 'нет',
    'loyalty.number': '{value, number, ::.##}',
    'loyalty.percent': '{rate, number, ::percent .0}',
    'loyalty.retention': 'Удержание: клиенты периода, купившие снова в следующем',
    'loyalty.period': 'Период',
    'loyalty.active': 'Активные',
    'loyalty.retained': 'Удержаны',
    'loyalty.rate': 'Доля',
    'loyalty.noRetention': 'Ни у одного периода нет следующего с данными: для удержания нужны покупки хотя бы в двух периодах.',
    'loyalty.skipped': '{count, plural, one {# строка пропущена} few {# строки пропущены} many {# строк пропущено} other {# строки пропущено}}; первые:',
  },
  fa: {
    'audit.heading': 'ممیزی «{visit}» با چک‌لیست «{checklist}»',
    'audit.visitScore': 'امتیاز بازدید',
    'audit.scoreOf': '{score, number, ::percent .##} ({earned, number} از {possible, plural, one {# امتیاز} other {# امتیاز}})',
    'audit.nothingApplicable': 'بدون امتیاز (هیچ موردی قابل اعمال نیست)',
    'audit.autofail': '۰٪ (رد خودکار؛ {earned, number} از {possible, plural, one {# امتیاز} other {# امتیاز}} کسب شد)',
    'audit.failedCritical': 'موارد حیاتیِ ردشده: {items}',
    'audit.unanswered': '{count, plural, one {# مورد بی‌پاسخ ماند} other {# مورد بی‌پاسخ ماند}} (غیرقابل اعمال شمرده شد)',
    'audit.section': 'بخش',
    'audit.standard': 'استاندارد',
    'audit.score': 'امتیاز',
    'jobs.none': 'کاری در وضعیت {state} نیست.',
    'jobs.count': '{n, plural, one {# کار} other {# کار}} در وضعیت {state}{newest, select, yes { (تازه‌ترین‌ها)} other {}}:',
    'jobs.retryHint': 'اجرای دوبارهٔ یکی از آن‌ها: npx sarafan jobs retry ID',
    'jobs.retried': 'کار {id} ({kind}) دوباره در صف است ({state}): سرور در حال اجرا ظرف چند ثانیه آن را برمی‌دارد، وگرنه در راه‌اندازی بعدی.',
    'migrate.done': 'طرح پایگاه داده به‌روز است.',
    'demo.existsNewPassword': 'نسخهٔ نمایشی از قبل وجود دارد؛ کاربرانش گذرواژهٔ تازه دارند.',
    'demo.exists': 'نسخهٔ نمایشی از قبل وجود دارد؛ چیزی افزوده نشد.',
    'demo.createdMeanwhile': 'در این فاصله فرایند دیگری نسخهٔ نمایشی را ساخت؛ چیزی افزوده نشد.',
    'demo.created':
      '«Sarafan Demo Retail» ساخته شد: {responses, plural, one {# پاسخ‌نامه} other {# پاسخ‌نامه}}، {answers, plural, one {# پاسخ} other {# پاسخ}}، ' +
      '{rollupRows, plural, one {# ردیف خلاصه} other {# ردیف خلاصه}} در {seconds, number, ::.0} ثانیه.',
    'backup.done':
      'نسخهٔ پشتیبان در {file} نوشته شد: {tables, plural, one {# جدول} other {# جدول}}، {rows, plural, one {# ردیف} other {# ردیف}}، {size}، ' +
      'طرح در سطح {migration}، در {seconds, number, ::.0} ثانیه.',
    'restore.done': '{rows, plural, one {# ردیف} other {# ردیف}} در {tables, plural, one {# جدول} other {# جدول}} از {file} در {seconds, number, ::.0} ثانیه بازیابی شد.',
    'restore.migrated': 'داده‌های بازیابی‌شده با {migrations, plural, one {# مهاجرت تازه‌تر} other {# مهاجرت تازه‌تر}} به‌روز شد.',
    'rollups.org': 'سازمان {org}: {scoreRows, plural, one {# ردیف امتیاز} other {# ردیف امتیاز}}، {responseRows, plural, one {# ردیف پاسخ} other {# ردیف پاسخ}} در {ms, number} میلی‌ثانیه',
    'rollups.done': 'خلاصه‌های {orgs, plural, one {# سازمان} other {# سازمان}} دوباره ساخته شد: {rows, plural, one {# ردیف} other {# ردیف}} در {ms, number} میلی‌ثانیه',
    'rollups.settled': 'سازمان {org}: بازسازی ناموفق پس‌زمینه بسته شد (داشبوردها دوباره از خلاصه‌ها می‌خوانند)',
    'import.done':
      '{file} درون‌ریزی شد: {rows, plural, one {# ردیف} other {# ردیف}} خوانده شد، {events, plural, one {# رویداد تازه} other {# رویداد تازه}}، ' +
      '{contacts, plural, one {# تماس به‌روز شد} other {# تماس به‌روز شد}}، {refused, plural, =0 {هیچ ردیفی رد نشد} one {# ردیف رد شد} other {# ردیف رد شد}}، در {seconds, number, ::.0} ثانیه.',
    'importStore.done':
      '{file} ({kind}) درون‌ریزی شد: {rows, plural, one {# ردیف} other {# ردیف}} خوانده شد، {stored, plural, one {# ردیف ذخیره شد} other {# ردیف ذخیره شد}}، ' +
      '{refused, plural, =0 {هیچ ردیفی رد نشد} one {# ردیف رد شد} other {# ردیف رد شد}}، در {seconds, number, ::.0} ثانیه.',
    'import.already': '{file} پیش‌تر درون‌ریزی شده است ({status}، {when})؛ چیزی تغییر نکرد.',
    'import.refused':
      'چیزی درون‌ریزی نشد: {refused, plural, one {# ردیف رد شد} other {# ردیف رد شد}}. ' +
      'آن‌ها را درست کنید یا بقیه را با --skip-bad-rows درون‌ریزی کنید.',
    'import.failed': 'چیزی درون‌ریزی نشد: {reason}',
    'text.trained':
      'مدل {classes, number}کلاسه با {texts, plural, one {# متن} other {# متن}} ({counts}) در {seconds, number, ::.0} ثانیه آموزش دید؛ ' +
      'دقت در اعتبارسنجی متقابل {folds, number}بخشی {accuracy, number, ::percent .0}، macro-F1 {macroF1, number, ::.000}. در {file} نوشته شد.',
    'text.trainedUnmeasured':
      'مدل {classes, number}کلاسه با {texts, plural, one {# متن} other {# متن}} ({counts}) در {seconds, number, ::.0} ثانیه آموزش دید؛ ' +
      'برای اعتبارسنجی متقابل، متن‌های هر برچسب کم است (دست‌کم {min, number} لازم است). در {file} نوشته شد.',
    'kpi.heading': 'شاخص‌های پشتیبانی فایل {file}',
    'kpi.businessHours': 'زمان‌ها در ساعات کاری: {calendar}',
    'kpi.contacts': 'مراجعه‌ها',
    'kpi.solved': 'دست‌کم یک بار حل‌شده',
    'kpi.firstResponse': 'نخستین پاسخ (میانه / p90 / میانگین)',
    'kpi.firstResolution': 'نخستین حل (میانه / p90 / میانگین)',
    'kpi.fullResolution': 'حل کامل (میانه / p90 / میانگین)',
    'kpi.reopenRate': 'نرخ بازگشایی دوباره',
    'kpi.oneTouchRate': 'حل با یک پاسخ',
    'kpi.repeatRate': 'مراجعهٔ دوباره در {window}',
    'kpi.complaints': 'شکایت‌ها',
    'kpi.sla': 'رعایت SLA، اولویت {priority} ({met, number} از {judged, number})',
    'kpi.group': '{by, select, team {گروه} agent {کارشناس} channel {کانال} location {شعبه} category {دسته} priority {اولویت} other {ماه}}',
    'kpi.frtMedian': 'نخستین پاسخ، میانه',
    'kpi.resolutionMedian': 'حل کامل، میانه',
    'kpi.hours': '{hours, number, ::.0} ساعت',
    'kpi.percent': '{rate, number, ::percent .0}',
    'kpi.days': '{days, plural, one {# روز} other {# روز}}',
    'kpi.windowHours': '{hours, plural, one {# ساعت} other {# ساعت}}',
    'kpi.badRows': '{count, plural, one {# ردیف رد شد} other {# ردیف رد شد}}؛ نخستین‌ها:',
    'loyalty.heading': 'اقتصاد وفاداری فایل {file} (بر پایهٔ {period, select, day {روز} week {هفتهٔ ISO} month {ماه} quarter {فصل} other {سال}})',
    'loyalty.customers': 'مشتریان',
    'loyalty.transactions': 'خریدها',
    'loyalty.revenue': 'درآمد',
    'loyalty.revenuePerCustomer': 'درآمد به ازای هر مشتری',
    'loyalty.top20': 'سهم درآمد ۲۰٪ برتر مشتریان',
    'loyalty.repeat': 'مشتریانی که در دو روز یا بیشتر خرید کرده‌اند',
    'loyalty.none': 'ندارد',
    'loyalty.number': '{value, number, ::.##}',
    'loyalty.percent': '{rate, number, ::percent .0}',
    'loyalty.retention': 'ماندگاری: مشتریان یک دوره که در دورهٔ بعد دوباره خرید می‌کنند',
    'loyalty.period': 'دوره',
    'loyalty.active': 'فعال',
    'loyalty.retained': 'ماندگار',
    'loyalty.rate': 'نرخ',
    'loyalty.noRetention': 'هیچ دوره‌ای دورهٔ بعدیِ دارای داده ندارد: ماندگاری به خرید در دست‌کم دو دوره نیاز دارد.',
    'loyalty.skipped': '{count, plural, one {# ردیف کنار گذاشته شد} other {# ردیف کنار گذاشته شد}}؛ نخستین‌ها:',
  },
});

type CliMessageKey = KeyOf<typeof cliMessages>;

/** Counts as a terminal shows them: the language's digits, no grouping (40000). */
export const cliCatalogue = createCatalogue('command line', cliMessages, { numbers: { useGrouping: false } });

/** The operator's language from the locale environment (`ru_RU.UTF-8` -> ru, `C.UTF-8` -> en). */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return languageOr(locale.split(/[_.@-]/)[0].toLowerCase());
}

/** A report line of the command in the operator's language. */
export function cliText(key: CliMessageKey, vars?: MessageVars): string {
  return cliCatalogue.formatMessage(cliLanguage(), key, vars);
}
