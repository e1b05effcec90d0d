import type { AttributeDefinition, TemplateRecord } from '../model';
import type { BrevoState } from './brevo-state';

/**
 * A sample Brevo account as a Tajo user would have set it up: the seed guide's three email lists
 * (customer group -> list), transactional templates for its campaigns, and contact attributes for
 * loyalty data. Ids are fixed so templates and tests can refer to them.
 */
export const SAMPLE_LISTS = [
	{ id: 1, name: 'retail_newsletter' },
	{ id: 2, name: 'wholesale_updates' },
	{ id: 3, name: 'vip_exclusive' },
	// One list per seed segment, filled by the segment sync template (its Config's default ids).
	{ id: 4, name: 'first_time_buyers' },
	{ id: 5, name: 'repeat_customers' },
	{ id: 6, name: 'high_value_customers' },
	{ id: 7, name: 'wholesale_accounts' },
	{ id: 8, name: 'at_risk_customers' },
] as const;

export const SAMPLE_TEMPLATES: Array<{ id: number; name: string; subject: string; tag: string }> = [
	{ id: 1, name: 'cart_reminder_1', subject: 'You left something behind!', tag: 'abandoned_cart' },
	{ id: 2, name: 'cart_reminder_2', subject: 'Your cart is waiting - 10% off inside', tag: 'abandoned_cart' },
	{ id: 3, name: 'order_shipped', subject: 'Your order is on its way', tag: 'order_status' },
	{ id: 4, name: 'review_request', subject: 'How did we do?', tag: 'review' },
	{ id: 5, name: 'points_awarded', subject: 'You earned {{ params.points }} points', tag: 'loyalty' },
	{ id: 6, name: 'tier_upgrade', subject: 'Welcome to {{ params.tier }}', tag: 'loyalty' },
	{ id: 7, name: 'welcome', subject: 'Welcome to our store', tag: 'onboarding' },
	{ id: 8, name: 'loyalty_report', subject: 'Your weekly loyalty report', tag: 'loyalty_report' },
];

export const SAMPLE_ATTRIBUTES: AttributeDefinition[] = [
	{ name: 'LOYALTY_POINTS', category: 'normal', type: 'float' },
	{ name: 'LOYALTY_TIER', category: 'normal', type: 'text' },
	{ name: 'CUSTOMER_GROUP', category: 'normal', type: 'text' },
	{ name: 'LAST_ORDER_DATE', category: 'normal', type: 'date' },
];

export const SAMPLE_SENDER = { name: 'Tajo Sandbox Store', email: 'hello@tajo-sandbox.example', id: '1' };

/** Adds whatever part of the sample account is missing; running it twice changes nothing. */
export function applySampleSeed(state: BrevoState, now: string): void {
	for (const attribute of SAMPLE_ATTRIBUTES) {
		if (!state.attributes.has(attribute.name)) state.attributes.set(attribute.name, { ...attribute });
	}
	for (const list of SAMPLE_LISTS) {
		if (state.lists.has(list.id)) continue;
		state.lists.set(list.id, { id: list.id, name: list.name, folderId: 1, createdAt: now });
		state.bumpListCounter(list.id);
	}
	for (const template of SAMPLE_TEMPLATES) {
		if (state.templates.has(template.id)) continue;
		state.templates.set(template.id, sampleTemplate(template, now));
		state.bumpTemplateCounter(template.id);
	}
}

function sampleTemplate(t: { id: number; name: string; subject: string; tag: string }, now: string): TemplateRecord {
	return {
		id: t.id,
		name: t.name,
		subject: t.subject,
		isActive: true,
		testSent: false,
		sender: { ...SAMPLE_SENDER },
		replyTo: SAMPLE_SENDER.email,
		toField: '{{ contact.FIRSTNAME }} {{ contact.LASTNAME }}',
		tag: t.tag,
		htmlContent: `<html><body><h1>${t.subject}</h1><p>{{ params | json }}</p></body></html>`,
		createdAt: now,
		modifiedAt: now,
		doiTemplate: false,
	};
}
