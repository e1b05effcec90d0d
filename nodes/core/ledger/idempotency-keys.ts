/**
 * The ledger's idempotency keys as DESIGN §5 names them. Each names one business event, so a
 * repeat of that event — a duplicate webhook, a retried execution, another worker — hits the
 * database's unique constraint instead of writing twice.
 */
export const ledgerKeys = {
	orderPurchase: (storeHash: string, orderId: string | number) => `${storeHash}:order:${orderId}:purchase`,
	orderRefund: (storeHash: string, orderId: string | number, refundId: string | number) => `${storeHash}:order:${orderId}:refund:${refundId}`,
	orderCancellation: (storeHash: string, orderId: string | number) => `${storeHash}:order:${orderId}:cancel`,
	/**
	 * A bonus, once per member of a program and per `naturalId`: nothing (once per member), a
	 * review id, a referred customer, a year. A customer is a member of each program of the store
	 * they belong to, and each program gives its own bonuses: the program is in the key.
	 */
	bonus: (storeHash: string, programId: string, customerId: number, action: string, naturalId?: string | number) =>
		`${storeHash}:program:${programId}:customer:${customerId}:bonus:${action}${naturalId === undefined ? '' : `:${naturalId}`}`,
	/**
	 * The bonus key as versions before the program was in it wrote it. Never written any more: a
	 * bonus write gives it as its `formerKey`, so that a bonus given under it in the same program
	 * counts as given (see AwardBonusInput.formerKey).
	 */
	formerBonus: (storeHash: string, customerId: number, action: string, naturalId?: string | number) =>
		`${storeHash}:customer:${customerId}:bonus:${action}${naturalId === undefined ? '' : `:${naturalId}`}`,
	redemption: (storeHash: string, customerId: number, requestId: string) => `${storeHash}:customer:${customerId}:redeem:${requestId}`,
	adjustment: (storeHash: string, customerId: number, requestId: string) => `${storeHash}:customer:${customerId}:adjust:${requestId}`,
};
