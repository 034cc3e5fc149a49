import { describe, expect, it } from 'vitest';
import { demoResponseAlerts } from './alerts.ts';

const at = (min: number) => new Date(Date.UTC(2026, 10, 1, 10, min));

describe('demo alerts', () => {
  it('detractors fire the detractor rule with its 60-minute quiet period per store; complaint words fire the keyword rule', () => {
    const alerts = demoResponseAlerts([
      { responseId: 'r3', locationId: 'A', submittedAt: at(30), score: 4, text: 'Ужасное обслуживание' },
      { responseId: 'r1', locationId: 'A', submittedAt: at(0), score: 2, text: null },
      { responseId: 'r2', locationId: 'B', submittedAt: at(10), score: 9, text: 'The cashier was rude' },
      { responseId: 'r4', locationId: 'A', submittedAt: at(61), score: 6, text: 'شكايت دارم' },
      { responseId: 'r5', locationId: 'A', submittedAt: at(62), score: 7, text: 'fine' },
    ], 'NPS');
    expect(alerts.map((a) => [a.rule, a.responseId, a.delivered])).toEqual([
      ['detractor', 'r1', true],
      ['words', 'r2', true],
      // 30 minutes after r1 at the same store: held back
      ['detractor', 'r3', false],
      ['words', 'r3', true],
      // 61 minutes after the last delivered one (r1): delivered
      ['detractor', 'r4', true],
      ['words', 'r4', true],
    ]);
    expect(alerts.find((a) => a.rule === 'words' && a.responseId === 'r3')!.summary.keywords).toEqual(['ужас*']);
    expect(alerts.find((a) => a.rule === 'words' && a.responseId === 'r4')!.summary.keywords).toEqual(['شکایت']);
  });
});
