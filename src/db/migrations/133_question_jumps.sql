-- Jumps of a question (docs/api.md "Surveys", src/core/surveys/flow.ts): after the question, the first jump whose
-- condition holds goes forward to a later question or ends the survey with its own thank-you text.
-- [{"when": <condition or group>|null, "to": "<key>"|"@end", "thanks": {"en": "..."}}]; null: no jumps.
alter table questions add column jumps jsonb;
