import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { couponCodeSchema, promotionSchema, type BigCommerceClient } from '../../../core/bigcommerce';
import { idList, readDate, readId } from '../../shared/parameters';
import type { OperationMap, OperationResult } from '../../shared/types';
import { couponCodeProblem, generateCouponCode } from './code';

interface CouponOptions {
	codePrefix?: string;
	expiresAt?: string;
	minimumPurchase?: number;
	promotionName?: string;
	channelIds?: string;
}

/** Single use: the code can be redeemed once in all, by one customer. */
const SINGLE_USE = { max_uses: 1, max_uses_per_customer: 1 };

function fail(context: IExecuteFunctions, itemIndex: number, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
}

function readCode(context: IExecuteFunctions, itemIndex: number, options: CouponOptions): string {
	const given = String(context.getNodeParameter('code', itemIndex, '') ?? '').trim();
	const code = given || generateCouponCode(String(options.codePrefix ?? '').trim());
	const problem = couponCodeProblem(code);
	if (problem) fail(context, itemIndex, `The coupon code "${code}" ${problem}.`, given ? 'Change the Code field.' : 'Shorten the Code Prefix or remove characters BigCommerce does not allow from it.');
	return code;
}

/** Money as BigCommerce's promotion API writes it: a decimal string. */
const money = (amount: number) => amount.toFixed(2);

function discountRule(context: IExecuteFunctions, itemIndex: number, options: CouponOptions): { rule: IDataObject; type: string; amount: number; minimum: number } {
	const type = context.getNodeParameter('discountType', itemIndex) as 'percentage' | 'fixed';
	const amount = Number(context.getNodeParameter('discountAmount', itemIndex));
	if (!(amount > 0)) fail(context, itemIndex, 'The discount must be more than 0.');
	if (type === 'percentage' && amount > 100) fail(context, itemIndex, `A percentage discount cannot be more than 100; it is ${amount}.`);
	const discount = type === 'percentage' ? { percentage_amount: String(amount) } : { fixed_amount: money(amount) };
	const rule: IDataObject = { action: { cart_value: { discount } } };
	const minimum = Number(options.minimumPurchase ?? 0);
	if (minimum > 0) rule.condition = { cart: { minimum_spend: money(minimum) } };
	return { rule, type, amount, minimum };
}

function expiry(context: IExecuteFunctions, itemIndex: number, options: CouponOptions): string | undefined {
	if (!options.expiresAt) return undefined;
	const date = readDate(context, options.expiresAt, itemIndex, 'Expires At');
	if (date.getTime() <= Date.now()) fail(context, itemIndex, `Expires At (${date.toISOString()}) is in the past, so the code could never be used.`);
	return date.toISOString();
}

async function createWithPromotion(context: IExecuteFunctions, client: BigCommerceClient, itemIndex: number, options: CouponOptions): Promise<IDataObject> {
	const code = readCode(context, itemIndex, options);
	const { rule, type, amount, minimum } = discountRule(context, itemIndex, options);
	const endDate = expiry(context, itemIndex, options);
	const label = type === 'percentage' ? `${amount}% off` : `${money(amount)} off`;
	const channels = idList(context, options.channelIds, itemIndex, 'Channel IDs').map((id) => ({ id }));
	const body: IDataObject = {
		name: String(options.promotionName ?? '').trim() || `Tajo: ${label} (${code})`,
		redemption_type: 'COUPON',
		coupon_type: 'SINGLE',
		status: 'ENABLED',
		rules: [rule],
		...SINGLE_USE,
		// One request creates the promotion with its code, so a failure leaves no promotion without a code.
		codes: { code, ...SINGLE_USE },
	};
	if (endDate) body.end_date = endDate;
	if (channels.length) body.channels = channels;
	const promotion = await client.v3('POST', '/promotions', promotionSchema, { body });
	const saved = couponCodeSchema.safeParse(promotion.codes);
	return {
		code: saved.success ? saved.data.code : code,
		code_id: saved.success ? saved.data.id : null,
		promotion_id: promotion.id,
		promotion_name: promotion.name,
		discount_type: type,
		discount_amount: amount,
		minimum_purchase: minimum > 0 ? minimum : null,
		expires_at: endDate ?? null,
		max_uses: 1,
	};
}

async function addToPromotion(context: IExecuteFunctions, client: BigCommerceClient, itemIndex: number, options: CouponOptions): Promise<IDataObject> {
	const promotionId = readId(context, 'promotionId', itemIndex, 'Promotion ID');
	const code = readCode(context, itemIndex, options);
	const saved = await client.v3('POST', `/promotions/${promotionId}/codes`, couponCodeSchema, { body: { code, ...SINGLE_USE } });
	return { code: saved.code, code_id: saved.id, promotion_id: promotionId, max_uses: 1 };
}

async function create(this: IExecuteFunctions, client: BigCommerceClient, itemIndex: number): Promise<OperationResult> {
	const options = this.getNodeParameter('options', itemIndex, {}) as CouponOptions;
	const mode = this.getNodeParameter('promotion', itemIndex, 'new') as 'new' | 'existing';
	return [mode === 'existing' ? await addToPromotion(this, client, itemIndex, options) : await createWithPromotion(this, client, itemIndex, options)];
}

export const couponCodeOperations: OperationMap = { create };
