import type { INodeProperties } from 'n8n-workflow';
import { customerIdField, itemField, programByChannelField, programField, returnAllFields, storeHashField } from '../../shared/fields';

const show = (...operation: string[]) => ({ resource: ['points'], operation });

export const pointsOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['points'] } },
	options: [
		{
			name: 'Adjust',
			value: 'adjust',
			description: 'Add or take away points by hand, with the reason',
			action: 'Adjust the points of a member',
		},
		{
			name: 'Award Bonus',
			value: 'awardBonus',
			description: 'Give the fixed points of a bonus action (account creation, review, referral, birthday…), once per its natural key',
			action: 'Award bonus points',
		},
		{
			name: 'Award for Order',
			value: 'awardForOrder',
			description: "Give the points a BigCommerce order earns, once per order, with the breakdown and any tier change; enrols a customer who is not a member of the order's program yet",
			action: 'Award points for an order',
		},
		{
			name: 'Calculate',
			value: 'calculate',
			description: 'Work out what an order would earn, with the breakdown, without writing anything',
			action: 'Calculate points for an order',
		},
		{ name: 'History', value: 'history', description: "List a member's ledger entries, newest first", action: 'Get the points history of a member' },
		{
			name: 'Redeem',
			value: 'redeem',
			description: 'Spend available points, once per redemption ID; more than available changes nothing',
			action: 'Redeem points',
		},
		{
			name: 'Reverse',
			value: 'reverse',
			description: "Take back an order's points after a refund or cancellation, once per refund",
			action: 'Reverse points for a refund',
		},
	],
	default: 'awardForOrder',
};

const byOrder = ['calculate', 'awardForOrder', 'reverse'];
const byMember = ['awardBonus', 'redeem', 'adjust', 'history'];

export const pointsStoreHash = storeHashField(show(...byOrder, ...byMember));
export const pointsProgramByChannel = programByChannelField(show(...byOrder), 'order');
export const pointsProgram = programField(show(...byMember));
export const pointsCustomerId = customerIdField(show(...byMember));

export const orderItem = itemField(
	show('calculate', 'awardForOrder'),
	'Order',
	'order',
	'The BigCommerce order (v2) as the BigCommerce node outputs it: id, customer_id, channel_id, subtotal_ex_tax, discount_amount, coupon_discount, total_inc_tax, currency fields, date_created, billing_address (to enrol a customer who is not a member yet)…',
	'By default the whole incoming item. Read the order with BigCommerce → Order → Get when the item is only an order event.',
);

export const reverseOrderItem = itemField(
	show('reverse'),
	'Order',
	'order',
	'The order whose points are taken back: an item with its id (or order_id, as order events have it); channel_id chooses the program, and the currency fields convert the refunded amount',
	'By default the whole incoming item',
);

export const useMember: INodeProperties = {
	displayName: "Use the Member's Standing",
	name: 'useMember',
	type: 'boolean',
	default: true,
	description: "Whether to use the member's tier, customer group and order history when the customer is a member; otherwise the order is counted as a new customer's",
	displayOptions: { show: show('calculate') },
};

export const calculateGroup: INodeProperties = {
	displayName: 'Customer Group Name',
	name: 'customerGroupName',
	type: 'string',
	default: '',
	placeholder: 'e.g. VIP',
	description: "The customer's group, for customers who are not members yet (members use their stored group)",
	displayOptions: { show: show('calculate') },
};

export const firstPurchaseBonus: INodeProperties = {
	displayName: 'Give First-Purchase Bonus',
	name: 'firstPurchaseBonus',
	type: 'boolean',
	default: true,
	description: "Whether to give the program's first-purchase bonus (bonusPoints.firstPurchase) with the member's first order, once per member of the program (a customer in two programs gets each program's)",
	displayOptions: { show: show('awardForOrder') },
};

export const bonusAction: INodeProperties = {
	displayName: 'Bonus Action',
	name: 'bonusAction',
	type: 'options',
	options: [
		{ name: 'Account Creation', value: 'accountCreation', description: 'Once per member (seed: 100 points)' },
		{ name: 'Birthday', value: 'birthdayBonus', description: 'Once per member per calendar year (seed: 100 points)' },
		{ name: 'Custom Action', value: 'custom', description: "One of the program's customBonusActions" },
		{ name: 'First Purchase', value: 'firstPurchase', description: 'Once per member (seed: 200 points); Award for Order gives it by itself' },
		{ name: 'Newsletter Signup', value: 'newsletterSignup', description: 'Once per member (seed: 25 points)' },
		{ name: 'Referral Made', value: 'referralMade', description: 'Once per referred customer, given as Reference (seed: 500 points)' },
		{ name: 'Review Submitted', value: 'reviewSubmitted', description: 'Once per review, its ID given as Reference (seed: 50 points)' },
	],
	default: 'accountCreation',
	description: 'What the member did. The points come from the program; each action is given once per its natural key, so repeats change nothing.',
	displayOptions: { show: show('awardBonus') },
};

export const customAction: INodeProperties = {
	displayName: 'Custom Action Name',
	name: 'customAction',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. socialShare',
	description: "The name of one of the program's customBonusActions",
	displayOptions: { show: { ...show('awardBonus'), bonusAction: ['custom'] } },
};

export const bonusReference: INodeProperties = {
	displayName: 'Reference',
	name: 'reference',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1234',
	description: 'What makes this award once-only: the review ID (Review Submitted), the referred customer ID (Referral Made), or the reference of a custom action given once per reference',
	displayOptions: { show: { ...show('awardBonus'), bonusAction: ['reviewSubmitted', 'referralMade', 'custom'] } },
};

export const bonusDate: INodeProperties = {
	displayName: 'Award Date',
	name: 'date',
	type: 'dateTime',
	default: '',
	description: 'When the bonus was earned; its year makes the birthday bonus once per year. Empty: today.',
	displayOptions: { show: { ...show('awardBonus'), bonusAction: ['birthdayBonus', 'custom'] } },
};

export const redeemPointsField: INodeProperties = {
	displayName: 'Points',
	name: 'points',
	type: 'number',
	required: true,
	typeOptions: { minValue: 1 },
	default: 0,
	description: 'How many points to spend (at most the available balance)',
	displayOptions: { show: show('redeem') },
};

export const redemptionId: INodeProperties = {
	displayName: 'Redemption ID',
	name: 'redemptionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. reward-order-1043',
	description: 'Your unique ID for this redemption, e.g. the reward request or the order the points pay for. Running the node again with the same ID changes nothing.',
	displayOptions: { show: show('redeem') },
};

export const redeemOptions: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	description: 'More about the redemption, kept with the ledger entry',
	placeholder: 'Add Field',
	default: {},
	displayOptions: { show: show('redeem') },
	options: [
		{ displayName: 'Order ID', name: 'orderId', type: 'string', default: '', description: 'The order the points were spent on, if any' },
		{ displayName: 'Reason', name: 'reason', type: 'string', default: '', placeholder: 'e.g. $10 reward coupon', description: 'Kept with the ledger entry' },
	],
};

export const reversalType: INodeProperties = {
	displayName: 'Reversal',
	name: 'reversalType',
	type: 'options',
	options: [
		{ name: 'Full Refund or Cancellation', value: 'full', description: 'Take back everything the order still has of its points' },
		{ name: 'Partial Refund', value: 'partial', description: "Take back points in proportion to the refunded share of the order's total" },
	],
	default: 'full',
	description: 'How much of the order was refunded',
	displayOptions: { show: show('reverse') },
};

export const refundId: INodeProperties = {
	displayName: 'Refund ID',
	name: 'refundId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 17',
	description: 'The BigCommerce refund ID (refund_id of the Order Refund Created event). Each refund is reversed once. Leave empty for a cancellation.',
	displayOptions: { show: show('reverse') },
};

export const refundAmountIs: INodeProperties = {
	displayName: 'Refunded Amount Is',
	name: 'refundAmountIs',
	type: 'options',
	options: [
		{
			name: "Order's Refunded Total So Far",
			value: 'refundedTotal',
			description:
				"Everything refunded on the order up to now, all refunds together, e.g. BigCommerce's refunded_amount of the order. This refund is worked out as that total minus the refunds already taken into account for the order.",
		},
		{
			name: "This Refund's Amount",
			value: 'thisRefund',
			description: 'The amount of this one refund alone, e.g. from your payment provider or a refund read elsewhere',
		},
	],
	default: 'thisRefund',
	description:
		"What the Refunded Amount below stands for. BigCommerce's refund event carries only the refund ID and the order only its running refunded_amount: pick Order's Refunded Total So Far for it, so a second partial refund of the same order does not count the first one again.",
	hint: "For BigCommerce's Order Refund Created event: choose Order's Refunded Total So Far and give the refunded_amount of the order read with BigCommerce → Order → Get",
	displayOptions: { show: { ...show('reverse'), reversalType: ['partial'] } },
};

export const refundAmount: INodeProperties = {
	displayName: 'Refunded Amount',
	name: 'refundAmount',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 25.0000',
	description:
		"In the order's currency, as BigCommerce reports it (with tax and shipping, like the order's total_inc_tax): this refund's amount, or the order's refunded total so far, as chosen in Refunded Amount Is. Points are taken back in proportion to the refunded share of the order's total, never more than the order earned.",
	displayOptions: { show: { ...show('reverse'), reversalType: ['partial'] } },
};

export const adjustPointsField: INodeProperties = {
	displayName: 'Points',
	name: 'points',
	type: 'number',
	required: true,
	default: 0,
	description: 'Points to add (positive) or take away (negative)',
	displayOptions: { show: show('adjust') },
};

export const adjustReason: INodeProperties = {
	displayName: 'Reason',
	name: 'reason',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Goodwill for a late delivery (ticket 5521)',
	description: 'Why the balance is changed by hand; kept with the ledger entry',
	displayOptions: { show: show('adjust') },
};

export const adjustmentId: INodeProperties = {
	displayName: 'Adjustment ID',
	name: 'adjustmentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. ticket-5521',
	description: 'Your unique ID for this change, e.g. a support ticket number. Running the node again with the same ID changes nothing.',
	displayOptions: { show: show('adjust') },
};

export const adjustOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	description: 'How the adjustment counts',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: show('adjust') },
	options: [
		{
			displayName: 'Allow Negative Balance',
			name: 'allowNegative',
			type: 'boolean',
			default: false,
			description: 'Whether taking points away may leave the available balance below 0',
		},
		{
			displayName: 'Counts Towards Tier',
			name: 'affectsTier',
			type: 'boolean',
			default: true,
			description: 'Whether the change also moves lifetime points, and so the tier (a correction of earned points should; a goodwill gift may not)',
		},
	],
};

const historyShow = show('history');
export const historyListFields = returnAllFields(historyShow, 'entries');

export const historyFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	description: 'Only entries that match the filters added',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: { show: historyShow },
	options: [
		{
			displayName: 'Kinds',
			name: 'kinds',
			type: 'multiOptions',
			options: [
				{ name: 'Adjustment', value: 'adjustment' },
				{ name: 'Bonus', value: 'bonus' },
				{ name: 'Expiry', value: 'expiry' },
				{ name: 'Purchase', value: 'purchase' },
				{ name: 'Redemption', value: 'redemption' },
				{ name: 'Reversal', value: 'reversal' },
			],
			default: [],
			description: 'Only entries of these kinds',
		},
	],
};

export const pointsDescription: INodeProperties[] = [
	pointsOperation,
	pointsStoreHash,
	pointsProgramByChannel,
	pointsProgram,
	pointsCustomerId,
	orderItem,
	reverseOrderItem,
	useMember,
	calculateGroup,
	firstPurchaseBonus,
	bonusAction,
	customAction,
	bonusReference,
	bonusDate,
	redeemPointsField,
	redemptionId,
	redeemOptions,
	reversalType,
	refundId,
	refundAmountIs,
	refundAmount,
	adjustPointsField,
	adjustReason,
	adjustmentId,
	adjustOptions,
	...historyListFields,
	historyFilters,
];
