import type { IDataObject } from 'n8n-workflow';

export const STORE = 'tajoteststore';

/** A BigCommerce v3 customer as the BigCommerce node outputs it. */
export function bigCommerceCustomer(id: number, overrides: IDataObject = {}): IDataObject {
	return {
		id,
		email: `Customer${id}@Example.com`,
		first_name: 'Ada',
		last_name: 'Lovelace',
		company: '',
		phone: '+14155550100',
		customer_group_id: 2,
		date_created: '2025-01-05T10:00:00Z',
		date_modified: '2025-01-06T10:00:00Z',
		origin_channel_id: 1,
		channel_ids: [1],
		accepts_product_review_abandoned_cart_emails: true,
		...overrides,
	};
}

/** A BigCommerce v2 order as the BigCommerce node outputs it (money as 4-decimal strings). */
export function bigCommerceOrder(id: number, customerId: number, subtotal: string, overrides: IDataObject = {}): IDataObject {
	return {
		id,
		customer_id: customerId,
		channel_id: 1,
		status_id: 10,
		status: 'Completed',
		cart_id: `cart-for-${id}`,
		date_created: 'Tue, 04 Mar 2025 12:00:00 +0000',
		date_modified: 'Tue, 04 Mar 2025 12:30:00 +0000',
		subtotal_ex_tax: subtotal,
		subtotal_inc_tax: subtotal,
		total_ex_tax: subtotal,
		total_inc_tax: subtotal,
		shipping_cost_ex_tax: '0.0000',
		shipping_cost_inc_tax: '0.0000',
		discount_amount: '0.0000',
		coupon_discount: '0.0000',
		currency_code: 'USD',
		default_currency_code: 'USD',
		billing_address: { first_name: 'Ada', last_name: 'Lovelace', email: `customer${customerId}@example.com` },
		...overrides,
	};
}

/** A BigCommerce v3 cart as BigCommerce → Cart → Get outputs it. */
export function bigCommerceCart(id: string, overrides: IDataObject = {}): IDataObject {
	return {
		exists: true,
		cart_id: id,
		checkout_url: `https://store.example.com/checkout?cart=${id}`,
		cart_url: `https://store.example.com/cart.php?id=${id}`,
		id,
		customer_id: 7,
		channel_id: 1,
		email: 'shopper@example.com',
		currency: { code: 'USD' },
		base_amount: 59.98,
		discount_amount: 0,
		cart_amount: 59.98,
		line_items: {
			physical_items: [
				{ id: 'li-1', product_id: 111, variant_id: 222, name: 'Blue Mug', quantity: 2, list_price: 29.99, sale_price: 29.99, extended_sale_price: 59.98, image_url: 'https://cdn.example.com/mug.jpg' },
			],
			digital_items: [],
		},
		created_time: '2025-03-04T10:00:00+00:00',
		updated_time: '2025-03-04T10:05:00+00:00',
		...overrides,
	};
}
