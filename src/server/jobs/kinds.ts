/** Every job kind the server runs (docs/jobs.md: how to add one). The queue creates their queues and workers at start. */
import type { JobKind } from './queue.ts';
import { foldRollupsJob } from './foldRollupsJob.ts';
import { rebuildOrgRollupsJob } from './rebuildOrgRollupsJob.ts';
import { sweepRollupsJob } from './sweepRollupsJob.ts';
import { planInvitationWaveJob } from './planInvitationWaveJob.ts';
import { sendInvitationsJob } from './sendInvitationsJob.ts';
import { webhookEventJob } from '../integrations/webhookEventJob.ts';
import { deliverWebhookJob } from '../integrations/deliverWebhookJob.ts';
import { analyseCommentsJob } from './analyseCommentsJob.ts';
import { trainTextModelJob } from './trainTextModelJob.ts';
import { sweepCommentsJob } from './sweepCommentsJob.ts';
import { pruneRecordsJob } from './pruneRecordsJob.ts';
import { closePartialResponsesJob } from './closePartialResponsesJob.ts';
import { importSupportEventsJob } from '../support/importEventsJob.ts';
import { importStoreFileJob } from '../store/importStoreJob.ts';
import { recoverySurveyJob } from '../cases/recoverySurveyJob.ts';
import { alertsAnalysedJob, alertsFeedbackJob, alertsMetricDropJob, alertsResponseJob, alertsSlaJob, alertsSweepJob } from '../alerts/alertJobs.ts';
import { readMailboxJob } from '../cases/readMailboxJob.ts';
import { sweepMailboxesJob } from '../cases/sweepMailboxesJob.ts';
import { escalateCasesJob } from '../cases/escalateCasesJob.ts';
import { weeklyDigestJob } from '../cases/weeklyDigestJob.ts';
import { evidenceSweepJob } from '../audits/evidenceSweepJob.ts';
import { loyaltyRefreshJob } from '../loyalty/loyaltyRefreshJob.ts';
import { reportSchedulerJob, sendReportJob } from '../reports/reportJobs.ts';

export const JOB_KINDS: JobKind<any>[] = [
  foldRollupsJob,
  rebuildOrgRollupsJob,
  sweepRollupsJob,
  planInvitationWaveJob,
  sendInvitationsJob,
  webhookEventJob,
  deliverWebhookJob,
  analyseCommentsJob,
  trainTextModelJob,
  sweepCommentsJob,
  pruneRecordsJob,
  closePartialResponsesJob,
  importSupportEventsJob,
  importStoreFileJob,
  recoverySurveyJob,
  alertsResponseJob,
  alertsAnalysedJob,
  alertsFeedbackJob,
  alertsSlaJob,
  alertsSweepJob,
  alertsMetricDropJob,
  readMailboxJob,
  sweepMailboxesJob,
  escalateCasesJob,
  weeklyDigestJob,
  evidenceSweepJob,
  loyaltyRefreshJob,
  reportSchedulerJob,
  sendReportJob,
];
