/**
 * The emulated store's data, as the emulator keeps it. Money is integer cents and times are epoch
 * milliseconds; the views in `resources/` turn these into each API's JSON.
 */
import type { Cents } from '../core/money';

export interface CustomerGroup {
	id: number;
	name: string;
	is_default: boolean;
	is_group_for_guests: boolean;
	category_access: { type: 'all' | 'specific' | 'none'; categories?: number[] };
	dateCreated: number;
	dateModified: number;
}

export interface CustomerAddress {
	id: number;
	customer_id: number;
	first_name: string;
	last_name: string;
	company: string;
	address1: string;
	address2: string;
	city: string;
	state_or_province: string;
	postal_code: string;
	country_code: string;
	country: string;
	phone: string;
	address_type: 'residential' | 'commercial';
}

export interface CustomerAttributeDefinition {
	id: number;
	name: string;
	type: 'string' | 'number' | 'date';
	dateCreated: number;
	dateModified: number;
}

export interface CustomerAttributeValue {
	id: number;
	attribute_id: number;
	attribute_value: string;
	dateCreated: number;
	dateModified: number;
}

export interface Customer {
	id: number;
	email: string;
	first_name: string;
	last_name: string;
	company: string;
	phone: string;
	notes: string;
	tax_exempt_category: string;
	customer_group_id: number;
	registration_ip_address: string;
	dateCreated: number;
	dateModified: number;
	addresses: CustomerAddress[];
	attributes: CustomerAttributeValue[];
	storeCredit: Cents;
	accepts_product_review_abandoned_cart_emails: boolean;
	/** v2 `accepts_marketing` (newsletter opt-in), read-only in the API. */
	accepts_marketing: boolean;
	origin_channel_id: number;
	channel_ids: number[] | null;
	force_password_reset: boolean;
}

export interface Channel {
	id: number;
	name: string;
	type: 'storefront' | 'pos' | 'marketplace' | 'marketing';
	platform: string;
	status: 'active' | 'prelaunch' | 'inactive' | 'connected' | 'disconnected' | 'archived' | 'deleted' | 'terminated';
	is_listable_from_ui: boolean;
	is_visible: boolean;
	is_enabled: boolean;
	external_id: string;
	dateCreated: number;
	dateModified: number;
}

export interface ProductVariant {
	id: number;
	product_id: number;
	sku: string;
	sku_id: number;
	price: Cents | null;
	sale_price: Cents | null;
	retail_price: Cents | null;
	cost_price: Cents | null;
	weight: number | null;
	inventory_level: number;
	image_url: string;
	upc: string;
	mpn: string;
	gtin: string;
	purchasing_disabled: boolean;
	option_values: { id: number; label: string; option_id: number; option_display_name: string }[];
}

export interface ProductImage {
	id: number;
	product_id: number;
	is_thumbnail: boolean;
	sort_order: number;
	description: string;
	image_url: string;
	dateModified: number;
}

export interface ProductCustomField {
	id: number;
	name: string;
	value: string;
}

export interface Product {
	id: number;
	name: string;
	type: 'physical' | 'digital';
	sku: string;
	description: string;
	price: Cents;
	cost_price: Cents;
	retail_price: Cents;
	sale_price: Cents;
	weight: number;
	categories: number[];
	brand_id: number;
	/** Brand name, as v2 order products show it. */
	brand: string;
	inventory_level: number;
	inventory_tracking: 'none' | 'product' | 'variant';
	is_visible: boolean;
	is_featured: boolean;
	availability: 'available' | 'disabled' | 'preorder';
	total_sold: number;
	custom_url: string;
	channels: number[];
	variants: ProductVariant[];
	images: ProductImage[];
	custom_fields: ProductCustomField[];
	dateCreated: number;
	dateModified: number;
}

export interface OrderAddress {
	first_name: string;
	last_name: string;
	company: string;
	street_1: string;
	street_2: string;
	city: string;
	state: string;
	zip: string;
	country: string;
	country_iso2: string;
	phone: string;
	email: string;
}

export interface OrderLine {
	id: number;
	product_id: number;
	variant_id: number;
	name: string;
	sku: string;
	type: 'physical' | 'digital';
	brand: string;
	quantity: number;
	basePrice: Cents;
	priceExTax: Cents;
	priceIncTax: Cents;
	quantity_shipped: number;
	quantity_refunded: number;
	refunded: Cents;
	options: { display_name: string; display_value: string }[];
}

export interface OrderCoupon {
	id: number;
	coupon_id: number;
	code: string;
	/** The coupon's own figure: 10 for 10 % or for $10, as v2 shows it. */
	amount: number;
	/** 0 per item, 1 percentage, 2 per total, 3 shipping, 4 free shipping, 5 promotion. */
	type: 0 | 1 | 2 | 3 | 4 | 5;
	discount: Cents;
}

export interface Shipment {
	id: number;
	order_id: number;
	customer_id: number;
	order_address_id: number;
	dateCreated: number;
	tracking_number: string;
	shipping_method: string;
	shipping_provider: string;
	tracking_carrier: string;
	tracking_link: string;
	comments: string;
	merchantShippingCost: Cents;
	items: { order_product_id: number; product_id: number; quantity: number }[];
}

export interface Refund {
	id: number;
	order_id: number;
	reason: string;
	amount: Cents;
	/** Line-level refunds: order product id and quantity; empty for an order-level amount. */
	items: { order_product_id: number; quantity: number; amount: Cents }[];
	dateCreated: number;
}

export interface Order {
	id: number;
	customer_id: number;
	channel_id: number;
	cart_id: string;
	status_id: number;
	dateCreated: number;
	dateModified: number;
	dateShipped: number | null;
	billing_address: OrderAddress;
	shipping_address: OrderAddress;
	/** Id of the order's single shipping address (v2 `order_address_id`). */
	shippingAddressId: number;
	products: OrderLine[];
	coupons: OrderCoupon[];
	shipments: Shipment[];
	refunds: Refund[];
	shippingExTax: Cents;
	shippingIncTax: Cents;
	/** Non-coupon discounts (manual discounts, automatic promotions). */
	otherDiscount: Cents;
	payment_method: string;
	currency_code: string;
	staff_notes: string;
	customer_message: string;
	customer_locale: string;
	order_source: string;
	external_source: string | null;
	ip_address: string;
	is_email_opt_in: boolean;
	is_deleted: boolean;
}

export interface CartLine {
	id: string;
	product_id: number;
	variant_id: number;
	sku: string;
	name: string;
	/** Product path on the storefront, e.g. /mug/ (the view prefixes the storefront URL). */
	url: string;
	image_url: string;
	quantity: number;
	listPrice: Cents;
	salePrice: Cents;
	originalPrice: Cents;
	/** Which `line_items` list the line belongs to. */
	kind: 'physical' | 'digital' | 'custom';
}

export interface Cart {
	id: string;
	customer_id: number;
	channel_id: number;
	email: string;
	currency: string;
	locale: string;
	lines: CartLine[];
	version: number;
	/** Token of the abandoned-cart webhook payload and of `/v3/abandoned-carts/{token}`. */
	abandonToken: string;
	/** Token used in the cart's redirect URLs. */
	redirectToken: string;
	state: 'active' | 'converted' | 'deleted';
	orderId: number | null;
	dateCreated: number;
	dateModified: number;
	/** Timeline task that fires store/cart/abandoned after the idle time. */
	abandonTask?: number;
}

export interface CouponCode {
	id: number;
	code: string;
	current_uses: number;
	max_uses: number;
	max_uses_per_customer: number;
	created: number;
}

/** A promotion is stored as the JSON the API accepted, plus the fields BigCommerce manages. */
export interface Promotion {
	id: number;
	redemption_type: 'AUTOMATIC' | 'COUPON';
	body: Record<string, unknown>;
	current_uses: number;
	codes: CouponCode[];
	dateCreated: number;
}

export interface Hook {
	id: number;
	client_id: string;
	scope: string;
	destination: string;
	headers: Record<string, string> | null;
	is_active: boolean;
	created_at: number;
	updated_at: number;
}
