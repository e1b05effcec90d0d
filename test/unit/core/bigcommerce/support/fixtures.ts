/**
 * Response bodies shaped like BigCommerce's (field names, types and nesting as in the reference
 * specs), with our own values. Extra fields are included on purpose: the schemas must pass them on.
 */

export function v3Customer(id: number, extra: Record<string, unknown> = {}) {
	return {
		id,
		email: `customer${id}@example.com`,
		first_name: 'Jane',
		last_name: `Doe ${id}`,
		company: '',
		phone: '+1 555 0100',
		registration_ip_address: '',
		notes: '',
		tax_exempt_category: '',
		customer_group_id: 2,
		date_modified: '2024-05-02T10:00:00Z',
		date_created: '2024-01-15T09:30:00Z',
		address_count: 1,
		attribute_count: 1,
		authentication: { force_password_reset: false },
		accepts_product_review_abandoned_cart_emails: true,
		origin_channel_id: 1,
		channel_ids: null,
		...extra,
	};
}

export const customerIncludes = {
	addresses: [
		{
			id: 7,
			customer_id: 1,
			first_name: 'Jane',
			last_name: 'Doe',
			company: '',
			address1: '1 Main St',
			address2: '',
			city: 'Austin',
			state_or_province: 'Texas',
			postal_code: '78701',
			country_code: 'US',
			country: 'United States',
			phone: '',
			address_type: 'residential',
		},
	],
	attributes: [{ id: 3, attribute_id: 2, attribute_value: 'Yes', customer_id: 1, date_created: '2024-01-15T09:30:00Z', date_modified: '2024-01-15T09:30:00Z' }],
	store_credit_amounts: [{ amount: 43.15 }],
};

export function v3Page<T>(data: T[], page: number, perPage: number, total: number) {
	const totalPages = Math.ceil(total / perPage);
	return {
		data,
		meta: {
			pagination: {
				total,
				count: data.length,
				per_page: perPage,
				current_page: page,
				total_pages: totalPages,
				links: {
					...(page > 1 ? { previous: `?page=${page - 1}&limit=${perPage}` } : {}),
					current: `?page=${page}&limit=${perPage}`,
					...(page < totalPages ? { next: `?page=${page + 1}&limit=${perPage}` } : {}),
				},
			},
		},
	};
}

export function v2CustomerGroup(id: number) {
	return {
		id,
		name: id === 2 ? 'VIP' : `Group ${id}`,
		is_default: false,
		category_access: { type: 'all' },
		discount_rules: [{ type: 'all', method: 'percent', amount: '5.0000' }],
		is_group_for_guests: false,
		date_created: 'Tue, 02 Jan 2024 10:00:00 +0000',
		date_modified: 'Tue, 02 Jan 2024 10:00:00 +0000',
	};
}

export function v2Order(id: number, extra: Record<string, unknown> = {}) {
	return {
		id,
		customer_id: 11,
		channel_id: 1,
		status_id: 10,
		status: 'Completed',
		cart_id: 'a1b2c3d4-0000-4000-8000-000000000001',
		date_created: 'Thu, 02 May 2024 10:00:00 +0000',
		date_modified: 'Fri, 03 May 2024 08:00:00 +0000',
		date_shipped: '',
		subtotal_ex_tax: '69.8400',
		subtotal_inc_tax: '75.4300',
		subtotal_tax: '5.5900',
		total_ex_tax: '79.8400',
		total_inc_tax: '85.4300',
		total_tax: '5.5900',
		shipping_cost_ex_tax: '10.0000',
		shipping_cost_inc_tax: '10.0000',
		discount_amount: '0.0000',
		coupon_discount: '7.7600',
		refunded_amount: '0.0000',
		store_credit_amount: '0.0000',
		gift_certificate_amount: '0.0000',
		currency_code: 'USD',
		default_currency_code: 'USD',
		currency_exchange_rate: '1.0000000000',
		payment_method: 'Credit Card',
		payment_status: 'captured',
		items_total: 2,
		items_shipped: 0,
		is_deleted: false,
		is_email_opt_in: true,
		customer_message: '',
		staff_notes: '',
		order_source: 'www',
		external_source: null,
		customer_locale: 'en',
		billing_address: {
			first_name: 'Jane',
			last_name: 'Doe',
			company: '',
			street_1: '1 Main St',
			street_2: '',
			city: 'Austin',
			state: 'Texas',
			zip: '78701',
			country: 'United States',
			country_iso2: 'US',
			phone: '',
			email: 'jane@example.com',
			form_fields: [],
		},
		products: { url: `https://api.bigcommerce.com/stores/abc123/v2/orders/${id}/products`, resource: `/orders/${id}/products` },
		shipping_addresses: { url: `https://api.bigcommerce.com/stores/abc123/v2/orders/${id}/shipping_addresses`, resource: `/orders/${id}/shipping_addresses` },
		coupons: { url: `https://api.bigcommerce.com/stores/abc123/v2/orders/${id}/coupons`, resource: `/orders/${id}/coupons` },
		...extra,
	};
}

export function v2OrderProduct(id: number, orderId: number) {
	return {
		id,
		order_id: orderId,
		product_id: 77,
		variant_id: 501,
		order_address_id: 12,
		name: 'Orbit Terrarium - Large',
		sku: 'OTL-1',
		type: 'physical',
		brand: 'Common Good',
		quantity: 2,
		base_price: '34.9200',
		price_ex_tax: '34.9200',
		price_inc_tax: '37.7150',
		base_total: '69.8400',
		total_ex_tax: '69.8400',
		total_inc_tax: '75.4300',
		is_refunded: false,
		quantity_refunded: 0,
		refund_amount: '0.0000',
		quantity_shipped: 0,
		applied_discounts: [{ id: 'coupon', amount: '7.7600', name: 'SAVE10', code: 'SAVE10', target: 'order' }],
		product_options: [],
		configurable_fields: [],
	};
}

export function v2Shipment(id: number, orderId: number) {
	return {
		id,
		order_id: orderId,
		customer_id: 11,
		order_address_id: 12,
		date_created: 'Fri, 03 May 2024 08:00:00 +0000',
		tracking_number: '1Z999AA10123456784',
		shipping_method: 'Ground',
		shipping_provider: 'ups',
		tracking_carrier: 'ups',
		tracking_link: '',
		generated_tracking_link: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
		comments: '',
		billing_address: {},
		shipping_address: {},
		items: [{ order_product_id: 1, product_id: 77, quantity: 2 }],
	};
}

export function v2OrderCoupon(id: number, orderId: number) {
	return { id, coupon_id: 4, order_id: orderId, code: 'SAVE10', amount: 10, type: 1, discount: 7.76 };
}

export function v3Cart(id: string, withRedirects = false) {
	return {
		id,
		customer_id: 11,
		channel_id: 1,
		email: 'jane@example.com',
		currency: { code: 'USD' },
		tax_included: false,
		base_amount: 69.84,
		discount_amount: 0,
		manual_discount_amount: 0,
		cart_amount: 69.84,
		coupons: [],
		discounts: [],
		line_items: {
			physical_items: [
				{
					id: 'f1f3a531-fbcf-439b-bac1-40d5ae5c2bff',
					parent_id: null,
					variant_id: 501,
					product_id: 77,
					sku: 'OTL-1',
					name: 'Orbit Terrarium - Large',
					url: 'https://store.example.com/orbit-terrarium-large/',
					quantity: 2,
					taxable: true,
					image_url: 'https://cdn.example.com/orbit.jpg',
					discounts: [],
					coupons: [],
					discount_amount: 0,
					coupon_amount: 0,
					original_price: 34.92,
					list_price: 34.92,
					sale_price: 34.92,
					extended_list_price: 69.84,
					extended_sale_price: 69.84,
					is_require_shipping: true,
					is_mutable: true,
				},
			],
			digital_items: [],
			gift_certificates: [],
			custom_items: [],
		},
		created_time: '2024-05-02T10:00:00+00:00',
		updated_time: '2024-05-02T10:05:00+00:00',
		locale: 'en',
		version: 3,
		...(withRedirects
			? {
					redirect_urls: {
						cart_url: `https://store.example.com/cart.php?action=load&id=${id}&token=t0k`,
						checkout_url: `https://store.example.com/cart.php?action=loadInCheckout&id=${id}&token=t0k`,
						embedded_checkout_url: `https://store.example.com/cart.php?embedded=1&action=loadInCheckout&id=${id}&token=t0k`,
					},
				}
			: {}),
	};
}

export function v3Product(id: number, withIncludes = false) {
	return {
		id,
		name: 'Orbit Terrarium - Large',
		type: 'physical',
		sku: 'OTL',
		description: '<p>A terrarium.</p>',
		weight: 1,
		price: 34.92,
		cost_price: 10,
		retail_price: 0,
		sale_price: 0,
		calculated_price: 34.92,
		categories: [23, 21],
		brand_id: 36,
		inventory_level: 12,
		inventory_tracking: 'product',
		is_visible: true,
		availability: 'available',
		total_sold: 9,
		custom_url: { url: '/orbit-terrarium-large/', is_customized: false },
		date_created: '2024-01-01T00:00:00+00:00',
		date_modified: '2024-04-01T00:00:00+00:00',
		...(withIncludes
			? {
					variants: [
						{
							id: 501,
							product_id: id,
							sku: 'OTL-1',
							sku_id: 9,
							price: null,
							sale_price: null,
							retail_price: null,
							calculated_price: 34.92,
							inventory_level: 12,
							image_url: '',
							purchasing_disabled: false,
							option_values: [{ id: 10, label: 'Large', option_id: 3, option_display_name: 'Size' }],
						},
					],
					images: [
						{
							id: 372,
							product_id: id,
							is_thumbnail: true,
							sort_order: 0,
							description: '',
							image_url: 'https://cdn.example.com/orbit.jpg',
							url_zoom: 'https://cdn.example.com/zoom/orbit.jpg',
							url_standard: 'https://cdn.example.com/std/orbit.jpg',
							url_thumbnail: 'https://cdn.example.com/thumb/orbit.jpg',
							url_tiny: 'https://cdn.example.com/tiny/orbit.jpg',
							date_modified: '2024-04-01T00:00:00+00:00',
						},
					],
					custom_fields: [{ id: 6, name: 'Material', value: 'Glass' }],
				}
			: {}),
	};
}

export function v3Channel(id: number) {
	return {
		id,
		name: id === 1 ? 'Default storefront' : `Storefront ${id}`,
		type: 'storefront',
		platform: 'bigcommerce',
		status: 'active',
		is_enabled: true,
		is_visible: true,
		is_listable_from_ui: true,
		external_id: '',
		icon_url: 'https://cdn.example.com/icon.svg',
		date_created: '2024-01-01T00:00:00Z',
		date_modified: '2024-01-01T00:00:00Z',
	};
}

export function v3Promotion(id: number) {
	return {
		id,
		redemption_type: 'COUPON',
		name: 'Cart recovery 10%',
		display_name: '10% off your cart',
		channels: [{ id: 1 }],
		customer: { group_ids: [], minimum_order_count: 0, excluded_group_ids: [] },
		rules: [{ action: { cart_value: { discount: { percentage_amount: '10' } } }, apply_once: true, stop: false }],
		current_uses: 0,
		max_uses: 1,
		status: 'ENABLED',
		start_date: '2024-05-01T00:00:00+00:00',
		end_date: null,
		stop: false,
		can_be_used_with_other_promotions: false,
		currency_code: 'USD',
		notifications: [],
		coupon_type: 'SINGLE',
		created_from: 'api',
	};
}

export function v3CouponCode(id: number, code = `CODE${id}`) {
	return { id, code, current_uses: 0, max_uses: 1, max_uses_per_customer: 1, created: '2024-05-01T10:00:00+00:00' };
}

export function v3Hook(id: number) {
	return {
		id,
		client_id: 'm9r6keqmo7h7f23btnpwernbez1kglkl',
		store_hash: 'abc123',
		created_at: 1714644000,
		updated_at: 1714644000,
		scope: 'store/order/statusUpdated',
		destination: 'https://n8n.example.com/webhook/abc/bigcommerce',
		is_active: true,
		headers: { 'x-tajo-secret': 'redacted' },
	};
}
