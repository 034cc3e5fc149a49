/**
 * @module The closed loop's vocabulary (docs/closed-loop.md): case statuses and the moves between them,
 * priorities, channels, timeline event kinds, alert triggers, notification kinds, action plan statuses
 * and the default root-cause taxonomy. Pure; the database checks the same lists (migration 099).
 */

export const CASE_STATUSES = ['new', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Open statuses: the case still needs someone (inbox, overdue, escalation, digest). */
export const OPEN_CASE_STATUSES = ['new', 'in_progress', 'waiting_customer'] as const satisfies readonly CaseStatus[];
export const isOpenStatus = (s: CaseStatus) => (OPEN_CASE_STATUSES as readonly CaseStatus[]).includes(s);

/**
 * Allowed status moves. A resolved case can be reopened (back to in progress) or closed; a closed one
 * only reopened. Resolving needs a root cause (src/core/closedLoop/cases.ts checks it).
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['in_progress', 'waiting_customer', 'resolved', 'closed'],
  in_progress: ['waiting_customer', 'resolved', 'closed'],
  waiting_customer: ['in_progress', 'resolved', 'closed'],
  resolved: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

export function canMoveCase(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/** How a claim came in. `survey`, `review`, `support` and `email` come by themselves; the rest are entered by hand. */
export const CASE_CHANNELS = ['survey', 'review', 'support', 'email', 'phone', 'letter', 'in_person', 'other'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export const MANUAL_CASE_CHANNELS = ['phone', 'letter', 'in_person', 'email', 'other'] as const satisfies readonly CaseChannel[];

export const CASE_SOURCE_KINDS = ['response', 'review', 'support_contact', 'feedback_message'] as const;
export type CaseSourceKind = (typeof CASE_SOURCE_KINDS)[number];

export const CASE_EVENT_KINDS = [
  'created', 'status', 'assigned', 'priority', 'note', 'reply_sent', 'reply_received',
  'escalated', 'root_cause', 'compensation', 'recovery_sent', 'recovery_answered',
  // a title change (migration 101)
  'title',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

export const COMPENSATION_KINDS = ['refund', 'discount', 'gift', 'other'] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];

export const ALERT_TRIGGERS = ['low_score', 'negative_review', 'comment_match', 'sla_breach', 'metric_drop'] as const;
export type AlertTrigger = (typeof ALERT_TRIGGERS)[number];

export const ALERT_SOURCE_KINDS = ['response', 'review', 'support_contact', 'feedback_message', 'metric'] as const;
export type AlertSourceKind = (typeof ALERT_SOURCE_KINDS)[number];

export const NOTIFICATION_KINDS = ['alert', 'case_assigned', 'mention', 'escalated', 'reply_received', 'digest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const ACTION_PLAN_STATUSES = ['planned', 'active', 'done', 'dropped'] as const;

/**
 * Hours to resolve a case by priority, in business hours of the case's location (the SLA due time):
 * an urgent complaint within 4 working hours, a normal one within two working days.
 */
export const CASE_SLA_BUSINESS_HOURS: Record<CasePriority, number> = { urgent: 4, high: 8, normal: 16, low: 40 };

/** The root-cause taxonomy a new organisation starts with (editable: rename, add, archive). */
export const DEFAULT_ROOT_CAUSES: readonly { key: string; name: { en: string; ru: string; fa: string } }[] = [
  { key: 'staff_behaviour', name: { en: 'Staff behaviour', ru: 'Поведение персонала', fa: 'رفتار کارکنان' } },
  { key: 'understaffing', name: { en: 'Not enough staff or operators', ru: 'Не хватает персонала или операторов', fa: 'کمبود کارکنان یا اپراتور' } },
  { key: 'call_routing', name: { en: 'Wrong call routing', ru: 'Неверная маршрутизация звонков', fa: 'مسیریابی نادرست تماس' } },
  { key: 'training_gap', name: { en: 'Training gap', ru: 'Недостаток обучения', fa: 'کمبود آموزش' } },
  { key: 'product_defect', name: { en: 'Product defect', ru: 'Дефект товара', fa: 'نقص کالا' } },
  { key: 'delivery', name: { en: 'Delivery', ru: 'Доставка', fa: 'ارسال' } },
  { key: 'price', name: { en: 'Price', ru: 'Цена', fa: 'قیمت' } },
  { key: 'process', name: { en: 'Process', ru: 'Процесс', fa: 'فرایند' } },
];
