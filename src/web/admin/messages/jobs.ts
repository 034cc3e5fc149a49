/**
 * Messages of the background jobs page (/app/jobs) and the job kinds' names, in English (ru / fa in jobs.ru.ts / jobs.fa.ts). Plural
 * forms are ICU plurals (CLDR: en one/other, ru one/few/many/other, fa one/other).
 */
export const jobsEn = {
  'jobs.title': 'Background jobs',
  'jobs.link': 'Background jobs: see failed ones and run them again',
  'jobs.noAccess': 'Only owners and administrators with access to the whole organisation can see background jobs.',
  'jobs.intro': 'Sarafan does some work in the background, such as recalculating dashboards. A job that keeps failing after its automatic retries is listed here until it is run again.',
  'jobs.none': 'No failed jobs',
  'jobs.noneHint': 'Every background job of your organisation has finished or is still being retried automatically.',
  'jobs.caption': '{n, plural, one {# failed job, newest first} other {# failed jobs, newest first}}',
  'jobs.kind': 'Job',
  'jobs.failedAt': 'Failed',
  'jobs.attempts': 'Attempts',
  'jobs.error': 'Last error',
  'jobs.actions': 'Actions',
  'jobs.noError': 'no message',
  'jobs.retry': 'Run again',
  'jobs.retryOne': 'Run again: {kind}, failed {date}',
  'jobs.retrying': 'Starting…',
  'jobs.retried': '{kind} will run again in a few seconds.',
  'jobs.kind.rebuild-org-rollups': 'Recalculate dashboards',
  'jobs.kind.fold-rollups': 'Add new answers to dashboard summaries',
  'jobs.kind.sweep-rollups': 'Check for unfinished dashboard work',
  'jobs.kind.plan-invitation-wave': 'Plan an invitation wave',
  'jobs.kind.send-invitations': 'Send invitations and reminders',
  'jobs.kind.webhook-event': 'Prepare webhooks for a new answer',
  'jobs.kind.deliver-webhook': 'Send a webhook',
  'jobs.kind.analyse-comments': 'Analyse comments (sentiment, themes)',
  'jobs.kind.train-text-model': 'Train the comment sentiment model',
  'jobs.kind.sweep-comments': 'Check for unanalysed comments',
  'jobs.kind.import-support-events': 'Import support contact events',
};
