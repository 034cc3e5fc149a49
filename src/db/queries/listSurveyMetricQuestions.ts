/** Surveys of an organisation with their headline metric questions (NPS, CSAT, CES, CSI), for the overview. */
import type { Queryable } from '../connection.ts';
import type { QuestionDef, SurveyStatus } from '../../core/surveys/types.ts';

export interface SurveyMetricQuestions {
  id: string;
  name: string;
  slug: string;
  status: SurveyStatus;
  /** First active question per metric, in position order. */
  questions: Partial<Record<'nps' | 'csat' | 'ces', QuestionDef>>;
  /** Active CSI satisfaction and importance questions (with their attribute), in position order. */
  csi: QuestionDef[];
}

/** All surveys of the organisation but archived ones (newest first) with their first nps / csat / ces question each and their CSI questions. */
export async function listSurveyMetricQuestions(db: Queryable, orgId: string): Promise<SurveyMetricQuestions[]> {
  const { rows } = await db.query(
    `/* listSurveyMetricQuestions */
     select s.id, s.name, s.slug, s.status,
            coalesce(json_agg(json_build_object('id', q.id, 'key', q.key, 'type', q.type, 'metric', q.metric,
                       'min', q.scale_min, 'max', q.scale_max, 'box', q.box_min, 'direction', q.direction,
                       'attribute', q.attribute, 'showIf', q.show_if, 'addedInVersion', q.added_in_version)
                     order by q.position) filter (where q.id is not null), '[]') as questions
       from surveys s
       left join questions q on q.org_id = s.org_id and q.survey_id = s.id and q.archived_in_version is null
                            and q.type in ('nps', 'rating') and (q.metric in ('nps', 'csat', 'ces') or q.type = 'nps'
                                 or (q.metric in ('csi_satisfaction', 'csi_importance') and q.attribute is not null))
      -- staff surveys stay out of every organisation-wide figure (docs/staff.md): only /staff/results shows them
      where s.org_id = $1 and s.archived_at is null and s.audience = 'customers'
      group by s.org_id, s.id
      order by s.created_at desc, s.id`,
    [orgId],
  );
  return rows.map((r) => {
    const questions: SurveyMetricQuestions['questions'] = {};
    const csi: QuestionDef[] = [];
    for (const q of r.questions as Array<Record<string, any>>) {
      const def: QuestionDef = {
        id: q.id,
        key: q.key,
        type: q.type,
        metric: q.metric,
        required: false,
        text: {},
        ...(q.min !== null && q.max !== null ? { scale: { min: q.min, max: q.max, style: 'numbers' as const } } : {}),
        ...(q.box !== null ? { boxMin: q.box } : {}),
        ...(q.direction ? { direction: q.direction } : {}),
        ...(q.attribute ? { attribute: q.attribute } : {}),
        showIf: q.showIf ?? null,
        addedInVersion: q.addedInVersion,
      };
      if (q.metric === 'csi_satisfaction' || q.metric === 'csi_importance') {
        csi.push(def);
        continue;
      }
      const metric = q.type === 'nps' ? 'nps' : (q.metric as 'csat' | 'ces');
      if (!questions[metric]) questions[metric] = def;
    }
    return { id: r.id, name: r.name, slug: r.slug, status: r.status, questions, csi };
  });
}
