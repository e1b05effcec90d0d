/**
 * The ledger's idempotency keys as DESIGN §5 names them. Each names one business event, so a
 * repeat of that event — a duplicate webhook, a retried execution, another worker — hits the
 * database's unique constraint instead of writing twice.
 */
export const ledgerKeys = {
	orderPurchase: (storeHash: string, orderId: string | number) => `${storeHash}:order:${orderId}:purchase`,
	orderRefund: (storeHash: string, orderId: string | number, refundId: string | number) => `${storeHash}:order:${orderId}:refund:${refundId}`,
	orderCancellation: (storeHash: string, orderId: string | number) => `${storeHash}:order:${orderId}:cancel`,
	/** `naturalId`: what makes the bonus once-only — nothing (once per member), a review id, a referred customer, a year. */
	bonus: (storeHash: string, customerId: number, action: string, naturalId?: string | number) =>
		`${storeHash}:customer:${customerId}:bonus:${action}${naturalId === undefined ? '' : `:${naturalId}`}`,
	redemption: (storeHash: string, customerId: number, requestId: string) => `${storeHash}:customer:${customerId}:redeem:${requestId}`,
	adjustment: (storeHash: string, customerId: number, requestId: string) => `${storeHash}:customer:${customerId}:adjust:${requestId}`,
};
