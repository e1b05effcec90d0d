import { sampleOrder, type Exchange } from './exchange';

const product = {
	id: '111',
	name: 'Orbit Terrarium - Large',
	url: 'https://shop.example/orbit',
	imageUrl: 'https://cdn.example/orbit.jpg',
	sku: 'OTL',
	price: 109,
	categories: ['23'],
	parentId: '110',
	metaInfo: { material: 'glass', weightKg: 2.5 },
	// 2026 fields (SDK v6), absent from the 2025 mirror.
	brand: 'Orbit',
	description: 'A large glass terrarium',
	stock: 12,
};

/** Catalog (products, categories), orders and account. */
export const ECOMMERCE_EXCHANGES: Exchange[] = [
	{ name: 'create a category', method: 'POST', path: '/categories', body: { id: '23', name: 'Plants', url: 'https://shop.example/plants' }, status: 201 },
	{ name: 'update a category', method: 'POST', path: '/categories', body: { id: '23', name: 'Plants & more', updateEnabled: true }, status: 204 },
	{ name: 'duplicate category', method: 'POST', path: '/categories', body: { id: '23', name: 'Plants' }, status: 400 },
	{ name: 'categories in batch', method: 'POST', path: '/categories/batch', body: { categories: [{ id: '24', name: 'Pots' }, { id: '23', name: 'Greens' }], updateEnabled: true }, status: 201 },
	{ name: 'list categories', method: 'GET', path: '/categories?limit=50&offset=0', status: 200 },
	{ name: 'read a category', method: 'GET', path: '/categories/23', status: 200 },
	{ name: 'read a missing category', method: 'GET', path: '/categories/99', status: 404 },

	{ name: 'create a product', method: 'POST', path: '/products', body: product, status: 201 },
	{ name: 'update a product', method: 'POST', path: '/products', body: { id: '111', name: 'Orbit Terrarium - L', updateEnabled: true }, status: 204 },
	{ name: 'duplicate product', method: 'POST', path: '/products', body: product, status: 400 },
	{ name: 'products in batch', method: 'POST', path: '/products/batch', body: { products: [{ id: '112', name: 'Pot' }, { ...product, price: 99 }], updateEnabled: true }, status: 201 },
	{ name: 'list products', method: 'GET', path: '/products?limit=50&offset=0&price%5Bgte%5D=10', status: 200 },
	{ name: 'read a product', method: 'GET', path: '/products/111', status: 200 },
	{ name: 'read a product without image', method: 'GET', path: '/products/112', status: 200 },
	{ name: 'read a missing product', method: 'GET', path: '/products/nope', status: 404 },

	{ name: 'order status', method: 'POST', path: '/orders/status', body: sampleOrder('100', 'completed'), status: 204 },
	{ name: 'order without products', method: 'POST', path: '/orders/status', body: { ...sampleOrder('101', 'x'), products: undefined }, status: 400 },
	{ name: 'orders in batch', method: 'POST', path: '/orders/status/batch', body: { orders: [sampleOrder('102', 'shipped'), sampleOrder('103', 'processing')], historical: true }, status: 202 },
	{ name: 'orders batch without orders', method: 'POST', path: '/orders/status/batch', body: { orders: [] }, status: 400 },
	// The 2025 mirror gives GET /orders an example but no schema: compared with the 2026 example.
	// Its example's types are loose (numeric productId/phone/postCode where the order model says
	// string), it shows fields the emulator does not invent (top-level email, quantityFloat), and
	// it lacks identifiers.email_id and metaInfo, which the order model has.
	{
		name: 'list orders',
		method: 'GET',
		path: '/orders?limit=50&offset=0',
		status: 200,
		against: 'wiremock',
		ignore: ['/orders/*/email', '/orders/*/metaInfo', '/orders/*/identifiers/email_id', '/orders/*/billing/phone', '/orders/*/billing/postCode', '/orders/*/products/*/productId', '/orders/*/products/*/quantityFloat'],
	},

	{ name: 'account', method: 'GET', path: '/account', status: 200 },
	{ name: 'account with a wrong key', method: 'GET', path: '/account', status: 401, apiKey: 'xkeysib-wrong', against: 'error-shape' },
];
