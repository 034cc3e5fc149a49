/**
 * The demo's question library (docs/api.md "Question library"): a few questions from the survey templates, with their
 * three languages, saved by the demo owner, so "Add from library" in the builder has something to add.
 */
import type { PoolClient } from '../connection.ts';
import { surveyFromTemplate } from '../../core/surveys/templates.ts';
import { toLibraryQuestion } from '../../core/surveys/library.ts';
import type { TemplateKey } from '../../core/surveys/templates.ts';
import { saveLibraryQuestion } from '../questionLibrary/questionLibrary.ts';

/** Template and question key of each demo entry. */
export const DEMO_LIBRARY: ReadonlyArray<readonly [TemplateKey, string]> = [
  ['csat_post_purchase', 'satisfaction'],
  ['csat_post_purchase', 'buy_again'],
  ['ces_post_support', 'effort'],
  ['csi_store_visit', 'sat_speed'],
];

export async function insertDemoQuestionLibrary(tx: PoolClient, orgId: string, ownerEmail: string): Promise<void> {
  const { rows } = await tx.query(`/* demoLibraryOwner */ select id from users where org_id = $1 and email = $2`, [orgId, ownerEmail]);
  if (!rows[0]) return;
  for (const [template, key] of DEMO_LIBRARY) {
    const question = surveyFromTemplate(template)?.questions.find((q) => q.key === key);
    const checked = question && toLibraryQuestion(question);
    if (checked && 'question' in checked) await saveLibraryQuestion(tx, orgId, rows[0].id, checked.question, false);
  }
}
