export const REMINDER_UID = 'plugin::reminders.reminder';
export const QUEUE_NAME = 'reminders';

/** Job names, declared once. */
export const JOBS = {
  send: 'send',
  reconcile: 'reconcile',
  monthlyTime: 'monthly-time-declaration',
  weeklyDigest: 'weekly-digest',
} as const;

/** Job scheduler ids (upsertJobScheduler is idempotent on these). */
export const SCHEDULERS = {
  reconcile: 'reminders-reconcile',
  monthlyTime: 'reminders-monthly-time-declaration',
  weeklyDigest: 'reminders-weekly-digest',
} as const;

export const STATUSES = ['scheduled', 'sent', 'failed', 'cancelled', 'skipped'] as const;
export type ReminderStatus = (typeof STATUSES)[number];

/** Rules that are not workflow timers. */
export const RECURRING_RULES = {
  monthlyTime: 'ambassador.monthly_time',
  weeklyDigest: 'coordinator.weekly_digest',
} as const;

/** Deterministic BullMQ job id of a reminder row: the same reminder is never queued twice. */
export const jobIdOf = (rowId: number | string) => `reminder-${rowId}`;
