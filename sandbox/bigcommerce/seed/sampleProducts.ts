import type { ProductCreateInput } from '../resources/products/productInput';

/**
 * Six products: one with size variants (variant ids 1–3), simple ones, a sale price, a wholesale-only
 * product (channel 2), a digital gift card, and one with colour variants (variant ids 8–9).
 */
export function sampleProducts(ago: (days: number) => string): ProductCreateInput[] {
	return [
		{
			name: 'Organic Cotton T-Shirt',
			sku: 'TSHIRT',
			price: '25.00',
			cost_price: '9.00',
			brand: 'Tajo Basics',
			brand_id: 1,
			categories: [18, 21],
			inventory_tracking: 'variant',
			description: '<p>Soft organic cotton tee.</p>',
			variants: ['S', 'M', 'L'].map((size) => ({ sku: `TSHIRT-${size}`, inventory_level: 40, option_values: [{ label: size, option_display_name: 'Size' }] })),
			images: [{ image_url: 'https://cdn11.bigcommerce.com/sample/tshirt-front.jpg', is_thumbnail: true }, { image_url: 'https://cdn11.bigcommerce.com/sample/tshirt-back.jpg' }],
			custom_fields: [
				{ name: 'Material', value: 'Organic cotton' },
				{ name: 'Made in', value: 'Portugal' },
			],
			channels: [1, 2, 3],
			date_created: ago(500),
		},
		{
			name: 'Ceramic Coffee Mug',
			sku: 'MUG',
			price: '12.50',
			brand: 'Tajo Home',
			brand_id: 2,
			categories: [23],
			inventory_level: 120,
			inventory_tracking: 'product',
			images: [{ image_url: 'https://cdn11.bigcommerce.com/sample/mug.jpg' }],
			custom_fields: [{ name: 'Capacity', value: '350 ml' }],
			channels: [1, 3],
			date_created: ago(480),
		},
		{
			name: 'Espresso Beans 1 kg',
			sku: 'BEANS-1KG',
			price: '34.90',
			sale_price: '29.90',
			brand: 'Tajo Coffee',
			brand_id: 3,
			categories: [24],
			inventory_level: 300,
			inventory_tracking: 'product',
			is_featured: true,
			channels: [1, 3],
			date_created: ago(300),
		},
		{
			name: 'Espresso Beans 10 kg (wholesale)',
			sku: 'BEANS-10KG',
			price: '249.00',
			brand: 'Tajo Coffee',
			brand_id: 3,
			categories: [24],
			inventory_level: 80,
			inventory_tracking: 'product',
			channels: [2],
			date_created: ago(300),
		},
		{ name: 'Gift Card $50', sku: 'GIFT-50', type: 'digital', price: '50.00', channels: [1], date_created: ago(365) },
		{
			name: 'Canvas Tote Bag',
			sku: 'TOTE',
			price: '18.00',
			brand: 'Tajo Basics',
			brand_id: 1,
			categories: [21],
			inventory_tracking: 'variant',
			variants: [
				{ sku: 'TOTE-NAT', inventory_level: 25, option_values: [{ label: 'Natural', option_display_name: 'Color' }] },
				{ sku: 'TOTE-BLK', price: '20.00', inventory_level: 10, option_values: [{ label: 'Black', option_display_name: 'Color' }] },
			],
			images: [{ image_url: 'https://cdn11.bigcommerce.com/sample/tote.jpg' }],
			channels: [1, 2, 3],
			date_created: ago(120),
		},
	];
}
