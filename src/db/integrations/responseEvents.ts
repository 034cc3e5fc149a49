/** What a webhook says about a response (the `data` of response.created / response.completed). */
import type { Queryable } from '../connection.ts';

export interface ResponseEventRow {
  responseId: string;
  surveyId: string;
  surveyName: string;
  submittedAt: Date;
  channel: string;
  language: string;
  location: { id: string; name: string; code: string | null } | null;
  contactId: string | null;
  hidden: Record<string, string>;
  answers: { questionKey: string; score: number | null; choice: string | null; choices: string[] | null; text: string | null; number: number | null }[];
}

export async function loadResponseEvent(db: Queryable, orgId: string, responseId: string): Promise<ResponseEventRow | null> {
  const { rows } = await db.query(
    `/* loadResponseEvent */
     select r.id, r.survey_id, s.name as survey_name, r.submitted_at, r.channel, r.language, r.hidden, r.contact_id,
            l.id as loc_id, l.name as loc_name, l.code as loc_code,
            coalesce((select json_agg(json_build_object('questionKey', q.key, 'score', a.score, 'choice', a.choice, 'choices', a.choices, 'text', a.text, 'number', a.number) order by q.position)
                        from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
                       where a.org_id = r.org_id and a.response_id = r.id), '[]') as answers
       from responses r
       join surveys s on s.org_id = r.org_id and s.id = r.survey_id
       left join locations l on l.org_id = r.org_id and l.id = r.location_id
      -- staff answers are never sent anywhere (docs/staff.md): no event for them
      where r.org_id = $1 and r.id = $2 and s.audience = 'customers'`,
    [orgId, responseId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    responseId: r.id, surveyId: r.survey_id, surveyName: r.survey_name, submittedAt: r.submitted_at, channel: r.channel, language: r.language,
    location: r.loc_id ? { id: r.loc_id, name: r.loc_name, code: r.loc_code } : null, contactId: r.contact_id, hidden: r.hidden, answers: r.answers,
  };
}
