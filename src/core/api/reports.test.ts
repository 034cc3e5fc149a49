import { describe, expect, it } from 'vitest';
import { ReportDefinitionSchema } from './reports.ts';

const survey = '0b8f3c1e-4a2d-4f6b-9c7e-1d2a3b4c5d6e';

describe('ReportDefinitionSchema', () => {
  it('accepts a rule period and fills defaults', () => {
    const parsed = ReportDefinitionSchema.parse({ surveyId: survey, sections: ['kpis', 'trend'], period: { rule: 'last_week' } });
    expect(parsed).toEqual({ surveyId: survey, sections: ['kpis', 'trend'], filters: {}, period: { rule: 'last_week' }, includeComments: false });
  });

  it('accepts fixed days in order and refuses them reversed', () => {
    expect(ReportDefinitionSchema.safeParse({ surveyId: survey, sections: ['kpis'], period: { from: '2026-01-01', to: '2026-01-31' } }).success).toBe(true);
    expect(ReportDefinitionSchema.safeParse({ surveyId: survey, sections: ['kpis'], period: { from: '2026-02-01', to: '2026-01-31' } }).success).toBe(false);
  });

  it('refuses repeated, unknown or no sections and unknown rules', () => {
    expect(ReportDefinitionSchema.safeParse({ surveyId: survey, sections: ['kpis', 'kpis'], period: { rule: 'last_week' } }).success).toBe(false);
    expect(ReportDefinitionSchema.safeParse({ surveyId: survey, sections: ['weather'], period: { rule: 'last_week' } }).success).toBe(false);
    expect(ReportDefinitionSchema.safeParse({ surveyId: survey, sections: [], period: { rule: 'last_week' } }).success).toBe(false);
    expect(ReportDefinitionSchema.safeParse({ surveyId: survey, sections: ['kpis'], period: { rule: 'last_decade' } }).success).toBe(false);
  });
});
