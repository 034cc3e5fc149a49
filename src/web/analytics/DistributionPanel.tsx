/** Distribution of answers per question: bars per score (NPS coloured by group), choices as bars. */
import { useI18n } from '../i18n.tsx';
import { Chart } from '../charts/Chart.tsx';
import { barOption, distributionOption } from '../../core/charts/options.ts';
import type { DashboardContext } from './dashboard.ts';
import type { SummaryQuestion } from './types.ts';
import type { ChoiceOption } from '../../core/surveys/types.ts';
import { isNpsQuestion } from '../../core/analytics/metrics.ts';
import { Panel } from './ui.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { localize } from '../../core/surveys/localize.ts';

export function DistributionPanel({ ctx }: { ctx: DashboardContext }) {
  const { t } = useI18n();
  const shown = ctx.summary.questions.filter((q) => q.distribution.length > 0 || (q.choices?.length ?? 0) > 0);
  if (shown.length === 0) return null;
  return (
    <Panel title={t('an.dist.title')} id="dist" actions={<ExportMenu ctx={ctx} kind="distribution" />}>
      <div className="an-dist-grid">
        {shown.map((q) => <QuestionDistribution key={q.questionId} q={q} options={ctx.survey.questions.find((x) => x.id === q.questionId)?.options ?? []} />)}
      </div>
    </Panel>
  );
}

function QuestionDistribution({ q, options }: { q: SummaryQuestion; options: ChoiceOption[] }) {
  const { t, num, lang, dir } = useI18n();
  const title = localize(q.text, lang, 'en') || q.key;
  const rtl = dir === 'rtl';
  if (q.distribution.length > 0) {
    // Show every score of the scale, including those nobody chose.
    const min = q.scale?.min ?? Math.min(...q.distribution.map((d) => d.score));
    const max = q.scale?.max ?? Math.max(...q.distribution.map((d) => d.score));
    const counts = new Map(q.distribution.map((d) => [d.score, d.n]));
    const full = Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => ({ score: min + i, n: counts.get(min + i) ?? 0 }));
    const total = full.reduce((a, d) => a + d.n, 0);
    return (
      <div className="an-dist">
        <h3 dir="auto">{title}</h3>
        <Chart
          option={distributionOption(full, isNpsQuestion(q), { num, rtl })}
          summary={t('an.dist.summary', { q: title, n: total })}
          table={{ caption: t('an.dist.caption', { q: title }), columns: [t('an.col.score'), 'n', t('an.col.share')], rows: full.map((d) => [d.score, d.n, total ? Math.round((1000 * d.n) / total) / 10 : null]) }}
          fileName={`distribution-${q.key}`}
          height={200}
        />
      </div>
    );
  }
  const labelOf = (value: string) => localize(options.find((o) => o.value === value)?.label, lang, 'en') || value;
  const choices = (q.choices ?? []).map((c) => ({ ...c, value: labelOf(c.value) }));
  const answered = choices.reduce((a, c) => a + c.n, 0);
  return (
    <div className="an-dist">
      <h3 dir="auto">{title}</h3>
      <Chart
        option={barOption(choices.map((c) => c.value), choices.map((c) => c.n), { num, rtl })}
        summary={t('an.dist.summary', { q: title, n: answered })}
        table={{ caption: t('an.dist.caption', { q: title }), columns: [t('an.col.choice'), 'n'], rows: choices.map((c) => [c.value, c.n]) }}
        fileName={`choices-${q.key}`}
        height={Math.max(140, 28 * choices.length + 40)}
      />
    </div>
  );
}
