/**
 * Surveys for respondent tests, inserted directly in SQL (the survey API is built separately).
 * The default is shaped like the NPS template: score, "why?" follow-up, a star rating and a
 * conditional choice question.
 */
import type pg from 'pg';
import type { QuestionDef, SurveyStatus } from '../../src/core/surveys/types.ts';

export interface SurveyFixtureOptions {
  slug?: string;
  status?: SurveyStatus;
  languages?: string[];
  defaultLanguage?: string;
  title?: Record<string, string>;
  thanks?: Record<string, string>;
  intro?: Record<string, string>;
  name?: string;
  questions?: QuestionDef[];
}

let counter = 0;
/** A slug no other test uses. */
export const uniqueSlug = (prefix = 's') => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++counter}`;

/** Questions of an NPS survey like the template: nps, why, stars, reasons (shown to detractors). */
export function npsQuestions(): QuestionDef[] {
  return [
    {
      key: 'nps', type: 'nps', metric: 'nps', required: true,
      text: { en: 'How likely are you to recommend us to a friend?', ru: 'Насколько вероятно, что вы порекомендуете нас другу?', fa: 'چقدر احتمال دارد ما را به یک دوست توصیه کنید؟' },
      scale: { min: 0, max: 10, style: 'numbers', labels: { min: { en: 'Not at all likely', ru: 'Совсем маловероятно', fa: 'اصلاً' }, max: { en: 'Extremely likely', ru: 'Очень вероятно', fa: 'بسیار زیاد' } } },
    },
    {
      key: 'why', type: 'text', metric: 'none', required: false,
      text: { en: 'What is the main reason for your score?', ru: 'Почему вы поставили такую оценку?', fa: 'دلیل اصلی امتیاز شما چیست؟' },
      followsQuestionKey: 'nps',
      whyTexts: {
        detractor: { en: 'What disappointed you?', ru: 'Что вас разочаровало?', fa: 'چه چیزی شما را ناامید کرد؟' },
        passive: { en: 'What would make it a 10?', ru: 'Что сделало бы оценку 10?', fa: 'چه چیزی آن را ۱۰ می‌کرد؟' },
        promoter: { en: 'What did you like most?', ru: 'Что вам понравилось больше всего?', fa: 'چه چیزی را بیشتر دوست داشتید؟' },
      },
    },
    {
      key: 'service', type: 'rating', metric: 'csat', required: false, boxMin: 4,
      text: { en: 'How satisfied are you with our service?', ru: 'Насколько вы довольны обслуживанием?', fa: 'چقدر از خدمات ما راضی هستید؟' },
      scale: { min: 1, max: 5, style: 'stars' },
    },
    {
      key: 'reasons', type: 'multi', metric: 'none', required: false,
      text: { en: 'What went wrong?', ru: 'Что пошло не так?', fa: 'چه چیزی اشتباه بود؟' },
      options: [
        { value: 'price', label: { en: 'Price', ru: 'Цена', fa: 'قیمت' } },
        { value: 'wait', label: { en: 'Waiting time', ru: 'Ожидание', fa: 'زمان انتظار' } },
        { value: 'staff', label: { en: 'Staff', ru: 'Персонал', fa: 'کارکنان' } },
      ],
      showIf: { question: 'nps', op: 'lte', value: 6 },
    },
  ];
}

export interface SurveyFixture {
  id: string;
  slug: string;
  questionIds: Record<string, string>;
}

/** Inserts a survey with its questions; live, in en/ru/fa, by default. */
export async function buildSurvey(pool: pg.Pool, orgId: string, opts: SurveyFixtureOptions = {}): Promise<SurveyFixture> {
  const slug = opts.slug ?? uniqueSlug();
  const { rows } = await pool.query(
    `insert into surveys(org_id, slug, name, title, intro, thanks, languages, default_language, status)
     values ($1, $2, $3, $4, $9, $5, $6, $7, $8) returning id`,
    [orgId, slug, opts.name ?? `Survey ${slug}`, opts.title ?? { en: 'Your visit', ru: 'Ваш визит', fa: 'بازدید شما' },
      opts.thanks ?? { en: 'Thanks for helping us improve.', ru: 'Спасибо, что помогаете нам стать лучше.', fa: 'از کمک شما سپاسگزاریم.' },
      opts.languages ?? ['en', 'ru', 'fa'], opts.defaultLanguage ?? 'en', opts.status ?? 'live', opts.intro ?? {}],
  );
  const surveyId = rows[0].id as string;
  const questionIds: Record<string, string> = {};
  const questions = opts.questions ?? npsQuestions();
  for (const [i, q] of questions.entries()) {
    const r = await pool.query(
      `insert into questions(org_id, survey_id, key, position, type, metric, required, text, scale_min, scale_max, scale_style,
                             scale_labels, box_min, direction, options, follows_question_key, why_texts, show_if, archived_in_version, jumps)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20) returning id`,
      [orgId, surveyId, q.key, i, q.type, q.metric, q.required, q.text, q.scale?.min ?? null, q.scale?.max ?? null,
        q.scale?.style ?? null, q.scale?.labels ?? {}, q.boxMin ?? null, q.direction ?? null, JSON.stringify(q.options ?? []),
        q.followsQuestionKey ?? null, q.whyTexts ?? {}, q.showIf ? JSON.stringify(q.showIf) : null, q.archivedInVersion ?? null,
        q.jumps?.length ? JSON.stringify(q.jumps) : null],
    );
    questionIds[q.key] = r.rows[0].id;
  }
  return { id: surveyId, slug, questionIds };
}

/** A SurveyInput (POST /api/v1/surveys) with one question of every type added for issue 17, in en/ru/fa. */
export function questionTypesInput(name: string) {
  const t = (en: string, ru: string, fa: string) => ({ en, ru, fa });
  return {
    name,
    title: t('Your visit', 'Ваш визит', 'بازدید شما'),
    languages: ['en', 'ru', 'fa'],
    defaultLanguage: 'en',
    questions: [
      { key: 'again', type: 'yesno', required: true, text: t('Would you come again?', 'Придёте ещё?', 'دوباره می‌آیید؟') },
      { key: 'visit', type: 'date', required: true, text: t('When did you visit?', 'Когда вы были у нас?', 'کی به ما سر زدید؟') },
      {
        key: 'people', type: 'number', required: true, range: { min: 1, max: 20 },
        text: t('How many people were with you?', 'Сколько человек было с вами?', 'چند نفر همراه شما بودند؟'),
      },
      { key: 'mail', type: 'email', text: t('Your e-mail', 'Ваша почта', 'ایمیل شما') },
      { key: 'tel', type: 'phone', text: t('Your phone', 'Ваш телефон', 'تلفن شما') },
      {
        key: 'order', type: 'ranking', required: true, text: t('Rank what matters most', 'Что для вас важнее?', 'چه چیزی برایتان مهم‌تر است؟'),
        options: [
          { value: 'price', label: t('Price', 'Цена', 'قیمت') },
          { value: 'speed', label: t('Speed', 'Скорость', 'سرعت') },
          { value: 'taste', label: t('Taste', 'Вкус', 'طعم') },
        ],
      },
      {
        key: 'rate', type: 'matrix', metric: 'csat', required: true, text: t('Rate our service', 'Оцените обслуживание', 'خدمات ما را ارزیابی کنید'),
        scale: { min: 1, max: 5, style: 'numbers', labels: { min: t('Poor', 'Плохо', 'ضعیف'), max: t('Great', 'Отлично', 'عالی') } },
        rows: [
          { key: 'staff', label: t('Staff', 'Персонал', 'کارکنان') },
          { key: 'clean', label: t('Cleanliness', 'Чистота', 'پاکیزگی') },
        ],
      },
      { key: 'ok', type: 'consent', required: true, text: t('I agree that you may contact me', 'Я согласен, чтобы со мной связались', 'موافقم که با من تماس بگیرید') },
    ],
  };
}
