import { describe, expect, it } from 'vitest';
import { SurveyInputSchema, surveyWarnings, normalizeQuestion } from './definition.ts';
import { SURVEY_TEMPLATES, TEMPLATE_KEYS, surveyFromTemplate } from './templates.ts';

const CYRILLIC = /[\u0400-\u04FF]/;
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

/** Every localized text in a template, with a readable location for failure messages. */
function localizedTexts(value: unknown, path = ''): Array<[string, Record<string, string>]> {
  if (!value || typeof value !== 'object') return [];
  const obj = value as Record<string, unknown>;
  if (typeof obj.en === 'string') return [[path, obj as Record<string, string>]];
  return Object.entries(obj).flatMap(([k, v]) => localizedTexts(v, path ? `${path}.${k}` : k));
}

describe('survey templates', () => {
  it('offers exactly the six documented keys', () => {
    expect(SURVEY_TEMPLATES.map((t) => t.key)).toEqual([...TEMPLATE_KEYS]);
    expect(TEMPLATE_KEYS).toEqual(['nps_relational', 'csat_post_purchase', 'ces_post_support', 'csi_store_visit', 'enps_employee', 'staff_pulse']);
  });

  for (const template of SURVEY_TEMPLATES) {
    describe(template.key, () => {
      it('is a valid SurveyInput', () => {
        const result = SurveyInputSchema.safeParse(template.survey);
        expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
      });

      it('has real English, Russian and Persian in every text', () => {
        const texts = localizedTexts(template);
        expect(texts.length).toBeGreaterThan(5);
        for (const [where, text] of texts) {
          expect(text.en?.trim(), where).toBeTruthy();
          expect(text.ru, where).toMatch(CYRILLIC);
          expect(text.fa, where).toMatch(ARABIC_SCRIPT);
          expect(text.fa, where).not.toMatch(CYRILLIC);
        }
        expect(template.survey.languages).toEqual(['en', 'ru', 'fa']);
      });

      it('gives every scored question a "why?" follow-up with different texts per score group', () => {
        const questions = template.survey.questions;
        const scored = questions.filter((q) => q.type === 'nps' || (q.type === 'rating' && q.metric !== 'csi_importance' && q.metric !== 'csi_satisfaction'));
        const followUps = questions.filter((q) => q.followsQuestionKey);
        // The staff pulse collects no open texts: staff results never show texts (docs/staff.md).
        if (template.key !== 'csi_store_visit' && template.key !== 'staff_pulse') {
          expect(followUps.length).toBeGreaterThan(0);
          for (const f of followUps) {
            expect(scored.map((q) => q.key)).toContain(f.followsQuestionKey);
            const groups = f.whyTexts!;
            expect(new Set([groups.detractor!.en, groups.passive!.en, groups.promoter!.en]).size).toBe(3);
            expect(new Set([groups.detractor!.fa, groups.passive!.fa, groups.promoter!.fa]).size).toBe(3);
          }
        }
      });

      it('returns an independent copy', () => {
        const copy = surveyFromTemplate(template.key)!;
        copy.questions[0].text.en = 'changed';
        expect(template.survey.questions[0].text.en).not.toBe('changed');
      });
    });
  }

  it('uses the metric settings of METRICS.md', () => {
    const q = (key: string) => surveyFromTemplate(key)!.questions.map(normalizeQuestion);
    const nps = q('nps_relational').find((x) => x.metric === 'nps')!;
    expect(nps).toMatchObject({ type: 'nps', scale: { min: 0, max: 10 } });
    expect(q('enps_employee').find((x) => x.metric === 'nps')).toMatchObject({ type: 'nps', scale: { min: 0, max: 10 } });
    expect(q('csat_post_purchase')[0]).toMatchObject({ metric: 'csat', scale: { min: 1, max: 5 }, boxMin: 4 });
    expect(q('ces_post_support')[0]).toMatchObject({ metric: 'ces', scale: { min: 1, max: 7 }, direction: 'higher_is_easier', boxMin: 5 });
    const csi = q('csi_store_visit');
    for (const attribute of ['speed', 'politeness', 'competence', 'cleanliness', 'assortment']) {
      for (const metric of ['csi_satisfaction', 'csi_importance'] as const) {
        expect(csi.filter((x) => x.metric === metric && x.attribute === attribute), `${metric} ${attribute}`).toHaveLength(1);
        expect(csi.find((x) => x.metric === metric && x.attribute === attribute)!.scale).toMatchObject({ min: 1, max: 10 });
      }
    }
    expect(csi.find((x) => x.key === 'overall')).toMatchObject({ metric: 'csat', scale: { min: 1, max: 10 } });
  });

  it('warns about length only for the CSI template (12 questions)', () => {
    for (const template of SURVEY_TEMPLATES) {
      const warnings = surveyWarnings({ ...template.survey, questions: template.survey.questions.map(normalizeQuestion) });
      expect(warnings.includes('long_survey'), template.key).toBe(template.key === 'csi_store_visit');
      expect(warnings.filter((w) => w.startsWith('missing_translation')), template.key).toEqual([]);
    }
  });
});
