import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ORDER_STATUS, ORDER_STATUSES, orderStatusId, orderStatusName } from '../../../../nodes/core/bigcommerce';

const specsDir = process.env.BIGCOMMERCE_SPECS_DIR ?? resolve(__dirname, '../../../../../shared/specs/bigcommerce');
const ordersSpec = join(specsDir, 'current/reference/orders.v2.oas2.yml');

describe('order statuses', () => {
	it('names ids 0–14 as BigCommerce does', () => {
		expect(ORDER_STATUSES.map((s) => s.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
		expect(orderStatusName(10)).toBe('Completed');
		expect(orderStatusName(2)).toBe('Shipped');
		expect(orderStatusName(4)).toBe('Refunded');
		expect(orderStatusName(5)).toBe('Cancelled');
		expect(orderStatusName(14)).toBe('Partially Refunded');
		expect(orderStatusName(15)).toBeUndefined();
	});

	it('finds ids by name, forgiving case and spacing', () => {
		expect(orderStatusId('awaiting  fulfillment')).toBe(11);
		expect(orderStatusId('Manual Verification Required')).toBe(ORDER_STATUS.ManualVerificationRequired);
		expect(orderStatusId('Shipped ')).toBe(ORDER_STATUS.Shipped);
		expect(orderStatusId('Lost')).toBeUndefined();
	});

	// Checked against the table in BigCommerce's spec when the shared specs folder is present.
	(existsSync(ordersSpec) ? it : it.skip)(`matches the "Order Status Descriptions" table of ${ordersSpec}`, () => {
		const spec = readFileSync(ordersSpec, 'utf8');
		const table = spec.slice(spec.indexOf("'/order_statuses':"), spec.indexOf("'/order_statuses/{status_id}':"));
		const rows = [...table.matchAll(/^\s*\| (\d+) \|\s*([^|]+?)\s*\|/gm)].map((m) => ({ id: Number(m[1]), name: m[2] }));
		expect(rows).toEqual(ORDER_STATUSES.map((s) => ({ id: s.id, name: s.name })));
	});
});
