import type { ApiRoutes } from '../http/apiRoutes';
import type { StoreContext } from '../store/StoreContext';
import { registerCartsV3Routes } from './carts/cartsV3Routes';
import { registerChannelsV3Routes } from './channels/channelsV3Routes';
import { registerCustomerGroupsV2Routes } from './customerGroups/customerGroupsV2Routes';
import { registerCustomersV2Routes } from './customers/customersV2Routes';
import { registerCustomersV3Routes } from './customers/customersV3Routes';
import { registerHooksV3Routes } from './hooks/hooksV3Routes';
import { registerOrdersV2Routes } from './orders/ordersV2Routes';
import { registerRefundsV3Routes } from './orders/refundsV3Routes';
import { registerProductsV3Routes } from './products/productsV3Routes';
import { registerPromotionsV3Routes } from './promotions/promotionsV3Routes';

/** Every emulated API route, below /stores/{hash}. */
export function registerAllApiRoutes(api: ApiRoutes, ctx: StoreContext, v2Base: () => string): void {
	registerCustomersV3Routes(api, ctx);
	registerCustomersV2Routes(api, ctx, v2Base);
	registerCustomerGroupsV2Routes(api, ctx);
	registerOrdersV2Routes(api, ctx, v2Base);
	registerRefundsV3Routes(api, ctx);
	registerCartsV3Routes(api, ctx);
	registerProductsV3Routes(api, ctx);
	registerChannelsV3Routes(api, ctx);
	registerPromotionsV3Routes(api, ctx);
	registerHooksV3Routes(api, ctx);
}
