/**
 * @module Ready-made surveys the builder starts from (docs/api.md "GET /survey-templates"). Each is a
 * complete SurveyInput with natural texts in English, Russian and Persian; the unit tests check every
 * template against the definition schema.
 */
import type { SurveyInput } from './definition.ts';
import type { LocalizedText } from './types.ts';
import { npsRelational } from './templates/npsRelational.ts';
import { csatPostPurchase } from './templates/csatPostPurchase.ts';
import { cesPostSupport } from './templates/cesPostSupport.ts';
import { csiStoreVisit } from './templates/csiStoreVisit.ts';
import { enpsEmployee } from './templates/enpsEmployee.ts';
import { staffPulse } from './templates/staffPulse.ts';

export const TEMPLATE_KEYS = ['nps_relational', 'csat_post_purchase', 'ces_post_support', 'csi_store_visit', 'enps_employee', 'staff_pulse'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface SurveyTemplate {
  key: TemplateKey;
  name: LocalizedText;
  description: LocalizedText;
  survey: SurveyInput;
}

/** All templates in the order the builder lists them. */
export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [npsRelational, csatPostPurchase, cesPostSupport, csiStoreVisit, enpsEmployee, staffPulse];

/** A deep copy of the template's survey, so callers can change it freely; null for an unknown key. */
export function surveyFromTemplate(key: string): SurveyInput | null {
  const template = SURVEY_TEMPLATES.find((t) => t.key === key);
  return template ? structuredClone(template.survey) : null;
}
