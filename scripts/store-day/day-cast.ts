// Who shops on the scripted store day and what they buy, from the sample store's catalog
// (sandbox/bigcommerce/seed): customer groups 1 Retail, 2 VIP, 3 Wholesale; channel 2 Wholesale;
// products 1 T-shirt (variants 1 S, 2 M, 3 L; 25.00), 2 mug (12.50), 3 espresso beans (on sale),
// 4 wholesale beans (249.00, channel 2 only), 6 tote bag (variant 9 black).
//
// A run tag makes every email, phone number and product name of one run its own, so the day can
// be played again against the same running demo: BigCommerce refuses a second customer with the
// same email, and Brevo a second contact with the same SMS number.
import type { OrderLine } from './bigcommerce-control';

export interface Shopper {
	firstName: string;
	lastName: string;
	email: string;
}

export interface Customer extends Shopper {
	groupId: number;
	/** Only numbers with a country code reach Brevo's SMS attribute. */
	phone?: string;
	company?: string;
	originChannelId?: number;
	channelIds?: number[];
}

export interface DayCast {
	tag: string;
	/** Retail, with a phone: her cart runs to the SMS. */
	rita: Customer;
	/** VIP (starts at Gold): his cart is bought after the first reminder. */
	victor: Customer;
	/** Wholesale company account of the Wholesale channel (2): volume bonus, reorder rate; unsubscribes. */
	walt: Customer;
	/** A guest who empties the cart after the first reminder. */
	ben: Shopper;
	lines: {
		ritaFirst: OrderLine[];
		ritaBig: OrderLine[];
		victorFirst: OrderLine[];
		waltVolume: OrderLine[];
		waltReorder: OrderLine[];
	};
	/** Partial refund of Rita's big order, in the store's currency. */
	ritaPartialRefund: string;
	carts: {
		victor: Array<{ product_id: number; variant_id?: number; quantity: number }>;
		ben: Array<{ product_id: number; variant_id?: number; quantity: number }>;
		walt: Array<{ product_id: number; variant_id?: number; quantity: number }>;
		rita: Array<{ product_id: number; variant_id?: number; quantity: number }>;
		/** Added to Rita's cart while its sequence runs. */
		ritaAddsLater: Array<{ product_id: number; variant_id?: number; quantity: number }>;
	};
	shipments: {
		victorFirst: { tracking_number: string; shipping_provider: string; tracking_carrier: string };
		ritaFirst: { tracking_number: string; shipping_provider: string; tracking_carrier: string };
	};
	catalog: {
		/** The mug's new price. */
		repricedProductId: number;
		newPrice: string;
		newProduct: { name: string; price: string; sku: string; inventory_level: number; custom_fields: Array<{ name: string; value: string }> };
	};
}

export const WHOLESALE_CHANNEL = 2;

/** The day's cast; `tag` ('' in tests) keeps one run's identities apart from another's. */
export function castFor(tag = ''): DayCast {
	if (!/^[a-z0-9]*$/.test(tag)) throw new Error(`a run tag is lower-case letters and digits, not "${tag}"`);
	const email = (name: string) => `${name}${tag ? `.${tag}` : ''}@example.com`;
	// Four digits of the tag, so two runs do not share Rita's number. Area code 737: no sample
	// customer has it (Brevo matches contacts by SMS number too: a shared one would merge them).
	const phoneDigits = tag ? String(Number.parseInt(tag, 36) % 10_000).padStart(4, '0') : '0100';
	return {
		tag,
		rita: { firstName: 'Rita', lastName: 'Retail', email: email('rita.retail'), groupId: 1, phone: `+1737555${phoneDigits}` },
		victor: { firstName: 'Victor', lastName: 'Vip', email: email('victor.vip'), groupId: 2 },
		walt: {
			firstName: 'Walt',
			lastName: 'Wholesale',
			email: email('walt.wholesale'),
			groupId: 3,
			company: 'Walt Coffee Roasters',
			originChannelId: WHOLESALE_CHANNEL,
			channelIds: [1, WHOLESALE_CHANNEL],
		},
		ben: { firstName: 'Ben', lastName: 'Guest', email: email('ben.guest') },
		lines: {
			// 2 T-shirts (M) and 2 mugs: 75.00.
			ritaFirst: [
				{ product_id: 1, variant_id: 2, quantity: 2 },
				{ product_id: 2, quantity: 2 },
			],
			// A team order of 28 T-shirts (S): 700.00, enough for Silver.
			ritaBig: [{ product_id: 1, variant_id: 1, quantity: 28 }],
			// 10 bags of espresso beans at their sale price.
			victorFirst: [{ product_id: 3, quantity: 10 }],
			// 45 wholesale sacks: 11 205.00, above the B2B volume threshold.
			waltVolume: [{ product_id: 4, quantity: 45 }],
			// 10 more sacks: 2 490.00, a reorder.
			waltReorder: [{ product_id: 4, quantity: 10 }],
		},
		ritaPartialRefund: '105.00',
		carts: {
			victor: [{ product_id: 2, quantity: 4 }],
			ben: [{ product_id: 3, quantity: 1 }],
			walt: [{ product_id: 2, quantity: 1 }],
			rita: [{ product_id: 1, variant_id: 3, quantity: 1 }],
			ritaAddsLater: [{ product_id: 6, variant_id: 9, quantity: 1 }],
		},
		shipments: {
			victorFirst: { tracking_number: '1Z999AA10000000001', shipping_provider: 'ups', tracking_carrier: 'ups' },
			ritaFirst: { tracking_number: '9400100000000000000001', shipping_provider: 'usps', tracking_carrier: 'usps' },
		},
		catalog: {
			repricedProductId: 2,
			newPrice: '13.50',
			newProduct: {
				name: `Travel Tumbler${tag ? ` ${tag}` : ''}`,
				price: '22.00',
				sku: `TUMBLER${tag ? `-${tag.toUpperCase()}` : ''}`,
				inventory_level: 30,
				custom_fields: [{ name: 'Capacity', value: '450 ml' }],
			},
		},
	};
}
