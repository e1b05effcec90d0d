// The store day in minutes instead of weeks: the templates' delays shortened through their Config
// nodes (each template takes the fields it has), and schedules that cannot fire in the middle of
// the day, since the day runs the scheduled templates itself at its end.
import type { WorkflowJson } from '../../test/harness/n8n-api';
import { secondsAs, withNodeParameters } from '../../test/harness/templates';

/**
 * Cart reminders 3 s, 10 s and 15 s after the abandonment (7 s between the first two leave time
 * to act on the first), the review request 6 s after the completion: long enough for the day's
 * events to land in a definite order on a busy machine (a shipment delivered right after its
 * completion reaches Brevo before the review request), short enough to stay in n8n's memory
 * (waits under 65 s are not stored).
 */
export const DAY_DELAYS = {
	firstReminderDelayHours: secondsAs(3, 'hours'),
	secondReminderDelayHours: secondsAs(10, 'hours'),
	smsReminderDelayHours: secondsAs(15, 'hours'),
	reviewDelayDays: secondsAs(6, 'days'),
} as const;

/** Midnight on the 1st of January: a schedule that stays live but does not fire during a day. */
export const QUIET_CRON = '0 0 1 1 *';

/**
 * A copy of the workflow whose Schedule Triggers fire only at QUIET_CRON. An hourly
 * Reconciliation firing in the middle of the day would award completed orders before the points
 * flow does (and so take its Brevo events away); the day runs it at its end instead.
 */
export function withQuietSchedules(workflow: WorkflowJson): WorkflowJson {
	let copy = workflow;
	for (const node of workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.scheduleTrigger')) {
		copy = withNodeParameters(copy, node.name, { rule: { interval: [{ field: 'cronExpression', expression: QUIET_CRON }] } });
	}
	return copy;
}
