import { Sequence } from '../core/ids';
import type {
	Cart,
	Channel,
	Customer,
	CustomerAttributeDefinition,
	CustomerGroup,
	Hook,
	Order,
	Product,
	Promotion,
} from './types';

/** Everything one emulated store holds; `reset()` empties it back to a fresh store. */
export class StoreState {
	customers = new Map<number, Customer>();
	customerGroups = new Map<number, CustomerGroup>();
	customerAttributes = new Map<number, CustomerAttributeDefinition>();
	orders = new Map<number, Order>();
	carts = new Map<string, Cart>();
	products = new Map<number, Product>();
	channels = new Map<number, Channel>();
	promotions = new Map<number, Promotion>();
	hooks = new Map<number, Hook>();

	readonly ids = StoreState.freshSequences();

	private static freshSequences() {
		return {
			customer: new Sequence(),
			customerGroup: new Sequence(),
			customerAddress: new Sequence(),
			customerAttribute: new Sequence(),
			customerAttributeValue: new Sequence(),
			// BigCommerce's first order id in a new store is 100.
			order: new Sequence(100),
			orderProduct: new Sequence(),
			orderAddress: new Sequence(),
			orderCoupon: new Sequence(),
			shipment: new Sequence(),
			refund: new Sequence(),
			product: new Sequence(),
			variant: new Sequence(),
			image: new Sequence(),
			customField: new Sequence(),
			channel: new Sequence(),
			promotion: new Sequence(),
			couponCode: new Sequence(),
			hook: new Sequence(),
		};
	}

	constructor(private readonly now: () => number) {
		this.reset();
	}

	reset(): void {
		for (const map of [this.customers, this.customerGroups, this.customerAttributes, this.orders, this.carts, this.products, this.channels, this.promotions, this.hooks]) {
			map.clear();
		}
		Object.assign(this.ids, StoreState.freshSequences());
		// Every store has its default storefront channel, id 1.
		const id = this.ids.channel.take();
		this.channels.set(id, {
			id,
			name: 'Main Store',
			type: 'storefront',
			platform: 'bigcommerce',
			status: 'active',
			is_listable_from_ui: true,
			is_visible: true,
			is_enabled: true,
			external_id: '',
			dateCreated: this.now(),
			dateModified: this.now(),
		});
	}

	/** Active carts only: converted and deleted carts answer 404 like BigCommerce's. */
	activeCart(id: string): Cart | undefined {
		const cart = this.carts.get(id);
		return cart && cart.state === 'active' ? cart : undefined;
	}

	/** Orders that are not archived. */
	visibleOrder(id: number): Order | undefined {
		const order = this.orders.get(id);
		return order && !order.is_deleted ? order : undefined;
	}
}
